// Shared by the CLI tests: a private bundle of the CLI (built from server/src/cli/main.ts with the
// options scripts/build.mjs uses, so concurrent test files and builds never race on dist/), a runner,
// and scratch copies of the fixtures.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleNodeEntry } from '../bundle';

export const REPO = resolve(__dirname, '../..');
export const FIXTURES = join(REPO, 'test/fixtures/cli');
/** Fixture paths as a user in the repo root types them. */
export const REL_FIXTURES = 'test/fixtures/cli';

export async function buildCli(): Promise<{ cli: string; dispose: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-cli-'));
  const cli = join(dir, 'cli.js');
  // Laid out as in dist/: the worker threads' script beside the CLI.
  await Promise.all([bundleNodeEntry(join(REPO, 'server/src/cli/main.ts'), cli), bundleNodeEntry(join(REPO, 'server/src/cli/worker.ts'), join(dir, 'cli-worker.js'))]);
  return { cli, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(cli: string, args: readonly string[], cwd = REPO): RunResult {
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder holding a copy of the fixtures; removed by the returned function. */
export function scratchCopy(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-fixtures-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  rule: string;
  message: string;
}

export function parseFindings(stdout: string): JsonFinding[] {
  return JSON.parse(stdout) as JsonFinding[];
}
