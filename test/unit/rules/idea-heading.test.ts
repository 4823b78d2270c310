import { test } from 'node:test';
import { join } from 'node:path';
import { expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/idea-heading.md');
const options = { template: 'cncf-2019' };

test('idea-heading: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['idea-heading'], options);
});
