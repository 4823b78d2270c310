/// <reference types="mocha" />
// A crashed language server is restarted, at most 4 times in 3 minutes; after that the client stops
// and says so, until the user restarts it by hand. The server is killed for real (SIGKILL).
// The file name sorts last (index.ts loads files in sorted order) because this suite crashes the server;
// it also restarts the server at the end, so tests loaded after it would still find it running.
import * as assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { SocIdeasApi } from '../../../client/src/extension';
import { activateWithServer, describeDiagnostics, openFixture, waitFor, waitForDiagnostics } from './helpers';

const RESTART_LIMIT = 4; // RestartBudget's default, and what the error message promises

/**
 * The language server processes of this extension host: its child processes running dist/server.js.
 * (Other VS Code instances on the machine may run servers of their own: never touch those.)
 */
function serverPids(): number[] {
  const table = execSync('ps -eo pid,ppid,args', { encoding: 'utf8' });
  const pids: number[] = [];
  for (const row of table.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(row);
    if (match && Number(match[2]) === process.pid && match[3]?.includes('dist/server.js')) pids.push(Number(match[1]));
  }
  return pids;
}

/** The one running server process; fails when there is none or more than one. */
function theServerPid(): number {
  const pids = serverPids();
  assert.equal(pids.length, 1, `one language server process under the extension host (pid ${process.pid}); found ${JSON.stringify(pids)}`);
  return pids[0]!;
}

function describeState(api: SocIdeasApi): string {
  return `running: ${api.isServerRunning()}, stopped for good: ${api.serverStoppedForGood()}, server processes: ${JSON.stringify(serverPids())}`;
}

/** Waits until the client runs a server in a process other than `oldPid`; returns the new pid. */
function waitForNewServer(api: SocIdeasApi, oldPid: number, what: string): Promise<number> {
  return waitFor(
    api.onDidChangeServerState,
    () => {
      if (!api.isServerRunning()) return undefined;
      const [pid, ...more] = serverPids();
      return pid !== undefined && pid !== oldPid && more.length === 0 ? pid : undefined;
    },
    what,
    () => describeState(api),
  );
}

/** Diagnostics on the open fixture: the restarted server checked it again (a restart drops the old ones). */
function waitForFixtureDiagnostics(doc: vscode.TextDocument, what: string): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(doc.uri, (ds) => ds.length > 0, what);
}

suite('server restarts after a crash (runs last)', () => {
  let api: SocIdeasApi;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    api = await activateWithServer();
    ({ document: doc } = await openFixture('ideas-2019.md'));
    await waitForFixtureDiagnostics(doc, 'diagnostics on ideas-2019.md before any crash');
  });

  // Whatever happened, leave a running server behind (and no error notification over the workbench).
  suiteTeardown(async () => {
    if (!api.isServerRunning()) await vscode.commands.executeCommand('socIdeas.restartServer');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('a killed server is restarted and checks the open file again', async () => {
    const oldPid = theServerPid();
    process.kill(oldPid, 'SIGKILL');
    const newPid = await waitForNewServer(api, oldPid, 'the server to be restarted after SIGKILL');
    assert.notEqual(newPid, oldPid);
    assert.equal(api.serverStoppedForGood(), false);
    const diagnostics = await waitForFixtureDiagnostics(doc, 'diagnostics from the restarted server');
    assert.ok(diagnostics.length > 0, describeDiagnostics(diagnostics));
  });

  test(`after ${RESTART_LIMIT} restarts in 3 minutes the next crash stops the server for good, until "Restart Language Server"`, async function () {
    this.timeout(120_000);
    // A restart by hand starts a fresh budget: the previous test's restart no longer counts.
    await vscode.commands.executeCommand('socIdeas.restartServer');
    assert.ok(api.isServerRunning(), describeState(api));
    let pid = theServerPid();

    for (let crash = 1; crash <= RESTART_LIMIT; crash++) {
      process.kill(pid, 'SIGKILL');
      pid = await waitForNewServer(api, pid, `restart ${crash} of ${RESTART_LIMIT}`);
      await waitForFixtureDiagnostics(doc, `diagnostics after restart ${crash}`);
      assert.equal(api.serverStoppedForGood(), false, `still restarting after crash ${crash}`);
    }

    // One crash too many: the client gives up, and says so (an error message; the output logs it too).
    process.kill(pid, 'SIGKILL');
    await waitFor(api.onDidChangeServerState, () => (api.serverStoppedForGood() ? true : undefined), 'the client to give up', () => describeState(api));
    assert.equal(api.isServerRunning(), false);
    assert.deepEqual(serverPids(), [], 'no server process is left or started');
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), [], "a stopped server's diagnostics are cleared");

    // The user restarts it by hand: it runs again, checks the file, and has a fresh budget.
    await vscode.commands.executeCommand('socIdeas.restartServer');
    assert.ok(api.isServerRunning(), describeState(api));
    assert.equal(api.serverStoppedForGood(), false);
    const restartedPid = theServerPid();
    assert.notEqual(restartedPid, pid);
    await waitForFixtureDiagnostics(doc, 'diagnostics after the restart by hand');

    process.kill(restartedPid, 'SIGKILL');
    await waitForNewServer(api, restartedPid, 'a crash after the restart by hand to be restarted again');
    await waitForFixtureDiagnostics(doc, 'diagnostics after the last restart');
  });
});
