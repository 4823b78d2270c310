import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { expectFixesSettle, expectFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/term-spelling.md');
const options = { template: 'cncf-2019' };

test('term-spelling: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['term-spelling'], options);
});

test('term-spelling: fixes write the name as the file spells it', async () => {
  const fixed = await expectFixesSettle(fixture, ['term-spelling'], options);
  assert.match(fixed, /so Kubernetes can restore/);
  assert.match(fixed, /A Prometheus server/);
  // code, URLs and links are untouched
  assert.match(fixed, /`Kuberntees`/);
  assert.match(fixed, /Kubrenetes inside a code block/);
});
