import { test } from 'node:test';
import { join } from 'node:path';
import { expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/mentor-count.md');

test('mentor-count: fires exactly on the expected lines (2024: two mentors)', async () => {
  await expectFixture(fixture, ['mentor-count'], { template: 'cncf-2024' });
});

test('mentor-count: silent where the template asks for one mentor', async () => {
  await expectFixture(join(import.meta.dirname, '../../fixtures/rules/mentor-format.md'), ['mentor-count'], { template: 'cncf-2019' });
});
