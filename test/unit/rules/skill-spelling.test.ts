import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/engine/parse/parse';
import { dominantSpelling } from '../../../server/src/engine/rules/skill-spelling';
import { WorkspaceIndex } from '../../../server/src/engine/workspace/workspace';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import { expectFixture, lintFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/skill-spelling.md');
const options = { template: 'cncf-2019' };

test('skill-spelling: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['skill-spelling'], options);
});

test('skill-spelling: fixes are quick fixes only (never fix-all) and replace only the skill, keeping the separators', async () => {
  const { text, findings } = await lintFixture(fixture, options);
  const mine = findings.filter((f) => f.rule === 'skill-spelling');
  assert.ok(mine.length > 0 && mine.every((f) => f.fix?.interactive === true), 'a spelling suggestion is the author\'s to pick');
  assert.deepEqual(automaticFixes(mine), []);
  // As the user would, one quick fix after another.
  const fixed = applyFixes(text, mine.map((f) => ({ ...f.fix!, interactive: false }))).text;
  assert.match(fixed, /Recommended Skills: Golang, Linux\n/);
  assert.match(fixed, /Recommended Skills: Golang\n/);
  assert.match(fixed, /Recommended Skills: Golang, Linux, Golang\n/);
  assert.match(fixed, /Node\/Python\/etc\.\n/);
});

test('skill-spelling: a tie goes to the capitalised spelling', () => {
  assert.equal(dominantSpelling({ spellings: new Map([['wasm', 2], ['WASM', 2]]), total: 4 }), 'WASM');
  assert.equal(dominantSpelling({ spellings: new Map([['golang', 5], ['Golang', 2]]), total: 7 }), 'golang');
});

test('skill-spelling: the workspace decides the dominant spelling', async () => {
  const text = '### X\n\n#### Idea\n\n- Description: x\n- Recommended Skills: golang\n- Mentor(s): Jane Doe (@janedoe)\n- Issue: https://github.com/x/x/issues/1\n';
  const workspace = new WorkspaceIndex();
  workspace.update('file:///ws/a.md', parseDocument(text));
  workspace.update('file:///ws/b.md', parseDocument(text.replace('golang', 'Golang, Rust').replace('Idea', 'Other')));
  workspace.update('file:///ws/c.md', parseDocument(text.replace('golang', 'Golang').replace('Idea', 'Third')));
  const { findings } = await lintText(text, { ...options, workspace }, 'file:///ws/a.md');
  const mine = findings.filter((f) => f.rule === 'skill-spelling');
  assert.equal(mine.length, 1);
  assert.match(mine[0]!.message, /`Golang`, as 2 of 3 uses/);
});
