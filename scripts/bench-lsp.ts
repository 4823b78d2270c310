// `npm run bench:lsp`: the language server through the real protocol over stdio. For the seed file
// and generated 300 KB and 3 MB idea files: time from a one-character didChange to the matching
// publishDiagnostics, and completion latency (median, p95); beside it, in the same run, a
// whole-document parse + check of the same text (what every edit would cost without sections).
// Case (a) of issue 14, for each file: the first diagnostics after didOpen, then edits spread across
// the file, each at a place not edited before (see spreadEdits). Case (b): typing in the largest file
// of ../shared/workspaces/cncf-mentoring-2023-12 right after opening that workspace, while it is
// indexed, beside the same typing once it is indexed (see typingWhileIndexed).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkDocument, resolveFor } from '../server/src/engine/check';
import type { Host } from '../server/src/engine/host';
import { lint } from '../server/src/engine/rules/lint';
import { RULES } from '../server/src/engine/rules';
import { OpenDocument } from '../server/src/server/documents';
import { toDiagnostic } from '../server/src/server/diagnostics';
import { IdeaFileIndex } from '../server/src/server/workspaceIndex';
import { STATUS_NOTIFICATION } from '../server/src/protocol';
import { TestClient, uriOf } from '../test/lsp/client';
import { generateIdeaFile } from './generate-ideas';

const SEED = resolve(import.meta.dirname, '../../shared/corpus/cncf-soc-README-2019-02-06.md');
const WORKSPACE = resolve(import.meta.dirname, '../../shared/workspaces/cncf-mentoring-2023-12');
const noFiles: Host = { readFile: async () => undefined };

interface Case {
  readonly name: string;
  readonly text: string;
  readonly edits: number;
  readonly wholeRuns: number;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

/** Line and character of the first match of `pattern` at or after the middle of the text. */
function middlePosition(text: string, pattern: RegExp): { line: number; character: number } {
  const from = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  pattern.lastIndex = from;
  const m = pattern.exec(text) ?? (((pattern.lastIndex = 0), pattern.exec(text)) as RegExpExecArray);
  const offset = m.index + m[0].length;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: text.slice(0, lineStart).split('\n').length - 1, character: offset - lineStart };
}

async function benchCase(c: Case, dir: string) {
  const path = join(dir, `${c.name.replace(/\W+/g, '-')}.md`);
  writeFileSync(path, c.text);
  const uri = uriOf(path);
  const client = await TestClient.start({});
  try {
    await client.open(uri, c.text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 0);
    let version = 1;
    // One-character edits inside a description in the middle of the file: type a character and
    // delete it, then the same with a line break (which moves every line below).
    const at = middlePosition(c.text, /Description:[ \t]*/g);
    const typeAndDelete = async (typed: string, typedEnd: { line: number; character: number }) => {
      const times: number[] = [];
      for (let i = 0; i < c.edits + 6; i++) {
        const change = i % 2 === 0 ? { range: { start: at, end: at }, text: typed } : { range: { start: at, end: typedEnd }, text: '' };
        const mark = client.mark;
        const started = performance.now();
        await client.change(uri, ++version, [change]);
        const v = version;
        await client.waitForDiagnostics(uri, (p) => p.version === v, mark);
        if (i >= 6) times.push(performance.now() - started); // the first six warm up; an even count leaves the text as it was
      }
      return times;
    };
    const editTimes = await typeAndDelete('x', { line: at.line, character: at.character + 1 });
    const lineBreakTimes = await typeAndDelete('\n', { line: at.line + 1, character: 0 });
    // Completion after "Recommended Skills: ..., " in the middle of the file.
    const skillsAt = middlePosition(c.text, /Recommended Skills:[^\n,]*,/g);
    const completionTimes: number[] = [];
    let items = 0;
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      const list = await client.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: skillsAt });
      if (i >= 5) completionTimes.push(performance.now() - started);
      items = list.items.length;
    }
    const diagnostics = client.diagnostics.filter((d) => d.uri === uri).at(-1)?.diagnostics.length ?? 0;
    return { editTimes, lineBreakTimes, completionTimes, items, diagnostics };
  } finally {
    await client.stop();
  }
}

async function wholeDocument(c: Case): Promise<number[]> {
  const times: number[] = [];
  const uri = 'file:///bench/whole.md';
  await checkDocument({ uri, text: c.text, host: noFiles }); // warm-up
  for (let i = 0; i < c.wholeRuns; i++) {
    const started = performance.now();
    await checkDocument({ uri, text: c.text, host: noFiles });
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Where one edit's time goes, in this process: the server's own steps for a one-character edit
 * (as server/analysis.ts does them, without the protocol), median over a few edits, and the
 * document-wide rules alone.
 */
async function phases(c: Case): Promise<Array<[string, number]>> {
  const uri = 'file:///bench/phases.md';
  const doc = new OpenDocument(uri, 'markdown', 1, c.text);
  const index = new IdeaFileIndex();
  let parsed = doc.parse();
  index.update(uri, parsed);
  const first = await checkDocument({ uri, text: c.text, doc: parsed, host: noFiles, workspace: index.vocabulary, lintCache: doc.lintCache });
  const at = c.text.indexOf('Description:', c.text.length / 2) + 'Description: '.length;
  const samples = new Map<string, number[]>();
  const time = async <T>(label: string, f: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await f();
    samples.set(label, [...(samples.get(label) ?? []), performance.now() - started]);
    return value;
  };
  for (let i = 0; i < 21; i++) {
    const pos = parsed.lines.positionAt(at);
    const change = i % 2 === 0 ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { ...pos, character: pos.character + 1 } }, text: '' };
    await time('text update', () => doc.update([change], doc.version + 1));
    parsed = await time('incremental parse', () => doc.parse());
    await time('workspace index', () => index.update(uri, parsed));
    const resolved = await time('template', () => resolveFor({ uri, host: noFiles }, parsed, first.config));
    const result = await time('rules (re-using unchanged ideas)', () =>
      checkDocument({ uri, text: parsed.text, doc: parsed, host: noFiles, workspace: index.vocabulary, lintCache: doc.lintCache, config: first.config, resolved }),
    );
    await time('to diagnostics + JSON', () => JSON.stringify(result.findings.map((f) => toDiagnostic(uri, parsed, f))));
  }
  // Apart, after the edits: run alone and uncached, they would leave garbage for the steps above.
  const { resolved } = first;
  for (let i = 0; i < 5; i++) {
    for (const rule of RULES.filter((r) => r.scope !== 'idea')) {
      await time(`rule ${rule.id} alone, uncached`, () => lint(parsed, { uri, template: resolved.template, workspace: index.vocabulary, rules: [rule] }));
    }
  }
  return [...samples].map(([label, values]): [string, number] => [label, quantile(values, 0.5)]);
}

/** Places to type at, spread across the file: the ends of `count` description lines, evenly apart, in an order that jumps about. */
function spreadPlaces(text: string, count: number): number[] {
  const ends = [...text.matchAll(/^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?Description\b.*$/gm)].map((m) => m.index + m[0].length);
  const chosen = Array.from({ length: count }, (_, k) => ends[Math.floor(((k + 0.5) * ends.length) / count)]!);
  // Stride 7 through the places (count is not a multiple of 7): each edit lands far from the last.
  return Array.from({ length: count }, (_, k) => chosen[(k * 7) % count]!);
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let at = text.indexOf('\n');
  let lineStart = 0;
  while (at >= 0 && at < offset) {
    line++;
    lineStart = at + 1;
    at = text.indexOf('\n', lineStart);
  }
  return { line, character: offset - lineStart };
}

/**
 * Case (a): a fresh server opens the file — the time to its first diagnostics, and to the complete
 * set (with its status) when they come in stages — then edits spread across the file, each at a
 * place not edited before, each answered before the next is sent: one character at each of twenty
 * places, then ten words typed character by character at ten other places.
 */
async function spreadEdits(c: Case, dir: string) {
  const path = join(dir, `spread-${c.name.replace(/\W+/g, '-')}.md`);
  writeFileSync(path, c.text);
  const uri = uriOf(path);
  const client = await TestClient.start({});
  try {
    const opened = performance.now();
    await client.open(uri, c.text);
    const slow = 120_000; // a cold check of 3 MB on a busy machine
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 0, slow);
    const firstDiagnostics = performance.now() - opened;
    await client.waitFor(STATUS_NOTIFICATION, (p) => p.uri === uri, 0, slow);
    const allDiagnostics = performance.now() - opened;
    let text = c.text;
    let version = 1;
    const places = spreadPlaces(text, 31);
    const type = async (place: number, typed: string) => {
      const at = positionOf(text, places[place]!);
      text = text.slice(0, places[place]) + typed + text.slice(places[place]);
      for (let k = 0; k < places.length; k++) if (places[k]! >= places[place]! && k !== place) places[k]! += typed.length;
      places[place]! += typed.length;
      const mark = client.mark;
      const started = performance.now();
      await client.change(uri, ++version, [{ range: { start: at, end: at }, text: typed }]);
      const v = version;
      await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v, mark, slow);
      return performance.now() - started;
    };
    for (const ch of 'warm') await type(30, ch); // the last place warms the server up, not counted
    const chars: number[] = [];
    for (let k = 0; k < 20; k++) chars.push(await type(k, 'x'));
    const words: number[] = [];
    const WORDS = ['quickly', 'storage', 'metrics', 'tracing', 'caching', 'routing', 'billing', 'logging', 'scaling', 'testing'];
    for (let k = 0; k < 10; k++) for (const ch of ` ${WORDS[k]}`) words.push(await type(20 + k, ch));
    return { firstDiagnostics, allDiagnostics, chars, words };
  } finally {
    await client.stop();
  }
}

/** The largest markdown file under a folder. */
function largestMarkdown(dir: string): string {
  let best = { path: '', size: -1 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(?:md|markdown)$/i.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const size = statSync(path).size;
    if (size > best.size) best = { path, size };
  }
  return best.path;
}

/**
 * Case (b): a fresh server opens the workspace and, at once, its largest file; a word is typed into
 * it, character by character (each answered before the next), for as long as the workspace is being
 * indexed (until the server logs `indexed …`). Settled: another fresh server opens the workspace,
 * builds its index, then opens the file and types as many characters the same way (the same warm-up:
 * the first edits of a fresh server are slower whatever it does meanwhile). Rounds of both are
 * repeated until enough edits were made while indexing.
 */
async function typingWhileIndexed(rounds: number, wanted: number) {
  const path = largestMarkdown(WORKSPACE);
  const text = readFileSync(path, 'utf8');
  const uri = uriOf(path);
  const during: number[] = [];
  const settled: number[] = [];
  const sameServer: number[] = [];
  const firstDiagnostics: number[] = [];
  const indexedAfter: number[] = [];
  const editsPerRound: number[] = [];
  const at = middlePosition(text, /Description:[^\n]*/g);
  const WORD = 'kubernetes ';
  const indexedLine = (client: TestClient) => client.waitFor('window/logMessage', (p: { message: string }) => p.message.startsWith('indexed '), 0, 300_000);
  const typist = (client: TestClient) => {
    let version = 1;
    let character = at.character;
    let k = 0;
    return async () => {
      const ch = WORD[k++ % WORD.length]!;
      const position = { line: at.line, character };
      character += ch.length;
      const mark = client.mark;
      const started = performance.now();
      await client.change(uri, ++version, [{ range: { start: position, end: position }, text: ch }]);
      const v = version;
      await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v, mark, 60_000);
      return performance.now() - started;
    };
  };
  for (let round = 0; round < rounds && (round < 2 || during.length < wanted); round++) {
    const opened = performance.now();
    let made = 0;
    const client = await TestClient.start({ folders: [WORKSPACE] });
    try {
      let indexed = false;
      const indexing = indexedLine(client).then(() => {
        indexed = true;
        indexedAfter.push(performance.now() - opened);
      });
      await client.open(uri, text);
      await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 0, 60_000);
      firstDiagnostics.push(performance.now() - opened);
      const type = typist(client);
      while (!indexed && made < 400) {
        const time = await type();
        if (indexed) break;
        during.push(time);
        made++;
      }
      editsPerRound.push(made);
      await indexing;
      if (round === 0) {
        // The same server once the index is built and its recheck done (300 ms after): warmed up by
        // all the typing before, which the first edits above were not.
        await new Promise((r) => setTimeout(r, 1500));
        for (let k = 0; k < 60; k++) sameServer.push(await type());
      }
    } finally {
      await client.stop();
    }
    const calm = await TestClient.start({ folders: [WORKSPACE] });
    try {
      await indexedLine(calm);
      await calm.open(uri, text);
      await calm.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, 0, 60_000);
      const type = typist(calm);
      for (let k = 0; k < Math.max(made, 20); k++) settled.push(await type());
    } finally {
      await calm.stop();
    }
  }
  return { path, size: text.length, during, settled, sameServer, firstDiagnostics, indexedAfter, editsPerRound };
}

function printTable(header: readonly string[], rows: readonly string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const seedText = existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined;
  const only = process.env.BENCH_CASES; // e.g. "3 MB": run the cases whose name contains it
  const cases: Case[] = [
    { name: seedText ? 'seed (28 KB)' : 'seed-like (28 KB)', text: seedText ?? generateIdeaFile(28_000), edits: 60, wholeRuns: 15 },
    { name: '300 KB', text: generateIdeaFile(300_000, seedText), edits: 40, wholeRuns: 5 },
    { name: '3 MB', text: generateIdeaFile(3_000_000, seedText), edits: 30, wholeRuns: 3 },
  ].filter((c) => !only || c.name.includes(only));
  if (!seedText) console.log(`(${SEED} not found: a generated seed-like file stands in for it)`);
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-bench-lsp-'));
  const rows: string[][] = [];
  const spreadRows: string[][] = [];
  try {
    for (const c of cases) {
      const server = await benchCase(c, dir);
      const whole = await wholeDocument(c);
      const editMedian = quantile(server.editTimes, 0.5);
      const wholeMedian = quantile(whole, 0.5);
      rows.push([
        c.name,
        `${(c.text.length / 1024).toFixed(0)} K`,
        String(server.diagnostics),
        ms(editMedian),
        ms(quantile(server.editTimes, 0.95)),
        ms(quantile(server.lineBreakTimes, 0.5)),
        ms(quantile(server.completionTimes, 0.5)),
        ms(quantile(server.completionTimes, 0.95)),
        `${server.items}`,
        ms(wholeMedian),
        `${(wholeMedian / editMedian).toFixed(0)}×`,
      ]);
      console.error(`done: ${c.name}`);
    }
    for (const c of cases) {
      const spread = await spreadEdits(c, dir);
      spreadRows.push([
        c.name,
        ms(spread.firstDiagnostics),
        ms(spread.allDiagnostics),
        ms(quantile(spread.chars, 0.5)),
        ms(quantile(spread.chars, 0.95)),
        ms(quantile(spread.words, 0.5)),
        ms(quantile(spread.words, 0.95)),
      ]);
      console.error(`done: spread edits, ${c.name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printTable(['file', 'chars', 'diagnostics', 'edit→diag median ms', 'p95', 'line break median ms', 'completion median ms', 'p95', 'items', 'whole parse+check ms', 'speed-up'], rows);
  console.log('\n(a) Opening the file, then edits spread across it, each at a new place (20 places × 1 character; 10 places × a word typed character by character):');
  printTable(['file', 'first diagnostics ms', 'all diagnostics ms', '1 char median ms', 'p95', 'word typed median ms', 'p95'], spreadRows);

  if (existsSync(WORKSPACE) && (!only || only === '(b)')) {
    const b = await typingWhileIndexed(Number(process.env.BENCH_ROUNDS) || 8, 100);
    const duringP95 = quantile(b.during, 0.95);
    const settledP95 = quantile(b.settled, 0.95);
    console.log(
      `\n(b) Typing in the largest file of ${WORKSPACE.slice(WORKSPACE.lastIndexOf('/') + 1)} (${b.path.slice(WORKSPACE.length + 1)}, ${(b.size / 1024).toFixed(0)} K) right after opening the workspace, while it is indexed, and once it is (${b.during.length} edits while indexing over ${b.editsPerRound.length} fresh servers: ${b.editsPerRound.join(', ')}; ${b.settled.length} settled, as many per fresh server opened once the index is built):`,
    );
    printTable(
      ['', 'edit→diag median ms', 'p95', 'max'],
      [
        ['while indexing', ms(quantile(b.during, 0.5)), ms(duringP95), ms(Math.max(...b.during))],
        ['settled (fresh server, index built first)', ms(quantile(b.settled, 0.5)), ms(settledP95), ms(Math.max(...b.settled))],
        ['settled (the first server, warmed up)', ms(quantile(b.sameServer, 0.5)), ms(quantile(b.sameServer, 0.95)), ms(Math.max(...b.sameServer))],
      ],
    );
    console.log(`  p95 while indexing / settled: ${(duringP95 / settledP95).toFixed(2)}× (target ≤ 2×), / settled on the warmed-up server: ${(duringP95 / quantile(b.sameServer, 0.95)).toFixed(2)}×; first diagnostics median ${ms(quantile(b.firstDiagnostics, 0.5))} ms after start, index built median ${ms(quantile(b.indexedAfter, 0.5))} ms after start`);
  } else if (!existsSync(WORKSPACE)) console.log(`\n(b) skipped: ${WORKSPACE} not found`);

  if (only === '(b)') return;
  const big = cases[cases.length - 1]!;
  console.log(`\nWhere a one-character edit's time goes on ${big.name} (the server's steps in process, median ms):`);
  for (const [label, value] of await phases(big)) console.log(`  ${label.padEnd(36)} ${ms(value)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
