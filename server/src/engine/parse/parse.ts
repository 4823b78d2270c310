// Text → IdeaDocument. Never throws. Sections are parsed with remark one by one (see sections.ts)
// and cached by text, so re-parsing after an edit costs only the sections the edit touched; what
// lies after the edit is moved, not rebuilt (its ideas' parts move when first read).
import type { FrontMatterSyntax } from './frontMatter';
import type { CodeBlock, Field, FrontMatter, Heading, HtmlComment, Idea, IdeaDocument, IssueRef, Mentor, MentorForm, Project, Skill, Span, SubItem } from './model';
import { IdeaKey, memoSlot } from './perIdea';
import { frontMatterEnd, frontMatterSyntax, opensFrontMatter } from './frontMatter';
import { SectionScanner } from './sections';
import {
  type CodeSyntax,
  type CommentSyntax,
  type FieldSyntax,
  type HeadingSyntax,
  type ItemSyntax,
  type SectionSyntax,
  identifierOf,
  parseSection,
  shiftBlock,
  withDefinitions,
} from './syntax';
import type { RowIdeaSyntax } from './table';
import { LineIndex, detach } from './text';
import { isValidHandle, parseIssues, parseMentors, parseSkills } from './values';

/**
 * A document's parse state between edits: parsed sections by text, and the last parse's section
 * list. Keeps what the last parse used (and what the one before it used), so a long-lived cache in
 * the language server does not grow without bound.
 */
export class SectionCache {
  // section text → (definitions + lookahead → syntax). Two levels, so no key is built by copying
  // a section's text: on a 3 MB file that copy was megabytes of garbage per keystroke.
  private current = new Map<string, Map<string, SectionSyntax>>();
  private previous = new Map<string, Map<string, SectionSyntax>>();
  /** Sections parsed by remark in the last `parseDocument` call (for tests and benchmarks). */
  parsedInLastRun = 0;
  /** The last parse: its text, sections and line index, re-used where an edit left the text alone. */
  private lastParse: LastParse | undefined;
  /** What changed since the last parse, when the caller said (see `noteEdit`). */
  private edit: { prefix: number; suffix: number; length: number } | undefined;

  get(text: string, variant: string): SectionSyntax | undefined {
    const hit = this.current.get(text)?.get(variant);
    if (hit) return hit;
    const old = this.previous.get(text)?.get(variant);
    if (old) this.set(text, variant, old);
    return old;
  }

  set(text: string, variant: string, value: SectionSyntax): void {
    let variants = this.current.get(text);
    if (!variants) this.current.set(text, (variants = new Map()));
    variants.set(variant, value);
  }

  /**
   * The text the next parse gets is the last one with [start, end) of the text as it is now
   * replaced by `newLength` characters (in order, as an editor applies changes). Lets the next parse
   * find what changed without comparing the texts; without it, the texts are compared.
   */
  noteEdit(start: number, end: number, newLength: number, lengthNow: number): void {
    if (!this.lastParse) return;
    const lastLength = this.lastParse.text.length;
    const edit = this.edit ?? { prefix: lastLength, suffix: lastLength, length: lastLength };
    if (edit.length !== lengthNow) {
      this.edit = undefined; // the caller lost track: the next parse starts afresh
      this.lastParse = undefined;
      return;
    }
    const length = lengthNow - (end - start) + newLength;
    const prefix = Math.min(edit.prefix, start);
    const suffix = Math.min(edit.suffix, lengthNow - end, Math.min(lastLength, length) - prefix);
    this.edit = { prefix, suffix, length };
  }

  /** The unchanged prefix and suffix of `text` against the last parse (both 0 when there is none). */
  unchanged(text: string): { prefix: number; suffix: number } {
    const last = this.lastParse;
    const edit = this.edit;
    this.edit = undefined;
    if (!last) return { prefix: 0, suffix: 0 };
    if (edit) return edit.length === text.length ? edit : { prefix: 0, suffix: 0 };
    const old = last.text;
    const max = Math.min(old.length, text.length);
    let prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    return { prefix, suffix };
  }

  get last(): LastParse | undefined {
    return this.lastParse;
  }

  /** What the next parse may re-use; the edits noted so far were relative to the parse before. */
  set last(last: LastParse | undefined) {
    this.lastParse = last;
    this.edit = undefined;
  }

  /** Called at the start of each parse: what the parse before last used is dropped. */
  startRun(): void {
    this.previous = this.current;
    this.current = new Map();
    this.parsedInLastRun = 0;
  }
}

/** One section of a parse: where it starts, how long it is, and its syntax. */
interface ParsedSection {
  readonly from: number;
  readonly length: number;
  /** Length of the line after the section that it was parsed with (see parseSection). */
  readonly lookaheadLength: number;
  readonly syntax: SectionSyntax;
  /** Parsed again with every link label of the document defined (when it holds a `[`), else `syntax`. */
  readonly resolved: SectionSyntax;
  readonly hasBracket: boolean;
  /** What `resolved` yields for the model, at document offsets (set when the document is built). */
  placed?: PlacedSection;
}

interface LastParse {
  readonly text: string;
  readonly sections: readonly ParsedSection[];
  readonly definitions: string;
  readonly lines: LineIndex;
}

export interface ParseOptions {
  readonly cache?: SectionCache;
  /**
   * true: parse the text as one section, by remark alone (no section scan, no simple section
   * built by a line scan: see simple.ts); the reference the tests compare against.
   * Default false: in sections, most of which remark never sees.
   */
  readonly wholeDocument?: boolean;
  /** The line index of the text, when the caller keeps one (the server edits it as the text changes). */
  readonly lines?: LineIndex;
  /** Told when parsing failed and an empty document was returned instead (tests, server log). */
  readonly onError?: (error: unknown) => void;
}

/** Headings whose sections are containers, never projects. */
const GENERIC_HEADING =
  /^(?:(?:gsoc|lfx|cncf|google summer of code|summer of code|mentorship|program)?\s*(?:\d{4}\s*)?(?:(?:proposed|accepted|selected|current|list of|open|other|more)\s+)?(?:projects?\s+ideas?|ideas?|projects?|mentorship projects?|project list|programs?)(?:\s+(?:list|for \d{4}|\d{4}))?|template|table of contents|contents)\s*:?$/i;
// The whole heading says so (`Sample:`, `### Template`, `Exemplo`, `Modelo de Projecto`), or `Name (sample)`;
// not a title that merely starts with the word (`Example Foundation ideas`).
const SAMPLE_HEADING = /^[^\p{L}]*(?:samples?|examples?|exemplo|templates?|modelo(?: de projecto)?)[^\p{L}]*$|\((?:sample|example)\)/iu;

export function parseDocument(text: string, options: ParseOptions = {}): IdeaDocument {
  const cache = options.cache;
  try {
    return buildDocument(text, parseSections(text, cache, options.wholeDocument ?? false, options.lines));
  } catch (error) {
    // The parser never fails: a bug here must not take an editor down with it.
    if (cache) cache.last = undefined;
    options.onError?.(error);
    return buildDocument(text, { sections: [], lines: options.lines ?? new LineIndex(text) });
  }
}

interface Sections {
  readonly sections: readonly ParsedSection[];
  readonly lines: LineIndex;
}

/**
 * The text's sections, re-using the last parse's where an edit left them alone: those wholly in the
 * unchanged prefix as they are, those in the unchanged suffix moved; only the sections between are
 * scanned and looked up again (see sections.ts for why a scan may start at any section start).
 */
function parseSections(text: string, cache: SectionCache | undefined, wholeDocument: boolean, given: LineIndex | undefined): Sections {
  cache?.startRun();
  // A BOM is not content; a space keeps every offset where it is.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const last = wholeDocument ? undefined : cache?.last;
  const { prefix, suffix } = last && cache ? cache.unchanged(text) : { prefix: 0, suffix: 0 };
  const old = last?.sections ?? [];
  const delta = text.length - (last?.text.length ?? 0);
  const sections: ParsedSection[] = [];

  // Sections before the edit: their text and the line after them lie in the unchanged prefix. A text
  // that opens a front matter never closed so far keeps no first section: a closing fence typed
  // anywhere further on makes everything up to it the front matter.
  // After a byte-order mark (read as a space) there is no front matter: it must start the file.
  const opens = opensFrontMatter(source);
  let k = 0;
  while ((!opens || old[0]?.syntax.frontMatter) && k < old.length && old[k]!.from + old[k]!.length + old[k]!.lookaheadLength < prefix && old[k]!.from + old[k]!.length < text.length) {
    sections.push(old[k]!);
    k++;
  }
  // Old sections that start in the unchanged suffix: the scan rejoins the old list at one of them.
  const suffixStart = (last?.text.length ?? 0) - suffix;
  let resume = k;
  let freshEnd = Infinity; // sections [k, freshEnd) are scanned in this parse
  let from = k ? old[k]!.from : 0;
  if (k === 0 && opens) {
    // The front matter is a section of its own: nothing in it is markdown, and nothing after it
    // depends on it (it ends at its closing fence, and the next line starts afresh).
    const end = frontMatterEnd(source);
    if (end > 0) {
      const syntax = frontMatterSection(source.slice(0, end), cache);
      sections.push({ from: 0, length: end, lookaheadLength: 0, syntax, resolved: syntax, hasBracket: false, placed: undefined });
      from = end;
    }
  }
  const scanner = new SectionScanner(source, wholeDocument ? source.length : from);
  let next = wholeDocument ? undefined : scanner.next();
  for (;;) {
    let sectionText: string;
    let lookahead: string;
    let syntax: SectionSyntax;
    // Grow the section while its last block runs on into the next one: by one section first, then
    // to twice its length each time, so a block that never closes (`<!--` before every heading)
    // costs parses of a geometric series, not one per heading. A section may hold more than it
    // needs: a column-0 heading closes every block that is not still open.
    for (let grown = 0; ; grown++) {
      const to = next ?? source.length;
      sectionText = source.slice(from, to);
      lookahead = next !== undefined ? lineAt(source, to) : '';
      syntax = parseCached(sectionText, '', lookahead, cache, wholeDocument);
      if (!syntax.openAtEnd || next === undefined) break;
      const target = grown ? from + 2 * sectionText.length : 0;
      do next = scanner.next();
      while (next !== undefined && next < target);
    }
    sections.push({ from, length: sectionText.length, lookaheadLength: lookahead.length, syntax, resolved: syntax, hasBracket: sectionText.includes('['), placed: undefined });
    if (next === undefined) break;
    from = next;
    next = scanner.next();
    // Back in step with the last parse: the rest is the old sections, moved.
    const oldFrom = from - delta;
    if (oldFrom >= suffixStart && from >= prefix) {
      while (resume < old.length && old[resume]!.from < oldFrom) resume++;
      if (resume < old.length && old[resume]!.from === oldFrom) {
        freshEnd = sections.length;
        for (let j = resume; j < old.length; j++) sections.push(delta ? moved(old[j]!, delta) : old[j]!);
        break;
      }
    }
  }

  // A reference resolves against definitions anywhere in the document (which changes a heading's
  // text: `[x]` or `x`). Sections that may hold a reference are parsed again with every label
  // defined; definitions change no block structure, so the sections stay as they are.
  const labels = new Set<string>();
  for (const s of sections) for (const label of s.syntax.labels) labels.add(label);
  const definitions = labels.size ? `${[...labels].map((l) => `[${l}]: #`).join('\n')}\n\n` : '';
  const byIdentifier = new Map<string, string>();
  for (const label of labels) byIdentifier.set(identifierOf(label), label);
  // Re-used sections keep theirs while the definitions stay the same.
  const sameDefinitions = definitions === (last?.definitions ?? '');
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i]!;
    if (!s.hasBracket || (sameDefinitions && (i < k || i >= freshEnd))) continue;
    const sectionText = source.slice(s.from, s.from + s.length);
    const lookahead = source.slice(s.from + s.length, s.from + s.length + s.lookaheadLength);
    const own = definitions ? definitionsFor(sectionText, byIdentifier) : '';
    const resolved = own ? parseCached(sectionText, own, lookahead, cache, wholeDocument, s.syntax) : s.syntax;
    if (resolved !== s.resolved) sections[i] = { from: s.from, length: s.length, lookaheadLength: s.lookaheadLength, syntax: s.syntax, resolved, hasBracket: s.hasBracket, placed: undefined };
  }

  const lines = given ?? (last && prefix + suffix > 0 ? last.lines.edited(text, prefix, suffix) : new LineIndex(text));
  if (cache && !wholeDocument) cache.last = { text, sections, definitions, lines };
  return { sections, lines };
}

/** Longer bracket contents are no link label (CommonMark: at most 999 characters). */
const MAX_LABEL = 999;
const BRACKETED = /\[((?:[^[\]\\]|\\[\s\S])*)\]/g;

/**
 * The definitions a section can use: those whose label it writes in brackets (a reference names
 * its label as `[label]`, whatever its form). Every other definition changes nothing in its parse,
 * and prepending all of them to every section was quadratic (50k definitions, 20k ideas using them).
 */
function definitionsFor(sectionText: string, byIdentifier: ReadonlyMap<string, string>): string {
  const used = new Set<string>();
  BRACKETED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKETED.exec(sectionText))) {
    if (m[1]!.length > MAX_LABEL) continue;
    const label = byIdentifier.get(identifierOf(m[1]!));
    if (label !== undefined) used.add(label);
  }
  return used.size ? `${[...used].map((l) => `[${l}]: #`).join('\n')}\n\n` : '';
}

/** The section `delta` characters further on (its placement is redone when the document is built). */
function moved(s: ParsedSection, delta: number): ParsedSection {
  // A literal, not a spread: thousands of sections move on every keystroke in a big file.
  return {
    from: s.from + delta,
    length: s.length,
    lookaheadLength: s.lookaheadLength,
    syntax: s.syntax,
    resolved: s.resolved,
    hasBracket: s.hasBracket,
    placed: s.placed,
  };
}

const LINE = /[^\r\n]*/y;

/** The line starting at `offset`, without its line break. */
function lineAt(text: string, offset: number): string {
  LINE.lastIndex = offset;
  return LINE.exec(text)?.[0] ?? '';
}

/** The front matter's section (`text` is the block, fences included), cached as sections are. */
function frontMatterSection(text: string, cache: SectionCache | undefined): SectionSyntax {
  const variant = 'front matter';
  let syntax = cache?.get(text, variant);
  if (!syntax) {
    syntax = { blocks: [], openAtEnd: false, labels: [], frontMatter: frontMatterSyntax(text, 0, text.length) };
    cache?.set(text, variant, syntax);
  }
  return syntax;
}

/** The section's syntax with `definitions`; from `unresolved` (its syntax without them) when given. */
function parseCached(sectionText: string, definitions: string, lookahead: string, cache: SectionCache | undefined, byRemark: boolean, unresolved?: SectionSyntax): SectionSyntax {
  const parse = () => (unresolved ? withDefinitions(unresolved, sectionText, definitions) : parseSection(sectionText, definitions, lookahead, byRemark));
  if (!cache) return parse();
  // The length keeps (definitions, lookahead) pairs apart.
  const variant = `${definitions.length}:${definitions}${lookahead}`;
  let syntax = cache.get(sectionText, variant);
  if (!syntax) {
    syntax = parse();
    cache.set(sectionText, variant, syntax);
    cache.parsedInLastRun++;
  }
  return syntax;
}

/** What one section yields for the model, at offsets relative to the section's start. */
interface SectionModel {
  readonly headings: readonly HeadingSyntax[];
  /** Per heading, what recognising ideas and projects needs of it. */
  readonly info: readonly HeadingInfo[];
  readonly comments: readonly CommentSyntax[];
  readonly code: readonly CodeSyntax[];
}

interface HeadingInfo {
  /** The origin key of the heading's ideas (see Idea.origin). */
  readonly key: IdeaKey;
  /** The fields of the heading's own section (up to the next heading), loose entries attached. */
  readonly fields: readonly FieldSyntax[];
  /** See ideaStrength. */
  readonly strength: 0 | 1 | 2;
  /** Its text says it is a sample (SAMPLE_HEADING), a bare `Title`, or a container (GENERIC_HEADING). */
  readonly sample: boolean;
  readonly titleOnly: boolean;
  readonly generic: boolean;
  /** Where a second idea with no heading of its own starts in `fields` (see secondBlockAt), and its origin key. */
  readonly split?: { readonly at: number; readonly key: IdeaKey };
  /** The rows of the tables in the heading's own section that are ideas (see table.ts), each with its origin key. */
  readonly rows?: ReadonlyArray<{ readonly row: RowIdeaSyntax; readonly key: IdeaKey }>;
}

const SECTION_MODELS = new WeakMap<SectionSyntax, SectionModel>();

function sectionModel(syntax: SectionSyntax): SectionModel {
  let model = SECTION_MODELS.get(syntax);
  if (model) return model;
  const headings: HeadingSyntax[] = [];
  const ownFields: FieldSyntax[][] = [];
  const ownItems: ItemSyntax[][] = [];
  const ownRows: RowIdeaSyntax[][] = [];
  const comments: CommentSyntax[] = [];
  const code: CodeSyntax[] = [];
  for (const block of syntax.blocks) {
    switch (block.kind) {
      case 'heading':
        headings.push(block);
        ownFields.push([]);
        ownItems.push([]);
        ownRows.push([]);
        break;
      case 'table':
        ownRows[ownRows.length - 1]?.push(...block.ideas);
        break;
      case 'field':
        ownFields[ownFields.length - 1]?.push(block); // fields before any heading belong to no idea
        break;
      case 'item':
        ownItems[ownItems.length - 1]?.push(block);
        break;
      case 'comment':
        comments.push(block);
        break;
      case 'code':
        code.push(block);
        break;
    }
  }
  const info = headings.map((heading, h): HeadingInfo => {
    const fields = attachLooseEntries(ownFields[h]!, ownItems[h]!);
    const at = secondBlockAt(fields);
    const rows = ownRows[h]!;
    return {
      key: new IdeaKey(),
      ...(at > 0 ? { split: { at, key: new IdeaKey() } } : {}),
      ...(rows.length ? { rows: rows.map((row) => ({ row, key: new IdeaKey() })) } : {}),
      fields,
      strength: ideaStrength(fields),
      sample: SAMPLE_HEADING.test(heading.text),
      titleOnly: /^(?:project )?title$/i.test(heading.text),
      generic: GENERIC_HEADING.test(heading.text),
    };
  });
  model = { headings, info, comments, code };
  SECTION_MODELS.set(syntax, model);
  return model;
}

/** A section's model with its headings, comments and code blocks at document offsets. */
interface PlacedSection {
  readonly base: number;
  readonly model: SectionModel;
  readonly headings: readonly Heading[];
  readonly origins: ReadonlyArray<{ readonly key: IdeaKey; readonly base: number }>;
  readonly comments: readonly HtmlComment[];
  readonly code: readonly CodeBlock[];
}

const NONE: readonly never[] = [];

/** The section's placed model: as last placed when it has not moved, else moved (see Idea.origin). */
function place(section: ParsedSection): PlacedSection {
  const { from: base, placed: last } = section;
  if (last?.base === base) return last;
  const model = last?.model ?? sectionModel(section.resolved);
  const sh = (s: Span): Span => ({ start: s.start + base, end: s.end + base });
  const placed = {
    base,
    model,
    headings: model.headings.map((h) => ({ level: h.level, text: h.text, span: sh(h.span), textSpan: sh(h.textSpan), setext: h.setext })),
    origins: model.info.map(({ key }) => ({ key, base })),
    // Most sections have neither: no new empty arrays for them.
    comments: model.comments.length ? model.comments.map((c) => ({ text: c.text, span: sh(c.span) })) : NONE,
    code: model.code.length ? model.code.map((c) => ({ lang: c.lang, value: c.value, span: sh(c.span), valueSpan: sh(c.valueSpan) })) : NONE,
  };
  section.placed = placed;
  return placed;
}

function buildDocument(text: string, { sections, lines }: Sections): IdeaDocument {
  const headings: Heading[] = [];
  const comments: HtmlComment[] = [];
  const codeBlocks: CodeBlock[] = [];
  // Per heading: what its section's model says of it (fields relative to the section), its origin.
  const info: HeadingInfo[] = [];
  const headingOrigins: Array<{ key: IdeaKey; base: number }> = [];
  const limited = new Set<string>();
  for (const section of sections) {
    if (section.resolved.limited) limited.add(section.resolved.limited);
    const placed = place(section);
    for (let h = 0; h < placed.headings.length; h++) {
      headings.push(placed.headings[h]!);
      info.push(placed.model.info[h]!);
      headingOrigins.push(placed.origins[h]!);
    }
    for (const c of placed.comments) comments.push(c);
    for (const c of placed.code) codeBlocks.push(c);
  }

  const ideas: Idea[] = [];
  const samples: Idea[] = [];
  const projects: Project[] = [];
  const projectByHeading = new Map<number, Project>();
  const stack: number[] = []; // indices into headings: the open ancestors
  // A "Sample" heading holds one sample project (or idea): its first sub-heading's section.
  // Real ideas written after it under the same heading are still real (files do that).
  let sampleScope: Span = { start: -1, end: -1 };

  // Ideas are recognised in two steps: a section with two template fields (one labelled with a
  // capital, as every real file does) is an idea anywhere; a section with one is an idea when it
  // sits at a level where such ideas are (a mentor half-way through typing a new idea). A report
  // that lists `- mentors: …` and `- issue values: …` is not an idea file.
  const ideaLevels = new Set(headings.filter((_, h) => info[h]!.strength === 2).map((hd) => hd.level));

  // First pass: which headings are ideas, and the headings above each that may be its project,
  // a sub-project or a theme (containers, samples and a level-1 title are not).
  const found: FoundIdea[] = [];
  const rowHosts: Array<{ readonly heading: number; readonly chain: readonly number[] }> = [];
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h]!;
    if (info[h]!.sample) {
      const first = headings[h + 1];
      const end = first && first.level > heading.level ? sectionEnd(headings, h + 1, text.length) : (first?.span.start ?? text.length);
      sampleScope = { start: heading.span.start, end };
    }
    while (stack.length && headings[stack[stack.length - 1]!]!.level >= heading.level) stack.pop();
    const { strength } = info[h]!;
    if (strength === 2 || (strength === 1 && ideaLevels.has(heading.level))) {
      const sample = (heading.span.start >= sampleScope.start && heading.span.start < sampleScope.end) || info[h]!.titleOnly;
      found.push({ heading: h, chain: ideaChain(headings, info, stack), sample });
    }
    stack.push(h);
    // A section that is no idea itself may list ideas as table rows: under it, as its sub-headings would be.
    if (info[h]!.rows && strength === 0 && !info[h]!.sample) rowHosts.push({ heading: h, chain: ideaChain(headings, info, stack) });
  }

  const structure = placeIdeas(headings, found);
  /** The project of the heading at index `h`, made when first asked for. */
  const projectAt = (h: number): Project => {
    let project = projectByHeading.get(h);
    if (!project) {
      const ph = headings[h]!;
      project = { title: ph.text, heading: ph, span: { start: ph.span.start, end: sectionEnd(headings, h, text.length) }, ideas: [] };
      projectByHeading.set(h, project);
      projects.push(project);
    }
    return project;
  };
  for (const idea of found) {
    const h = idea.heading;
    const heading = headings[h]!;
    const placed = structure[h];
    let project: Project | null = null;
    if (placed && !idea.sample) project = projectAt(placed.project);
    const where: IdeaPlace = placed && !idea.sample ? { path: placed.path.length ? placed.path.map((k) => headings[k]!.text) : NONE, atProjectLevel: placed.atProjectLevel, headless: false } : NO_PLACE;
    const { fields, split } = info[h]!;
    const end = sectionEnd(headings, h, text.length);
    const origin = headingOrigins[h]!;
    const secondStart = split ? fields[split.at]!.itemSpan.start + origin.base : end;
    const made = makeIdea(text, lines, heading, { start: heading.span.start, end: secondStart }, project, where, split ? fields.slice(0, split.at) : fields, origin);
    const all = [made];
    if (split) {
      // A second field block under the same heading is an idea that lost its heading: shown and
      // checked on its own (duplicate-field says what happened), at its first field.
      const at = { start: secondStart, end: secondStart };
      const lost: Heading = { level: heading.level, text: `(no heading) after "${heading.text}"`, span: at, textSpan: at, setext: false };
      all.push(makeIdea(text, lines, lost, { start: secondStart, end }, project, { ...where, headless: true }, fields.slice(split.at), { key: split.key, base: origin.base }));
    }
    for (const one of all) {
      if (idea.sample) samples.push(one);
      else {
        ideas.push(one);
        project?.ideas.push(one);
      }
    }
  }
  if (rowHosts.length) placeRowIdeas(text, lines, rowHosts, headings, info, headingOrigins, projectAt, ideas);
  projects.sort((a, b) => a.heading.span.start - b.heading.span.start);

  const matter = sections[0]?.resolved.frontMatter;
  const frontMatter = matter && placeFrontMatter(text, lines, sections[0]!.resolved, matter);
  if (frontMatter?.idea) {
    // A file whose front matter is an idea is that one idea (its body is the idea's long text).
    ideas.length = 0;
    projects.length = 0;
    ideas.push(frontMatter.idea);
  }

  return {
    text,
    lines,
    headings,
    projects,
    ideas,
    samples,
    comments,
    codeBlocks,
    isIdeaFile: ideas.length > 0,
    ...(frontMatter ? { frontMatter } : {}),
    ...(limited.size ? { limited: [...limited].join('; ') } : {}),
  };
}

/** The origin key of a front matter's idea, per parsed front matter (kept while its text is unchanged). */
const FRONT_MATTER_KEYS = new WeakMap<SectionSyntax, IdeaKey>();

/** The front matter in the model: its keys, its YAML error, and its idea when its keys make one. */
function placeFrontMatter(text: string, lines: LineIndex, syntax: SectionSyntax, matter: FrontMatterSyntax): FrontMatter {
  const base = { span: matter.span, contentSpan: matter.contentSpan, keys: matter.keys, ...(matter.error ? { error: matter.error } : {}) };
  if (!matter.idea) return base;
  let key = FRONT_MATTER_KEYS.get(syntax);
  if (!key) FRONT_MATTER_KEYS.set(syntax, (key = new IdeaKey()));
  const { title, titleSpan } = matter.idea;
  const heading: Heading = { level: 1, text: title, span: titleSpan, textSpan: titleSpan, setext: false };
  const idea = makeIdea(text, lines, heading, matter.span, null, { path: [], atProjectLevel: false, headless: false, syntax: 'front-matter' }, matter.idea.fields, { key, base: 0 });
  return { ...base, idea };
}

/** The headings above (in `stack`, outermost first) that may be an idea's project, sub-project or theme: no containers, samples, or the file's level-1 title unless nothing else is. */
function ideaChain(headings: readonly Heading[], info: readonly HeadingInfo[], stack: readonly number[]): number[] {
  const candidate = (a: number) => !info[a]!.generic && !info[a]!.sample;
  // A level-1 heading is the file's title: a project only when nothing else is (`# Kubernetes`, then ideas).
  const chain = stack.filter((a) => headings[a]!.level > 1 && candidate(a));
  if (!chain.length && stack.length && headings[stack[0]!]!.level === 1 && candidate(stack[0]!)) return [stack[0]!];
  return chain;
}

/**
 * The table rows that are ideas, in their host heading's place: its outermost candidate heading is
 * their project (none: the file is), the rest their path; inserted among the ideas in text order.
 */
function placeRowIdeas(
  text: string,
  lines: LineIndex,
  hosts: ReadonlyArray<{ readonly heading: number; readonly chain: readonly number[] }>,
  headings: readonly Heading[],
  info: readonly HeadingInfo[],
  origins: ReadonlyArray<{ key: IdeaKey; base: number }>,
  projectAt: (heading: number) => Project,
  ideas: Idea[],
): void {
  const touched = new Set<Project | null>();
  for (const host of hosts) {
    const { base } = origins[host.heading]!;
    const level = headings[host.heading]!.level + 1;
    const project = host.chain.length ? projectAt(host.chain[0]!) : null;
    touched.add(project);
    const where: IdeaPlace = { path: host.chain.slice(1).map((k) => headings[k]!.text), atProjectLevel: false, headless: false, syntax: 'table-row' };
    for (const { row, key } of info[host.heading]!.rows!) {
      const title = { start: row.titleSpan.start + base, end: row.titleSpan.end + base };
      const heading: Heading = { level, text: row.title, span: title, textSpan: title, setext: false };
      const idea = makeIdea(text, lines, heading, { start: row.span.start + base, end: row.span.end + base }, project, where, row.fields, { key, base });
      ideas.push(idea);
      project?.ideas.push(idea);
    }
  }
  const byStart = (a: Idea, b: Idea) => a.span.start - b.span.start;
  ideas.sort(byStart);
  for (const p of touched) p?.ideas.sort(byStart);
}

interface FoundIdea {
  /** Index of the idea's heading. */
  readonly heading: number;
  /** Headings above it that may be its project, sub-project or theme, outermost first. */
  readonly chain: readonly number[];
  readonly sample: boolean;
}

interface Placement {
  /** Heading index of the idea's project. */
  readonly project: number;
  /** Sub-projects and themes between the project and the idea. */
  readonly path: readonly number[];
  readonly atProjectLevel: boolean;
}

interface IdeaPlace {
  readonly path: readonly string[];
  readonly atProjectLevel: boolean;
  readonly headless: boolean;
  readonly syntax?: Idea['syntax'];
}

const NO_PLACE: IdeaPlace = { path: [], atProjectLevel: false, headless: false };

/**
 * Where the fields of one heading start over as a second idea's (the heading of that idea was lost):
 * the first field's key again, followed by at least two more keys the first block already had. A
 * field written twice by mistake repeats one key, not a whole block. 0 when there is none.
 */
function secondBlockAt(fields: readonly FieldSyntax[]): number {
  const first = fields[0]?.key;
  if (!first || !CORE_KEYS.has(first)) return 0;
  for (let j = 1; j < fields.length; j++) {
    if (fields[j]!.key !== first) continue;
    const before = new Set(fields.slice(0, j).map((f) => f.key));
    const again = new Set(fields.slice(j + 1).filter((f) => f.key !== null && f.key !== first && CORE_KEYS.has(f.key) && before.has(f.key)).map((f) => f.key));
    if (again.size >= 2) return j;
  }
  return 0;
}

/**
 * Each idea's project (FINDINGS-POLICY, Structure). The file's project level is the level its ideas'
 * outermost headings mostly have; the project is the outermost heading at or below it, and the
 * headings between it and the idea are its path. An idea heading at that level with no project above
 * it, right after a project whose ideas are sub-headings, is an idea written at project level: it
 * stays with that project (and so do the ideas after it) and idea-heading says so. Otherwise such a
 * heading with its own fields is a project whose one idea is its field block. Ideas with no heading
 * above them at all (a single-project organisation's list) have no project: the file is the project.
 */
function placeIdeas(headings: readonly Heading[], found: readonly FoundIdea[]): ReadonlyArray<Placement | undefined> {
  const out: Array<Placement | undefined> = [];
  const real = found.filter((f) => !f.sample);
  const levels = new Map<number, number>();
  for (const f of real) if (f.chain.length) levels.set(headings[f.chain[0]!]!.level, (levels.get(headings[f.chain[0]!]!.level) ?? 0) + 1);
  let projectLevel = 0;
  let most = 0;
  for (const [level, count] of levels) {
    if (count > most || (count === most && level < projectLevel)) {
      projectLevel = level;
      most = count;
    }
  }
  // By heading index: arrays, not sets (a big file has thousands of ideas, placed on every keystroke).
  const isIdea = new Uint8Array(headings.length);
  for (const f of found) isIdea[f.heading] = 1;
  const hasSubIdeas = new Uint8Array(headings.length);
  for (const f of real) for (const a of f.chain) hasSubIdeas[a] = 1;
  /** Ideas written at project level, by heading: the project they stay with. */
  const adopted = new Map<number, number>();
  for (const f of found) {
    // An idea nested in another idea's section (one level deeper) is that idea's sibling, not its child.
    const chain = f.chain.length ? f.chain.filter((a) => !(isIdea[a] && headings[a]!.level > projectLevel)) : f.chain;
    if (chain.length) {
      let p = chain.findIndex((a) => headings[a]!.level >= projectLevel);
      if (p < 0) p = 0;
      let project = chain[p]!;
      const path = p + 1 < chain.length ? chain.slice(p + 1) : [];
      const adopter = adopted.get(project);
      if (adopter !== undefined) {
        path.unshift(project);
        project = adopter;
      }
      out[f.heading] = { project, path, atProjectLevel: false };
      continue;
    }
    if (f.sample || projectLevel === 0 || headings[f.heading]!.level > projectLevel) continue;
    const previous = previousAtLevel(headings, f.heading, projectLevel);
    const project = previous === undefined ? undefined : (adopted.get(previous) ?? previous);
    const misplaced =
      project !== undefined && hasSubIdeas[project] === 1 && !isIdea[project] && headings[f.heading]!.text.split(/\s+/).length >= 3;
    if (misplaced) {
      adopted.set(f.heading, project);
      out[f.heading] = { project, path: NONE, atProjectLevel: true };
    } else {
      out[f.heading] = { project: f.heading, path: NONE, atProjectLevel: false };
    }
  }
  return out;
}

/** The nearest heading before `index` at `level`, unless a heading above that level comes first. */
function previousAtLevel(headings: readonly Heading[], index: number, level: number): number | undefined {
  for (let k = index - 1; k >= 0; k--) {
    const l = headings[k]!.level;
    if (l < level) return undefined;
    if (l === level) return k;
  }
  return undefined;
}

/**
 * 2: a field labelled exactly as templates write it (`Description:`, `Mentor(s):`), or two different
 * template fields, one labelled with a capital; 1: one template field otherwise; 0: none.
 * Admin-added fields (LFX URL…) do not count.
 */
function ideaStrength(fields: readonly FieldSyntax[]): 0 | 1 | 2 {
  // A paragraph or quote label without a colon survived the parse only with its emphasis or a value below it.
  const labelled = fields.filter((f) => f.key !== null && (f.hasColon || f.bullet === ''));
  const core = labelled.filter((f) => CORE_KEYS.has(f.key!));
  if (!core.length) return 0;
  if (core.some((f) => TEMPLATE_LABELS.has(f.label))) return 2;
  // Size and difficulty count as a second field: other organisations' lists rate most ideas.
  const keys = new Set(labelled.filter((f) => CORE_KEYS.has(f.key!) || RATING_KEYS.has(f.key!)).map((f) => f.key));
  return keys.size >= 2 && core.some((f) => /^\p{Lu}/u.test(f.label)) ? 2 : 1;
}

/** Fields other organisations' lists carry beside the core ones. */
const RATING_KEYS = new Set(['size', 'difficulty']);

/** Labels exactly as the CNCF templates of every year write them. */
const TEMPLATE_LABELS = new Set([
  'Description',
  'Expected Outcome',
  'Expected outcome',
  'Recommended Skills',
  'Mentor(s)',
  'Issue',
  'Upstream Issue',
  'Upstream Issue (URL)',
]);

/** Template fields that count towards recognising an idea; admin-added ones (LFX URL…) do not. */
const CORE_KEYS = new Set(['description', 'skills', 'mentors', 'issue', 'outcome']);

/**
 * Plain items right after a mentors field become its entries: a list item indented but not enough to
 * nest (`-\tMentor(s):` then `  - Jane`) is a sibling for remark, yet one of that field's mentors.
 */
function attachLooseEntries(fields: FieldSyntax[], items: readonly ItemSyntax[]): FieldSyntax[] {
  if (!items.length || !fields.length) return fields;
  const out = fields.slice();
  for (const item of items) {
    if (item.indent === 0) continue;
    // the field this item follows
    let k = -1;
    for (let f = out.length - 1; f >= 0; f--) {
      if (out[f]!.itemSpan.end <= item.itemSpan.start) {
        k = f;
        break;
      }
    }
    if (k < 0) continue;
    const field = out[k]!;
    const next = out[k + 1];
    if (next && next.itemSpan.start < item.itemSpan.start) continue;
    if (field.key !== 'mentors' && field.subItems.length === 0 && field.valueSpan.end > field.valueSpan.start) continue;
    out[k] = {
      ...field,
      subItems: [...field.subItems, { text: item.text, span: item.span, itemSpan: item.itemSpan }],
      itemSpan: { start: field.itemSpan.start, end: item.itemSpan.end },
      valueSpan: { start: field.valueSpan.end > field.valueSpan.start ? field.valueSpan.start : item.itemSpan.start, end: item.itemSpan.end },
    };
  }
  return out;
}

function sectionEnd(headings: readonly Heading[], index: number, textLength: number): number {
  const level = headings[index]!.level;
  for (let k = index + 1; k < headings.length; k++) {
    if (headings[k]!.level <= level) return headings[k]!.span.start;
  }
  return textLength;
}

/** Field values longer than this are not split into mentors, skills or issue links. */
const MAX_LIST_VALUE = 20_000;

function makeIdea(
  text: string,
  lines: LineIndex,
  heading: Heading,
  span: Span,
  project: Project | null,
  where: IdeaPlace,
  syntax: readonly FieldSyntax[],
  origin: { key: IdeaKey; base: number },
): Idea {
  return new PlacedIdea(heading, span, project, where, origin, ideaParts(text, lines, syntax, origin, where.syntax === 'front-matter'));
}

/**
 * An idea whose fields, mentors, skills and issues are moved to where its section now is when first
 * read: after an edit, the ideas below it have moved, and most of them are never read before the
 * next edit moves them again (their findings are re-used, see rules/lint.ts).
 */
class PlacedIdea implements Idea {
  readonly title: string;

  constructor(
    readonly heading: Heading,
    readonly span: Span,
    readonly project: Project | null,
    where: IdeaPlace,
    readonly origin: { readonly key: IdeaKey; readonly base: number },
    private parts: IdeaParts,
  ) {
    this.title = heading.text;
    this.path = where.path;
    this.atProjectLevel = where.atProjectLevel;
    this.headless = where.headless;
    if (where.syntax) this.syntax = where.syntax;
  }

  readonly path: readonly string[];
  readonly atProjectLevel: boolean;
  readonly headless: boolean;
  readonly syntax?: Idea['syntax'];

  private placed(): IdeaParts {
    if (this.parts.base !== this.origin.base) {
      const latest = this.origin.key.get(IDEA_PARTS);
      this.parts = latest?.base === this.origin.base ? latest : shiftParts(this.parts, this.origin.base);
      this.origin.key.set(IDEA_PARTS, this.parts);
    }
    return this.parts;
  }

  get fields(): readonly Field[] {
    return this.placed().fields;
  }

  get mentors(): readonly Mentor[] {
    return this.placed().mentors;
  }

  get skills(): readonly Skill[] {
    return this.placed().skills;
  }

  get issues(): readonly IssueRef[] {
    return this.placed().issues;
  }
}

/** What an idea's own section yields, at the offsets of `base`. */
interface IdeaParts {
  readonly base: number;
  readonly fields: readonly Field[];
  readonly mentors: readonly Mentor[];
  readonly skills: readonly Skill[];
  readonly issues: readonly IssueRef[];
}

/** Built parts by origin key: an unchanged section is not built again, only moved (see Idea.origin). */
const IDEA_PARTS = memoSlot<IdeaParts>('idea parts, as last placed');

/** The idea's parts, built when its section is new (where a failure is the parser's), else as last built, wherever that was. */
function ideaParts(text: string, lines: LineIndex, syntax: readonly FieldSyntax[], origin: { key: IdeaKey; base: number }, bareHandles = false): IdeaParts {
  const hit = origin.key.get(IDEA_PARTS);
  if (hit) return hit;
  // Made once, at document offsets, strings detached (parts outlive this version of the text: see detach).
  const fields: Field[] = syntax.map((f) => toField(text, lines, f, origin.base));
  const mentors: Mentor[] = [];
  const skills: Skill[] = [];
  const issues: IssueRef[] = [];
  for (const field of fields) {
    // A value this long is no list of mentors, skills or links, and splitting it must not cost
    // more than parsing it did (some value patterns are slow on long runs without separators).
    if (field.valueSpan.end - field.valueSpan.start > MAX_LIST_VALUE) continue;
    if (field.key === 'mentors') {
      const persons = bareHandles ? frontMatterPersons(syntax, field) : [];
      mentors.push(...(persons.length ? persons : parseMentors(text, field).map((m) => (bareHandles ? bareHandleMentor(m) : m))));
    }
    else if (field.key === 'skills') skills.push(...parseSkills(text, field));
    else if (field.key === 'issue') issues.push(...parseIssues(text, field));
  }
  // Parts outlive this version of the text: their strings must not keep it alive (see detach).
  const parts = {
    base: origin.base,
    fields,
    mentors: mentors.map(detached),
    skills: skills.map(detached),
    issues: issues.map(detached),
  };
  origin.key.set(IDEA_PARTS, parts);
  return parts;
}

/**
 * A front-matter list of mentors is a list of GitHub handles (`- dpshelio`: the site links each to its
 * profile): one word that GitHub accepts as a handle is one.
 */
function bareHandleMentor(m: Mentor): Mentor {
  if (m.form !== 'name' || !m.name || !isValidHandle(m.name)) return m;
  const { name: _name, ...rest } = m;
  return { ...rest, form: 'handle', handle: m.name };
}

/** The mentors a front-matter field writes as mappings (`- email: …`, `first_name: …`): read from the YAML, not from the text. */
function frontMatterPersons(syntax: readonly FieldSyntax[], field: Field): Mentor[] {
  const own = syntax.find((f) => f.labelSpan.start === field.labelSpan.start);
  const out: Mentor[] = [];
  for (const item of own?.subItems ?? []) {
    const p = item.person;
    if (!p) continue;
    const form: MentorForm = p.handle ? (p.name ? (p.email ? 'name-handle-email' : 'name-handle') : 'handle') : p.name ? 'name' : 'other';
    out.push({ raw: item.text, span: item.span, form, ...(p.name ? { name: p.name } : {}), ...(p.handle ? { handle: p.handle } : {}), ...(p.email ? { email: p.email } : {}) });
  }
  return out;
}

/** A copy of a plain record with its string values detached. */
function detached<T extends object>(record: T): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const key in copy) if (typeof copy[key] === 'string') copy[key] = detach(copy[key]);
  return copy as T;
}

function shiftParts(parts: IdeaParts, base: number): IdeaParts {
  const d = base - parts.base;
  const sh = (s: Span): Span => ({ start: s.start + d, end: s.end + d });
  return {
    base,
    fields: parts.fields.map((f) => ({
      ...f,
      labelSpan: sh(f.labelSpan),
      valueSpan: sh(f.valueSpan),
      inlineValueSpan: sh(f.inlineValueSpan),
      itemSpan: sh(f.itemSpan),
      linesSpan: sh(f.linesSpan),
      markerSpan: sh(f.markerSpan),
      subItems: f.subItems.map((i) => ({ text: i.text, span: sh(i.span), itemSpan: sh(i.itemSpan) })),
    })),
    mentors: parts.mentors.map((m) => ({ ...m, span: sh(m.span) })),
    skills: parts.skills.map((k) => ({ ...k, span: sh(k.span) })),
    issues: parts.issues.map((i) => ({ ...i, span: sh(i.span) })),
  };
}

/** The field at document offsets (`f`'s plus `base`), its strings detached. */
function toField(text: string, lines: LineIndex, f: FieldSyntax, base: number): Field {
  const sh = (s: Span): Span => (base ? { start: s.start + base, end: s.end + base } : s);
  const itemSpan = sh(f.itemSpan);
  const valueSpan = sh(f.valueSpan);
  const inlineValueSpan = sh(f.inlineValueSpan);
  // Through the line index: `lastIndexOf('\r')` scans back to the start of a file without any \r,
  // which made parsing quadratic (a 5 MB file took 50 s).
  const linesStart = lines.lineStart(lines.lineOf(itemSpan.start));
  let linesEnd = itemSpan.end;
  if (text.startsWith('\r\n', linesEnd)) linesEnd += 2;
  else if (text[linesEnd] === '\n' || text[linesEnd] === '\r') linesEnd += 1;
  const subItems: SubItem[] = f.subItems.map((s) => ({ text: detach(s.text), span: sh(s.span), itemSpan: sh(s.itemSpan) }));
  return {
    key: f.key,
    label: detach(f.label),
    labelSpan: sh(f.labelSpan),
    value: detach(text.slice(valueSpan.start, valueSpan.end)),
    valueSpan,
    inlineValue: detach(text.slice(inlineValueSpan.start, inlineValueSpan.end)),
    inlineValueSpan,
    itemSpan,
    linesSpan: { start: linesStart, end: linesEnd },
    bullet: f.bullet,
    markerSpan: sh(f.markerSpan),
    markerGap: detach(f.markerGap),
    indent: f.indent,
    bold: f.bold,
    hasColon: f.hasColon,
    subItems,
  };
}
