/// <reference types="mocha" />
// Mocha's browser build, set up before the test files are evaluated (they call `suite` at load time).
// The web extension host has no DOM and no stdout: a small reporter prints through console.log, which
// @vscode/test-web forwards to the terminal.
import type { Runner, Test } from 'mocha';

// The browser build puts its instance on the global object (`mocha`); what it exports is the class.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js');
const browserMocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;

let reportEnd: (failures: number) => void = () => {};
/** Settles with the number of failures when the run ends. */
export const runEnded = new Promise<number>((resolve) => (reportEnd = resolve));

/**
 * One line per test, the failures with their errors, and the counts. It also reports the end of the
 * run: in the web extension host the callback of mocha.run() is never called (mocha 12 browser build).
 */
class ConsoleReporter {
  constructor(runner: Runner) {
    const failures: { test: Test; error: unknown }[] = [];
    let passed = 0;
    runner.on('suite', (suite) => {
      if (suite.title) console.log(`  ${suite.title}`);
    });
    runner.on('pass', (test) => {
      passed++;
      console.log(`    ✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('fail', (test, error) => {
      failures.push({ test, error });
      console.log(`    ✘ ${test.title}`);
    });
    runner.once('end', () => {
      for (const [i, { test, error }] of failures.entries()) {
        console.log(`\n  ${i + 1}) ${test.fullTitle()}\n     ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      console.log(`\n  ${passed} passing, ${failures.length} failing`);
      reportEnd(failures.length);
    });
  }
}

browserMocha.setup({ ui: 'tdd', reporter: ConsoleReporter as never, timeout: 30_000 });

export { browserMocha };
