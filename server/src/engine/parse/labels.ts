// Field labels as people write them → canonical keys. Real files spell labels many ways
// (`Mentors`, `Metor(s)`, `Upstraeam Issue`, `Recommend Skills`): keywords first, then edit distance.
import type { FieldKey } from './model';

/** Keyword → key, tried in order on the lower-cased label. */
const KEYWORDS: ReadonlyArray<readonly [RegExp, FieldKey]> = [
  [/\bmentees?\b|\bmentee\(s\)/, 'mentee'],
  // A primary mentor named apart from the list (`Primary Mentor:` beside `Mentor(s):`) is a role, not a second list.
  [/^primary mentors?\b|^primary mentor\(s\)/, 'primary_mentor'],
  [/\bmentors?\b|\bmentors?\(/, 'mentors'],
  [/\bskills?\b|\bskill\(s\)|^areas to study|^(?:programming )?languages?\b|^prerequisites?\b/, 'skills'],
  [/\btechnolog/, 'technologies'],
  [/\boutcomes?\b|\bdeliverables?\b/, 'outcome'],
  [/\bdifficult|^rating$|^complexity$/, 'difficulty'],
  [/\bsize\b|\bduration\b|^(?:project |expected )?length$|^effort$|^time estimate$|^(?:expected )?hours$/, 'size'],
  [/^lfx\b|\bcommunity ?bridge\b|^apply$/, 'lfx_url'],
  [/\bissues?\b|\bissue\(s\)|\brfc\b|^task link$|^more info$/, 'issue'],
  [/\bdescr|^abstract$/, 'description'],
];

/** Canonical spellings used for fuzzy matching of misspelt labels. */
const CANONICAL_LABELS: ReadonlyArray<readonly [string, FieldKey]> = [
  ['description', 'description'],
  ['expected outcome', 'outcome'],
  ['recommended skills', 'skills'],
  ['mentor(s)', 'mentors'],
  ['mentors', 'mentors'],
  ['expected project size', 'size'],
  ['difficulty', 'difficulty'],
  ['issue', 'issue'],
  ['upstream issue', 'issue'],
  ['upstream issue (url)', 'issue'],
  ['lfx url', 'lfx_url'],
  ['mentee', 'mentee'],
  ['technologies', 'technologies'],
];

export function normaliseLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Keys of the labels read lately: a label is read where it is written, by the template and by the
 * rules, and unknown ones go through every edit distance (issue 16: a template of 3,000 fields
 * spent a sixth of its check here). Bounded; emptied when full.
 */
const KEYS = new Map<string, FieldKey | null>();
const KEYS_MAX = 10_000;

/** The canonical key a label means, or null when it is not a field label we know. */
export function fieldKeyOf(label: string): FieldKey | null {
  const known = KEYS.get(label);
  if (known !== undefined) return known;
  const key = keyOf(label);
  if (label.length <= 100) {
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    KEYS.set(label, key);
  }
  return key;
}

function keyOf(label: string): FieldKey | null {
  const l = normaliseLabel(label);
  // Long labels are sentences that happen to hold a colon, not field labels.
  if (!l || l.split(' ').length > 7) return null;
  for (const [re, key] of KEYWORDS) if (re.test(l)) return key;
  // One or two slips in a label of some length: `Metor(s)`, `Descrption`, `Diffuculty`. (Distances
  // past that bound are not computed: the nearest canonical label within it is the same.)
  const bound = Math.min(2, Math.floor(l.length / 4));
  let best: FieldKey | null = null;
  let bestDistance = Infinity;
  for (const [canonical, key] of CANONICAL_LABELS) {
    const d = editDistance(l, canonical, bound);
    if (d < bestDistance) {
      bestDistance = d;
      best = key;
    }
  }
  return bestDistance <= bound ? best : null;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * How a label written in a file relates to the template's label for the same field
 * (FINDINGS-POLICY: a typo is a warning; a variant or a synonym is info at most):
 * - `same`: exactly the template's label;
 * - `variant`: the same words up to case, plural (`Mentors`, `Mentor[s]`, `Expected outcomes`), or a
 *   word more or less (`Upstream Issue` for `Upstream Issue (URL)`, `Difficulty rating`);
 * - `typo`: a slip of the pen (`Metor(s)`, `Recommend Skills`, `Upstraeam Issue`) or markup left in
 *   the label (`Recommended Skills\*\*`): the fix to the template's label is certain;
 * - `synonym`: other words for the field (`Required skills`, `Deliverables`): renaming it would change
 *   what the author wrote, so no fix.
 */
export type LabelRelation = 'same' | 'variant' | 'typo' | 'synonym';

export function labelRelation(written: string, wanted: string): LabelRelation {
  if (written === wanted) return 'same';
  if (/[\\*_`~<>#=|]/.test(written)) return 'typo';
  const a = labelWords(written);
  const b = labelWords(wanted);
  if (sameWords(a, b) || containsWords(a, b) || containsWords(b, a)) return 'variant';
  const distance = editDistance(normaliseLabel(written), normaliseLabel(wanted), 3);
  return distance <= Math.min(3, Math.max(1, Math.floor(wanted.length / 5))) ? 'typo' : 'synonym';
}

/** Lower-case words with plural endings dropped: `Mentor(s)` and `Mentors` → [mentor]. */
function labelWords(label: string): string[] {
  return (label.toLowerCase().replace(/[([](?:s|es)[)\]]/g, '').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) =>
    w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w,
  );
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

/** Every word of `inner` is in `outer`, and what `outer` adds are words (not a stray letter). */
function containsWords(outer: readonly string[], inner: readonly string[]): boolean {
  if (!inner.length || outer.length <= inner.length) return false;
  const rest = [...outer];
  for (const w of inner) {
    const at = rest.indexOf(w);
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return rest.every((w) => w.length >= 2);
}
