// Size figures (issue 5): a huge idea file (30 MB by default) and 1 MB single lines of hostile
// shapes. For each: parse and lint time, findings, heap and RSS; for the huge file also a re-parse
// after a one-character edit through a SectionCache, and the language server's memory with the
// file open (when dist/server.js is built). Run: node --import tsx scripts/bench-size.ts
//   [--mb 30] [--line-mb 1] [--no-server] [--rules all]
// `npm run bench` calls `benchSize()`. With node --expose-gc the heap figures are live memory.
import { readFileSync } from 'node:fs';
import { resolveFor } from '../server/src/engine/check';
import { loadConfig } from '../server/src/engine/config/configFile';
import type { Host } from '../server/src/engine/host';
import { lint } from '../server/src/engine/rules/lint';
import { SectionCache, parseDocument } from '../server/src/engine/parse/parse';
import { RULES } from '../server/src/engine/rules';
import { generateIdeaFile } from './generate-ideas';

const HEAD = '# Ideas\n\n### Project\n\n#### An idea\n\n';
const TAIL = '\n- Mentor(s): Jane Doe (@jdoe)\n- Issue: https://github.com/o/r/issues/1\n';

/** Idea files with one line of about `bytes` characters, in shapes that are hard on parsers and patterns. */
export function longLineFiles(bytes: number): Record<string, string> {
  const rep = (unit: string) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  return {
    'description of words': HEAD + '- Description: ' + rep('lorem ipsum golang kubernetes ') + TAIL,
    'one long word': HEAD + '- Description: ' + rep('a') + TAIL,
    'mentors list': HEAD + '- Description: x\n- Mentor(s): ' + rep('Jane Doe (@jdoe), ') + TAIL,
    'mentor without separators': HEAD + '- Description: x\n- Mentor(s): ' + rep('a') + TAIL,
    'skills list': HEAD + '- Description: x\n- Recommended Skills: ' + rep('Go, golang, Kubernetes, ') + TAIL,
    'unclosed links [a](': HEAD + '- Description: ' + rep('[a](') + TAIL,
    'emphasis runs': HEAD + '- Description: ' + rep('*a _b ') + TAIL,
    'angle brackets <<<': HEAD + '- Description: ' + rep('<') + TAIL,
    'nested quotes >>>': HEAD + rep('>') + TAIL,
    'nested lists - - -': HEAD + rep('- ') + TAIL,
    'long heading': '#### ' + rep('word ') + '\n\n- Description: x' + TAIL,
    'no line break': rep('x'),
  };
}

const noFiles: Host = { readFile: async () => undefined };
const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;

export interface SizeFigure {
  readonly name: string;
  readonly chars: number;
  readonly parseMs: number;
  readonly lintMs: number;
  readonly findings: number;
  readonly ideas: number;
  readonly heapUsedMB: number;
  readonly rssMB: number;
  /** Rules left out (known to be slow on this input) */
  readonly skippedRules: readonly string[];
  readonly slowestRule?: string;
  readonly reparseAfterEditMs?: number;
  readonly sectionsReparsed?: number;
}

/** Parse and lint one text; rules timed one by one. `skip`: rule ids not run. */
export async function measure(name: string, text: string, skip: readonly string[] = [], withEdit = false): Promise<SizeFigure> {
  const cache = new SectionCache();
  let t = performance.now();
  const doc = parseDocument(text, { cache });
  const parseMs = performance.now() - t;
  // Config and template as checkDocument finds them; the rules then run one at a time.
  const config = await loadConfig('file:///bench/ideas.md', noFiles);
  const resolved = await resolveFor({ uri: 'file:///bench/ideas.md', host: noFiles }, doc, config);
  let lintMs = 0;
  let findings = 0;
  let slowest = { id: '', ms: -1 };
  for (const rule of RULES) {
    if (skip.includes(rule.id)) continue;
    t = performance.now();
    findings += lint(doc, { uri: 'file:///bench/ideas.md', template: resolved.template, levels: config.config.rules, rules: [rule] }).length;
    const ms = performance.now() - t;
    lintMs += ms;
    if (ms > slowest.ms) slowest = { id: rule.id, ms };
  }
  let edit: Pick<SizeFigure, 'reparseAfterEditMs' | 'sectionsReparsed'> = {};
  if (withEdit) {
    const at = Math.floor(text.length / 2);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    t = performance.now();
    parseDocument(edited, { cache });
    edit = { reparseAfterEditMs: Math.round(performance.now() - t), sectionsReparsed: cache.parsedInLastRun };
  }
  (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: live memory, not garbage
  const memory = process.memoryUsage();
  return {
    name,
    chars: text.length,
    parseMs: Math.round(parseMs),
    lintMs: Math.round(lintMs),
    findings,
    ideas: doc.ideas.length,
    heapUsedMB: mb(memory.heapUsed),
    rssMB: mb(memory.rss),
    skippedRules: skip,
    ...(slowest.id ? { slowestRule: `${slowest.id} ${Math.round(slowest.ms)} ms` } : {}),
    ...edit,
  };
}

/** Rules with patterns that are quadratic on long lines (see the issue 5 report); left out above this line length. */
export const SLOW_ON_LONG_LINES = ['term-spelling'];
const LONG_LINE = 64 * 1024;

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) longest = Math.max(longest, line.length);
  return longest;
}

export interface ServerFigure {
  readonly chars: number;
  readonly firstDiagnosticsMs: number;
  readonly diagnostics: number;
  readonly rssMB: number;
  readonly peakRssMB: number;
}

/** The language server with the huge file open: time to its diagnostics, and its memory (Linux /proc). */
export async function measureServer(text: string): Promise<ServerFigure | string> {
  const { TestClient, SERVER_JS } = await import('../test/lsp/client');
  const { existsSync } = await import('node:fs');
  if (!existsSync(SERVER_JS)) return `${SERVER_JS} missing: run node scripts/build.mjs`;
  const client = await TestClient.start({});
  try {
    const uri = 'file:///bench/huge-ideas.md';
    const t = performance.now();
    await client.open(uri, text, 1);
    const published = await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string }) => p.uri === uri, 0, 15 * 60_000);
    const firstDiagnosticsMs = Math.round(performance.now() - t);
    let rssMB = NaN;
    let peakRssMB = NaN;
    try {
      const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
      rssMB = mb(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024);
      peakRssMB = mb(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024);
    } catch {
      // not Linux: no figures
    }
    return { chars: text.length, firstDiagnosticsMs, diagnostics: (published as { diagnostics: unknown[] }).diagnostics.length, rssMB, peakRssMB };
  } finally {
    await client.stop();
  }
}

export interface BenchSizeOptions {
  readonly hugeMB?: number;
  readonly lineMB?: number;
  readonly server?: boolean;
  /** Run every rule even on long lines. */
  readonly allRules?: boolean;
  readonly log?: (line: string) => void;
}

export async function benchSize(options: BenchSizeOptions = {}): Promise<{ figures: SizeFigure[]; server?: ServerFigure | string }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const hugeMB = options.hugeMB ?? 30;
  const lineMB = options.lineMB ?? 1;
  const figures: SizeFigure[] = [];
  const report = (f: SizeFigure) => {
    figures.push(f);
    log(
      `${f.name.padEnd(28)} ${String(mb(f.chars)).padStart(5)} MB  parse ${String(f.parseMs).padStart(6)} ms  lint ${String(f.lintMs).padStart(6)} ms` +
        `  ideas ${f.ideas}  findings ${f.findings}  heap ${f.heapUsedMB} MB  rss ${f.rssMB} MB` +
        (f.slowestRule ? `  slowest rule: ${f.slowestRule}` : '') +
        (f.reparseAfterEditMs !== undefined ? `  re-parse after 1 edit ${f.reparseAfterEditMs} ms (${f.sectionsReparsed} sections)` : '') +
        (f.skippedRules.length ? `  skipped: ${f.skippedRules.join(', ')}` : ''),
    );
  };
  const huge = generateIdeaFile(hugeMB * 1e6);
  report(await measure(`idea file ${hugeMB} MB`, huge, [], true));
  for (const [name, text] of Object.entries(longLineFiles(lineMB * 1e6))) {
    const skip = !options.allRules && longestLine(text) > LONG_LINE ? SLOW_ON_LONG_LINES : [];
    report(await measure(`${lineMB} MB line: ${name}`, text, skip));
  }
  let server: ServerFigure | string | undefined;
  if (options.server !== false) {
    server = await measureServer(huge).catch((error: unknown) => `no answer: ${error instanceof Error ? error.message : String(error)}`);
    log(typeof server === 'string' ? `server: ${server}` : `server with the ${hugeMB} MB file open: diagnostics after ${server.firstDiagnosticsMs} ms (${server.diagnostics}), rss ${server.rssMB} MB, peak rss ${server.peakRssMB} MB`);
  }
  return { figures, ...(server !== undefined ? { server } : {}) };
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) void main();

async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  await benchSize({
    hugeMB: Number(arg('--mb') ?? 30),
    lineMB: Number(arg('--line-mb') ?? 1),
    server: !process.argv.includes('--no-server'),
    allRules: arg('--rules') === 'all',
  });
}
