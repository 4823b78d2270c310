// One idea per file in YAML front matter (issue 12: Jekyll collections such as OpenAstronomy's
// `_projects/<year>/<org>/*.md` and HSF's `_gsocproposals/<year>/*.md`): the front matter found by
// remark's own extension, read by the `yaml` library, bounded, never throwing; a page whose front
// matter is its metadata keeps its ideas in its body. Spans exact with CRLF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, SectionCache } from '../../server/src/engine/parse/parse';
import { buildOutline } from '../../server/src/engine/features/outline';
import { assertParsesAlike } from '../fuzz/invariants';
import { expectFixture, lintText } from './rules/harness';

const dir = join(import.meta.dirname, '../fixtures/parse/front-matter');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const SONAR = read('_projects/2025/acme/sonar.md');
const brief = (r: Awaited<ReturnType<typeof lintText>>) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => `${r.doc.lines.positionAt(f.span.start).line + 1} ${f.rule} ${f.severity}`);

test('a front matter with idea keys is the file\'s one idea: its title, its keys the fields', () => {
  const doc = parseDocument(SONAR);
  assert.equal(doc.ideas.length, 1);
  const idea = doc.ideas[0]!;
  assert.equal(idea.syntax, 'front-matter');
  assert.equal(idea.title, 'Sonar toolkit');
  assert.equal(idea.project, null);
  assert.equal(SONAR.slice(idea.heading.textSpan.start, idea.heading.textSpan.end), 'Sonar toolkit');
  assert.deepEqual(idea.fields.map((f) => [f.key, f.label, f.value.replace(/\s+/g, ' ')]), [
    ['description', 'desc', 'Faster echo processing for the toolkit.'],
    ['skills', 'requirements', 'Python - "signal processing"'],
    ['difficulty', 'difficulty', 'medium'],
    ['issue', 'issues', 'https://github.com/acme/sonar/issues/41'],
    ['mentors', 'mentors', 'jane-roe - john-poe'],
    [null, 'initiatives', 'GSOC'],
    ['size', 'project_size', '175 h'],
  ]);
  assert.deepEqual(idea.mentors.map((m) => [m.form, m.handle]), [['handle', 'jane-roe'], ['handle', 'john-poe']], 'a list of bare handles');
  assert.deepEqual(idea.skills.map((s) => s.name), ['Python', 'signal processing'], 'a quoted item is read inside its quotes');
  assert.deepEqual(idea.issues.map((i) => i.number), [41]);
  assert.deepEqual(doc.headings.map((h) => h.text), ['Description', 'Milestones', 'Coding starts'], 'the body is markdown; the fences are no setext underline');
  assert.deepEqual(doc.frontMatter?.keys.map((k) => k.key), ['name', 'desc', 'requirements', 'difficulty', 'issues', 'mentors', 'initiatives', 'project_size']);
});

test('front matter spans are exact UTF-16 offsets, with CRLF line ends and emoji', () => {
  const text = SONAR.replace('Faster echo', 'Faster 🐟 echo').replace(/\n/g, '\r\n');
  const doc = parseDocument(text);
  const idea = doc.ideas[0]!;
  for (const f of idea.fields) {
    assert.equal(text.slice(f.labelSpan.start, f.labelSpan.end), f.label);
    assert.equal(text.slice(f.valueSpan.start, f.valueSpan.end), f.value);
    assert.ok(!/^\s|\s$/.test(f.value), `${f.label}: value trimmed`);
    for (const s of f.subItems) assert.equal(text.slice(s.span.start, s.span.end), s.text);
  }
  const desc = idea.fields[0]!;
  assert.deepEqual(doc.lines.positionAt(desc.valueSpan.start), { line: 2, character: 'desc: '.length });
  assert.equal(desc.value, 'Faster 🐟 echo processing for the toolkit.');
  for (const m of idea.mentors) assert.equal(text.slice(m.span.start, m.span.end), m.handle);
  const size = idea.fields.find((f) => f.key === 'size')!;
  assert.deepEqual(doc.lines.positionAt(size.valueSpan.start), { line: 16, character: 4 }, 'a one-item list of a one-value field is that value');
});

test('scalars of every YAML style: quoted with a colon inside, folded, flow lists, an empty key', () => {
  const doc = parseDocument(read('_projects/2025/acme/grid.md'));
  const idea = doc.ideas[0]!;
  assert.equal(idea.title, 'Grid reader: lazy');
  const byLabel = new Map(idea.fields.map((f) => [f.label, f]));
  assert.equal(byLabel.get('desc')!.value, 'Read gridded files lazily,\n  one tile at a time.', 'a folded block: its lines after the `>`');
  assert.deepEqual(idea.skills.map((s) => s.name), ['Python', 'xarray']);
  assert.equal(byLabel.get('issues')!.value, '', 'a key with no value is an empty field');
  assert.deepEqual(idea.mentors.map((m) => m.handle), ['ann-lee']);
});

test('HSF: a title and project_mentors written as mappings; mentor_avail is no mentors field', () => {
  const doc = parseDocument(read('_gsocproposals/2025/proposal_Acme-tracks.md'));
  const idea = doc.ideas[0]!;
  assert.equal(idea.title, 'Track fitting on GPUs');
  assert.deepEqual(idea.fields.filter((f) => f.key === 'mentors').map((f) => f.label), ['project_mentors']);
  assert.deepEqual(idea.mentors.map((m) => [m.name, m.email]), [['Jane Roe', 'jane@example.org'], ['John Poe', 'john@example.org']]);
  assert.equal(idea.fields.find((f) => f.label === 'duration')!.key, 'size');
});

test('a page whose front matter is metadata (layout, title, navbar) is no idea; its body\'s ideas are', async () => {
  const text = read('page.md');
  const doc = parseDocument(text);
  assert.deepEqual(doc.ideas.map((i) => i.title), ['Faster echoes']);
  assert.equal(doc.ideas[0]!.syntax, undefined);
  assert.deepEqual(doc.frontMatter?.keys.map((k) => k.key), ['layout', 'title', 'navbar']);
  assert.equal(doc.frontMatter?.idea, undefined);
  assert.ok(!doc.headings.some((h) => /layout/.test(h.text)), 'the front matter is no setext heading');
  // A title and a description alone are a page's metadata too.
  assert.equal(parseDocument('---\ntitle: About\ndescription: Who we are\n---\n\nText.\n').isIdeaFile, false);
  // A title and a description with one more idea field are an idea.
  assert.equal(parseDocument('---\ntitle: Faster echoes\ndescription: Read once\ndifficulty: hard\n---\n').ideas.length, 1);
  const r = await lintText(text);
  assert.ok(!r.findings.some((f) => f.rule === 'front-matter'));
});

test('front matter only at the very start, closed, as remark reads it', () => {
  assert.equal(parseDocument('\n---\nname: A\nmentors: [a]\n---\n').frontMatter, undefined, 'not on the second line');
  assert.equal(parseDocument('---\nname: A\nmentors: [a]\n').frontMatter, undefined, 'never closed: markdown');
  assert.equal(parseDocument('\ufeff---\nname: A\nmentors: [a]\n---\n').frontMatter, undefined, 'after a byte-order mark, as the engine reads it');
  assert.equal(parseDocument('--- x\nname: A\nmentors: [a]\n---\n').frontMatter, undefined, 'the opening fence is `---` alone');
  assert.equal(parseDocument('---\nname: A\nmentors: [a]\n---').ideas[0]?.title, 'A', 'closed at the end of the text');
  assert.equal(parseDocument('---\r\nname: A\r\nmentors: [a]\r\n---\r\n# Body\r\n').headings[0]?.text, 'Body');
});

test('broken, deep or hostile YAML is read bounded, never throws, and says so', async () => {
  await expectFixture(join(import.meta.dirname, '../fixtures/rules/front-matter.md'), ['front-matter']);
  const broken = await lintText(readFileSync(join(import.meta.dirname, '../fixtures/rules/front-matter.md'), 'utf8'));
  assert.deepEqual(broken.doc.ideas[0]!.fields.map((f) => f.label), ['desc', 'requirements', 'mentors'], 'the keys after the error are still read');
  const hostile = [
    `---\nname: A\nmentors: ${'['.repeat(20_000)}\n---\n`,
    `---\nname: A\nmentors:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')}\n---\n`,
    `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nname: Bomb\nmentors: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n`,
    `---\nname: "unclosed\nmentors: {a: [b\n---\n`,
    `---\n${'name: A\n'.repeat(5000)}mentors: [a]\n---\n`,
    `---\n\u0000\ud83d: \t\r\r\nname: A\rmentors: a\n---\n`,
  ];
  for (const text of hostile) {
    const r = await lintText(text);
    assert.ok(r.doc.frontMatter, 'read as front matter');
    assertParsesAlike(text);
  }
  const deep = parseDocument(hostile[0]!);
  assert.match(deep.frontMatter!.error!.message, /nests more than 64 levels/);
  const bomb = parseDocument(hostile[2]!);
  assert.equal(bomb.ideas[0]!.title, 'Bomb');
  assert.ok(bomb.ideas[0]!.fields.find((f) => f.key === 'mentors')!.value.length < 40, 'an alias is read as written, never expanded');
});

test('the sectional parse equals the whole-document parse, and edits around the front matter re-use what they can', () => {
  const cache = new SectionCache();
  let text = SONAR;
  assertParsesAlike(text, cache);
  // An edit in the body: the front matter's section is kept.
  text = text.replace('The toolkit reads', 'The toolkit still reads');
  assertParsesAlike(text, cache);
  // Breaking the closing fence makes it markdown; mending it makes it front matter again.
  text = text.replace('project_size:\n  - 175 h\n---', 'project_size:\n  - 175 h\n--');
  assert.equal(assertParsesAlike(text, cache).frontMatter, undefined);
  text = text.replace('  - 175 h\n--', '  - 175 h\n---');
  assert.equal(assertParsesAlike(text, cache).ideas[0]?.title, 'Sonar toolkit');
  // A closing fence typed further down, in a file whose front matter was never closed.
  let open = '---\nname: A\nmentors: [a]\n\n# Heading\n\n- Description: x\n- Mentor(s): @a\n\n## Another\n\ntext\n';
  const c2 = new SectionCache();
  assertParsesAlike(open, c2);
  open = open.replace('text\n', 'text\n---\n');
  assert.equal(assertParsesAlike(open, c2).ideas[0]?.title, 'A');
});

test('the convention of one front-matter file: its keys; the outline shows the idea at its title', async () => {
  const r = await lintText(SONAR, {}, 'file:///site/_projects/2025/acme/sonar.md');
  assert.equal(r.resolved.template.id, 'convention');
  assert.deepEqual(brief(r), []);
  const outline = buildOutline('file:///sonar.md', r.doc, r.resolved, r.findings);
  assert.deepEqual(outline.orphans?.map((i) => [i.title, i.line]), [['Sonar toolkit', 1]]);
});

test('completion in a front matter: the keys the idea lacks, handles under mentors, skills under requirements, choices', async () => {
  const { completionsAt } = await import('../../server/src/engine/features/completion');
  const { hoverAt } = await import('../../server/src/engine/features/hover');
  const { WorkspaceIndex } = await import('../../server/src/engine/workspace/workspace');
  const r = await lintText(SONAR, {}, 'file:///site/_projects/2025/acme/sonar.md');
  const workspace = new WorkspaceIndex();
  workspace.update('file:///site/_projects/2025/acme/mesh.md', parseDocument(read('_projects/2025/acme/mesh.md')));
  const at = (edit: (t: string) => string) => {
    const withCursor = edit(SONAR);
    const offset = withCursor.indexOf('|');
    const text = withCursor.replace('|', '');
    const doc = parseDocument(text);
    workspace.update('file:///site/_projects/2025/acme/sonar.md', doc);
    return { text, result: completionsAt({ uri: 'file:///site/_projects/2025/acme/sonar.md', doc, offset, template: r.resolved.template, workspace }) };
  };
  // A key removed, then typed again at the start of a line.
  const key = at((t) => t.replace('difficulty: medium\n', 'diff|\n'));
  assert.deepEqual(key.result.candidates.map((c) => [c.label, c.insertText]), [['difficulty', 'difficulty: ']]);
  assert.equal(key.text.slice(key.result.candidates[0]!.replace.start, key.result.candidates[0]!.replace.end), 'diff');
  const handle = at((t) => t.replace('  - john-poe\n', '  - john-poe\n  - b|\n'));
  assert.deepEqual(handle.result.candidates.map((c) => c.insertText), ['bo-chen'], 'a handle, as the list writes mentors');
  const skill = at((t) => t.replace('  - Python\n', '  - Python\n  - C|\n'));
  assert.deepEqual(skill.result.candidates.map((c) => c.insertText), ['C++']);
  assert.deepEqual(at((t) => t.replace('Description\n', 'Desc|ription\n')).result.candidates, [], 'the body is no front matter');
  // Hover on a key and on a mentor of the front matter.
  const hoverOn = (needle: string) => hoverAt({ doc: r.doc, offset: SONAR.indexOf(needle) + 1, resolved: r.resolved, workspace });
  assert.match(hoverOn('requirements:')!.markdown, /\*\*requirements\*\* — required field/);
  assert.equal(SONAR.slice(hoverOn('requirements:')!.span.start, hoverOn('requirements:')!.span.end), 'requirements');
  assert.match(hoverOn('john-poe')!.markdown, /GitHub: \[@john-poe\]/);
  assert.match(hoverOn('initiatives:')!.markdown, /\*\*initiatives\*\* — required field/, 'a key no label means is the convention\'s field by its label');
});

test('a folder of front-matter files is one list: the keys its other files share are the template', async () => {
  const folder = 'file:///site/_projects/2025/acme';
  const files: Record<string, string> = {};
  for (const name of ['sonar.md', 'grid.md', 'mesh.md']) files[`${folder}/${name}`] = read(`_projects/2025/acme/${name}`);
  files[`${folder}/README.md`] = '# Acme projects\n\nOne file per idea.\n';
  const fresh = ['---', 'name: Station survey', 'desc: Survey the stations.', 'mentors:', '  - ann-lee', 'initiatives: [GSOC]', '---', '', 'Text.', ''].join('\n');
  const r = await lintText(fresh, { files }, `${folder}/survey.md`);
  assert.equal(r.resolved.source.kind, 'sibling');
  assert.match(r.resolved.source.reason, /3 other front-matter files of acme\//);
  assert.deepEqual(r.resolved.template.fields.filter((f) => f.required).map((f) => f.label), ['desc', 'requirements', 'difficulty', 'issues', 'mentors', 'project_size']);
  // What the siblings all have and this file lacks: a warning each, at the title (no line to insert it on).
  assert.deepEqual(brief(r), ['2 missing-field warning', '2 missing-field warning', '2 missing-field warning', '2 missing-field warning']);
  const missing = r.findings.filter((f) => f.rule === 'missing-field');
  assert.ok(missing.every((f) => !f.fix), 'no fix: front matter has no line order the fix could follow');
  assert.ok(!r.findings.some((f) => f.rule === 'unknown-field'), '`initiatives`, which one sibling has, is no unknown field');
  // A sibling that already follows the folder: nothing.
  const sonar = await lintText(files[`${folder}/sonar.md`]!, { files }, `${folder}/sonar.md`);
  assert.equal(sonar.resolved.source.kind, 'sibling');
  assert.deepEqual(brief(sonar), []);
  // One sibling is too few to make a convention: the file's own keys.
  const alone = await lintText(fresh, { files: { [`${folder}/sonar.md`]: files[`${folder}/sonar.md`]! } }, `${folder}/survey.md`);
  assert.equal(alone.resolved.source.kind, 'preset');
  assert.deepEqual(brief(alone), []);
});
