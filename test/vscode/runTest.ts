// Runs the extension-host tests with @vscode/test-electron's runTests. The executable is
// scripts/vscode-test-host.mjs (a real VS Code server + workbench from the code-server npm package,
// installed by scripts/install-code-server.sh), or a desktop VS Code when VSCODE_EXECUTABLE is set.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '../../..'); // out/test/vscode → repository root
const workspace = path.join(root, 'test/fixtures/workspace');

/** The fixture files' contents, to check that no test wrote to them. */
function snapshotWorkspace(): Map<string, string> {
  const files = readdirSync(workspace, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [path.join(e.parentPath, e.name), readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

/** User settings for the run: nothing unrelated pops up over the workbench (or the screenshot). */
const QUIET_SETTINGS = {
  'git.openRepositoryInParentFolders': 'never',
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off', // tests edit documents and must never write the fixtures
  'editor.stickyScroll.enabled': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
};

async function main(): Promise<void> {
  // A fresh profile per run: no editors or settings left over from the previous run.
  const before = snapshotWorkspace();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'soc-ideas-profile-'));
  mkdirSync(path.join(userDataDir, 'User'));
  writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  // The extension host's working directory is not ours: hand it an absolute path.
  if (process.env.SOC_IDEAS_SCREENSHOT) process.env.SOC_IDEAS_SCREENSHOT = path.resolve(process.env.SOC_IDEAS_SCREENSHOT);
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE ?? path.join(root, 'scripts/vscode-test-host.mjs'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/vscode/suite/index'),
      launchArgs: [workspace, `--user-data-dir=${userDataDir}`, '--disable-extensions'],
    });
  } catch (error) {
    console.error(`VS Code tests failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
  const after = snapshotWorkspace();
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
  if (changed.length > 0) {
    console.error(`VS Code tests changed the fixture workspace: ${changed.map((f) => path.relative(root, f)).join(', ')}`);
    process.exitCode = 1;
  }
}

void main();
