// The module at extensionTestsPath, loaded by the web extension host: mocha is set up first, then the
// test files register their suites, then `run` runs them (the pattern @vscode/test-web documents).
// Bundled for the browser by test/web/run.mjs.
import { browserMocha } from './mochaSetup';
import './web.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    browserMocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}
