import { join } from 'node:path';
import { test } from 'node:test';
import { expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/field-length.md');
const FORM = [
  'name: GSoC idea',
  'body:',
  '  - type: textarea',
  '    attributes:',
  '      label: Description',
  '      description: What the contributor builds. **(3 sentences maximum)**',
  '  - type: input',
  '    attributes:',
  '      label: Mentors',
  '      description: Names and handles, max 60 characters.',
  '',
].join('\n');
const options = { template: 'form.yml', files: { 'file:///fixtures/form.yml': FORM } };

test('field-length: fires exactly on the expected lines (limits stated by an issue form)', async () => {
  await expectFixture(fixture, ['field-length'], options);
});

test('field-length: no limit stated, nothing checked', async () => {
  await expectFixture(join(import.meta.dirname, '../../fixtures/rules/empty-field.md'), ['field-length']);
});
