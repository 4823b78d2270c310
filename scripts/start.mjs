#!/usr/bin/env node
// `npm start`: builds and packages the extension, then opens test/fixtures/workspace with it.
//   - desktop VS Code (`code` on PATH): `code --extensionDevelopmentPath=<repo> <workspace>`;
//   - otherwise: installs the .vsix into the code-server of scripts/install-code-server.sh (its own
//     profile under .vscode-test/start/) and serves it on 127.0.0.1, printing the URL, until Ctrl-C.
// Environment: PORT (default: a free port), SOC_IDEAS_WORKSPACE (default: test/fixtures/workspace).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.resolve(process.env.SOC_IDEAS_WORKSPACE ?? path.join(root, 'test/fixtures/workspace'));
const profile = path.join(root, '.vscode-test/start');
const vsix = path.join(profile, 'soc-ideas.vsix');

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

fs.mkdirSync(profile, { recursive: true });
run(process.execPath, ['scripts/build.mjs', '--production']);
run(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links',
  '--allow-missing-repository', '--skip-license', '--out', vsix]);

if (onPath('code')) {
  // The development path loads dist/ directly; `code` returns once the window is open.
  run('code', [`--extensionDevelopmentPath=${root}`, workspace]);
} else {
  await serveWithCodeServer();
}

async function serveWithCodeServer() {
  run('sh', [path.join(root, 'scripts/install-code-server.sh')]);
  const host = JSON.parse(fs.readFileSync(path.join(root, '.vscode-test/code-server/host.json'), 'utf8'));
  const entry = path.join(host.codeServer, 'out/node/entry.js');
  const profileArgs = ['--user-data-dir', path.join(profile, 'user-data'), '--extensions-dir', path.join(profile, 'extensions')];
  const config = path.join(profile, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  execFileSync(host.node, [entry, '--config', config, ...profileArgs, '--install-extension', vsix, '--force'], { stdio: 'inherit' });

  const port = Number(process.env.PORT ?? (await freePort()));
  const server = spawn(
    host.node,
    [entry, '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...profileArgs, '--disable-telemetry',
      '--disable-update-check', '--disable-getting-started-override', workspace],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  );
  console.log(`\nSoC Ideas in code-server: http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}\nCtrl-C to stop.`);
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM'); // the server and its extension host
    } catch {
      // already gone
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise((resolve) => server.once('exit', (c) => resolve(c ?? 0)));
  process.exit(code);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
