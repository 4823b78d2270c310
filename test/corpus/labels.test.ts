// The admins' labels of real files (../shared/labels, not in the repo): the CLI scored by their own
// scorer, in the project root, must stay above issue 11's figures. Skipped, and says so, without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const labels = join(root, '../shared/labels');
const scorer = join(labels, 'score.mjs');
const built = join(root, 'dist/cli.js');

interface Score {
  readonly ideas: number;
  readonly ideasFound: number;
  readonly rightProject: number;
  readonly rightProjectOf: number;
  readonly precision: number;
  readonly recall: number;
  readonly infoPerIdea: number;
}

function score(...sets: string[]): Score {
  const out = execFileSync(process.execPath, [scorer, '--quiet', ...sets.map((s) => join(labels, s))], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const last = out.trimEnd().split('\n').pop()!;
  return JSON.parse(last) as Score;
}

test('CNCF GSoC and LFX labels: ideas found and placed, precision, recall, few notes', { timeout: 300_000 }, (t) => {
  if (!existsSync(scorer)) {
    t.skip('../shared/labels not present: skipping the scored labels');
    return;
  }
  assert.ok(existsSync(built), 'dist/cli.js is built (npm run build) before the corpus tests');
  const s = score('dev-cncf-gsoc', 'dev-cncf-lfx');
  t.diagnostic(JSON.stringify(s));
  assert.equal(s.ideasFound, s.ideas, `ideas found ${s.ideasFound}/${s.ideas}`);
  assert.ok(s.rightProject >= 0.98 * s.rightProjectOf, `right project ${s.rightProject}/${s.rightProjectOf}`);
  assert.ok(s.precision >= 0.95, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.9, `recall ${s.recall}`);
  assert.ok(s.infoPerIdea <= 0.3, `info per idea ${s.infoPerIdea}`);
});

test('Other organisations\' labels (issue 12): ideas in paragraph, emphasis and quote labels, judged by each file\'s own convention', { timeout: 300_000 }, (t) => {
  if (!existsSync(scorer)) {
    t.skip('../shared/labels not present: skipping the scored labels');
    return;
  }
  const s = score('dev-other');
  t.diagnostic(JSON.stringify(s));
  // The nine ideas of a table (IOOS) are not read yet: the other 27 are.
  assert.ok(s.ideasFound >= 27, `ideas found ${s.ideasFound}/${s.ideas}`);
  assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.8, `recall ${s.recall}`);
  assert.ok(s.infoPerIdea <= 0.3, `info per idea ${s.infoPerIdea}`);
});
