// Hostile input through the real server (issue 16): whatever one document or file holds, the server
// stays alive, keeps answering and keeps checking the other files.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, TestClient, UNHANDLED_EXIT_CODE, uriOf } from './client';

export const IDEA_TEXT = '### Project\n\n#### Idea\n\n-\tDescription: d\n-\tMentors: A B (@ab)\n-\tIssue: https://github.com/o/r/issues/1\n';

before(() => buildServer());

describe('hostile config text', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-hostile-'));
    mkdirSync(join(dir, 'deep'));
    writeFileSync(join(dir, 'deep/.soc-ideas.json'), '{}\n');
    client = await TestClient.start({ folders: [dir], settings: {} });
    await client.indexed();
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('10,000 nested [ in an open .soc-ideas.json: a problem on it, the server lives and checks its idea files', { timeout: 20_000 }, async () => {
    const configUri = uriOf(join(dir, 'deep/.soc-ideas.json'));
    const ideaUri = uriOf(join(dir, 'deep/ideas.md'));
    const mark = client.mark;
    await client.open(configUri, '['.repeat(10_000), 1, 'json');
    const onConfig = await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0, mark);
    assert.match(onConfig.diagnostics[0]!.message as string, /nesting too deep/i);
    assert.deepEqual(onConfig.diagnostics[0]!.range.start, { line: 0, character: 64 });
    client.assertAlive();

    await client.open(ideaUri, IDEA_TEXT);
    const published: PublishDiagnosticsParams = await client.waitForDiagnostics(ideaUri, () => true, mark);
    assert.ok(published.diagnostics.some((d) => d.code === 'field-label'), 'the defaults are used for the broken config');
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: ideaUri } });
    assert.equal(symbols.length, 1);
    client.assertAlive();
  });
});

describe('a stray rejection in the server', () => {
  // A module loaded before the server: on SIGUSR2 (sent once the server is up) it rejects a promise nobody handles.
  const stray = ['--import', 'data:text/javascript,process.on("SIGUSR2", () => Promise.reject(new Error("stray test rejection")))'];

  test('is logged, and the server keeps serving', { timeout: 20_000 }, async () => {
    const client = await TestClient.start({ nodeArgs: stray, strayErrors: 'logged' });
    client.process.kill('SIGUSR2');
    const logged = await client.waitFor('window/logMessage', (p: { message: string }) => p.message.includes('unhandled rejection'));
    assert.match(logged.message, /stray test rejection/);
    assert.match(client.stderr, /soc-ideas: unhandled rejection: Error: stray test rejection/);
    const uri = 'untitled:stray';
    await client.open(uri, IDEA_TEXT);
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(await client.stop(), 0);
  });

  test('ends the server with a distinct code under the tests\' variable, so tests see the bug', { timeout: 20_000 }, async () => {
    const client = await TestClient.start({ nodeArgs: stray });
    client.process.kill('SIGUSR2');
    assert.equal(await client.exited, UNHANDLED_EXIT_CODE);
    await assert.rejects(client.stop(), /unhandled error/);
  });
});
