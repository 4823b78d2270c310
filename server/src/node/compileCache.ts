// Entry point of dist/compile-cache.js: runs a CommonJS bundle with V8's code cache, so a CLI run (and
// each of its worker threads) skips most of compiling a 1.7 MB bundle. Node 20 has no
// module.enableCompileCache: this is its equivalent. The cache is written after the run, so it holds
// the functions the run compiled too. Any failure (no home folder, read-only, a cache V8 rejects) falls
// back to compiling, silently: the cache only saves time. SOC_IDEAS_COMPILE_CACHE=0 turns it off.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

export const COMPILE_CACHE_ENV = 'SOC_IDEAS_COMPILE_CACHE';

/** Bytes of the SHA-256 of the rest of a cache file, at its start: release builds of V8 do not check a cache's checksum, and a corrupt one it accepts may crash. */
const DIGEST_BYTES = 32;

/** Per user, never a shared temporary folder: cached bytecode is code that runs. Undefined when it is turned off or there is no home. */
function cacheFolder(): string | undefined {
  if (process.env[COMPILE_CACHE_ENV] === '0') return undefined;
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg !== '') return join(xdg, 'soc-ideas', 'v8');
  try {
    return join(homedir(), '.cache', 'soc-ideas', 'v8');
  } catch {
    return undefined;
  }
}

function digest(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** The V8 cache in `path`, when it is there and whole. */
function readCache(path: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.length <= DIGEST_BYTES) return undefined;
  const data = file.subarray(DIGEST_BYTES);
  return digest(data).equals(file.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/** Runs `filename` as `require` would (once, as the main module of this thread) and returns nothing. */
export function runCached(filename: string): void {
  const source = readFileSync(filename, 'utf8');
  const folder = cacheFolder();
  // V8 tells a cache from another source by its length only: the name holds a hash of the text.
  // The name's prefix (the script's) says which files an older build of the same script left.
  const prefix = `${basename(filename)}.`;
  const key = createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 32);
  const cacheFile = folder !== undefined ? join(folder, `${prefix}${key}.bin`) : undefined;
  const cachedData = cacheFile !== undefined ? readCache(cacheFile) : undefined;
  // The wrapper on a line of its own, counted as line 0: lines and columns in stack traces are the file's.
  const script = new Script(Module.wrap(`\n${source}\n`), { filename, lineOffset: -1, ...(cachedData ? { cachedData } : {}) });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => writeCache(cacheFile, prefix, script));
  }
  const mod = new Module(filename);
  mod.filename = filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(filename));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, dirname(filename));
}

/**
 * Written beside and renamed into place: a run reading it meanwhile, or another writing it, sees all of
 * it or none. Then the files of other builds of the script go (a rename of another writer fails the same way: no harm).
 */
function writeCache(cacheFile: string, prefix: string, script: Script): void {
  const folder = dirname(cacheFile);
  const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([digest(data), data]));
    renameSync(temp, cacheFile);
    for (const name of readdirSync(folder)) {
      if (name.startsWith(prefix) && join(folder, name) !== cacheFile) rmSync(join(folder, name), { force: true });
    }
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder itself failed
    }
  }
}

/** The code of a worker thread that runs `script` through this cache (for `new Worker(code, { eval: true })`). */
export function cachedWorkerCode(compileCacheScript: string, script: string): string {
  return `require(${JSON.stringify(compileCacheScript)}).runCached(${JSON.stringify(script)});`;
}
