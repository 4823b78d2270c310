import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/field-label.md');
const options = { template: 'cncf-2019' };
const lf = readFileSync(fixture, 'utf8');

async function labels(text: string) {
  const result = await lintText(text, options);
  const mine = result.findings.filter((f) => f.rule === 'field-label');
  return { ...result, mine, at: mine.map((f) => [result.doc.lines.positionAt(f.span.start), result.doc.lines.positionAt(f.span.end)]) };
}

test('field-label: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['field-label'], options);
});

test('field-label: fixes settle and rewrite only the label', async () => {
  const fixed = await expectFixesSettle(fixture, ['field-label'], options);
  for (const line of [
    '-\tRecommended Skills: Go\n',
    '-\tMentor(s): Jane Doe (@jane-doe)\n',
    '-\tIssue: https://github.com/alpha/alpha/issues/1\n',
    '* Mentor(s): Jane Doe (@jane-doe)\n', // the star is list-marker's business
    '-\tDescription: Write a tutorial with **bold** words.\n',
    '-\tRecommended Skills: Markdown\n',
    '-\tMentor(s):\n    - Jane Doe (@jane-doe)\n',
    '-\t**Description: the whole line is bold**\n', // bold over the value: reported, not fixed
    '-\tDescription: The value may say **Mentors:** or Issue: freely.\n',
  ]) {
    assert.ok(fixed.includes(line), `fixed text holds ${JSON.stringify(line)}`);
  }
});

test('field-label: the finding spans the label only, after a tab', async () => {
  const { mine, at, text } = await labels(lf);
  assert.equal(text.slice(mine[0]!.span.start, mine[0]!.span.end), 'Recommend Skills');
  assert.deepEqual(at[0], [{ line: 7, character: 2 }, { line: 7, character: 18 }]);
});

test('field-label: CRLF gives the same lines and characters, and the fix keeps CRLF', async () => {
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = await labels(lf);
  const b = await labels(crlf);
  assert.deepEqual(b.at, a.at);
  const fixed = await lintText(crlf, options);
  assert.ok(fixed.findings.some((f) => f.rule === 'field-label' && f.fix?.edits.every((e) => !e.newText.includes('\n'))));
});

test('field-label: an emoji earlier in the file does not shift positions', async () => {
  const text = '### Alpha 🚀\n\n#### Idea 🚀 one\n\n-\tDescription: 🚀 rockets\n-\tRecommended Skills: Go\n-\tMentors: Jane Doe (@jane)\n-\tIssue: https://github.com/a/b/issues/1\n';
  const { mine, at } = await labels(text);
  assert.equal(mine.length, 1);
  assert.deepEqual(at[0], [{ line: 6, character: 2 }, { line: 6, character: 9 }]);
});
