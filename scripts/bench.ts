// `npm run bench`: lint time of the seed and of generated 300 KB and 3 MB idea files, beside
// markdownlint (default rules) and a whole-document remark parse of the same text, in one run.
// Then the CLI over ../shared/corpus and ../shared/workspaces as whole processes beside a whole
// markdownlint process (scripts/markdownlint-files.mjs), and the hostile shapes
// (scripts/hostile-shapes.ts), each in its own process with a time bound, as time per MB beside an
// ordinary idea file's.
//   npm run bench  (bundled by esbuild like the shipped code, then run by node; --quick: fewer runs;
//   --hostile: only the hostile shapes, --only TEXT: those whose name contains TEXT; --cli: only the CLI beside markdownlint)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint as markdownlint } from 'markdownlint/sync';
import { checkDocument } from '../server/src/engine/check';
import { LintCache } from '../server/src/engine/rules/lint';
import { RULES } from '../server/src/engine/rules';
import { SectionCache } from '../server/src/engine/parse/parse';
import { generateIdeaFile } from './generate-ideas';
import { HOSTILE_SHAPES } from './hostile-shapes';

const SEED = join(__dirname, '..', '..', 'shared', 'corpus', 'cncf-soc-README-2019-02-06.md');
const seedText = existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined;
const quick = process.argv.includes('--quick');
const host = { readFile: async () => undefined };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(runs, 10); i++) await f(); // warm-up (the JIT), the same for every tool
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

/** One check of a hostile shape (or of the ordinary file, index -1), in this process: `{ ms, chars, findings, notice }` on stdout. */
async function runShape(index: number): Promise<void> {
  const shape = HOSTILE_SHAPES[index];
  const { text, template } = shape ? shape.make(Number(process.env.SHAPE_BYTES ?? shape.bytes)) : { text: generateIdeaFile(1_000_000, seedText), template: undefined };
  const uri = 'file:///bench/ideas.md';
  const shapeHost = { readFile: async (u: string) => (template !== undefined && u === 'file:///bench/template.md' ? template : undefined) };
  const settings = template !== undefined ? { template: 'template.md' } : {};
  await checkDocument({ uri, text: text.slice(0, 20_000), host: shapeHost, settings }); // warm-up (the JIT)
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await checkDocument({ uri, text, host: shapeHost, settings });
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ ms, cpuMs, chars: text.length, findings: result.findings.length, notice: result.notice ?? '' }));
}

/** Seconds a hostile shape may take before it is reported as over the bound. */
const SHAPE_BOUND_S = Number(process.env.SHAPE_BOUND_S ?? 60);

/**
 * The hostile shapes, each in its own process, as CPU time per MB (user + sys of that process
 * during the check: steadier than wall time on a shared machine) beside the ordinary file's, timed
 * before and after them (the lower counts). `--only TEXT` runs the shapes whose name contains TEXT.
 */
function hostileSection(): void {
  const run = (index: number): { perMb: number; line: string } => {
    const r = spawnSync(process.execPath, [__filename, '--shape', String(index)], { encoding: 'utf8', timeout: SHAPE_BOUND_S * 1000 });
    if (r.error || r.status !== 0) return { perMb: Infinity, line: r.error ? `> ${SHAPE_BOUND_S} s` : `failed: ${r.stderr.trim().split('\n')[0]}` };
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; chars: number; findings: number; notice: string };
    const perMb = out.cpuMs / (out.chars / 1e6);
    return { perMb, line: `${fmt(out.cpuMs)} CPU (${fmt(out.ms)} wall) for ${(out.chars / 1e6).toFixed(2)} MB, ${out.findings} findings${out.notice ? ', notice' : ''}` };
  };
  const only = process.argv.indexOf('--only');
  const filter = only >= 0 ? process.argv[only + 1] ?? '' : '';
  const before = run(-1);
  console.log(`\nhostile shapes, one process each (bound ${SHAPE_BOUND_S} s), CPU time per MB; ordinary idea file: ${fmt(before.perMb)} per MB (${before.line})`);
  const results = HOSTILE_SHAPES.map((shape, i) => (shape.name.includes(filter) ? { shape, r: run(i) } : undefined)).filter((x) => x !== undefined);
  const after = run(-1);
  const ordinary = Math.min(before.perMb, after.perMb);
  console.log(`ordinary idea file again: ${fmt(after.perMb)} per MB (${after.line}); ratios are to ${fmt(ordinary)}`);
  const rows = results.map(({ shape, r }) => [shape.name, fmt(r.perMb), Number.isFinite(r.perMb) ? `${(r.perMb / ordinary).toFixed(1)}x` : '-', r.line]);
  printTable(['shape', 'CPU per MB', 'vs ordinary', 'run'], rows);
}

/** CPU seconds (user + sys) of the waited-for children of this process so far; undefined off Linux. */
function childrenCpuSeconds(): number | undefined {
  try {
    // /proc/self/stat: fields 16 and 17 are cutime and cstime, in clock ticks (100 per second on Linux).
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Wall and CPU time of one process, with its stdout. */
function timeProcess(args: readonly string[]): { wallMs: number; cpuS: number | undefined; stdout: string } {
  const cpu0 = childrenCpuSeconds();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t0;
  const cpu1 = childrenCpuSeconds();
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
  return { wallMs, cpuS: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined, stdout: r.stdout };
}

/** `soc-ideas lint --format json` over the shared corpus and workspaces beside markdownlint over the same files: whole processes, alternating. */
function cliSection(): void {
  const root = join(__dirname, '..');
  const shared = join(root, '..', 'shared');
  const paths = [join(shared, 'corpus'), join(shared, 'workspaces')];
  console.log('\nCLI over ../shared/corpus + ../shared/workspaces (whole processes, alternating runs, median)');
  if (!paths.every((p) => existsSync(p))) {
    console.log('  skipped: ../shared/corpus or ../shared/workspaces is absent');
    return;
  }
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('  skipped: dist/cli.js is not built (npm run build)');
    return;
  }
  // The installed command: through the V8 code cache (warm after the first run).
  const ours = [join(root, 'bin', 'soc-ideas.js'), 'lint', '--format', 'json', ...paths];
  const peer = [join(root, 'scripts', 'markdownlint-files.mjs'), ...paths];
  const runs = quick ? 3 : 5;
  const oursRuns: ReturnType<typeof timeProcess>[] = [];
  const peerRuns: ReturnType<typeof timeProcess>[] = [];
  for (let i = 0; i < runs; i++) {
    oursRuns.push(timeProcess(ours));
    peerRuns.push(timeProcess(peer));
  }
  const oursFindings = JSON.parse(oursRuns[0]!.stdout) as Array<{ file: string }>;
  const peerResults = JSON.parse(peerRuns[0]!.stdout) as Record<string, unknown[]>;
  const peerFiles = Object.keys(peerResults);
  const peerFindings = Object.values(peerResults).reduce((n, errors) => n + errors.length, 0);
  const wall = (xs: ReturnType<typeof timeProcess>[]) => median(xs.map((x) => x.wallMs));
  const cpu = (xs: ReturnType<typeof timeProcess>[]) => (xs.every((x) => x.cpuS !== undefined) ? `${median(xs.map((x) => x.cpuS!)).toFixed(2)} s` : 'n/a');
  printTable(
    ['tool', 'wall (median)', 'CPU user+sys (median)', 'files read', 'files with findings', 'findings'],
    [
      ['soc-ideas lint --format json', fmt(wall(oursRuns)), cpu(oursRuns), String(peerFiles.length), String(new Set(oursFindings.map((f) => f.file)).size), String(oursFindings.length)],
      ['markdownlint (sync API, default rules)', fmt(wall(peerRuns)), cpu(peerRuns), String(peerFiles.length), String(Object.values(peerResults).filter((e) => e.length > 0).length), String(peerFindings)],
    ],
  );
  console.log(`soc-ideas lint is ${(wall(peerRuns) / wall(oursRuns)).toFixed(2)}x as fast as markdownlint (${runs} runs each, ${availableParallelism()} cores; soc-ideas reads every markdown file and reports its idea files).`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const shapeArg = process.argv.indexOf('--shape');
  if (shapeArg >= 0) return runShape(Number(process.argv[shapeArg + 1]));
  if (process.argv.includes('--hostile')) return hostileSection();
  if (process.argv.includes('--cli')) return cliSection();
  const micromark = JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', 'micromark', 'package.json'), 'utf8')).version;
  console.log(`node ${process.version}, micromark ${micromark} (pinned: 4.0.3 is ~6x slower on 3 MB)`);
  console.log(seedText ? 'seed: ../shared/corpus/cncf-soc-README-2019-02-06.md' : 'seed: not found, using the built-in seed-like sample');
  const inputs: Array<[string, string, number]> = [
    ['seed', seedText ?? generateIdeaFile(28_000), 30],
    ['300 KB', generateIdeaFile(300_000, seedText), 10],
    ['3 MB', generateIdeaFile(3_000_000, seedText), quick ? 1 : 3],
  ];
  const rows: string[][] = [];
  for (const [name, text, runs] of inputs) {
    const uri = 'file:///bench/ideas.md';
    const ours = await time(runs, () => checkDocument({ uri, text, host }));
    const cache = new SectionCache();
    const lintCache = new LintCache();
    // A one-character edit in the middle of the file, typed and deleted again.
    const middle = text.indexOf('Description:', text.length >> 1);
    const edited = (i: number) => (i % 2 ? text.slice(0, middle) + 'x' + text.slice(middle) : text);
    await checkDocument({ uri, text, host, cache, lintCache });
    let n = 0;
    const incremental = await time(runs * 3, () => checkDocument({ uri, text: edited(++n), host, cache, lintCache }));
    const remark = await time(runs, () => fromMarkdown(text));
    const mdl = await time(runs, () => markdownlint({ strings: { [name]: text } }));
    const findings = (await checkDocument({ uri, text, host })).findings.length;
    rows.push([
      name,
      `${(text.length / 1024).toFixed(0)} KB`,
      fmt(ours),
      fmt(incremental),
      fmt(remark),
      fmt(mdl),
      `${(mdl / ours).toFixed(1)}x`,
      `${(mdl / incremental).toFixed(0)}x`,
      String(findings),
    ]);
  }
  const header = ['file', 'size', 'soc-ideas lint', 're-lint after edit', 'remark parse (whole)', 'markdownlint', 'vs markdownlint', 're-lint vs markdownlint', 'findings'];
  printTable(header, rows);
  console.log(`soc-ideas lint: parse (sectional remark) + template + all ${RULES.length} rules, cold cache. re-lint: one-line edit with the section cache.`);
  cliSection();
  hostileSection();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
