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

test('a handle one letter off the one written twice as often: a warning, "Use @known", on the handle, a quick fix only', async () => {
  const here = file('Jane Doe (@jdeo)');
  const mine = await lint(here, file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)'));
  assert.equal(mine.length, 1);
  const [finding] = mine;
  assert.equal(finding!.severity, 'warning', 'very likely a mistake (FINDINGS-POLICY)');
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
  assert.equal(tie[0]!.severity, 'info', 'two handles for one name, neither known for a typo: a note');
  const far = await lint(file('Jane Doe (@janedoe)'), file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)'));
  assert.equal(far[0]?.fix, undefined, 'more than one letter apart: another handle, not a typo');
  const short = await lint(file('Li Wei (@lw)'), file('Li Wei (@lx)', 'Li Wei (@lx)'));
  assert.equal(short[0]?.fix, undefined);
  const swapped = await lint(file('Jane Doe (@jdoe-dev)'), file('Jane Doe (@jdoe-dve)', 'Jane Doe (@jdoe-dve)'));
  assert.equal(swapped[0]?.fix?.title, 'Use @jdoe-dve', 'two letters swapped is one slip');
});

test('no warning where "Use @known" could be wrong: the handle is someone else\'s too, or a look-alike slip', async () => {
  const known = file('Jane Doe (@jdoe)', 'Jane Doe (@jdoe)');
  // @jdeo is also John Deo's, in an idea of his own: two people, not a typo.
  const someoneElses = await lint(file('Jane Doe (@jdeo)', 'John Deo (@jdeo)'), known);
  assert.ok(someoneElses.length > 0, 'still noted');
  assert.ok(someoneElses.every((f) => f.severity === 'info' && f.fix === undefined && !/one letter off/.test(f.message)), JSON.stringify(someoneElses.map((f) => [f.severity, f.message])));
  // The handle alone elsewhere: it may be a mentor of its own.
  const alone = await lint(file('Jane Doe (@jdeo)', '@jdeo'), known);
  assert.ok(alone.every((f) => f.severity === 'info' && f.fix === undefined), JSON.stringify(alone.map((f) => [f.severity, f.message])));
  // `0` for `o`: which one is meant is not known (real files write `@olixOr` more often than `@olix0r`).
  const lookalike = await lint(file('Oliver Gould (@olix0r)'), file('Oliver Gould (@olixor)', 'Oliver Gould (@olixor)'));
  assert.equal(lookalike.length, 1);
  assert.equal(lookalike[0]!.severity, 'info');
  assert.equal(lookalike[0]!.fix?.title, 'Use @olixor', 'still offered, to pick');
  // A nickname of the same person does not make the handle someone else's.
  const nickname = await lint(file('Jane Doe (@jdeo)', 'J. Doe (@jdeo)'), known);
  assert.equal(nickname.find((f) => /one letter off/.test(f.message))?.severity, 'warning');
});
