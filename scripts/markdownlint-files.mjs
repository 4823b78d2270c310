// The peer of `soc-ideas lint` in `npm run bench`: markdownlint (its sync API, default rules) over
// every markdown file under the paths given, as its own process, printing its results as JSON.
//   node scripts/markdownlint-files.mjs PATH...
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** The markdown files soc-ideas lint reads for these paths: named files, and those under named folders, sorted. */
function markdownFiles(paths) {
  const out = [];
  const visit = (dir) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(path);
      } else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(path);
    }
  };
  for (const path of paths) {
    if (statSync(path).isDirectory()) visit(path);
    else out.push(path);
  }
  return out;
}

const results = lint({ files: markdownFiles(process.argv.slice(2)) });
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
