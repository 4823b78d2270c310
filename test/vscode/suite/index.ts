// Loaded by the VS Code extension host (the module at extensionTestsPath): runs every *.test.js
// next to it with mocha and resolves when all pass.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type MochaType from 'mocha';

// mocha 12 is an ES module with a CommonJS build; the extension host loads tests as CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha/lib/mocha.cjs') as typeof MochaType;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  for (const file of readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
  });
}
