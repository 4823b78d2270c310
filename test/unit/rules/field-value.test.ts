import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/field-value.md');
const options = { template: 'gsoc-2022' };

test('field-value: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['field-value'], options);
});

test('field-value: fixes to the nearest choice when it is clear', async () => {
  const fixed = await expectFixesSettle(fixture, ['field-value'], options);
  assert.ok(fixed.includes('- Expected project size: 350 Hours\n- Difficulty: Medium\n'));
  assert.ok(fixed.includes('- Expected project size: 175 or 350\n- Difficulty: Medium/Hard\n'));
});

test('field-value: the 2024 size choices accept the word alone or with its hours', async () => {
  const idea = (size: string) =>
    `#### A\n\n##### Idea\n\n- Description: d\n- Expected Outcome: o\n- Recommended Skills: Go\n- Expected project size: ${size}\n- Mentor(s):\n  - Jane Doe (@jane, jane@x.org)\n  - John Roe (@john, john@x.org)\n- Upstream Issue (URL): https://github.com/a/b/issues/1\n`;
  const values = async (size: string) =>
    (await lintText(idea(size), { template: 'cncf-2024' })).findings.filter((f) => f.rule === 'field-value');
  assert.deepEqual(await values('medium'), []);
  assert.deepEqual(await values('Large (~350 hour projects)'), []);
  const wrong = await values('350 hours');
  assert.equal(wrong.length, 1);
  assert.deepEqual(wrong[0]!.fix?.edits.map((e) => e.newText), ['large (~350 hour projects)']);
});
