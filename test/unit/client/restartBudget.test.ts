// RestartBudget: how many crashes of the language server the client answers with a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartBudget } from '../../../client/src/restartBudget';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('allows `limit` restarts in the window, then refuses', () => {
  const clock = manualClock();
  const budget = new RestartBudget(3, 60_000, clock.now);
  assert.deepEqual([budget.tryRestart(), budget.tryRestart(), budget.tryRestart()], [true, true, true]);
  assert.equal(budget.exhausted, false);
  assert.equal(budget.tryRestart(), false);
  assert.equal(budget.exhausted, true);
  // A refusal is not a restart: it does not use up the window any further.
  assert.equal(budget.tryRestart(), false);
});

test('the defaults are 4 restarts in 3 minutes', () => {
  const clock = manualClock();
  const budget = new RestartBudget(undefined, undefined, clock.now);
  for (let i = 0; i < 4; i++) {
    assert.equal(budget.tryRestart(), true, `restart ${i + 1}`);
    clock.advance(40_000); // 4 restarts spread over 160 s: all inside 3 minutes
  }
  assert.equal(budget.tryRestart(), false, 'the fifth crash within 3 minutes is not restarted');
});

test('restarts older than the window no longer count', () => {
  const clock = manualClock();
  const budget = new RestartBudget(2, 10_000, clock.now);
  assert.equal(budget.tryRestart(), true); // t = 0
  clock.advance(6_000);
  assert.equal(budget.tryRestart(), true); // t = 6 s
  clock.advance(4_000);
  assert.equal(budget.tryRestart(), false, 'at t = 10 s the first restart is exactly windowMs old: still counted');
  clock.advance(1);
  assert.equal(budget.tryRestart(), true, 'just past the window the first restart has expired');
  assert.equal(budget.exhausted, false, 'a granted restart clears the refusal');
  assert.equal(budget.tryRestart(), false, 'the restarts at 6 s and 10 s still count');
  clock.advance(10_000);
  assert.equal(budget.tryRestart(), true, 'the 6 s restart expired');
});

test('crashes spread out slower than the window are restarted forever', () => {
  const clock = manualClock();
  const budget = new RestartBudget(1, 1_000, clock.now);
  for (let i = 0; i < 50; i++) {
    assert.equal(budget.tryRestart(), true);
    clock.advance(1_001);
  }
});

test('reset forgets past restarts and the refusal', () => {
  const clock = manualClock();
  const budget = new RestartBudget(2, 60_000, clock.now);
  budget.tryRestart();
  budget.tryRestart();
  assert.equal(budget.tryRestart(), false);
  assert.equal(budget.exhausted, true);
  budget.reset();
  assert.equal(budget.exhausted, false);
  assert.equal(budget.tryRestart(), true);
  assert.equal(budget.tryRestart(), true);
  assert.equal(budget.tryRestart(), false, 'a fresh budget is the full limit, no more');
});

test('a limit of 0 never restarts', () => {
  const budget = new RestartBudget(0, 60_000, () => 0);
  assert.equal(budget.tryRestart(), false);
  assert.equal(budget.exhausted, true);
});
