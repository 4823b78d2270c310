import { test } from 'node:test';
import { join } from 'node:path';
import { expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/issue-project.md');

test('issue-project: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['issue-project'], { template: 'cncf-2019' });
});
