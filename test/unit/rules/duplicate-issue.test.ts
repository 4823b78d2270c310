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
  assert.equal(
    crossProject.message,
    '`linkerd/linkerd2#77` is also the upstream issue of "The same link twice in one idea" (line 17), in other projects of this file: link each idea\'s own issue (copied from another idea?).',
  );
  assert.equal(crossProject.related?.[0]?.range.start.line, 21);
  assert.equal(doc.text.slice(crossProject.span.start, crossProject.span.end), 'https://github.com/linkerd/linkerd2/issues/77');
});

test('duplicate-issue: one finding per shared issue, however many ideas share it', async () => {
  const three = readFileSync(fixture, 'utf8').replace('rkt/rkt/issues/77', 'linkerd/linkerd2/issues/77');
  const { findings } = await lintText(three, options);
  const mine = findings.filter((f) => f.rule === 'duplicate-issue');
  assert.equal(mine.length, 2);
  assert.match(mine[1]!.message, /\(line 17\) and 1 more idea, in other projects/);
  assert.equal(mine[1]!.related?.length, 2);
});

test('duplicate-issue: an idea file where every idea has its own issue gets nothing', async () => {
  let n = 0;
  const text = readFileSync(fixture, 'utf8').replace(/issues\/\d+/g, () => `issues/${1000 + n++}`);
  const { findings } = await lintText(text, options);
  assert.deepEqual(findings.filter((f) => f.rule === 'duplicate-issue'), []);
});

test('duplicate-issue: a copied idea (same title) is reported once, by duplicate-idea', async () => {
  const { findings, doc } = await lintText(readFileSync(fixture, 'utf8'), options);
  const copy = findings.filter((f) => doc.lines.positionAt(f.span.start).line + 1 >= 54 && /duplicate-i/.test(f.rule));
  assert.deepEqual(copy.map((f) => f.rule), ['duplicate-idea']);
});
