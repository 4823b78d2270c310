// `npm run test:web`: the extension's web build in @vscode/test-web, headless Chromium (Debian's), on
// the VS Code OSS web build from npm (see scripts/install-test-web.mjs, run here when needed). Bundles
// test/web/suite for the browser to out/test/web/, opens test/fixtures/workspace, exits with the result.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS_PATH, codeOssCommit } from '../../scripts/install-test-web.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dataDir = path.join(root, '.vscode-test-web');
/** A hung workbench must not hang CI. */
const RUN_TIMEOUT_MS = Number(process.env.WEB_TEST_TIMEOUT_MS) || 3 * 60_000;

if (!existsSync(path.join(root, 'dist/web/client.js')) || !existsSync(path.join(root, 'dist/web/server.js'))) {
  console.error('dist/web/ is not built: run `node scripts/build.mjs` first (npm run test:web does).');
  process.exit(1);
}
const commit = codeOssCommit();
if (!existsSync(path.join(dataDir, `vscode-web-stable-${commit}`, 'version')) || !existsSync(BROWSERS_PATH)) {
  execFileSync(process.execPath, [path.join(root, 'scripts/install-test-web.mjs')], { stdio: 'inherit' });
}

await esbuild.build({
  entryPoints: [path.join(here, 'suite/index.ts')],
  outfile: path.join(root, 'out/test/web/suite/index.js'),
  bundle: true,
  external: ['vscode'],
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  define: { 'process.env.NODE_ENV': '"test"' },
  logLevel: 'warning',
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// The extension host's console arrives here through test-web's console.log. The reporter's last line
// (test/web/suite/mochaSetup.ts) gives the result: with this VS Code OSS build the workbench does not
// always report the end of the run (codeAutomationExit), so the run ends on that line as well.
const consoleLog = console.log.bind(console);
for (const type of ['log', 'info']) {
  const original = console[type].bind(console);
  console[type] = (...args) => {
    original(...args);
    const summary = /(\d+) passing, (\d+) failing/.exec(args.map(String).join(' '));
    if (summary) finish(Number(summary[2]) === 0 ? 0 : 1, `web: ${summary[1]} passed, ${summary[2]} failed`);
  };
}

function finish(code, why) {
  // The plain closing line CI reads: `web: N passed, N failed`.
  consoleLog(why);
  process.exit(code);
}

process.env.PLAYWRIGHT_BROWSERS_PATH = BROWSERS_PATH;
const { runTests } = await import('@vscode/test-web');
const timer = setTimeout(() => {
  console.error(`the web tests did not finish in ${RUN_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, RUN_TIMEOUT_MS);
try {
  await runTests({
    browserType: 'chromium',
    headless: true,
    browserOptions: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    quality: 'stable',
    commit,
    testRunnerDataDir: dataDir,
    host: '127.0.0.1',
    port: await freePort(),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/test/web/suite/index.js'),
    folderPath: path.join(root, 'test/fixtures/workspace'),
    printServerLog: process.env.VSCODE_TEST_VERBOSE === '1',
    verbose: process.env.VSCODE_TEST_VERBOSE === '1',
  });
  clearTimeout(timer);
  finish(0, 'the workbench reported success');
} catch (error) {
  finish(1, error instanceof Error ? error.message : String(error));
}
