// mentor-identity's "Use @known": a handle one letter off the one a person has everywhere else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFixes } from '../../../server/src/engine/findings/fix';
import { parseDocument } from '../../../server/src/engine/parse/parse';
import { WorkspaceIndex } from '../../../server/src/engine/workspace/workspace';
import { lintText } from './harness';

const idea = (title: string, mentor: string) =>
  `#### ${title}\n\n- Description: x\n- Recommended Skills: Go\n- Mentor(s): ${mentor}\n- Issue: https://github.com/thanos-io/thanos/issues/1\n`;
const file = (...mentors: string[]) => `### Thanos\n\n${mentors.map((m, i) => idea(`Idea ${i}`, m)).join('\n')}`;

async function lint(here: string, there: string) {
  const workspace = new WorkspaceIndex();
  workspace.update('file:///ws/here.md', parseDocument(here));
  workspace.update('file:///ws/there.md', parseDocument(there));
  const result = await lintText(here, { template: 'cncf-2019', workspace }, 'file:///ws/here.md');
  return result.findings.filter((f) => f.rule === 'mentor-identity');
}

test('a handle one letter off the one written twice as often: "Use @known", on the handle, a quick fix only', async () => {
  const here = file('Jane Doe (@jdeo)');
  const mine = await lint(here, file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)'));
  assert.equal(mine.length, 1);
  const [finding] = mine;
  assert.equal(here.slice(finding!.span.start, finding!.span.end), 'jdeo');
  assert.match(finding!.message, /@jdeo is one letter off @jdoe, the handle Jane Doe has in 2 other places: use @jdoe\./);
  assert.equal(finding!.fix?.title, 'Use @jdoe');
  assert.ok(finding!.fix?.interactive, 'a majority can be the typo (olixOr for olix0r): never fix-all');
  assert.equal(applyFixes(here, [{ ...finding!.fix!, interactive: false }]).text, file('Jane Doe (@jdoe)'));
  assert.equal(finding!.related?.[0]?.uri, 'file:///ws/there.md');
});

test('the file with the known handle gets nothing; a near tie, a second handle or a short handle is no typo', async () => {
  assert.deepEqual(await lint(file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)'), file('Jane Doe (@jdeo)')), [], 'the right side says nothing');
  const tie = await lint(file('Jane Doe (@jdeo)', 'Jane Doe (@jdeo)'), file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)', 'Jane Doe (@jdoe)'));
  assert.equal(tie.length, 1);
  assert.equal(tie[0]!.fix, undefined, '3 against 2: which one is right is not known');
  const far = await lint(file('Jane Doe (@janedoe)'), file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)'));
  assert.equal(far[0]?.fix, undefined, 'more than one letter apart: another handle, not a typo');
  const short = await lint(file('Li Wei (@lw)'), file('Li Wei (@lx)', 'Li Wei (@lx)'));
  assert.equal(short[0]?.fix, undefined);
  const swapped = await lint(file('Jane Doe (@jdoe-dev)'), file('Jane Doe (@jdoe-dve)', 'Jane Doe (@jdoe-dve)'));
  assert.equal(swapped[0]?.fix?.title, 'Use @jdoe-dve', 'two letters swapped is one slip');
});
