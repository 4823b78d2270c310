// Runs the extension-host tests with @vscode/test-electron's runTests. The executable is
// scripts/vscode-test-host.mjs (a real VS Code server + workbench from the code-server npm package,
// installed by scripts/install-code-server.sh), or a desktop VS Code when VSCODE_EXECUTABLE is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..'); // out/test/vscode → repository root

async function main(): Promise<void> {
  // A fresh profile per run: no editors or settings left over from the previous run.
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'soc-ideas-profile-'));
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE ?? path.join(root, 'scripts/vscode-test-host.mjs'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/vscode/suite/index'),
      launchArgs: [path.join(root, 'test/fixtures/workspace'), `--user-data-dir=${userDataDir}`, '--disable-extensions'],
    });
  } catch (error) {
    console.error(`VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

void main();
