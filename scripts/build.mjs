// Bundles every entry point with esbuild. `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { englishWordsPlugin } from './english-words.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** [entry, outfile, platform] — entries that do not exist yet are skipped. */
const targets = [
  ['client/src/extension.ts', 'dist/client.js', 'node'],
  ['server/src/node/main.ts', 'dist/server.js', 'node'],
  ['server/src/cli/main.ts', 'dist/cli.js', 'node'],
  // The CLI's worker threads: loaded by dist/cli.js from beside it.
  ['server/src/cli/worker.ts', 'dist/cli-worker.js', 'node'],
  // Runs dist/cli.js (from bin/soc-ideas.js) and the worker threads' script with V8's code cache.
  ['server/src/node/compileCache.ts', 'dist/compile-cache.js', 'node'],
  // The language server's index thread: loaded by dist/server.js from beside it.
  ['server/src/node/indexWorker.ts', 'dist/index-worker.js', 'node'],
  ['client/src/browser/extension.ts', 'dist/web/client.js', 'browser'],
  ['server/src/browser/main.ts', 'dist/web/server.js', 'browser'],
];

const contexts = [];
for (const [entry, outfile, platform] of targets) {
  if (!existsSync(entry)) continue;
  const options = {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform,
    format: platform === 'browser' && outfile.endsWith('client.js') ? 'cjs' : platform === 'browser' ? 'iife' : 'cjs',
    target: platform === 'node' ? 'node20' : 'es2022',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    mainFields: platform === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    // The web server runs in a worker (no `document`): packages' "worker" exports win over "browser" ones.
    ...(outfile === 'dist/web/server.js' ? { conditions: ['worker'] } : {}),
    define: platform === 'browser' ? { 'process.env.NODE_ENV': '"production"' } : {},
    // The English word list ships front-coded (a quarter of its JSON): see english-words.mjs.
    plugins: [englishWordsPlugin()],
    logLevel: 'warning',
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    contexts.push(ctx);
  } else {
    await esbuild.build(options);
  }
}
if (watch) console.log(`watching ${contexts.length} bundles`);
