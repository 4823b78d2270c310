// Alphabetical order (issue 13): where a file keeps its projects, or a project its ideas, in
// alphabetical order, one added out of place is reported, with a quick fix that moves its whole
// section (every byte of it) to where the order puts it. Whether a list is kept in order is decided
// from the list itself, and only with evidence (FINDINGS-POLICY: say less, and be right): all but one
// of seven siblings or more in order, or all but two of nine or more, and one reading of the order
// that leaves no doubt which sibling is the one out of place. A shuffled list of five with four in
// order happens by chance one time in seven; of seven with six in order, one in 140.
import type { Fix } from '../findings/findings';
import type { Heading, IdeaDocument, Span } from '../parse/model';
import type { Rule } from './rule';
import { partitionPoint } from '../sorted';

/** Siblings a list must have for so many out of place: one needs seven, two need nine. */
const MIN_SIBLINGS: Readonly<Record<number, number>> = { 1: 7, 2: 9 };
/**
 * A longer list is no list a person keeps sorted by hand (the longest real ones have a few hundred
 * ideas): it is left alone, which also keeps a generated file's check linear.
 */
const MAX_SIBLINGS = 5_000;

export const ideaOrder: Rule = {
  id: 'idea-order',
  defaultSeverity: 'warning',
  description: 'A project or idea out of the alphabetical order that the other projects (or ideas) of its list keep.',
  fixable: true,
  structural: true,
  // Whether a list is in order depends on all its siblings: document scope.
  check({ doc, report }) {
    for (const list of siblingLists(doc)) {
      const ranked = list.members.filter((m) => !isCatchAll(m.keys[0]!));
      const verdict = outOfPlace(ranked.map((m) => m.keys));
      if (!verdict) continue;
      for (const index of verdict.out) {
        const member = ranked[index]!;
        const place = placeOf(ranked, verdict, index);
        const before = place.before ? `"${place.before.heading.text}"` : undefined;
        const after = place.after ? `"${place.after.heading.text}"` : undefined;
        const where = after && before ? `between ${after} and ${before}` : before ? `first, before ${before}` : `last, after ${after}`;
        const kind = list.kind === 'project' ? 'projects' : 'ideas';
        const under = list.parent ? ` under "${list.parent.text}"` : '';
        const inOrder = ranked.length - verdict.out.length;
        const fix = moveFix(doc, list, member, place.at, `Move "${member.heading.text}" ${where}`);
        report({
          span: member.heading.textSpan,
          message: `"${member.heading.text}" is out of the alphabetical order that ${inOrder} of the ${ranked.length} ${kind}${under} keep: it belongs ${where}.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};

interface Member {
  readonly heading: Heading;
  /** From the heading to the next heading of the same or a higher level (or the end of the text). */
  readonly section: Span;
  /** The title's sort keys, one per reading of the order (see `orderKeys`). */
  readonly keys: readonly string[];
}

interface SiblingList {
  readonly kind: 'project' | 'idea';
  /** The heading the list sits under, if any. */
  readonly parent: Heading | undefined;
  readonly members: readonly Member[];
  /** Where the last member's section ends. */
  readonly end: number;
}

/**
 * Runs of consecutive sibling headings of one kind: projects at one level under one parent, or the
 * ideas at one level of one project (or sub-project). Any other heading at that level, or one above
 * it, ends the run. One pass over the headings.
 */
function siblingLists(doc: IdeaDocument): SiblingList[] {
  const kinds = new Map<number, 'project' | 'idea'>();
  for (const idea of doc.ideas) if (!idea.headless) kinds.set(idea.heading.span.start, 'idea');
  for (const project of doc.projects) kinds.set(project.heading.span.start, 'project');
  interface Run {
    readonly kind: 'project' | 'idea';
    readonly parent: Heading | undefined;
    readonly headings: Heading[];
  }
  // By heading level (1–6): the open run at that level, and the latest heading (a run's parent).
  const runs: Array<Run | undefined> = new Array(7).fill(undefined);
  const latest: Array<Heading | undefined> = new Array(7).fill(undefined);
  const lists: SiblingList[] = [];
  const close = (level: number, end: number) => {
    const run = runs[level];
    runs[level] = undefined;
    if (!run || run.headings.length < MIN_SIBLINGS[1]! || run.headings.length > MAX_SIBLINGS) return;
    const members = run.headings.map((h, i) => ({ heading: h, section: { start: h.span.start, end: run.headings[i + 1]?.span.start ?? end }, keys: orderKeys(h.text) }));
    lists.push({ kind: run.kind, parent: run.parent, end, members });
  };
  for (const heading of doc.headings) {
    const level = heading.level;
    const at = heading.span.start;
    for (let l = level + 1; l <= 6; l++) {
      if (runs[l]) close(l, at);
      latest[l] = undefined;
    }
    const kind = kinds.get(at);
    const run = runs[level];
    if (run && run.kind === kind) run.headings.push(heading);
    else {
      close(level, at);
      if (kind) {
        let parent: Heading | undefined;
        for (let l = level - 1; l >= 1 && !parent; l--) parent = latest[l];
        runs[level] = { kind, parent, headings: [heading] };
      }
    }
    latest[level] = heading;
  }
  for (let l = 1; l <= 6; l++) close(l, doc.text.length);
  return lists;
}

/**
 * A title's sort keys, one per reading of alphabetical order people use: case, diacritics, markup,
 * emoji and punctuation never count; a leading article may count or not (`The Update Framework`
 * sorted under T or under U); word breaks may count or not (`Open Policy Agent` before or after
 * `OpenEBS`). Numbers compare as numbers (`Idea 2` before `Idea 10`, see `numbersByValue`).
 */
function orderKeys(title: string): readonly string[] {
  let keys = KEYS.get(title);
  if (!keys) {
    // Titles repeat from check to check (a keystroke changes one): their keys are kept, boundedly.
    if (KEYS.size >= 50_000) KEYS.clear();
    KEYS.set(title, (keys = computeKeys(title)));
  }
  return keys;
}

const KEYS = new Map<string, readonly string[]>();

function computeKeys(title: string): string[] {
  // Most titles are ASCII: the Unicode-aware folding is several times slower.
  const words = /^[\x20-\x7e]*$/.test(title)
    ? title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    : title
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
  const bare = words.replace(/^(the|a|an) (?=\S)/, '');
  return [words, bare, words.replace(/ /g, ''), bare.replace(/ /g, '')].map(numbersByValue);
}

/**
 * Keys compare as plain strings (code units: space, then digits, then letters), with each run of
 * digits written as `0`, a character for its length, then its digits without leading zeros: a number
 * still sorts where a digit would against other characters, and against another number by its value.
 */
function numbersByValue(key: string): string {
  return key.replace(/\d+/g, (run) => {
    const digits = run.replace(/^0+(?=\d)/, '');
    return `0${String.fromCharCode(0x100 + Math.min(digits.length, 0xefff))}${digits}`;
  });
}

/** `Other ideas`, `Miscellaneous`: a catch-all kept last on purpose is no sibling to order. */
function isCatchAll(key: string): boolean {
  return /^(other|others|misc|miscellaneous|more)\b/.test(key);
}

interface Verdict {
  /** The reading of the order (index into the keys) the list follows. */
  readonly reading: number;
  /** Indices of the siblings out of place, ascending. */
  readonly out: readonly number[];
}

/**
 * The siblings out of place, when the list is kept in order but for one or two of them and there is
 * no doubt which: under the reading of the order that puts the most siblings in order, every longest
 * ordered subsequence leaves out the same siblings (in `A C B D` either B or C could be the one
 * moved: nothing is said), and any other reading that orders as many agrees.
 */
function outOfPlace(keys: readonly (readonly string[])[]): Verdict | undefined {
  const n = keys.length;
  if (n < MIN_SIBLINGS[1]! || keys.some((k) => k[0] === '')) return undefined;
  // Putting back k siblings into a sorted list makes at most k descents (a pair out of order): a
  // reading with more than two descents has more than two out of place, and one with none is sorted.
  // Most lists are far from sorted, and this says so in one pass.
  const readings: number[] = [];
  for (let reading = 0; reading < keys[0]!.length; reading++) {
    let descents = 0;
    for (let i = 1; i < n && descents <= 2; i++) if (keys[i - 1]![reading]! > keys[i]![reading]!) descents++;
    if (descents === 0) return undefined;
    // A reading that orders every title as an earlier one does says nothing new.
    const same = readings.find((r) => keys.every((k) => k[r] === k[reading]));
    if (descents <= 2 && same === undefined) readings.push(reading);
  }
  let best: Verdict | undefined;
  let bestLength = 0;
  let agreed = true;
  for (const reading of readings) {
    const sequence = keys.map((k) => k[reading]!);
    const { length, out } = longestInOrder(sequence);
    if (length < bestLength) continue;
    const same = best && out !== undefined && best.out.length === out.length && best.out.every((v, i) => v === out[i]);
    if (length > bestLength) {
      bestLength = length;
      best = out ? { reading, out } : undefined;
      agreed = out !== undefined;
    } else if (!same) {
      agreed = false;
    }
  }
  if (!best || !agreed) return undefined;
  const count = best.out.length;
  const needed = MIN_SIBLINGS[count];
  return needed !== undefined && n >= needed ? best : undefined;
}

/**
 * The length of the longest non-decreasing subsequence, and the indices outside it when every such
 * subsequence leaves out the same ones (undefined otherwise). O(n log n): patience sorting from
 * both ends; an index is in some longest subsequence when the longest one ending there and the
 * longest one starting there make the whole length, and in every one when it alone does so at its
 * position in the subsequence.
 */
function longestInOrder(sequence: readonly string[]): { length: number; out: number[] | undefined } {
  const ending = runLengths(sequence, (a, b) => a > b);
  const reversed = [...sequence].reverse();
  const starting = runLengths(reversed, (a, b) => b > a).reverse();
  let length = 0;
  for (const l of ending) if (l > length) length = l;
  const atPosition = new Array<number>(length + 1).fill(0);
  const inSome = sequence.map((_, i) => ending[i]! + starting[i]! - 1 === length);
  sequence.forEach((_, i) => {
    if (inSome[i]) atPosition[ending[i]!]!++;
  });
  if (atPosition.slice(1).some((c) => c !== 1)) return { length, out: undefined };
  const out: number[] = [];
  inSome.forEach((some, i) => {
    if (!some) out.push(i);
  });
  return { length, out };
}

/** For each index, the length of the longest subsequence ending there in which no value is `after` the next. */
function runLengths(sequence: readonly string[], after: (a: string, b: string) => boolean): number[] {
  const tails: string[] = [];
  return sequence.map((value) => {
    // The first tail greater than the value: equal titles may follow each other.
    const lo = partitionPoint(tails.length, (i) => !after(tails[i]!, value));
    tails[lo] = value;
    return lo + 1;
  });
}

/** Where an out-of-place sibling goes: before the first sibling in order that sorts after it. */
function placeOf(members: readonly Member[], verdict: Verdict, index: number): { at: number; before?: Member; after?: Member } {
  const outs = new Set(verdict.out);
  const key = members[index]!.keys[verdict.reading]!;
  let after: Member | undefined;
  for (let k = 0; k < members.length; k++) {
    if (outs.has(k)) continue;
    const m = members[k]!;
    if (m.keys[verdict.reading]! > key) return { at: m.section.start, before: m, ...(after ? { after } : {}) };
    after = m;
  }
  // After the last sibling in order: the end of the list (that sibling may not be the list's last).
  const last = members[members.length - 1]!;
  return { at: last.section.end, ...(after ? { after } : {}) };
}

/**
 * Cut the section and put it back at `at`, every byte as it was. Offered only where that cannot
 * change how the markdown reads: every heading of the list is an ATX heading at the start of its line
 * (one never joins the text before it, as a setext heading would), and the moved section ends with a
 * line break, as does the text it is put after. A quick fix, never applied by fix-all or `--fix`:
 * that the list is meant to be in order is read from the list, not stated by the template, and a
 * section moving away on save while someone writes it would be a surprise.
 */
function moveFix(doc: IdeaDocument, list: SiblingList, member: Member, at: number, title: string): Fix | undefined {
  const text = doc.text;
  const atLineStart = (offset: number) => offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r';
  const atx = list.members.every((m) => !m.heading.setext && text[m.heading.span.start] === '#' && atLineStart(m.heading.span.start));
  // The heading that ends the list now follows another section: it must be one that no text can join.
  const closing = list.end === text.length || text[list.end] === '#';
  const { start, end } = member.section;
  if (!atx || !closing || !atLineStart(end) || !atLineStart(at) || end === start) return undefined;
  // Lone `\r` ends a line too, but a CRLF must not be split from its `\r`.
  if (text[end - 1] === '\r' && text[end] === '\n') return undefined;
  const moved = text.slice(start, end);
  return {
    title,
    interactive: true,
    edits: [
      { span: { start, end }, newText: '' },
      { span: { start: at, end: at }, newText: moved },
    ],
  };
}
