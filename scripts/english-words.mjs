// The English word list (`an-array-of-english-words`, ~3.4 MB of JSON) in the compact form the
// bundles carry: the engine only looks up words of MIN_LETTERS letters or more, front-coded in blocks.
// Decoded by server/src/engine/rules/english.ts.

/** Shorter words are never looked up: term-spelling checks words of 6+ letters and names of 5+. */
export const MIN_LETTERS = 5;
const BLOCK = 32;
/** Prefix lengths are one character from '0' (48) to 'Z' (90): never a lower-case letter. */
const MAX_PREFIX = 42;

/**
 * Blocks of BLOCK sorted words joined by spaces; a block is its first word, then per word the length
 * of the prefix shared with the previous one (as a character) and the rest.
 */
export function frontCode(words) {
  const sorted = [...new Set(words.filter((w) => w.length >= MIN_LETTERS && /^[a-z]+$/.test(w)))].sort();
  const blocks = [];
  for (let b = 0; b < sorted.length; b += BLOCK) {
    let block = sorted[b];
    for (let k = b + 1; k < Math.min(b + BLOCK, sorted.length); k++) {
      const [prev, word] = [sorted[k - 1], sorted[k]];
      let p = 0;
      while (p < MAX_PREFIX && p < prev.length && prev[p] === word[p]) p++;
      block += String.fromCharCode(48 + p) + word.slice(p);
    }
    blocks.push(block);
  }
  return blocks.join(' ');
}

/** An esbuild plugin: the package's JSON becomes the front-coded string. */
export function englishWordsPlugin() {
  return {
    name: 'english-words',
    setup(build) {
      build.onLoad({ filter: /[\\/]an-array-of-english-words[\\/]index\.json$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const words = JSON.parse(await readFile(args.path, 'utf8'));
        return { contents: `module.exports = ${JSON.stringify(frontCode(words))};`, loader: 'js' };
      });
    },
  };
}
