import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/duplicate-issue.md');
const options = { template: 'cncf-2019' };

test('duplicate-issue: fires exactly on the expected lines, at the expected levels', async () => {
  await expectFixture(fixture, ['duplicate-issue'], options);
});

test('duplicate-issue: the finding names the earlier idea and points at its link', async () => {
  const { findings, doc } = await lintText(readFileSync(fixture, 'utf8'), options);
  const crossProject = findings.find((f) => f.rule === 'duplicate-issue' && f.severity === 'warning')!;
  assert.match(crossProject.message, /"Kafka introspection" \(line 3\) in Linkerd/);
  assert.equal(crossProject.related?.[0]?.range.start.line, 7);
  assert.equal(doc.text.slice(crossProject.span.start, crossProject.span.end), 'https://github.com/linkerd/linkerd2/issues/2214');
});

test('duplicate-issue: an idea file where every idea has its own issue gets nothing', async () => {
  let n = 0;
  const text = readFileSync(fixture, 'utf8').replace(/issues\/\d+/g, () => `issues/${1000 + n++}`);
  const { findings } = await lintText(text, options);
  assert.deepEqual(findings.filter((f) => f.rule === 'duplicate-issue'), []);
});
