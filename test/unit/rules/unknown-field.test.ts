import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/unknown-field.md');
const options = { template: 'cncf-2019' };

test('unknown-field: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['unknown-field'], options);
});

test('unknown-field: fixes only the label a slip away from one template label', async () => {
  const fixed = await expectFixesSettle(fixture, ['unknown-field'], options);
  assert.ok(fixed.includes('-\tIssue: https://github.com/alpha/alpha/issues/2\n'));
  assert.ok(fixed.includes('-\tSlack channel: #alpha-dev\n'));
  assert.ok(fixed.includes('-\tDifficulty: Hard\n'));
});

test('unknown-field: a known field the template lacks is a note (info) without a fix', async () => {
  const { findings } = await lintText(
    '### A\n\n#### Idea\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\tMentor(s): J D (@jd)\n-\tIssue: https://github.com/a/b/issues/1\n-\tDifficulty: Hard\n',
    options,
  );
  const mine = findings.filter((f) => f.rule === 'unknown-field');
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.severity, 'info');
  assert.equal(mine[0]!.fix, undefined);
  assert.match(mine[0]!.message, /Difficulty/);
});
