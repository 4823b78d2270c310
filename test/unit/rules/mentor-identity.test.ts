import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseDocument } from '../../../server/src/engine/parse/parse';
import { WorkspaceIndex } from '../../../server/src/engine/workspace/workspace';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/mentor-identity.md');

test('mentor-identity: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['mentor-identity'], { template: 'cncf-2019' });
});

const idea = (mentor: string) =>
  `### Thanos\n\n#### Idea\n\n- Description: x\n- Recommended Skills: Go\n- Mentor(s): ${mentor}\n- Issue: https://github.com/thanos-io/thanos/issues/1\n`;

test('mentor-identity: points at the other spelling in another file', async () => {
  const workspace = new WorkspaceIndex();
  const here = 'file:///ws/2024.md';
  const there = 'file:///ws/2023.md';
  const text = idea('Bartek Plotka (@bwplotka)');
  workspace.update(here, parseDocument(text));
  workspace.update(there, parseDocument(`\n\n${idea('Tom Wilkie (@bwplotka)')}`));
  const { findings } = await lintText(text, { template: 'cncf-2019', workspace }, here);
  const mine = findings.filter((f) => f.rule === 'mentor-identity');
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.severity, 'info');
  assert.match(mine[0]!.message, /Tom Wilkie/);
  const related = mine[0]!.related?.[0];
  assert.equal(related?.uri, there);
  assert.equal(related?.range.start.line, 8);
});

test('mentor-identity: one consistent spelling across files is fine', async () => {
  const workspace = new WorkspaceIndex();
  const text = idea('Bartek Plotka (@bwplotka)');
  workspace.update('file:///ws/a.md', parseDocument(text));
  workspace.update('file:///ws/b.md', parseDocument(idea('Bartek Plotka (@BWPLOTKA), Jane Doe (@janedoe)')));
  const { findings } = await lintText(text, { template: 'cncf-2019', workspace }, 'file:///ws/a.md');
  assert.deepEqual(findings.filter((f) => f.rule === 'mentor-identity'), []);
});

test('mentor-identity: case and diacritics are one name (Stäbler, stabler), a nickname is still noted once', async () => {
  const workspace = new WorkspaceIndex();
  const text = idea('Christoph Stäbler (@creydr)');
  workspace.update('file:///ws/a.md', parseDocument(text));
  workspace.update('file:///ws/b.md', parseDocument(idea('Christoph Stabler (@creydr), christoph stäbler (@creydr)')));
  const { findings } = await lintText(text, { template: 'cncf-2019', workspace }, 'file:///ws/a.md');
  assert.deepEqual(findings.filter((f) => f.rule === 'mentor-identity'), []);
});
