// The reference file of the corpus (not in the repo): the rules of this group fire exactly where the
// design says, and nothing but missing-field is an error there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from './harness';

const seed = join(import.meta.dirname, '../../../../shared/corpus/cncf-soc-README-2019-02-06.md');

const EXPECTED: Record<string, number[]> = {
  // Linked names and bare handles are the odd ones out in this file: a note (info) once per idea.
  'mentor-format': [218, 230, 240, 252, 262, 273, 298],
  'mentor-handle': [],
  'mentor-count': [],
  'issue-link': [124],
  'issue-project': [380],
  'term-spelling': [291, 295],
};

test('seed: mentor, issue and spelling rules fire where expected', async (t) => {
  if (!existsSync(seed)) {
    t.skip('corpus not present (../shared/corpus): skipping the seed check');
    return;
  }
  const { findings, doc } = await lintText(readFileSync(seed, 'utf8'));
  const linesOf = (rule: string) =>
    findings
      .filter((f) => f.rule === rule)
      .map((f) => doc.lines.positionAt(f.span.start).line + 1)
      .sort((a, b) => a - b);
  for (const [rule, lines] of Object.entries(EXPECTED)) assert.deepEqual(linesOf(rule), lines, rule);
  // skill-spelling: `golang` at 53 and `Golang.` at 372 at least; every other one is a real variant.
  const skills = linesOf('skill-spelling');
  assert.ok(skills.includes(53) && skills.includes(372), `skill-spelling at ${skills.join(', ')}`);
  for (const f of findings.filter((f) => f.rule === 'skill-spelling')) {
    assert.match(doc.text.slice(f.span.start, f.span.end), /^(golang|kubernetes|Golang\.)$/);
  }
  const errors = findings.filter((f) => f.severity === 'error').map((f) => `${doc.lines.positionAt(f.span.start).line + 1} ${f.rule}`);
  assert.deepEqual(errors, ['153 missing-field', '159 missing-field', '165 missing-field', '369 missing-field', '386 missing-field', '392 missing-field']);
});
