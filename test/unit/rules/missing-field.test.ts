import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/missing-field.md');
const options = { template: 'cncf-2019' };
const lf = readFileSync(fixture, 'utf8');

async function missing(text: string) {
  const result = await lintText(text, options);
  return { ...result, mine: result.findings.filter((f) => f.rule === 'missing-field') };
}

test('missing-field: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['missing-field'], options);
});

test('missing-field: the finding spans the heading text', async () => {
  const { mine, doc, text } = await missing(lf);
  const first = mine[0]!;
  assert.equal(text.slice(first.span.start, first.span.end), 'Idea without an issue');
  assert.deepEqual(doc.lines.positionAt(first.span.start), { line: 13, character: 5 });
  assert.match(first.message, /"Issue"/);
});

test('missing-field: the fix is interactive, so fix-all never applies it', async () => {
  const { mine } = await missing(lf);
  assert.ok(mine.length > 0);
  for (const f of mine) assert.equal(f.fix?.interactive, true);
  assert.deepEqual(automaticFixes(mine), []);
});

test('missing-field: the fix inserts the field in template order, with the template bullet', async () => {
  const { mine, text } = await missing(lf);
  const byMessage = (label: string) => mine.find((f) => f.message.includes(`"${label}"`))!;
  const apply = (label: string) => applyFixes(text, [{ ...byMessage(label).fix!, interactive: false }]).text;

  // After the last field before it in the template (Mentor(s)).
  assert.ok(apply('Issue').includes('-\tMentor(s): Jane Doe (@jane-doe)\n-\tIssue: \n\n#### Idea without skills'));
  // After Description, the only earlier template field present.
  assert.ok(apply('Recommended Skills').includes('-\tDescription: Write a tutorial for new users.\n-\tRecommended Skills: \n-\tIssue:'));
  assert.ok(apply('Mentor(s)').includes('-\tDescription: Write a tutorial for new users.\n-\tMentor(s): \n-\tIssue:'));
});

test('missing-field: before the first later field when no earlier one is present', async () => {
  const text = '### Alpha\n\n#### No description\n\n- Recommended Skills: Go\n- Mentor(s): Jane Doe (@jane)\n- Issue: https://github.com/a/b/issues/1\n';
  const { mine } = await missing(text);
  assert.equal(mine.length, 1);
  const fixed = applyFixes(text, [{ ...mine[0]!.fix!, interactive: false }]).text;
  // The idea writes `- ` consistently, so the inserted line does too.
  assert.ok(fixed.includes('#### No description\n\n- Description: \n- Recommended Skills: Go'));
});

test('missing-field: at the end of a file without a final line break', async () => {
  const text = '### Alpha\n\n#### No issue\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\tMentor(s): Jane Doe (@jane)';
  const { mine } = await missing(text);
  const fixed = applyFixes(text, [{ ...mine[0]!.fix!, interactive: false }]).text;
  assert.equal(fixed, text + '\n-\tIssue: ');
});

test('missing-field: CRLF file: same lines and characters, inserted line ends with CRLF', async () => {
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = await missing(lf);
  const b = await missing(crlf);
  const positions = (r: typeof a) => r.mine.map((f) => [r.doc.lines.positionAt(f.span.start), r.doc.lines.positionAt(f.span.end)]);
  assert.deepEqual(positions(b), positions(a));
  const issue = b.mine.find((f) => f.message.includes('"Issue"'))!;
  const fixed = applyFixes(crlf, [{ ...issue.fix!, interactive: false }]).text;
  assert.ok(fixed.includes('-\tMentor(s): Jane Doe (@jane-doe)\r\n-\tIssue: \r\n\r\n'));
  assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
});

/** Three ideas written to an old template, checked against a newer one with `extra` more required fields. */
async function againstNewerTemplate(extra: number) {
  const labels = Array.from({ length: extra }, (_, i) => `New Field ${i + 1}`);
  const template = `### Template\n\n- Description: x\n- Mentor(s): x\n${labels.map((l) => `- ${l}: x\n`).join('')}`;
  const idea = (n: number) => `#### Idea ${n}\n\n- Description: d\n- Mentor(s): Jane Doe (@jane)\n\n`;
  const text = `### Alpha\n\n${idea(1)}${idea(2)}${idea(3)}`;
  const result = await lintText(text, { template: 'template.md', files: { 'file:///fixtures/template.md': template } });
  return result.findings.filter((f) => f.rule === 'missing-field');
}

test('missing-field: a few fields no idea has are one note each', async () => {
  const mine = await againstNewerTemplate(3);
  assert.deepEqual(mine.map((f) => [f.severity, f.message]), [1, 2, 3].map((n) => ['info', `3 of 3 ideas have no "New Field ${n}" field, which the template.md requires.`]));
});

test('missing-field: many fields no idea has are one note for the file, naming five', async () => {
  const mine = await againstNewerTemplate(3000);
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.severity, 'info');
  assert.match(mine[0]!.message, /^3,000 fields the .* requires are missing from most of the 3 ideas: "New Field 1" \(3\), "New Field 2" \(3\), "New Field 3" \(3\), "New Field 4" \(3\), "New Field 5" \(3\) and 2,995 more/);
});

test('missing-field: a template of 200,000 fields still gives its one note (the rule does not throw)', async () => {
  const mine = await againstNewerTemplate(200_000);
  assert.equal(mine.length, 1);
  assert.match(mine[0]!.message, /^200,000 fields the .* and 199,995 more/);
});

test('missing-field: a found form whose fields half the ideas lack is one note that says "some", not "most"', async () => {
  const extra = ['Alpha', 'Beta', 'Gamma', 'Delta'];
  const input = (label: string) => `  - type: input\n    attributes:\n      label: ${label}\n    validations:\n      required: true\n`;
  const form = `name: Project idea\ndescription: A project idea.\nbody:\n${['Description', 'Mentor(s)', ...extra].map(input).join('')}`;
  const idea = (n: number, full: boolean) =>
    `### Idea ${n}\n\n- Description: d\n- Mentor(s): Jane Doe (@jane)\n${full ? extra.map((l) => `- ${l}: x\n`).join('') : ''}\n`;
  const text = `## Alpha project\n\n${idea(1, true)}${idea(2, true)}${idea(3, false)}${idea(4, false)}`;
  const result = await lintText(text, { files: { 'file:///repo/.github/ISSUE_TEMPLATE/idea.yml': form } }, 'file:///repo/ideas/2025.md');
  assert.equal(result.resolved.source.kind, 'form');
  assert.equal(result.resolved.template.guessed, true);
  const mine = result.findings.filter((f) => f.rule === 'missing-field');
  assert.deepEqual(
    mine.map((f) => [f.severity, f.message]),
    [['info', `4 fields the ${result.resolved.template.name} requires are missing from some of the 4 ideas: "Alpha" (2), "Beta" (2), "Gamma" (2), "Delta" (2) (how many ideas lack each).`]],
  );
});
