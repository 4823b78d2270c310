// A private bundle of one Node entry point, with scripts/build.mjs's options: tests that spawn the
// CLI or the server build their own copy, so a parallel `npm run build` never hands them a
// half-written dist/ file.
import * as esbuild from 'esbuild';

export async function bundleNodeEntry(entry: string, outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
}
