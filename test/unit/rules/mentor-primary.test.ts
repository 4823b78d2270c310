import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/mentor-primary.md');
const options = { template: 'cncf-template-2024' };

test('mentor-primary: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['mentor-primary'], options);
});

test('mentor-primary: a file that never marks a primary mentor gets nothing', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(fixture, 'utf8').replace(/ - primary| \(primary\)|Primary: /g, '');
  const { findings } = await lintText(text, options);
  assert.deepEqual(findings.filter((f) => f.rule === 'mentor-primary'), []);
});
