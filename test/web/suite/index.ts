// The module at extensionTestsPath, loaded by the web extension host: mocha is set up first, then the
// test files register their suites, then `run` runs them (the pattern @vscode/test-web documents).
// Bundled for the browser by test/web/run.mjs.
import { browserMocha, runEnded } from './mochaSetup';
import './web.test';

export async function run(): Promise<void> {
  browserMocha.run();
  const failures = await runEnded;
  if (failures > 0) throw new Error(`${failures} web test(s) failed`);
}
