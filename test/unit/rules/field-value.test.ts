import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/field-value.md');
const options = { template: 'gsoc-2022' };

test('field-value: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['field-value'], options);
});

test('field-value: a value that means one choice is left alone; one naming two has no fix', async () => {
  const fixed = await expectFixesSettle(fixture, ['field-value'], options);
  assert.ok(fixed.includes('- Expected project size: 350h\n- Difficulty: Meduim\n'));
  assert.ok(fixed.includes('- Expected project size: 175 or 350\n- Difficulty: Medium/Hard\n'));
});

test('field-value: the 2024 size choices accept the word alone, its hours alone, or both', async () => {
  const idea = (size: string) =>
    `#### A\n\n##### Idea\n\n- Description: d\n- Expected Outcome: o\n- Recommended Skills: Go\n- Expected project size: ${size}\n- Mentor(s):\n  - Jane Doe (@jane, jane@x.org)\n  - John Roe (@john, john@x.org)\n- Upstream Issue (URL): https://github.com/a/b/issues/1\n`;
  const values = async (size: string) =>
    (await lintText(idea(size), { template: 'cncf-2024' })).findings.filter((f) => f.rule === 'field-value');
  for (const one of ['medium', 'Large (~350 hour projects)', '350 hours', '175 hrs', '350h']) assert.deepEqual(await values(one), [], one);
  // `large` is 350 hours, and 175 is medium: two choices, and only the author knows which.
  const two = await values('large (~175 hour projects)');
  assert.equal(two.length, 1);
  assert.match(two[0]!.message, /names 2 choices/);
  assert.equal(two[0]!.fix, undefined);
  assert.equal((await values('Intermediate')).length, 1, 'no choice at all');
});
