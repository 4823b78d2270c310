import { test } from 'node:test';
import { join } from 'node:path';
import { expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/duplicate-idea.md');
const options = { template: 'cncf-2019' };

test('duplicate-idea: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['duplicate-idea'], options);
});
