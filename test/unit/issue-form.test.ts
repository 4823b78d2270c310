// A GitHub issue form as the template (issue 12): named in .soc-ideas.json, or found in the
// repository's .github/ISSUE_TEMPLATE. Labels are fields, `required` says which are required,
// dropdown options are the choices, placeholders placeholder text, descriptions the hover text, a
// stated limit a check. A form that is no form: a clear note, the next source, no throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { limitOf, looksLikeIdeaForm, templateFromIssueForm } from '../../server/src/engine/template/issueForm';
import { measure } from '../../server/src/engine/rules/field-length';
import { hoverAt } from '../../server/src/engine/features/hover';
import { completionsAt } from '../../server/src/engine/features/completion';
import { outlineTemplate } from '../../server/src/engine/features/outline';
import { singleDocumentVocabulary } from '../../server/src/engine/workspace/workspace';
import { expectationsOf, lintText } from './rules/harness';

const dir = join(import.meta.dirname, '../fixtures/templates/issue-forms');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const FORM = read('gsoc-idea.yml');
const IDEAS = read('ideas.md');
const REPO = 'file:///repo';
const IDEAS_URI = `${REPO}/ideas/2025.md`;
const brief = (r: Awaited<ReturnType<typeof lintText>>, rules?: readonly string[]) =>
  r.findings.filter((f) => f.severity !== 'info' && (!rules || rules.includes(f.rule))).map((f) => `${r.doc.lines.positionAt(f.span.start).line + 1} ${f.rule}${f.rule === 'placeholder' ? '' : ` ${f.severity}`}`);

test('an issue form read as a template: fields, required, choices, placeholders, hints, limits', () => {
  const read = templateFromIssueForm(FORM, `${REPO}/.github/ISSUE_TEMPLATE/gsoc-idea.yml`);
  assert.ok('template' in read);
  const t = read.template;
  assert.equal(t.name, "issue form 'GSoC project idea'");
  assert.deepEqual(t.fields.map((f) => [f.key, f.label, f.required]), [
    ['description', 'Description', true],
    ['skills', 'Recommended Skills', true],
    ['size', 'Expected size', true],
    ['difficulty', 'Difficulty', false],
    ['mentors', 'Mentors', true],
  ]);
  assert.deepEqual(t.fields[2]!.choices, ['90 hours', '175 hours', '350 hours']);
  assert.deepEqual(t.fields[0]!.placeholders, ['Describe the project in a few sentences.']);
  assert.equal(t.fields[1]!.hint, 'Languages and tools, comma separated.');
  assert.deepEqual(t.fields[0]!.limit, { count: 3, unit: 'sentences' });
  assert.deepEqual(t.fields[4]!.limit, { count: 200, unit: 'characters' });
  assert.ok(looksLikeIdeaForm(FORM, 'gsoc-idea.yml'));
  assert.ok(!looksLikeIdeaForm('name: Bug report\ndescription: File a bug\nbody: []\n', 'bug.yml'));
});

test('limits are read only where the description states them unambiguously', () => {
  assert.deepEqual(limitOf('Brief summary **(5 sentences maximum)**'), { count: 5, unit: 'sentences' });
  assert.deepEqual(limitOf('max 300 characters'), { count: 300, unit: 'characters' });
  assert.deepEqual(limitOf('No more than fifty words, please: up to 50 words'), { count: 50, unit: 'words' });
  assert.deepEqual(limitOf('at most three sentences'), { count: 3, unit: 'sentences' });
  assert.equal(limitOf('It is recommended to keep it short.'), undefined);
  assert.equal(limitOf('max 300 characters, or 500 characters max for large ones'), undefined, 'two limits: none');
  assert.equal(limitOf('up to 5 sentences or 300 characters'), undefined, 'two units: none');
  assert.equal(measure('One. Two! Three? Four', 'sentences'), 4);
  assert.equal(measure('Use e.g. Python 3.12.', 'sentences'), 1);
  assert.equal(measure('a  b\n c', 'words'), 3);
  assert.equal(measure('🐟 fish', 'characters'), 6);
});

test('named in .soc-ideas.json, the form is the template in force: rules fire where they must and nowhere else', async () => {
  const files = { [`${REPO}/.soc-ideas.json`]: JSON.stringify({ template: '.github/ISSUE_TEMPLATE/gsoc-idea.yml' }), [`${REPO}/.github/ISSUE_TEMPLATE/gsoc-idea.yml`]: FORM };
  const r = await lintText(IDEAS, { files }, IDEAS_URI);
  assert.equal(r.resolved.source.kind, 'form');
  assert.match(r.resolved.source.reason, /GitHub issue form '\.github\/ISSUE_TEMPLATE\/gsoc-idea\.yml' named in \.soc-ideas\.json/);
  assert.equal(r.resolved.template.guessed, undefined, 'named: checked as stated');
  assert.deepEqual(brief(r, ['field-length', 'placeholder', 'field-value']).sort(), expectationsOf(IDEAS).sort());
  // `Large (350 hours)` means one choice; `Hard` is none of Novice, Intermediate, Expert.
  assert.ok(!r.findings.some((f) => f.rule === 'missing-field' && r.doc.lines.positionAt(f.span.start).line + 1 === 19), 'Difficulty is optional in the form');
  // The tree and the status bar say which form is in force.
  assert.deepEqual(outlineTemplate(r.resolved), {
    id: `form:${REPO}/.github/ISSUE_TEMPLATE/gsoc-idea.yml`,
    name: "issue form 'GSoC project idea'",
    source: 'form',
    uri: `${REPO}/.github/ISSUE_TEMPLATE/gsoc-idea.yml`,
    reason: r.resolved.source.reason,
  });
  // The description is the hover text of a label; the dropdown's options are offered after it.
  const workspace = singleDocumentVocabulary(IDEAS_URI, r.doc);
  const hover = hoverAt({ doc: r.doc, offset: IDEAS.indexOf('Recommended Skills') + 2, resolved: r.resolved, workspace })!;
  assert.match(hover.markdown, /Languages and tools\\, comma separated/);
  const typed = IDEAS.indexOf('- Expected size: 175') + '- Expected size: 1'.length;
  const text = IDEAS.slice(0, typed) + IDEAS.slice(IDEAS.indexOf('\n', typed));
  const { parseDocument } = await import('../../server/src/engine/parse/parse');
  const offered = completionsAt({ doc: parseDocument(text), offset: typed, template: r.resolved.template, workspace });
  assert.deepEqual(offered.candidates.map((c) => c.label), ['175 hours']);
});

test('found in the repository, the form is in force where the file writes its fields, as a guess', async () => {
  const files = { [`${REPO}/.github/ISSUE_TEMPLATE/gsoc-idea.yml`]: FORM, [`${REPO}/.github/ISSUE_TEMPLATE/bug.yml`]: 'name: Bug\nbody:\n  - type: input\n    attributes:\n      label: What broke\n' };
  const r = await lintText(IDEAS, { files }, IDEAS_URI);
  assert.equal(r.resolved.source.kind, 'form');
  assert.match(r.resolved.source.reason, /repository's GitHub issue form for project ideas \(\.github\/ISSUE_TEMPLATE\/gsoc-idea\.yml\)/);
  assert.equal(r.resolved.template.guessed, true);
  assert.ok(r.findings.every((f) => f.severity !== 'error'), 'a found form raises no errors');
  // A list that writes other fields (a table of links to the form's issues): its own convention.
  const table = '# Ideas\n\n| Project | Description | Hours |\n|---|---|---|\n| Reader | Read once. | 90 or 350 hours |\n| Grid | Tiles. | 175 hours |\n';
  const other = await lintText(table, { files }, IDEAS_URI);
  assert.equal(other.resolved.template.id, 'convention');
  assert.deepEqual(brief(other), []);
});

test('a form with broken YAML, an unknown field type or no body: a clear note, the next source, no throw', async () => {
  const cases: Array<[string, RegExp]> = [
    ['broken.yml', /template '\.github\/ISSUE_TEMPLATE\/form\.yml' is not valid YAML \(line 3: .+\) \(\.soc-ideas\.json\)/],
    ['unknown-type.yml', /is no issue form GitHub accepts \(body item 2 has the unknown type 'slider'; types are input, textarea, dropdown, checkboxes, markdown\)/],
    ['no-body.yml', /is no issue form \(it has no `body` list of fields\)/],
  ];
  for (const [name, message] of cases) {
    const files = { [`${REPO}/.soc-ideas.json`]: JSON.stringify({ template: '.github/ISSUE_TEMPLATE/form.yml' }), [`${REPO}/.github/ISSUE_TEMPLATE/form.yml`]: read(name) };
    const r = await lintText(IDEAS, { files }, IDEAS_URI);
    assert.notEqual(r.resolved.source.kind, 'form', name);
    assert.equal(r.resolved.notes.length, 1, name);
    assert.match(r.resolved.notes[0]!, message);
    assert.match(r.resolved.notes[0]!, /; using /, 'the note says which template is used instead');
    // Found rather than named: the same note, and the next source.
    const found = await lintText(IDEAS, { files: { [`${REPO}/.github/ISSUE_TEMPLATE/gsoc-${name}`]: read(name) } }, IDEAS_URI);
    assert.notEqual(found.resolved.source.kind, 'form', name);
    assert.match(found.resolved.notes[0] ?? '', new RegExp(`the issue form \\.github/ISSUE_TEMPLATE/gsoc-${name.replace('.', '\\.')} `));
  }
  for (const hostile of ['name: x\nbody:\n' + '  - '.repeat(1) + '['.repeat(5000), 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nbody: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', '\u0000\ufffd', '']) {
    const result = templateFromIssueForm(hostile, 'file:///f.yml');
    assert.ok('problem' in result, JSON.stringify(hostile.slice(0, 30)));
  }
});

test('GitHub reads a markdown element the YAML library refuses (lines not indented past the key): skipped, the fields still read', () => {
  const lenient = ['name: GSoC Project Proposal', 'labels: ["project idea"]', 'body:', '  - type: markdown', '    attributes:', '      value: "|', '      **(Required)** Provide contact information."', '  - type: input', '    attributes:', '      label: Mentor Name(s)', '    validations:', '      required: true', ''].join('\n');
  const read = templateFromIssueForm(lenient, 'file:///f.yml');
  assert.ok('template' in read, JSON.stringify(read));
  assert.deepEqual(read.template.fields.map((f) => f.label), ['Mentor Name(s)']);
  const field = lenient.replace('type: input', 'type: inpt').replace('  - type: markdown', '  - type: input');
  assert.ok('problem' in templateFromIssueForm(field, 'file:///f.yml'), 'an unreadable field element is the form\'s error');
});
