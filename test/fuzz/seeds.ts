// Idea files to mutate: every markdown fixture we wrote, and the shared corpus when it is there.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus');

export interface SeedFile {
  readonly name: string;
  readonly text: string;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

export function ourFixtures(): SeedFile[] {
  return walk(join(REPO_ROOT, 'test/fixtures'), []).map((path) => ({ name: path.slice(REPO_ROOT.length + 1), text: readFileSync(path, 'utf8') }));
}

/** Corpus idea files (not the census/manifest notes), or [] when ../shared/corpus is absent. */
export function corpusFiles(): SeedFile[] {
  if (!existsSync(CORPUS_DIR)) return [];
  return readdirSync(CORPUS_DIR)
    .filter((n) => n.endsWith('.md') && n !== 'CENSUS.md' && n !== 'TEMPLATES.md')
    .sort()
    .map((n) => ({ name: `corpus/${n}`, text: readFileSync(join(CORPUS_DIR, n), 'utf8') }));
}
