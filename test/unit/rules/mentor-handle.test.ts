import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/mentor-handle.md');

test('mentor-handle: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['mentor-handle'], { template: 'cncf-2019' });
});

test('mentor-handle: reports the handle itself, as an error', async () => {
  const { findings, text } = await lintText(
    '### OPA\n\n#### Policy linter\n\n- Description: x\n- Recommended Skills: Go\n- Mentor(s): Sagar Utekar (@named_uttu)\n- Issue: https://github.com/open-policy-agent/opa/issues/1\n',
    { template: 'cncf-2019' },
  );
  const mine = findings.filter((f) => f.rule === 'mentor-handle');
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.severity, 'error');
  assert.equal(text.slice(mine[0]!.span.start, mine[0]!.span.end), 'named_uttu');
});

test('mentor-handle: an underscore, a leading hyphen, a dot are refused; a Primary Mentor field and values below their labels are no finding', async () => {
  const shapes = join(import.meta.dirname, '../../fixtures/rules/mentor-handle-shapes.md');
  await expectFixture(shapes, ['mentor-handle', 'duplicate-field', 'empty-field', 'field-label', 'unknown-field', 'mentor-format'], { template: 'cncf-template-2024' });
});
