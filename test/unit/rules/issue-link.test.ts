import { test } from 'node:test';
import { join } from 'node:path';
import { expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/issue-link.md');

test('issue-link: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['issue-link'], { template: 'cncf-2019' });
});
