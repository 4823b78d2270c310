// Hostile input through the real server (issue 16): whatever one document or file holds, the server
// stays alive, keeps answering and keeps checking the other files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkDocument } from '../../server/src/engine/check';
import { nodeHost } from '../../server/src/node/nodeHost';
import { toDiagnostic } from '../../server/src/server/diagnostics';
import { setRuleDocsFolder } from '../../server/src/server/ruleDocs';
import { buildServer, TestClient, UNHANDLED_EXIT_CODE, uriOf, RULE_DOCS_URI } from './client';

// Expected diagnostics link to the pages the server links to.
setRuleDocsFolder(RULE_DOCS_URI);

export const IDEA_TEXT = '### Project\n\n#### Idea\n\n-\tDescription: d\n-\tMentors: A B (@ab)\n-\tIssue: https://github.com/o/r/issues/1\n';

before(() => buildServer());

/** The diagnostics a fresh check of the text gives (no config or template files around it), as JSON. */
async function freshDiagnostics(uri: string, text: string): Promise<unknown> {
  // The files as the server sees them (a .soc-ideas.json beside the document counts).
  const expected = await checkDocument({ uri, text, host: nodeHost });
  return JSON.parse(JSON.stringify(expected.findings.map((f) => toDiagnostic(uri, expected.doc, f))));
}

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

describe('hostile files in the workspace', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-hostile-files-'));
    execFileSync('mkfifo', [join(dir, '.soc-ideas.json')]);
    execFileSync('mkfifo', [join(dir, 'PROJECT_IDEA_TEMPLATE.md')]);
    writeFileSync(join(dir, 'big.md'), '');
    truncateSync(join(dir, 'big.md'), 17 * 1024 * 1024);
    client = await TestClient.start({ folders: [dir], settings: {} });
    await client.indexed();
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a FIFO as config and template, a file over the size limit: refused with a reason, the idea file is checked', { timeout: 20_000 }, async () => {
    assert.ok(client.logs.some((l) => l.includes('big.md: not indexed: it is too large (17 MB, limit 16 MB)')), client.logs.join('\n'));
    const uri = uriOf(join(dir, 'ideas.md'));
    const mark = client.mark;
    await client.open(uri, IDEA_TEXT);
    const published = await client.waitForDiagnostics(uri, () => true, mark);
    assert.ok(published.diagnostics.some((d) => d.code === 'field-label'));
    const onConfig = await client.waitForDiagnostics(uriOf(join(dir, '.soc-ideas.json')), () => true, mark);
    assert.equal(onConfig.diagnostics[0]!.message, '.soc-ideas.json is not a regular file; the defaults are used');
    await client.waitFor('window/logMessage', (p: { message: string }) => /PROJECT_IDEA_TEMPLATE\.md is not a regular file; using /.test(p.message), mark);
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

describe('hostile edits', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-edits-'));
    // A stated template: a field deleted from the only idea is then missing (a guess would not say so).
    writeFileSync(join(dir, '.soc-ideas.json'), '{ "template": "cncf-2019" }\n');
    client = await TestClient.start({});
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a version number sent twice: the server checks and hovers the newest text, not the first of that version', { timeout: 20_000 }, async () => {
    const uri = uriOf(join(dir, 'repeated-version.md'));
    const text = '### Project\n\n#### Idea\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Ana Souza (@asouza)\n- Issue: https://github.com/o/r/issues/1\n';
    const skillsLine = 5;
    const skills = '- Recommended Skills: Go\n';
    const at = (line: number) => ({ line, character: 0 });
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    let mark = client.mark;
    await client.change(uri, 2, [{ range: { start: at(skillsLine), end: at(skillsLine + 1) }, text: '' }]);
    const without = await client.waitForDiagnostics(uri, (p) => p.version === 2, mark);
    assert.ok(without.diagnostics.some((d) => d.code === 'missing-field'), 'the deleted field is missing');
    mark = client.mark;
    await client.change(uri, 2, [{ range: { start: at(skillsLine), end: at(skillsLine) }, text: skills }]);
    const restored = await client.waitForDiagnostics(uri, (p) => p.version === 2, mark);
    assert.deepEqual(restored.diagnostics, await freshDiagnostics(uri, text));
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: skillsLine, character: 4 } });
    assert.match((hover.contents as { value: string }).value, /Recommended Skills\*\* — required field/);
  });

  test('1,000 edits sent at once are applied together: few publishes, the last one that of the final text', { timeout: 30_000 }, async () => {
    const uri = uriOf(join(dir, 'many-edits.md'));
    let text = IDEA_TEXT;
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const mark = client.mark;
    const line = 4; // "-\tDescription: d": append to it, one character per edit
    const sent: Array<Promise<void>> = [];
    for (let version = 2; version <= 1001; version++) {
      const lineText = text.split('\n')[line]!;
      const character = lineText.length;
      const typed = version % 50 === 0 ? ' ' : String.fromCharCode(97 + (version % 26));
      sent.push(client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: typed }]));
      const lines = text.split('\n');
      lines[line] = lineText + typed;
      text = lines.join('\n');
    }
    await Promise.all(sent);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 1001, mark);
    // Give a late (stale) publish the time to arrive before counting.
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    const published = client.notifications.slice(mark).filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri);
    assert.ok(published.length < 100, `${published.length} publishes for 1,000 edits`);
    assert.equal((published.at(-1)!.params as PublishDiagnosticsParams).version, 1001);
    assert.deepEqual(last.diagnostics, await freshDiagnostics(uri, text));
  });

  test('a single edit is still answered at once', { timeout: 20_000 }, async () => {
    const uri = uriOf(join(dir, 'one-edit.md'));
    await client.open(uri, IDEA_TEXT);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const mark = client.mark;
    const started = Date.now();
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 14 }, end: { line: 4, character: 15 } }, text: 'x' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === 2, mark);
    assert.ok(Date.now() - started < 1000, `answered in ${Date.now() - started} ms`);
  });
});
