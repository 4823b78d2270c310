#!/usr/bin/env node
// Stand-in for the VS Code executable that @vscode/test-electron's runTests() launches, for machines
// that cannot download VS Code (only npm and apt are reachable). It runs the extension tests in a REAL
// VS Code Node extension host: the VS Code server from the `code-server` npm package (installed by
// scripts/install-code-server.sh), driven by the real web workbench in headless Debian Chromium.
//
// How: the workbench URL's `payload` carries extensionDevelopmentPath / extensionTestsPath as
// vscode-remote:// URIs (VS Code's own browser integration tests work this way); the extension host's
// console arrives through window.codeAutomationLog and its exit code through window.codeAutomationExit.
//
// Arguments (VS Code CLI style, `--flag=value` or `--flag value`): --extensionDevelopmentPath (repeatable),
// --extensionTestsPath, --user-data-dir, --extensions-dir, and a folder or .code-workspace to open.
// Desktop-only flags (--no-sandbox, --disable-updates, ...) are accepted and ignored.
// Environment:
//   CODE_SERVER_HOST_JSON   host.json written by the install script (default .vscode-test/code-server/host.json)
//   CHROMIUM                the browser (default /usr/bin/chromium)
//   VSCODE_TEST_TIMEOUT_MS  give up after this long (default 300000)
//   VSCODE_TEST_VERBOSE=1   relay every workbench log line, including offline noise
//   SOC_IDEAS_SCREENSHOT    write a PNG of the workbench when a test logs SCREENSHOT_MARKER (the extension host
//                           is still alive then: diagnostics, views), or else when the tests end. A marker may
//                           name another PNG beside it (`MARKER name.png`) and a CSS selector to point the
//                           mouse at first (`MARKER name.png hover=SELECTOR`: a status bar item's hover)
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const startedAt = Date.now();
const say = (...parts) => console.log(`[vscode-test-host +${((Date.now() - startedAt) / 1000).toFixed(1)}s]`, ...parts);
// Offline noise: the gallery, telemetry and chat services the workbench cannot reach.
const SCREENSHOT_MARKER = '[soc-ideas] screenshot-ready';
const NOISE = /^(\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]|ChatSessionStore|Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin extensions cache)|ENOTFOUND (open-vsx\.org|marketplace|.*microsoft\.com)/;

const options = parseArguments(process.argv.slice(2));
if (!options.extensionTestsPath) fail('--extensionTestsPath is required');
const host = readHostJson();
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const timeoutMs = Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 300_000);
const verbose = process.env.VSCODE_TEST_VERBOSE === '1';
const screenshotPath = process.env.SOC_IDEAS_SCREENSHOT ? path.resolve(process.env.SOC_IDEAS_SCREENSHOT) : undefined;
const { chromium } = createRequire(path.join(repoRoot, 'package.json'))('playwright-core');

// Everything a run writes (settings, sockets, logs) lives in one temp folder, removed when the run passes.
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soc-ideas-vscode-'));
const serverLog = path.join(runDir, 'code-server.log');
const authority = `127.0.0.1:${await freePort()}`;
const server = startCodeServer();
const serverExited = new Promise((resolve) => server.once('exit', resolve));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopCodeServer();
    process.exit(130);
  });
}

let exitCode = 1;
let browser;
try {
  await waitUntilHealthy();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  let screenshotTaken = false;
  const takeScreenshot = async (marker = '') => {
    const [name, ...rest] = marker.trim() === '' ? [] : marker.trim().split(/\s+/);
    const target = name ? path.join(path.dirname(screenshotPath), path.basename(name)) : screenshotPath;
    const hover = rest.join(' ').match(/^hover=(.+)$/)?.[1];
    if (hover) await page.hover(hover, { timeout: 10_000 }).catch((e) => say(`could not hover ${hover}:`, e.message));
    await delay(1500); // let the last view changes paint
    await page.screenshot({ path: target });
    if (!name) screenshotTaken = true;
    say(`screenshot ${target}`);
  };
  const extensionHostExit = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', async (type, args) => {
      const line = String(args?.[0] ?? args);
      if (screenshotPath && line.startsWith(SCREENSHOT_MARKER)) await takeScreenshot(line.slice(SCREENSHOT_MARKER.length)).catch((e) => say('screenshot failed:', e));
      else relayLog(type, args);
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  if (verbose) page.on('pageerror', (error) => say('page error:', error.message));
  await page.goto(workbenchUrl());
  const outcome = await Promise.race([extensionHostExit, delay(timeoutMs).then(() => 'timeout')]);
  if (screenshotPath && !screenshotTaken) await takeScreenshot();
  if (outcome === 'timeout') say(`no result after ${timeoutMs} ms (was the payload honoured? see ${serverLog})`);
  else exitCode = outcome;
} catch (error) {
  say('error:', error?.stack ?? error);
} finally {
  await browser?.close().catch(() => {});
  await stopCodeServer();
}
say(`extension host exit code ${exitCode}`);
if (exitCode === 0) fs.rmSync(runDir, { recursive: true, force: true });
else say(`kept ${runDir} (code-server.log) for inspection`);
process.exit(exitCode);

function parseArguments(args) {
  const parsed = { extensionDevelopmentPath: [], folder: undefined };
  const valued = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      parsed.folder ??= path.resolve(arg);
      continue;
    }
    const [name, inlineValue] = arg.slice(2).split(/=(.*)/s, 2);
    if (!valued.has(name)) continue;
    const value = path.resolve(inlineValue ?? args[++i]);
    if (name === 'extensionDevelopmentPath') parsed.extensionDevelopmentPath.push(value);
    else parsed[name] = value;
  }
  return parsed;
}

function readHostJson() {
  const file = process.env.CODE_SERVER_HOST_JSON ?? path.join(repoRoot, '.vscode-test/code-server/host.json');
  const json = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (!json.codeServer || !fs.existsSync(path.join(json.codeServer, 'out/node/entry.js'))) {
    fail(`no code-server at ${file}: run sh scripts/install-code-server.sh`);
  }
  return { codeServer: json.codeServer, node: fs.existsSync(json.node ?? '') ? json.node : process.execPath };
}

function startCodeServer() {
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const tmp = path.join(runDir, 'tmp');
  fs.mkdirSync(tmp);
  const args = [path.join(host.codeServer, 'out/node/entry.js'), '--config', configFile, '--auth', 'none',
    '--bind-addr', authority,
    '--user-data-dir', options['user-data-dir'] ?? path.join(runDir, 'user-data'),
    '--extensions-dir', options['extensions-dir'] ?? path.join(runDir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened'];
  const out = fs.openSync(serverLog, 'a');
  say(`code-server on http://${authority} (log ${serverLog})`);
  return spawn(host.node, args, {
    detached: true, // its own process group: the extension host and watchers end with it
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      TMPDIR: tmp,
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
      // VS Code 1.133+ honours the payload's test paths in a built workbench only with the smoke-test
      // driver on; code-server 4.136+ forwards VSCODE_OPTIONS to the VS Code server. Older ones ignore it.
      VSCODE_OPTIONS: [process.env.VSCODE_OPTIONS, 'enable-smoke-test-driver'].filter(Boolean).join(' '),
    },
  });
}

async function stopCodeServer() {
  const signalGroup = (signal) => {
    try {
      process.kill(-server.pid, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  await Promise.race([serverExited, delay(3000)]);
  await delay(300);
  signalGroup('SIGKILL');
}

async function waitUntilHealthy() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://${authority}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`code-server did not start; see ${serverLog}`);
    await delay(200);
  }
}

function workbenchUrl() {
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [
    ...options.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(options.extensionTestsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const folder = options.folder;
  const open = !folder ? 'ew=true' : `${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(folder)}`;
  return `http://${authority}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function relayLog(type, args) {
  const text = util.format(...(Array.isArray(args) ? args : [args]));
  if (!text.trim() || (!verbose && NOISE.test(text))) return;
  (type === 'error' ? console.error : console.log)(text);
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function fail(message) {
  console.error(`vscode-test-host: ${message}`);
  process.exit(2);
}
