import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import { outOfOrder } from '../../../server/src/engine/rules/field-order';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/field-order.md');
const options = { template: 'cncf-2019' };

test('field-order: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['field-order'], options);
});

test('field-order: fixes settle; whole items move, unknown fields travel with the field before them', async () => {
  const fixed = await expectFixesSettle(fixture, ['field-order'], options);
  assert.ok(
    fixed.includes(
      '#### Issue written too early\n\n-\tDescription: Add a dry-run mode to the CLI.\n-\tRecommended Skills: Go\n-\tMentor(s): Jane Doe (@jane-doe)\n-\tIssue: https://github.com/alpha/alpha/issues/1\n',
    ),
  );
  assert.ok(
    fixed.includes(
      '-\tDescription: Add metrics to every controller and\n  document them in the user guide.\n\n-\tDifficulty: Medium\n-\tRecommended Skills: Go, Prometheus\n-\tMentor(s): Jane Doe (@jane-doe)\n-\tIssue: https://github.com/alpha/alpha/issues/2\n',
    ),
  );
  // Prose between the fields: not touched.
  assert.ok(fixed.includes('-\tIssue: https://github.com/alpha/alpha/issues/3\n\nSome words between the fields.\n'));
});

test('field-order: the fix keeps every byte (CRLF, tabs, emoji) and the last line without a break', async () => {
  const text = '### Alpha\r\n\r\n#### Idea 🚀\r\n\r\n-\tIssue: https://github.com/a/b/issues/1 🚀\r\n-\tDescription: d\t🚀\r\n-\tRecommended Skills: Go\r\n-\tMentor(s): Jane Doe (@jane)';
  const { findings, doc } = await lintText(text, options);
  const mine = findings.filter((f) => f.rule === 'field-order');
  assert.equal(mine.length, 1);
  assert.deepEqual(doc.lines.positionAt(mine[0]!.span.start), { line: 4, character: 2 });
  const fixed = applyFixes(text, automaticFixes(mine)).text;
  assert.equal(
    fixed,
    '### Alpha\r\n\r\n#### Idea 🚀\r\n\r\n-\tDescription: d\t🚀\r\n-\tRecommended Skills: Go\r\n-\tMentor(s): Jane Doe (@jane)\r\n-\tIssue: https://github.com/a/b/issues/1 🚀',
  );
});

test('field-order: the fields to move are those off the longest in-order run', () => {
  assert.deepEqual(outOfOrder([0, 3, 1, 2]), [1]);
  assert.deepEqual(outOfOrder([2, 0, 1, 3]), [0]);
  assert.deepEqual(outOfOrder([0, 1, 2, 3]), []);
  assert.deepEqual(outOfOrder([]), []);
});
