// Half-typed states (issue 5): an idea file typed character by character, then deleted again.
// 1. Engine: every prefix, parsed with one long-lived SectionCache as the server does, equals a
//    whole-document parse; findings of the cached parse equal a fresh check.
// 2. Engine: random edit sequences on generated idea files, applied as the server applies them
//    (one OpenDocument: its SectionCache told where each edit is, its LintCache kept): after every
//    edit the findings equal a cold check of the text.
// 3. Server: the same replay through the real language server over stdio (dist/server.js), with
//    requests in between: no error response, no crash, no failure in its log, and the diagnostics
//    of the last version equal the engine's and the CLI's for the full text.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkDocument } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/findings/findings';
import { SectionCache } from '../../server/src/engine/parse/parse';
import { LineIndex } from '../../server/src/engine/parse/text';
import { DiagnosticsPublisher, toDiagnostic } from '../../server/src/server/diagnostics';
import { setRuleDocsFolder } from '../../server/src/server/ruleDocs';
import { OpenDocument } from '../../server/src/server/documents';
import { generateIdeaFile } from '../../scripts/generate-ideas';
import { buildServer, REPO_ROOT, RULE_DOCS_URI, SERVER_JS, TestClient, uriOf } from '../lsp/client';
import { memoryHost } from '../unit/rules/harness';
import { FUZZ_SEED, fuzzParameters } from './arbitraries';
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

/**
 * Edits that move what document rules judge by the file's convention: bullet markers and mentor
 * forms (the file's style), fields present or missing (the share of ideas with one), primaries
 * marked, project titles and links to their repositories, a table of contents, near-miss names.
 */
const FACT_EDITS = [
  '* ', '- ', '-\t', '+ ', 'x', '\n', '', 'Harborlnie ', 'Kestrel ',
  '- Mentor(s): Jo Bloggs (@jo) - primary, Ann Lee (@annlee)\n',
  '- Mentors: [Ann Lee](https://github.com/annlee), Bo Chen (@bochen)\n',
  '* Mentor(s): Ravi Kumar (@rkumar) (primary), Li Wei (@liwei-dev) (primary)\n',
  '- Issue: https://github.com/kestrel-mesh/kestrel/issues/9\n',
  '- Issue: https://github.com/harborline/harborline/issues/1\n',
  '- Recommended Skills: Golang, golang\n',
  '- Description: Harborlnie and Kestrell both need this.\n',
  '\n#### A new idea\n\n- Description: d\n',
  '\n### Tidepool Mesh\n\n',
  '\n- [Harborline 1](#harborline-1)\n- [Kestrel Mesh 1](#kestrel-mesh-1)\n- [Tidepool 1](#tidepool-1)\n',
];

/** An idea in another style: a few of them make `*` bullets and linked mentors the file's own style. */
const RESTYLED_IDEA = '#### Restyled idea\n\n* Description: d\n* Recommended Skills: Rust\n* Mentor(s): [Ann Lee](https://github.com/annlee)\n\n';

interface FactEdit {
  /** Where: a line start (most edits), or any offset. */
  readonly at: number;
  readonly lineStart: boolean;
  /** Characters replaced (a line's marker, a line, a few characters). */
  readonly length: number;
  readonly text: string;
}

const factEdit: fc.Arbitrary<FactEdit> = fc.record({
  at: fc.nat(),
  lineStart: fc.boolean(),
  length: fc.oneof(fc.constant(0), fc.constant(2), fc.integer({ min: 0, max: 120 })),
  text: fc.oneof({ arbitrary: fc.constantFrom(...FACT_EDITS), weight: 3 }, { arbitrary: fc.constant(RESTYLED_IDEA), weight: 2 }),
});

/** The edit as an editor sends it, on `text`: an LSP range and the new text. */
function rangeEdit(text: string, e: FactEdit) {
  const lines = new LineIndex(text);
  let start = e.at % (text.length + 1);
  if (e.lineStart) start = lines.lineStart(lines.positionAt(start).line);
  const end = Math.min(text.length, start + e.length);
  return { start, end, change: { range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: e.text } };
}

/** Everything a finding says, its related places and once-merged messages included. */
const everything = (findings: readonly Finding[]) => findings.map((f) => ({ ...findingsOf([f])[0], related: f.related ?? null }));

test('engine: random edit sequences on generated files — incremental findings equal a cold check', async () => {
  const host = memoryHost();
  let cold = 0;
  try {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(2_500, 6_000, 15_000), fc.array(factEdit, { minLength: 1, maxLength: 14 }), async (size, edits) => {
        const uri = 'file:///fuzz/edited.md';
        const open = new OpenDocument(uri, 'markdown', 1, generateIdeaFile(size));
        const check = async () => {
          const doc = open.parse();
          const incremental = await checkDocument({ uri, text: doc.text, doc, host, lintCache: open.lintCache });
          // A URI of its own each time: rules that keep state per document start afresh.
          const fresh = await checkDocument({ uri: `file:///fuzz/cold-${cold++}.md`, text: doc.text, host });
          assert.deepEqual(everything(incremental.findings), everything(fresh.findings));
        };
        await check();
        for (const e of edits) {
          const { change } = rangeEdit(open.getText(), e);
          open.update([change], open.version + 1);
          await check();
        }
      }) as never,
      fuzzParameters(60),
    );
  } catch (error) {
    (error as Error).message = `replay with FUZZ_SEED=${FUZZ_SEED}\n${(error as Error).message}`;
    throw error;
  }
});

test('server: diagnostics re-used across edits equal a fresh conversion (LF, CRLF, lone CR; several changes per update)', async () => {
  const host = memoryHost();
  const sent: Diagnostic[][] = [];
  const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => void sent.push(p.diagnostics), sendNotification: async () => {} };
  const publisher = new DiagnosticsPublisher(connection as never);
  const tiny = fc.record({ at: fc.nat(), text: fc.constantFrom('x', '', '\n', '\r', '\r\n', '😀', '- Mentor(s): ') , length: fc.integer({ min: 0, max: 3 }) });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('\n', '\r\n', '\r'), fc.array(fc.array(fc.oneof(tiny, factEdit), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), async (eol, updates) => {
      const uri = `file:///fuzz/published-${run++}.md`;
      const open = new OpenDocument(uri, 'markdown', 1, generateIdeaFile(6_000).replace(/\n/g, eol));
      const publish = async () => {
        const doc = open.parse();
        const result = await checkDocument({ uri, text: doc.text, doc, host, lintCache: open.lintCache });
        await publisher.publishDocument({ uri, version: open.version, generation: open.generation, settings: {} as never, result, doc, edits: open });
        assert.deepEqual(sent.at(-1), result.findings.map((f) => toDiagnostic(uri, doc, f)));
      };
      await publish();
      for (const edits of updates) {
        // Each change on the text as the changes before it left it, as an editor sends them.
        const scratch = new OpenDocument(uri, 'markdown', 0, open.getText());
        const changes = edits.map((e) => {
          const { change } = rangeEdit(scratch.getText(), { lineStart: false, ...e });
          scratch.update([change], 0);
          return change;
        });
        open.update(changes, open.version + 1);
        await publish();
      }
      publisher.clear(uri);
    }) as never,
    fuzzParameters(40),
  );
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
