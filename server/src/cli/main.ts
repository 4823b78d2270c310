// Entry point of dist/cli.js: wires the process to `main` (kept apart so tests can call `main` directly).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pkg from '../../../package.json';
import { escapeControls } from './controls';
import type { CliIo } from './lint';
import { main } from './run';

/** No colours when piped or when NO_COLOR is set (https://no-color.org). */
function useColor(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

/**
 * stdout closed early (`| head -1`) or full (`> /dev/full`): exit 2 at once, without a stack trace.
 * A closed pipe goes unsaid (the reader left on purpose); anything else is one line on stderr.
 * Fixes are all written before any output, so none is cut short by this.
 */
function outputFailed(error: unknown): never {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'EPIPE') writeStderr(`soc-ideas: cannot write output (${typeof code === 'string' ? code : 'write failed'})`);
  process.exit(2);
}

/** Lines name files and quote their text: made safe for a terminal. stderr failing has nowhere to be told. */
function writeStderr(line: string): void {
  try {
    process.stderr.write(`${escapeControls(line)}\n`);
  } catch {
    // stderr is gone too
  }
}

// A write to a pipe or file fails asynchronously, as an 'error' event, or (a file) synchronously.
process.stdout.on('error', outputFailed);
process.stderr.on('error', () => {});

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => {
    try {
      process.stdout.write(text);
    } catch (e) {
      outputFailed(e);
    }
  },
  stderr: writeStderr,
  color: useColor(),
  version: pkg.version,
  // Bundled beside this file by scripts/build.mjs.
  workerScript: join(__dirname, 'cli-worker.js'),
  ...(existsSync(join(__dirname, 'compile-cache.js')) ? { compileCacheScript: join(__dirname, 'compile-cache.js') } : {}),
};
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
