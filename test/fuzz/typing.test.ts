// Half-typed states (issue 5): an idea file typed character by character, then deleted again.
// 1. Engine: every prefix, parsed with one long-lived SectionCache as the server does, equals a
//    whole-document parse; findings of the cached parse equal a fresh check.
// 2. Server: the same replay through the real language server over stdio (dist/server.js), with
//    requests in between: no error response, no crash, no failure in its log, and the diagnostics
//    of the last version equal the engine's and the CLI's for the full text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SectionCache } from '../../server/src/engine/parse/parse';
import { LineIndex } from '../../server/src/engine/parse/text';
import { toDiagnostic } from '../../server/src/server/diagnostics';
import { setRuleDocsFolder } from '../../server/src/server/ruleDocs';
import { buildServer, REPO_ROOT, RULE_DOCS_URI, SERVER_JS, TestClient, uriOf } from '../lsp/client';
import { assertParsesAlike, assertSpansInside, lintStrict, parseStrict } from './invariants';
import { findingsOf } from './snapshot';

// Expected diagnostics link to the pages the server links to.
setRuleDocsFolder(RULE_DOCS_URI);

const FIXTURE = join(REPO_ROOT, 'test/fixtures/fuzz/typing-ideas.md');
const typed = readFileSync(FIXTURE, 'utf8');

/** Each state of the text: typing forward one UTF-16 unit at a time (an emoji arrives in halves), then deleting. */
function states(text: string): string[] {
  const out: string[] = [];
  for (let end = 1; end <= text.length; end++) out.push(text.slice(0, end));
  for (let end = text.length - 1; end >= 0; end--) out.push(text.slice(0, end));
  return out;
}

test('engine: half-typed states, parsed through one SectionCache, equal a whole-document parse', async () => {
  const cache = new SectionCache();
  const all = states(typed);
  for (let i = 0; i < all.length; i++) {
    const text = all[i]!;
    // Every state goes through the cache (as in the server); every 3rd is compared in full.
    if (i % 3 !== 0 && text !== typed) {
      parseStrict(text, { cache });
      continue;
    }
    const doc = assertParsesAlike(text, cache);
    // Lint some states (the rules are the slow part): cached parse and a fresh check agree.
    if (i % 41 === 0 || text === typed) {
      const cached = await lintStrict(text, doc);
      assertSpansInside(doc, cached.findings);
      assert.deepEqual(cached.ruleErrors, []);
      assert.deepEqual(findingsOf(cached.findings), findingsOf((await lintStrict(text)).findings), `state ${i}`);
    }
  }
});

/** Build the bundle when it is missing or older than the sources (tests never run a stale server). */
function ensureServerBuilt(): void {
  const newest = (dir: string): number =>
    readdirSync(dir).reduce((m, name) => {
      const path = join(dir, name);
      const s = statSync(path);
      return Math.max(m, s.isDirectory() ? newest(path) : s.mtimeMs);
    }, 0);
  let built = 0;
  try {
    built = statSync(SERVER_JS).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newest(join(REPO_ROOT, 'server/src'))) buildServer();
}

/** What `soc-ideas lint --format json` says about a file, as LSP ranges (0-based). */
function cliDiagnostics(path: string): Array<{ range: Diagnostic['range']; code: string; message: string }> {
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'lint', '--format', 'json', path], { encoding: 'utf8' });
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    if (e.status !== 1 || e.stdout === undefined) throw error; // exit 1 = errors found
    out = e.stdout;
  }
  const rows = JSON.parse(out) as Array<{ line: number; column: number; endLine: number; endColumn: number; rule: string; message: string }>;
  return rows.map((r) => ({
    range: { start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } },
    code: r.rule,
    message: r.message,
  }));
}

const byPosition = <T extends { range: Diagnostic['range']; message: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.message.localeCompare(b.message));

test('server: typing the file and deleting it again over stdio', async () => {
  ensureServerBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-typing-'));
  const path = join(dir, 'ideas.md');
  const uri = uriOf(path);
  const client = await TestClient.start({});
  const errors: string[] = [];
  const pending: Array<Promise<unknown>> = [];
  /** A request in between edits: any error response is a failure. */
  const ask = (method: string, params: unknown) =>
    pending.push(client.request(method, params).catch((e: Error) => errors.push(`${method}: ${e.message}`)));
  try {
    let text = '';
    let version = 1;
    await client.open(uri, text, version);
    let fullVersion = -1;
    // Forward: insert one unit at the end; backward: delete the last unit (as an editor sends them).
    for (let i = 0; i < typed.length * 2; i++) {
      const lines = new LineIndex(text);
      const forward = i < typed.length;
      const next = forward ? typed.slice(0, i + 1) : typed.slice(0, typed.length * 2 - i - 1);
      const end = lines.positionAt(text.length);
      const range = forward ? { start: end, end } : { start: lines.positionAt(next.length), end };
      version++;
      await client.change(uri, version, [{ range, text: forward ? typed[i]! : '' }]);
      text = next;
      if (text === typed) fullVersion = version;
      if (i % 97 === 0) {
        const position = new LineIndex(text).positionAt(text.length);
        ask('textDocument/documentSymbol', { textDocument: { uri } });
        ask('textDocument/foldingRange', { textDocument: { uri } });
        ask('textDocument/hover', { textDocument: { uri }, position });
        ask('textDocument/completion', { textDocument: { uri }, position });
        ask('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: position }, context: { diagnostics: [] } });
      }
      if (text === typed) {
        // Half way: the diagnostics of the full text equal the engine's and the CLI's.
        const published: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, (p) => p.version === fullVersion);
        const expected = await lintStrict(typed);
        const fileUri = uri;
        const wanted = expected.findings.map((f) => toDiagnostic(fileUri, expected.doc, f));
        assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(wanted)), 'server diagnostics of the full text = engine');
        writeFileSync(path, typed);
        const cli = cliDiagnostics(path);
        assert.deepEqual(
          byPosition(published.diagnostics.map((d) => ({ range: d.range, code: String(d.code), message: String(d.message) }))),
          byPosition(cli),
          'server diagnostics of the full text = CLI',
        );
      }
    }
    // Everything deleted: an empty file is no idea file, so its last publish cleared everything.
    // One more edit that makes an idea file again is answered with its own version: the server
    // kept up with every edit and is still serving.
    const mark = client.mark;
    const tail = '# A\n\n#### I\n\n- Description: x\n- Metor(s): x\n';
    await client.change(uri, ++version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: tail }]);
    const revived: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, (p) => p.version === version, mark);
    const expectedTail = await lintStrict(tail);
    assert.deepEqual(revived.diagnostics, JSON.parse(JSON.stringify(expectedTail.findings.map((f) => toDiagnostic(uri, expectedTail.doc, f)))));
    const beforeTail = client.diagnostics.filter((d) => d.uri === uri && d !== revived).at(-1);
    assert.deepEqual(beforeTail?.diagnostics, [], 'the deleted file ended with no diagnostics');
    await Promise.all(pending);
    assert.deepEqual(errors, [], 'error responses');
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.deepEqual(client.logs.filter((l) => /failed|error|exception/i.test(l)), [], 'failures in the server log');
    // Every publish lies inside the document of its version.
    for (const p of client.diagnostics.filter((d) => d.uri === uri)) {
      for (const d of p.diagnostics) assert.ok(d.range.start.line <= d.range.end.line && d.range.start.line >= 0, JSON.stringify(d.range));
    }
  } finally {
    const code = await client.stop();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
  }
});
