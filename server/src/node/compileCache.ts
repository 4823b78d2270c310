// Entry point of dist/compile-cache.js: runs a CommonJS bundle with V8's code cache, so a CLI run (and
// each of its worker threads) skips most of compiling a 1.7 MB bundle. Node 20 has no
// module.enableCompileCache: this is its equivalent. The cache is written after the run, so it holds
// the functions the run compiled too. Any failure (no home folder, read-only, a cache V8 rejects) falls
// back to compiling, silently: the cache only saves time.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Per user, never a shared temporary folder: cached bytecode is code that runs. */
function cacheFolder(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== '' ? xdg : join(homedir(), '.cache'), 'soc-ideas', 'v8');
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Runs `filename` as `require` would (once, as the main module of this thread) and returns nothing. */
export function runCached(filename: string): void {
  const source = readFileSync(filename, 'utf8');
  // V8 tells a cache from another source by its length only: the name holds a hash of the text.
  const key = createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 32);
  const cacheFile = join(cacheFolder(), `${key}.bin`);
  const cachedData = readOrUndefined(cacheFile);
  const script = new Script(Module.wrap(source), { filename, ...(cachedData ? { cachedData } : {}) });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const mod = new Module(filename);
  mod.filename = filename;
  mod.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(filename));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const requireHere = Module.createRequire(filename);
  run.call(mod.exports, mod.exports, requireHere, mod, filename, dirname(filename));
}

/** Written beside and renamed into place: a run reading it meanwhile sees all of it or none. */
function writeCache(cacheFile: string, script: Script): void {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // no cache this time
  }
}

/** The code of a worker thread that runs `script` through this cache (for `new Worker(code, { eval: true })`). */
export function cachedWorkerCode(compileCacheScript: string, script: string): string {
  return `require(${JSON.stringify(compileCacheScript)}).runCached(${JSON.stringify(script)});`;
}
