// Entry point of dist/cli.js: wires the process to `main` (kept apart so tests can call `main` directly).
import pkg from '../../../package.json';
import type { CliIo } from './lint';
import { main } from './run';

/** No colours when piped or when NO_COLOR is set (https://no-color.org). */
function useColor(): boolean {
  const noColor = process.env.NO_COLOR;
  return process.stdout.isTTY === true && (noColor === undefined || noColor === '');
}

const io: CliIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
  color: useColor(),
  version: pkg.version,
};
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
