// English words (`an-array-of-english-words`, from SCOWL: inflections included), for telling a word
// from a near miss of a name. The bundles carry the list front-coded (scripts/english-words.mjs);
// run from source (tests) it is the package's JSON array. Either way it is read on first use only.
import words from 'an-array-of-english-words';

/** Words shorter than this are not in the bundled list (and never looked up). */
export const MIN_ENGLISH_LETTERS = 5;

let lookup: ((lower: string) => boolean) | undefined;

/** `lower` (lower case, a–z) is an English word of MIN_ENGLISH_LETTERS letters or more. */
export function isEnglishWord(lower: string): boolean {
  if (lower.length < MIN_ENGLISH_LETTERS || !/^[a-z]+$/.test(lower)) return false;
  lookup ??= englishLookup(words);
  return lookup(lower);
}

/** A word, or a plural or possessive the list lacks (`kubelets` no, `frameworks` yes). */
export function isEnglishForm(lower: string): boolean {
  return isEnglishWord(lower) || (/[^s]s$/.test(lower) && isEnglishWord(lower.slice(0, -1)));
}

/** A lookup in the package's array, or in its front-coded form. */
export function englishLookup(source: readonly string[] | string): (lower: string) => boolean {
  if (typeof source !== 'string') {
    const set = new Set(source);
    return (lower) => set.has(lower);
  }
  // Blocks of sorted words; binary search on their first words, then decode one block.
  const blocks = source.split(' ');
  const firsts = blocks.map((b) => b.slice(0, firstCode(b, 0)));
  return (lower) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (firsts[mid]! <= lower) lo = mid;
      else hi = mid - 1;
    }
    const block = blocks[lo]!;
    let word = firsts[lo]!;
    for (let at = word.length; ; ) {
      if (word === lower) return true;
      if (word > lower || at >= block.length) return false;
      const next = firstCode(block, at + 1);
      word = word.slice(0, block.charCodeAt(at) - 48) + block.slice(at + 1, next);
      at = next;
    }
  };
}

/** Index of the first prefix-length character (not a–z) at or after `from`, or the block's end. */
function firstCode(block: string, from: number): number {
  let k = from;
  while (k < block.length && block.charCodeAt(k) >= 97) k++;
  return k;
}
