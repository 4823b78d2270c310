import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/list-marker.md');
const options = { template: 'cncf-2019' };
const lf = readFileSync(fixture, 'utf8');

async function markers(text: string) {
  const result = await lintText(text, options);
  const mine = result.findings.filter((f) => f.rule === 'list-marker');
  return { ...result, mine, at: mine.map((f) => [result.doc.lines.positionAt(f.span.start), result.doc.lines.positionAt(f.span.end)]) };
}

test('list-marker: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['list-marker'], options);
});

test('list-marker: fixes settle: template marker, the idea’s own gap', async () => {
  const fixed = await expectFixesSettle(fixture, ['list-marker'], options);
  // An all-star idea written with one space keeps its space; only the marker changes.
  assert.ok(fixed.includes('- Description: Add a dry-run mode to the CLI.\n- Recommended Skills: Go\n- Mentor(s): Jane Doe (@jane-doe)\n- Issue:'));
  // The odd one out in a tab idea gets the tab.
  assert.ok(fixed.includes('-\tRecommended Skills: Markdown\n-\tMentor(s): Jane Doe (@jane-doe)\n-\tIssue:'));
  // `+` in a three-space idea becomes `-` with three spaces.
  assert.ok(fixed.includes('-   Recommended Skills: Markdown\n-   Mentor(s): Jane Doe (@jane-doe)\n'));
  // Nested description bullets are untouched.
  assert.ok(fixed.includes('    * design the pages\n    * write them\n'));
});

test('list-marker: the finding spans the marker and its gap', async () => {
  const { mine, at, text } = await markers(lf);
  assert.equal(text.slice(mine[0]!.span.start, mine[0]!.span.end), '* ');
  assert.deepEqual(at[0], [{ line: 6, character: 0 }, { line: 6, character: 2 }]);
});

test('list-marker: CRLF gives the same lines and characters', async () => {
  const a = await markers(lf);
  const b = await markers(lf.replace(/\n/g, '\r\n'));
  assert.deepEqual(b.at, a.at);
  assert.deepEqual(
    b.mine.map((f) => f.fix?.edits.map((e) => e.newText)),
    a.mine.map((f) => f.fix?.edits.map((e) => e.newText)),
  );
});

test('list-marker: a tab gap is one character, an emoji before does not shift the marker', async () => {
  const text = '### Alpha 🚀\n\n#### Idea 🚀\n\n-\tDescription: 🚀\n*\tRecommended Skills: Go\n-\tMentor(s): Jane Doe (@jane)\n-\tIssue: https://github.com/a/b/issues/1\n';
  const { mine, at, text: t } = await markers(text);
  assert.equal(mine.length, 1);
  assert.equal(t.slice(mine[0]!.span.start, mine[0]!.span.end), '*\t');
  assert.deepEqual(at[0], [{ line: 5, character: 0 }, { line: 5, character: 2 }]);
  assert.deepEqual(mine[0]!.fix?.edits.map((e) => e.newText), ['-\t']);
});

test('list-marker: a multi-line item whose content column would move gets no fix', async () => {
  const text = '### Alpha\n\n#### Idea\n\n-\tDescription: one\n-\tRecommended Skills: Go\n- Mentor(s):\n  - Jane Doe (@jane)\n-\tIssue: https://github.com/a/b/issues/1\n';
  const { mine } = await markers(text);
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.fix, undefined);
});
