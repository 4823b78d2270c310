// The V8 code cache of bin/soc-ideas.js (server/src/node/compileCache.ts) only saves time: with it cold,
// warm, corrupt, truncated, unwritable, replaced by a new build or written by two runs at once, the
// CLI (main thread and worker threads) prints what it prints without it, with the same exit code.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKERS_ENV } from '../../server/src/cli/lint';
import { COMPILE_CACHE_ENV } from '../../server/src/node/compileCache';
import { bundleNodeEntry } from '../bundle';
import { REL_FIXTURES, REPO, type RunResult } from './helpers';

/** A private install: bin/soc-ideas.js (the real one) beside dist/ with the CLI, its worker threads' script and the cache's. */
let root = '';
let bin = '';
/** The run without the cache, that every other is compared with. */
let uncached: RunResult;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'soc-ideas-compile-cache-'));
  mkdirSync(join(root, 'bin'));
  bin = join(root, 'bin', 'soc-ideas.js');
  copyFileSync(join(REPO, 'bin/soc-ideas.js'), bin);
  await Promise.all([
    bundleNodeEntry(join(REPO, 'server/src/cli/main.ts'), join(root, 'dist/cli.js')),
    bundleNodeEntry(join(REPO, 'server/src/cli/worker.ts'), join(root, 'dist/cli-worker.js')),
    bundleNodeEntry(join(REPO, 'server/src/node/compileCache.ts'), join(root, 'dist/compile-cache.js')),
  ]);
  uncached = run({ [COMPILE_CACHE_ENV]: '0', XDG_CACHE_HOME: join(root, 'never') });
  assert.equal(uncached.stderr, '');
  assert.equal(uncached.status, 1, 'the fixtures hold an error');
  assert.ok(JSON.parse(uncached.stdout).length > 0);
});
after(() => rmSync(root, { recursive: true, force: true }));

/** Two worker threads over the fixtures: both scripts go through the cache. */
const LINT = ['lint', '--format', 'json', REL_FIXTURES];

function env(cache: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', [WORKERS_ENV]: '2' };
  delete base.XDG_CACHE_HOME;
  delete base[COMPILE_CACHE_ENV];
  return { ...base, ...cache };
}

function run(cache: Record<string, string>, args = LINT): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: REPO, env: env(cache), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runAsync(cache: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...LINT], { cwd: REPO, env: env(cache) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh XDG_CACHE_HOME; the cache files land in its soc-ideas/v8. */
function freshCacheHome(): { home: string; folder: string } {
  const home = mkdtempSync(join(root, 'xdg-'));
  return { home, folder: join(home, 'soc-ideas', 'v8') };
}

const cacheFiles = (folder: string): string[] => readdirSync(folder).sort();

/** A cache file as compileCache.ts writes it: the SHA-256 of the rest, then V8's bytes. */
function isWhole(path: string): boolean {
  const bytes = readFileSync(path);
  return bytes.length > 32 && createHash('sha256').update(bytes.subarray(32)).digest().equals(bytes.subarray(0, 32));
}


function assertSameAsUncached(r: RunResult): void {
  assert.equal(r.stderr, uncached.stderr);
  assert.equal(r.stdout, uncached.stdout);
  assert.equal(r.status, uncached.status);
}

describe('V8 code cache of the CLI', () => {
  test('off: nothing written', () => {
    const { home } = freshCacheHome();
    assertSameAsUncached(run({ [COMPILE_CACHE_ENV]: '0', XDG_CACHE_HOME: home }));
    assert.deepEqual(readdirSync(home), []);
  });

  test('cold then warm: one file per script, kept as it is by the warm run', () => {
    const { home, folder } = freshCacheHome();
    assertSameAsUncached(run({ XDG_CACHE_HOME: home }));
    const files = cacheFiles(folder);
    assert.equal(files.length, 2, files.join());
    assert.match(files[0]!, /^cli-worker\.js\.[0-9a-f]{32}\.bin$/);
    assert.match(files[1]!, /^cli\.js\.[0-9a-f]{32}\.bin$/);
    assert.ok(files.every((f) => isWhole(join(folder, f))));
    const bytes = files.map((f) => readFileSync(join(folder, f)));
    assertSameAsUncached(run({ XDG_CACHE_HOME: home }));
    assert.deepEqual(cacheFiles(folder), files);
    files.forEach((f, i) => assert.ok(readFileSync(join(folder, f)).equals(bytes[i]!), `${f} rewritten by a warm run`));
  });

  for (const damage of ['corrupt', 'truncated', 'empty'] as const) {
    test(`a ${damage} cache file: the same output and exit code, and the file rewritten whole`, () => {
      const { home, folder } = freshCacheHome();
      run({ XDG_CACHE_HOME: home });
      const whole = new Map(cacheFiles(folder).map((f) => [f, readFileSync(join(folder, f))]));
      for (const [f, bytes] of whole) {
        const path = join(folder, f);
        if (damage === 'corrupt') {
          // Past the digest, in the bytecode: V8 itself accepts such a cache.
          const bad = Buffer.from(bytes);
          for (let i = Math.floor(bad.length / 3); i < Math.floor(bad.length / 3) + 4000; i++) bad[i]! ^= 0x5a;
          writeFileSync(path, bad);
        } else {
          truncateSync(path, damage === 'empty' ? 0 : Math.floor(bytes.length / 2));
        }
      }
      assertSameAsUncached(run({ XDG_CACHE_HOME: home }));
      assert.deepEqual(cacheFiles(folder), [...whole.keys()]);
      for (const f of whole.keys()) assert.ok(isWhole(join(folder, f)), `${f} rewritten`);
      assertSameAsUncached(run({ XDG_CACHE_HOME: home }));
    });
  }

  test('no cache folder to be had: XDG_CACHE_HOME or HOME a file, or XDG_CACHE_HOME empty and HOME a file', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    for (const cache of [{ XDG_CACHE_HOME: file }, { XDG_CACHE_HOME: join(file, 'below') }, { XDG_CACHE_HOME: '', HOME: file }, { HOME: file }] as Array<Record<string, string>>) {
      assertSameAsUncached(run(cache));
      assert.equal(readFileSync(file, 'utf8'), 'not a folder');
    }
  });

  test('a new build of a script: a new file, and the old build’s file removed', () => {
    const { home, folder } = freshCacheHome();
    run({ XDG_CACHE_HOME: home });
    const before = cacheFiles(folder);
    const worker = join(root, 'dist/cli-worker.js');
    const original = readFileSync(worker);
    try {
      appendFileSync(worker, '\n// another build\n');
      assertSameAsUncached(run({ XDG_CACHE_HOME: home }));
      const now = cacheFiles(folder);
      assert.equal(now.length, 2, now.join());
      assert.equal(now[1], before[1], 'the CLI’s own file stays');
      assert.notEqual(now[0], before[0]);
      assert.match(now[0]!, /^cli-worker\.js\./);
    } finally {
      writeFileSync(worker, original);
    }
  });

  test('two runs writing a cold cache at once: both right, one whole file per script, no temporary file left', async () => {
    const { home, folder } = freshCacheHome();
    const runs = await Promise.all([runAsync({ XDG_CACHE_HOME: home }), runAsync({ XDG_CACHE_HOME: home })]);
    runs.forEach(assertSameAsUncached);
    const files = cacheFiles(folder);
    assert.equal(files.length, 2, files.join());
    assert.ok(files.every((f) => f.endsWith('.bin') && isWhole(join(folder, f))));
    assertSameAsUncached(run({ XDG_CACHE_HOME: home }));
    assert.deepEqual(cacheFiles(folder), files, 'the files written at once were whole: kept');
  });

  test('a script run through the cache is a module like any: require beside it, module.exports, __filename, stack traces at its own lines and columns', () => {
    const { home } = freshCacheHome();
    const dir = mkdtempSync(join(root, 'script-'));
    writeFileSync(join(dir, 'sibling.js'), 'module.exports = { name: "sibling" };\n');
    const script = join(dir, 'thrower.js');
    writeFileSync(
      script,
      [
        'const { name } = require("./sibling.js");',
        'module.exports.ok = true;',
        'console.log(name, module.exports.ok, __filename === ' + JSON.stringify(script) + ', require("node:path").basename(__dirname) !== "");',
        'function fails() {',
        '  throw new Error("on purpose");',
        '}',
        'fails();',
      ].join('\n'),
    );
    const code = `require(${JSON.stringify(join(root, 'dist/compile-cache.js'))}).runCached(${JSON.stringify(script)})`;
    for (const warmth of ['cold', 'warm']) {
      const r = spawnSync(process.execPath, ['-e', code], { env: env({ XDG_CACHE_HOME: home }), encoding: 'utf8' });
      assert.equal(r.stdout, 'sibling true true true\n', warmth);
      assert.equal(r.status, 1, warmth);
      assert.ok(r.stderr.includes(`${script}:5:9`), `${warmth}: ${r.stderr}`);
      assert.ok(r.stderr.includes(`${script}:7:1`), `${warmth}: ${r.stderr}`);
    }
  });
});
