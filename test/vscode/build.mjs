// Builds the real-VS-Code tests to out/test/vscode/: runTest.js (runs on the machine's Node) and
// suite/*.js (loaded by the extension host). Packages stay external: vscode is the host's, and mocha
// and @vscode/test-electron are resolved from node_modules at run time.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const suite = readdirSync(path.join(here, 'suite')).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(here, 'suite', f));

await esbuild.build({
  entryPoints: [path.join(here, 'runTest.ts'), ...suite],
  outbase: here,
  outdir: path.join(root, 'out/test/vscode'),
  bundle: true,
  packages: 'external',
  external: ['vscode'],
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
