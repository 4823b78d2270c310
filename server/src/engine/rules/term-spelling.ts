// Near misses of names the file itself uses (`Kubebernetes`, `Kubertenes` for Kubernetes) in the
// prose of project sections. Names: words of project headings, and capitalised words used 3+ times,
// that are not English words (`Design`, `Operators`), unless a heading is that one word (`Matrix`).
// An English word is never a near miss (`modular`, `matrix`), whatever the names (FINDINGS-POLICY).
// One finding per misspelt word and file: the fix is a suggestion the user picks, never fix-all.
//
// Incremental: the prose is the union of some headings' own sections (heading to the next heading).
// Each own section's words and counts are cached by its origin key (same key = same text), at
// offsets relative to `origin.base`; the file-wide counts are kept per document and only the
// sections that appeared or disappeared since the last check are added or subtracted. A document
// where a section might not be self-contained (lone CR line breaks, spans crossing headings) is
// checked as a whole instead; either way the findings are the same as a check from scratch.
import type { Fix } from '../findings/findings';
import type { Heading, Idea, IdeaDocument, Span } from '../parse/model';
import { editDistance } from '../parse/labels';
import { detach } from '../parse/text';
import { isEnglishForm } from './english';
import type { Rule } from './rule';
import { partitionPoint } from '../sorted';
import { IdeaKey, memoSlot } from '../parse/perIdea';

const MIN_LENGTH = 6;
const NAME_USES = 3;
const MIN_NAME_LENGTH = 5;

export const termSpelling: Rule = {
  id: 'term-spelling',
  defaultSeverity: 'warning',
  description: 'A word is a near miss of a project name used in the file, or a GitHub link names a near miss of the account the file links everywhere else.',
  fixable: true,
  check({ uri, doc, report }) {
    const state = countsFor(uri);
    try {
      linkOwnerMisses(doc, state.links, report);
    } catch (error) {
      STATES.delete(uri); // half-updated counts must not be used again
      throw error;
    }
    const sections = proseSections(doc, state.plainSections);
    // A document not split cleanly is counted on its own, as a whole.
    const counts = sections ? state : new WordCounts();
    const placed = sections ?? [{ section: wholeProse(doc), base: 0 }];
    try {
      counts.update(placed);
    } catch (error) {
      STATES.delete(uri); // half-updated counts must not be used again
      throw error;
    }
    const hits = counts.nearMisses(doc, placed);
    if (!hits.size) return;
    for (const { section, base } of placed) {
      for (const { word, name } of section.missesOf(hits)) {
        const span = { start: base + word.at, end: base + word.at + word.text.length };
        report({
          span,
          message: `\`${word.text}\` looks like a misspelling of \`${name}\`, used elsewhere in this file.`,
          // Prose: a suggestion the user picks, never part of fix-all or --fix.
          fix: { title: `Write \`${name}\``, edits: [{ span, newText: name }], interactive: true },
          once: word.text.toLowerCase(),
        });
      }
    }
  },
};

const GITHUB_OWNER = /github\.com\/([A-Za-z0-9][A-Za-z0-9-]*)/gi;

/**
 * `github.com/keplopy` in a file that links `github.com/keploy` everywhere else: the link is broken.
 * Owners linked NAME_USES times or more are the names; a rarer owner a slip away from one is a typo.
 */
function linkOwnerMisses(doc: IdeaDocument, state: LinkCounts, report: (r: { span: Span; message: string; fix: Fix }) => void): void {
  const sections = linkSections(doc, state.byText);
  // A document not split cleanly is counted on its own, as a whole.
  const placed = sections ?? [{ links: sectionLinks(doc.text), base: 0 }];
  const counts = sections ? state.update(sections) : new LinkCounts().update(placed);
  const names = [...counts].filter(([, n]) => n >= NAME_USES).map(([owner]) => owner);
  if (!names.length) return;
  // Judged once per distinct account, not per link (a big file links the same few thousands of times).
  const most = Math.max(...names.map((n) => counts.get(n)!));
  const misses = new Map<string, string>();
  for (const [lower, n] of counts) {
    if (lower.length < MIN_NAME_LENGTH || n * NAME_USES > most) continue;
    const near = names.filter((x) => x !== lower && editDistance(lower, x, 1) <= 1);
    // The counts are kept across checks, not in text order: a tie goes to the name linked first.
    const name = near.length > 1 ? firstLinked(new Set(near), placed) : near[0];
    if (name) misses.set(lower, name);
  }
  if (!misses.size) return;
  for (const { links: own, base } of placed) {
    if (![...own.counts.keys()].some((owner) => misses.has(owner))) continue;
    for (const use of own.uses) {
      const owner = use.owner;
      const at = base + use.at;
      const name = misses.get(owner.toLowerCase());
      if (!name || !doc.ideas.some((i) => at >= i.span.start && at < i.span.end)) continue;
      const span = { start: at, end: at + owner.length };
      report({
        span,
        message: `\`github.com/${owner}\` looks like a misspelling of \`github.com/${name}\`, linked elsewhere in this file: the link is broken.`,
        fix: { title: `Write \`${name}\``, edits: [{ span, newText: name }], interactive: true },
      });
    }
  }
}

/** Of these lower-cased owners, the one linked first in the text. */
function firstLinked(owners: ReadonlySet<string>, placed: ReadonlyArray<{ readonly links: SectionLinks }>): string | undefined {
  for (const { links } of placed) for (const use of links.uses) if (owners.has(use.owner.toLowerCase())) return use.owner.toLowerCase();
  return undefined;
}

/** One own section's GitHub links: the owners as written at offsets relative to its start, and their uses by lower-cased owner. */
interface SectionLinks {
  readonly length: number;
  readonly uses: ReadonlyArray<{ readonly owner: string; readonly at: number }>;
  readonly counts: ReadonlyMap<string, number>;
}

/** The links of one own section's text (a search of the whole text from the section on would run on past its end, to the next link). */
function sectionLinks(own: string): SectionLinks {
  const uses: Array<{ owner: string; at: number }> = [];
  const counts = new Map<string, number>();
  for (const m of own.matchAll(GITHUB_OWNER)) {
    // Kept across edits: the owner must not keep this text alive (see detach).
    const owner = detach(m[1]!);
    uses.push({ owner, at: m.index + m[0].length - owner.length });
    counts.set(owner.toLowerCase(), (counts.get(owner.toLowerCase()) ?? 0) + 1);
  }
  return { length: own.length, uses, counts };
}

/** Ideas' own-section links, per origin key (same key, same text). */
const IDEA_LINKS = memoSlot<SectionLinks>('term-spelling links');

/** A character a link can run on with (`[A-Za-z0-9./-]`): a section boundary after one may cut a link in two. */
function isLinkChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x2d && c <= 0x39); // a-z, A-Z, - . / 0-9
}

/**
 * The uses of each owner over the sections of the last check: only the sections that appeared or
 * disappeared since are added or taken (see changedRun), as the prose's word counts are.
 */
class LinkCounts {
  /** Other sections' links, by text. */
  readonly byText = new ByText<SectionLinks>();
  private sections: readonly SectionLinks[] = [];
  private readonly counts = new Map<string, number>();

  update(placed: ReadonlyArray<{ readonly links: SectionLinks }>): ReadonlyMap<string, number> {
    const next = placed.map((p) => p.links);
    changedRun(this.sections, next, (section, times) => {
      for (const [owner, n] of section.counts) {
        const count = (this.counts.get(owner) ?? 0) + n * times;
        if (count > 0) this.counts.set(owner, count);
        else this.counts.delete(owner);
      }
    });
    this.sections = next;
    return this.counts;
  }
}

/**
 * The text's links as own sections (heading to next heading, and the text before the first), each
 * kept per idea or by text, at their bases; undefined when a link could run across a boundary
 * (then the text is scanned whole). Same links, in the same order, as a scan of the whole text.
 */
function linkSections(doc: IdeaDocument, byText: ByText<SectionLinks>): Array<{ readonly links: SectionLinks; readonly base: number }> | undefined {
  byText.startRun();
  const { headings, text } = doc;
  for (const h of headings) if (h.span.start > 0 && isLinkChar(text.charCodeAt(h.span.start - 1))) return undefined;
  const atIdea = headingIndices(headings, doc.ideas);
  const ideaAt: Array<Idea | undefined> = [];
  doc.ideas.forEach((idea, k) => {
    if (atIdea[k]! >= 0) ideaAt[atIdea[k]!] = idea;
  });
  const out: Array<{ links: SectionLinks; base: number }> = [];
  const byOwnText = (start: number, end: number): SectionLinks => {
    const own = text.slice(start, end);
    let links = byText.get(own);
    if (!links) byText.set(own, (links = sectionLinks(own)));
    return links;
  };
  const first = headings[0]?.span.start ?? text.length;
  if (first > 0) out.push({ links: byOwnText(0, first), base: 0 });
  for (let i = 0; i < headings.length; i++) {
    const start = headings[i]!.span.start;
    const end = headings[i + 1]?.span.start ?? text.length;
    const key = ideaAt[i]?.origin?.key;
    if (!(key instanceof IdeaKey)) {
      out.push({ links: byOwnText(start, end), base: start });
      continue;
    }
    let links = key.get(IDEA_LINKS);
    // Kept at offsets from the heading; same key, same text: the length only guards that promise.
    if (links?.length !== end - start) key.set(IDEA_LINKS, (links = sectionLinks(text.slice(start, end))));
    out.push({ links, base: start });
  }
  return out;
}

/**
 * Tells what the counts of `before` need to become those of `after`: the parts between their
 * common beginning and end, added once and taken once (an edit changes a few parts in one place;
 * counts are sums, so this equals counting `after` anew).
 */
function changedRun<T>(before: readonly T[], after: readonly T[], add: (part: T, times: number) => void): void {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  for (let i = head; i < after.length - tail; i++) add(after[i]!, 1);
  for (let i = head; i < before.length - tail; i++) add(before[i]!, -1);
}

interface Word {
  readonly text: string;
  /** Offset relative to the section's base. */
  readonly at: number;
}

/** Prose with everything else blanked out, at an offset relative to the section's base. */
interface Prose {
  readonly text: string;
  readonly offset: number;
}

/**
 * One own section's prose words and their counts. Immutable: shared by every document using it.
 * Only the counts are built up front; the words themselves (wanted only where a near miss or a
 * tie between names is found) are read again from the blanked prose when asked for.
 */
class SectionWords {
  /** Lower-case words of MIN_LENGTH or more (the only ones reported) → uses. */
  readonly lower = new Map<string, number>();
  /** Capitalised spellings of MIN_NAME_LENGTH or more (the only ones that are names) → uses. */
  readonly capitals = new Map<string, number>();

  constructor(
    private readonly prose: readonly Prose[],
    /** For checking a cache hit: the section's length and heading position relative to the base. */
    readonly length: number,
    readonly headingAt: number,
    /** No lone CR or Unicode line breaks, and no masked span crossing its bounds. */
    readonly selfContained: boolean,
  ) {
    for (const piece of prose) {
      eachWord(piece.text, (text) => {
        // A short word counts for nothing; lower-casing can lengthen only a non-ASCII word.
        if (text.length < MIN_NAME_LENGTH && isAscii(text)) return;
        const lower = text.toLowerCase();
        // Lower-casing never shortens a word: every use of a lower-case form of MIN_LENGTH is counted.
        if (lower.length >= MIN_LENGTH) this.lower.set(lower, (this.lower.get(lower) ?? 0) + 1);
        if (lower.length >= MIN_NAME_LENGTH && startsUpper(text)) this.capitals.set(text, (this.capitals.get(text) ?? 0) + 1);
      });
    }
  }

  /** The words in order, at offsets relative to the base. */
  get words(): Word[] {
    const out: Word[] = [];
    for (const piece of this.prose) eachWord(piece.text, (text, at) => out.push({ text, at: piece.offset + at }));
    return out;
  }

  private missesFor: ReadonlyMap<string, string> | undefined;
  private misses: ReadonlyArray<{ readonly word: Word; readonly name: string }> = [];

  /** The words that are near misses (`hits`: lower-case word → name), kept while the same hits are asked for. */
  missesOf(hits: ReadonlyMap<string, string>): ReadonlyArray<{ readonly word: Word; readonly name: string }> {
    if (this.missesFor === hits) return this.misses;
    const misses: Array<{ word: Word; name: string }> = [];
    if (this.hasAnyOf(hits)) {
      for (const word of this.words) {
        const name = word.text.length >= MIN_LENGTH ? hits.get(word.text.toLowerCase()) : undefined;
        if (name) misses.push({ word, name });
      }
    }
    this.missesFor = hits;
    this.misses = misses;
    return misses;
  }

  hasAnyOf(lowerWords: ReadonlyMap<string, unknown>): boolean {
    if (lowerWords.size < this.lower.size) {
      for (const w of lowerWords.keys()) if (this.lower.has(w)) return true;
    } else {
      for (const w of this.lower.keys()) if (lowerWords.has(w)) return true;
    }
    return false;
  }
}

interface Placed {
  readonly section: SectionWords;
  readonly base: number;
}

/** Ideas' own-section words by origin key. */
const IDEA_SECTIONS = new WeakMap<object, SectionWords>();

/**
 * Sections of other headings (projects, containers: the model gives origins to ideas only) by
 * text, when the heading is an ATX heading in column 0: it closes every block before it, so its
 * section's blocks depend on its text alone. Keeps what the last check used, like SectionCache.
 */
class ByText<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  get(text: string): T | undefined {
    const hit = this.current.get(text) ?? this.previous.get(text);
    if (hit) this.current.set(text, hit);
    return hit;
  }

  set(text: string, value: T): void {
    this.current.set(text, value);
  }

  startRun(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/**
 * The prose as own sections at their bases, in document order; undefined when some prose section
 * is not self-contained (then the document is checked as a whole).
 */
function proseSections(doc: IdeaDocument, byText: ByText<SectionWords>): Placed[] | undefined {
  byText.startRun();
  const { headings, text } = doc;
  // Prose: project sections and ideas outside any project, i.e. runs of whole own sections.
  const marks = new Int32Array(headings.length + 1);
  const mark = (from: number, span: Span) => {
    if (from < 0) return;
    marks[from]!++;
    marks[firstStartingAtOrAfter(headings, span.end, from)]!--;
  };
  const atProject = headingIndices(headings, doc.projects);
  doc.projects.forEach((p, k) => mark(atProject[k]!, p.span));
  const atIdea = headingIndices(headings, doc.ideas);
  const ideaAt: Array<Idea | undefined> = [];
  doc.ideas.forEach((idea, k) => {
    if (!idea.project) mark(atIdea[k]!, idea.span);
    if (atIdea[k]! >= 0) ideaAt[atIdea[k]!] = idea;
  });

  const placed: Placed[] = [];
  let depth = 0;
  for (let i = 0; i < headings.length; i++) {
    depth += marks[i]!;
    if (depth <= 0) continue;
    const heading = headings[i]!;
    const start = heading.span.start;
    const end = headings[i + 1]?.span.start ?? text.length;
    if (!startsCleanly(text, start) || (end < text.length && !startsCleanly(text, end))) return undefined;
    const idea = ideaAt[i];
    const origin = idea?.origin;
    const base = origin?.base ?? start;
    let section: SectionWords | undefined;
    if (origin) {
      section = IDEA_SECTIONS.get(origin.key);
      // Same key, same text; the check only guards that promise.
      if (section?.length !== end - start || section.headingAt !== start - base) {
        IDEA_SECTIONS.set(origin.key, (section = sectionWords(doc, start, end, base, heading, idea)));
      }
    } else if (!idea && text[start] === '#' && (start === 0 || text[start - 1] === '\n')) {
      const own = text.slice(start, end);
      section = byText.get(own);
      if (!section) byText.set(own, (section = sectionWords(doc, start, end, base, heading, idea)));
    } else {
      section = sectionWords(doc, start, end, base, heading, idea);
    }
    if (!section.selfContained) return undefined;
    placed.push({ section, base });
  }
  return placed;
}

/** Sections split at a heading that starts a line, or sits after list / quote markers only. */
function startsCleanly(text: string, start: number): boolean {
  for (let k = start - 1; k >= 0; k--) {
    const c = text[k]!;
    if (c === '\n') return true;
    if (!/[ \t>*+\-0-9.)]/.test(c)) return false;
  }
  return true;
}

/** Where each item's heading is in `headings` (-1 if absent); items are in document order. */
function headingIndices(headings: readonly Heading[], items: ReadonlyArray<{ readonly heading: Heading; readonly syntax?: Idea['syntax'] }>): number[] {
  let i = 0;
  return items.map(({ heading, syntax }) => {
    while (i < headings.length && headings[i]!.span.start < heading.span.start) i++;
    // A table row's or front matter's title is no heading (and a search for it would cost every heading).
    return headings[i] === heading ? i : syntax ? -1 : headings.indexOf(heading);
  });
}

/** Index of the first heading at or after `from` that starts at or after `offset`. */
function firstStartingAtOrAfter(headings: readonly Heading[], offset: number, from: number): number {
  return partitionPoint(headings.length, (i) => headings[i]!.span.start < offset, from);
}

/** The words of one own section [start, end), at offsets relative to `base`. */
function sectionWords(doc: IdeaDocument, start: number, end: number, base: number, heading: Heading, idea: Idea | undefined): SectionWords {
  const local = detach(doc.text.slice(start, end)); // cached across edits: must not keep this text alive
  let contained = true;
  const spans: Span[] = [];
  const add = (span: Span) => {
    if (span.end <= start || span.start >= end) {
      if (span.end > span.start) contained = false; // an idea's field outside its own section
      return;
    }
    if (span.start < start || span.end > end) contained = false;
    spans.push({ start: Math.max(span.start, start) - start, end: Math.min(span.end, end) - start });
  };
  for (const list of [doc.codeBlocks, doc.comments]) {
    for (let k = firstEndingAfter(list, start); k < list.length && list[k]!.span.start < end; k++) add(list[k]!.span);
  }
  add(heading.span);
  for (const f of idea?.fields ?? []) {
    add(f.labelSpan);
    if (MASKED_VALUES.has(f.key ?? '')) add(f.valueSpan);
  }
  notProse(local, spans);
  const selfContained = contained && !/\r(?!\n)|[\u2028\u2029]/.test(local);
  return new SectionWords([{ text: blanked(local, spans), offset: start - base }], end - start, heading.span.start - base, selfContained);
}

/** People's names and links are not prose. */
const MASKED_VALUES = new Set(['mentors', 'issue', 'lfx_url', 'mentee']);

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(list: ReadonlyArray<{ readonly span: Span }>, offset: number): number {
  return partitionPoint(list.length, (i) => list[i]!.span.end <= offset);
}

/** All the prose of the document as one section (for documents not split cleanly). */
function wholeProse(doc: IdeaDocument): SectionWords {
  const masked = maskedText(doc);
  const regions: Span[] = [];
  for (const p of doc.projects) regions.push(p.span);
  for (const idea of doc.ideas) if (!idea.project) regions.push(idea.span);
  regions.sort((a, b) => a.start - b.start);
  const prose: Prose[] = [];
  let done = 0;
  for (const region of regions) {
    const start = Math.max(region.start, done);
    if (start >= region.end) continue;
    prose.push({ text: masked.slice(start, region.end), offset: start });
    done = region.end;
  }
  return new SectionWords(prose, doc.text.length, 0, true);
}

/** The text with everything that is not prose blanked out (same length, so offsets hold). */
function maskedText(doc: IdeaDocument): string {
  const spans: Span[] = [];
  for (const c of doc.codeBlocks) spans.push(c.span);
  for (const c of doc.comments) spans.push(c.span);
  for (const h of doc.headings) spans.push(h.span);
  for (const idea of doc.ideas) {
    for (const f of idea.fields) {
      spans.push(f.labelSpan);
      if (MASKED_VALUES.has(f.key ?? '')) spans.push(f.valueSpan);
    }
  }
  notProse(doc.text, spans);
  return blanked(doc.text, spans);
}

/** `text` with the spans turned into spaces (line breaks included, which no word crosses anyway). */
function blanked(text: string, spans: Span[]): string {
  // Built from pieces: a 3 MB file must not become 3 M array cells.
  spans.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    pieces.push(text.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** Whether the code point `c` is a letter or a digit (`[\p{L}\p{N}]`). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (classOf(c) & WORD_CHAR) !== 0;
}

/** Whether the code point `c` is a letter (`\p{L}`). */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return (classOf(c) & LETTER) !== 0;
}

const KNOWN = 1;
const WORD_CHAR = 2;
const LETTER = 4;
/** Classes of the BMP code points met so far: a Unicode property regex per character is slow. */
const BMP_CLASSES = new Uint8Array(0x10000);

function classOf(c: number): number {
  if (c < 0x10000 && BMP_CLASSES[c]) return BMP_CLASSES[c]!;
  const char = String.fromCodePoint(c);
  const found = KNOWN | (/^[\p{L}\p{N}]$/u.test(char) ? WORD_CHAR : 0) | (/^\p{L}$/u.test(char) ? LETTER : 0);
  if (c < 0x10000) BMP_CLASSES[c] = found;
  return found;
}

/** `-_./'’`, which join runs of letters and digits into one token. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 95 || c === 46 || c === 47 || c === 39 || c === 0x2019;
}

/** Code units of the code point `c`. */
function widthOf(c: number): number {
  return c > 0xffff ? 2 : 1;
}

/**
 * The prose words of `text` that are not compounds (`Rook's` read as `Rook`; `kube-batch`, `grpc.io`, `cloud_provider` are identifiers), with
 * their offsets in it. A token is a run of letters and digits, with inner `-_./'’` joining more of
 * them; scanned by character codes, as a regex over every word of every file cost the most of the rule.
 */
function eachWord(text: string, f: (word: string, at: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = codePointAt(text, i);
    if (!isWordChar(c)) {
      i += widthOf(c);
      continue;
    }
    const start = i;
    const first = c;
    i += widthOf(c);
    // The first run, then each joiner followed by a run.
    let runEnd = -1;
    let joins = 0;
    let lastJoiner = 0;
    let lastRunStart = start;
    for (;;) {
      while (i < n && isWordChar((c = codePointAt(text, i)))) i += widthOf(c);
      if (runEnd < 0) runEnd = i;
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar((c = codePointAt(text, i + 1)))) {
        joins++;
        lastJoiner = text.charCodeAt(i);
        lastRunStart = i + 1;
        i += 1 + widthOf(c);
        continue;
      }
      break;
    }
    if (!isLetter(first)) continue;
    if (joins === 0) f(text.slice(start, i), start);
    // Joined: a compound, unless only a possessive (`'s`, `’ll`: one or two letters) was joined.
    else if (joins === 1 && (lastJoiner === 39 || lastJoiner === 0x2019) && isPossessiveTail(text, lastRunStart, i)) f(text.slice(start, runEnd), start);
  }
}

/** The code point at `i`; `codePointAt` only for a lead surrogate (the rare case). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}

/** Whether text[from, to) is one or two letters. */
function isPossessiveTail(text: string, from: number, to: number): boolean {
  let letters = 0;
  for (let i = from; i < to; letters++) {
    const c = text.codePointAt(i)!;
    if (!isLetter(c)) return false;
    i += widthOf(c);
  }
  return letters <= 2;
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false;
  return true;
}

function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Inline code, link targets, autolinks and tags, bare URLs, definitions; then emails and handles, which need an `@`. */
const NOT_PROSE_PARTS = [
  /`[^`\n]*`/.source,
  // Bounded runs and a start only at a token's start: on 100 KB of `[a](`, `<` or word characters
  // the unbounded forms rescanned the rest of the line from every position (minutes per MB).
  /\]\([^)\s]{0,2048}\)/.source,
  /<[^<>\s]{1,2048}>/.source,
  /\bhttps?:\/\/[^\s)>\]]+/.source,
  /^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/.source,
];
const NOT_PROSE = new RegExp(
  [...NOT_PROSE_PARTS, /(?<![\w.+-])[\w.+-]{1,256}@[\w-]+(?:\.[\w-]+)+/.source, /(?<![\w.])@[\w-]+/.source].join('|'),
  'gm',
);
/** NOT_PROSE for lines without an `@`: the email form, tried at every word character, cost the most. */
const NOT_PROSE_WITHOUT_AT = new RegExp(NOT_PROSE_PARTS.join('|'), 'gm');

/**
 * Push the spans NOT_PROSE matches in `text`. No match crosses a `\n` and what one sees before a
 * line's start reads as a line start, so lines are matched apart: the lines with an `@` by NOT_PROSE,
 * the runs of lines between them by the cheaper NOT_PROSE_WITHOUT_AT.
 */
function notProse(text: string, spans: Span[]): void {
  const matchIn = (pattern: RegExp, from: number, to: number) => {
    if (to <= from) return;
    for (const m of text.slice(from, to).matchAll(pattern)) spans.push({ start: from + m.index, end: from + m.index + m[0].length });
  };
  let at = 0;
  while (at < text.length) {
    const sign = text.indexOf('@', at);
    if (sign < 0) return matchIn(NOT_PROSE_WITHOUT_AT, at, text.length);
    const lineStart = Math.max(at, text.lastIndexOf('\n', sign) + 1);
    const newline = text.indexOf('\n', sign);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    matchIn(NOT_PROSE_WITHOUT_AT, at, lineStart);
    matchIn(NOT_PROSE, lineStart, lineEnd);
    at = lineEnd;
  }
}

/** Word counts of a document's prose, kept across checks (per document: see `countsFor`). */
class WordCounts {
  readonly plainSections = new ByText<SectionWords>();
  /** The GitHub links' counts (see linkOwnerMisses). */
  readonly links = new LinkCounts();
  private sections: readonly SectionWords[] = [];
  private readonly lower = new Map<string, number>();
  private readonly capitals = new Map<string, number>();
  /** Lower-case words used fewer than NAME_USES times: the only ones that can be near misses. */
  private readonly rare = new Set<string>();
  /** Capitalised spellings used NAME_USES times or more. */
  private readonly frequent = new Set<string>();
  private titles: readonly string[] = [];
  private titleWords: readonly string[] = [];
  private names = new Map<string, string>();
  /** Names change rarely; a near miss is decided again only when names of its first letter did. */
  private readonly letterVersion = new Map<string, number>();
  private clock = 0;
  private readonly nearest = new Map<string, { version: number; names: string[] }>();

  /** The last near misses, and whether they still hold: no count changed, nor anything they read of the order of the prose. */
  private lastHits: Map<string, string> | undefined;
  private countsChanged = true;
  private orderRead = false;
  /** Counts before this update, of the words it touched (lower-case words and capitalised spellings apart). */
  private lowerBefore = new Map<string, number>();
  private capitalsBefore = new Map<string, number>();

  /** Count the sections now in the prose: only those that appeared or disappeared cost anything. */
  update(placed: readonly Placed[]): void {
    // The order of the prose is read only for ties: a section moved is a change only then.
    if (this.orderRead) this.countsChanged = true;
    const next = placed.map((p) => p.section);
    changedRun(this.sections, next, (section, times) => this.add(section, times));
    this.sections = next;
    // An edit takes a section's words out and puts them back: a change only if some count differs.
    for (const [word, n] of this.lowerBefore) if ((this.lower.get(word) ?? 0) !== n) this.countsChanged = true;
    for (const [spelling, n] of this.capitalsBefore) if ((this.capitals.get(spelling) ?? 0) !== n) this.countsChanged = true;
    this.lowerBefore.clear();
    this.capitalsBefore.clear();
  }

  private add(section: SectionWords, times: number): void {
    for (const [word, n] of section.lower) {
      if (!this.lowerBefore.has(word)) this.lowerBefore.set(word, this.lower.get(word) ?? 0);
      const count = (this.lower.get(word) ?? 0) + n * times;
      if (count > 0) this.lower.set(word, count);
      else this.lower.delete(word);
      if (count > 0 && count < NAME_USES) this.rare.add(word);
      else if (this.rare.delete(word)) this.nearest.delete(word);
    }
    for (const [spelling, n] of section.capitals) {
      if (!this.capitalsBefore.has(spelling)) this.capitalsBefore.set(spelling, this.capitals.get(spelling) ?? 0);
      const count = (this.capitals.get(spelling) ?? 0) + n * times;
      if (count > 0) this.capitals.set(spelling, count);
      else this.capitals.delete(spelling);
      if (count >= NAME_USES) this.frequent.add(spelling);
      else this.frequent.delete(spelling);
    }
  }

  /** Lower-case word → the name it nearly spells, for the rare words that are near misses. */
  nearMisses(doc: IdeaDocument, placed: readonly Placed[]): Map<string, string> {
    const titlesChanged = this.readTitles(doc);
    if (this.lastHits && !this.countsChanged && !titlesChanged) return this.lastHits;
    this.orderRead = false;
    const hits = this.findNearMisses(placed);
    const same = this.lastHits !== undefined && this.lastHits.size === hits.size && [...hits].every(([w, name]) => this.lastHits!.get(w) === name);
    // Kept only once computed in full (a throw leaves them to be computed again); the same object
    // while they are the same, so that each section's misses are kept too (SectionWords.missesOf).
    if (!same) this.lastHits = hits;
    this.countsChanged = false;
    return this.lastHits!;
  }

  private findNearMisses(placed: readonly Placed[]): Map<string, string> {
    const names = this.namesOf(placed);
    const hits = new Map<string, string>();
    if (!names.size) return hits;
    for (const lower of this.rare) {
      if (names.has(lower)) continue;
      const version = this.letterVersion.get(lower[0]!) ?? 0;
      let memo = this.nearest.get(lower);
      if (memo?.version !== version) this.nearest.set(lower, (memo = { version, names: nearestNames(lower, names) }));
      if (memo.names.length > 1) this.orderRead = true;
      const name = memo.names.length > 1 ? this.firstInNamesOrder(memo.names, placed) : memo.names[0];
      // Looked up only for near misses: most files never read the word list.
      if (name && !isEnglishForm(lower)) hits.set(lower, names.get(name)!);
    }
    return hits;
  }

  /** Lower-cased name → its spelling as most used in the file (the first used, on a tie). */
  /** Read the project titles; whether they changed. */
  private readTitles(doc: IdeaDocument): boolean {
    const titles = doc.projects.map((p) => p.title);
    if (titles.length === this.titles.length && titles.every((t, i) => t === this.titles[i])) return false;
    this.titles = titles;
    this.titleWords = titles.flatMap((t) => {
      const words: string[] = [];
      eachWord(t, (w) => words.push(w));
      return words.length === 1 ? words : words.filter((w) => !isEnglishForm(w.toLowerCase()));
    });
    return true;
  }

  private namesOf(placed: readonly Placed[]): Map<string, string> {
    const uses = (spelling: string) => this.capitals.get(spelling) ?? 0;
    const names = new Map<string, string>();
    for (const spelling of this.titleWords) {
      const lower = spelling.toLowerCase();
      if (lower.length < MIN_NAME_LENGTH) continue;
      const known = names.get(lower);
      if (known === undefined || uses(spelling) > uses(known)) names.set(lower, spelling);
    }
    // Title words come first; among frequent spellings a tie goes to the one used first.
    const fromTitles = new Set(names.keys());
    const ties = new Map<string, Set<string>>();
    for (const spelling of this.frequent) {
      const lower = spelling.toLowerCase();
      if (lower.length < MIN_NAME_LENGTH || isEnglishForm(lower)) continue;
      const known = names.get(lower);
      if (known === undefined || uses(spelling) > uses(known)) {
        names.set(lower, spelling);
        fromTitles.delete(lower);
        ties.delete(lower);
      } else if (uses(spelling) === uses(known) && !fromTitles.has(lower) && spelling !== known) {
        const tied = ties.get(lower) ?? new Set([known]);
        tied.add(spelling);
        ties.set(lower, tied);
      }
    }
    if (ties.size) this.orderRead = true;
    for (const [lower, tied] of ties) names.set(lower, firstUsed(tied, placed) ?? names.get(lower)!);

    for (const [lower, spelling] of names) if (this.names.get(lower) !== spelling) this.touchLetter(lower);
    for (const lower of this.names.keys()) if (!names.has(lower)) this.touchLetter(lower);
    this.names = names;
    return names;
  }

  /**
   * Of these names, the one a check from scratch meets first: names come from project titles in
   * order, then from capitalised words in the order the prose first uses them.
   */
  private firstInNamesOrder(keys: readonly string[], placed: readonly Placed[]): string | undefined {
    const wanted = new Set(keys);
    for (const w of this.titleWords) if (wanted.has(w.toLowerCase())) return w.toLowerCase();
    const spellings = new Set([...this.frequent].filter((s) => wanted.has(s.toLowerCase())));
    return firstUsed(spellings, placed)?.toLowerCase();
  }

  private touchLetter(lower: string): void {
    this.letterVersion.set(lower[0]!, ++this.clock);
  }
}

/** The spelling of `spellings` used first in the prose. */
function firstUsed(spellings: ReadonlySet<string>, placed: readonly Placed[]): string | undefined {
  for (const { section } of placed) {
    if (![...spellings].some((s) => section.capitals.has(s))) continue;
    for (const w of section.words) if (spellings.has(w.text)) return w.text;
  }
  return undefined;
}

/** Counts per document (by uri), for the few documents checked most recently. */
const STATES = new Map<string, WordCounts>();
const MAX_STATES = 8;

function countsFor(uri: string): WordCounts {
  let state = STATES.get(uri);
  if (state) STATES.delete(uri);
  else state = new WordCounts();
  STATES.set(uri, state);
  for (const old of STATES.keys()) {
    if (STATES.size <= MAX_STATES) break;
    STATES.delete(old);
  }
  return state;
}

/**
 * The names `lower` nearly spells at the least distance: 1–2 edits, same first letter, not a longer
 * or shorter form of it. More than one on a tie (the first in the names' order wins).
 */
function nearestNames(lower: string, names: ReadonlyMap<string, string>): string[] {
  let best: string[] = [];
  let bestDistance = 3;
  for (const name of names.keys()) {
    if (name[0] !== lower[0]) continue;
    if (lower.startsWith(name) || name.startsWith(lower) || lower.endsWith(name) || name.endsWith(lower)) continue;
    // Slips of the hand drop, double or swap letters (`Kubertenes`, `Kuberenetes`); a word that
    // changes letters (`Thanks` / `Thanos`, `provided` / `Provider`) is usually another word.
    if (!sameLettersGiveOrTake(lower, name)) continue;
    const d = editDistance(lower, name, 2);
    if (d < 1 || d > 2 || d > bestDistance) continue;
    if (d < bestDistance) best = [];
    best.push(name);
    bestDistance = d;
  }
  return best;
}

/** The shorter word's letters are all in the longer one, which has at most two more. */
function sameLettersGiveOrTake(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 2) return false;
  const pool = new Map<string, number>();
  for (const c of long) pool.set(c, (pool.get(c) ?? 0) + 1);
  for (const c of short) {
    const left = pool.get(c) ?? 0;
    if (left === 0) return false;
    pool.set(c, left - 1);
  }
  return true;
}
