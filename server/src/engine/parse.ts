// Text → IdeaDocument. Never throws. Sections are parsed with remark one by one (see sections.ts)
// and cached by text, so re-parsing after an edit costs only the sections the edit touched.
import type { CodeBlock, Field, Heading, HtmlComment, Idea, IdeaDocument, IssueRef, Mentor, Project, Skill, Span, SubItem } from './model';
import { scanSections } from './sections';
import { type BlockSyntax, type FieldSyntax, type ItemSyntax, type SectionSyntax, parseSection, shiftBlock } from './syntax';
import { LineIndex } from './text';
import { parseIssues, parseMentors, parseSkills } from './values';

/**
 * Parsed sections by text. Keeps what the last parse used (and what the one before it used), so a
 * long-lived cache in the language server does not grow without bound.
 */
export class SectionCache {
  // section text → (definitions + lookahead → syntax). Two levels, so no key is built by copying
  // a section's text: on a 3 MB file that copy was megabytes of garbage per keystroke.
  private current = new Map<string, Map<string, SectionSyntax>>();
  private previous = new Map<string, Map<string, SectionSyntax>>();
  /** Sections parsed by remark in the last `parseDocument` call (for tests and benchmarks). */
  parsedInLastRun = 0;

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

  /** Called at the start of each parse: what the parse before last used is dropped. */
  startRun(): void {
    this.previous = this.current;
    this.current = new Map();
    this.parsedInLastRun = 0;
  }
}

export interface ParseOptions {
  readonly cache?: SectionCache;
  /**
   * true: parse the text as one section, without the section scan (the reference the tests compare
   * against); false: always in sections. Default: in one go when there is no cache to fill and the
   * text is under WHOLE_DOCUMENT_BELOW (one remark call costs less than one per section; the results
   * are equal), else in sections.
   */
  readonly wholeDocument?: boolean;
  /** Told when parsing failed and an empty document was returned instead (tests, server log). */
  readonly onError?: (error: unknown) => void;
}

/** Headings whose sections are containers, never projects. */
const GENERIC_HEADING =
  /^(?:(?:gsoc|lfx|cncf|google summer of code|summer of code|mentorship|program)?\s*(?:\d{4}\s*)?(?:(?:proposed|accepted|selected|current|list of|open|other|more)\s+)?(?:projects?\s+ideas?|ideas?|projects?|mentorship projects?|project list|programs?)(?:\s+(?:list|for \d{4}|\d{4}))?|template|table of contents|contents)\s*:?$/i;
// The whole heading says so (`Sample:`, `### Template`, `Exemplo`, `Modelo de Projecto`), or `Name (sample)`;
// not a title that merely starts with the word (`Example Foundation ideas`).
const SAMPLE_HEADING = /^[^\p{L}]*(?:samples?|examples?|exemplo|templates?|modelo(?: de projecto)?)[^\p{L}]*$|\((?:sample|example)\)/iu;

/** Cold parses of smaller texts skip sectioning; above this, sections bound remark's superlinear cost (measured: whole is faster at 28 KB, slower at 300 KB). */
const WHOLE_DOCUMENT_BELOW = 64_000;

export function parseDocument(text: string, options: ParseOptions = {}): IdeaDocument {
  try {
    const whole = options.wholeDocument ?? (!options.cache && text.length < WHOLE_DOCUMENT_BELOW);
    return buildDocument(text, collectBlocks(text, options.cache, whole));
  } catch (error) {
    // The parser never fails: a bug here must not take an editor down with it.
    options.onError?.(error);
    return buildDocument(text, []);
  }
}

function collectBlocks(text: string, cache: SectionCache | undefined, wholeDocument: boolean): BlockSyntax[] {
  cache?.startRun();
  // A BOM is not content; a space keeps every offset where it is.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const starts = wholeDocument ? [0] : scanSections(source);
  const sections: Array<{ from: number; text: string; lookahead: string; syntax: SectionSyntax }> = [];
  let i = 0;
  while (i < starts.length) {
    const from = starts[i]!;
    let j = i + 1;
    let sectionText: string;
    let lookahead: string;
    let syntax: SectionSyntax;
    // Grow the section while its last block runs on into the next one.
    for (;;) {
      const to = j < starts.length ? starts[j]! : source.length;
      sectionText = source.slice(from, to);
      lookahead = j < starts.length ? lineAt(source, to) : '';
      syntax = parseCached(sectionText, '', lookahead, cache);
      if (!syntax.openAtEnd || j >= starts.length) break;
      j++;
    }
    sections.push({ from, text: sectionText, lookahead, syntax });
    i = j;
  }
  // A reference resolves against definitions anywhere in the document (which changes a heading's
  // text: `[x]` or `x`). Sections that may hold a reference are parsed again with every label
  // defined; definitions change no block structure, so the sections stay as they are.
  const labels = new Set(sections.flatMap((s) => s.syntax.labels));
  const definitions = labels.size ? `${[...labels].map((l) => `[${l}]: #`).join('\n')}\n\n` : '';
  const blocks: BlockSyntax[] = [];
  for (const s of sections) {
    const syntax = definitions && s.text.includes('[') ? parseCached(s.text, definitions, s.lookahead, cache) : s.syntax;
    // A section that did not move (before an edit) re-uses its shifted blocks as they are.
    const placed = PLACED.get(syntax);
    if (placed && placed.base === s.from) {
      for (const block of placed.blocks) blocks.push(block);
      continue;
    }
    const shiftedBlocks: BlockSyntax[] = [];
    for (const block of syntax.blocks) {
      const shifted = shiftBlock(block, s.from);
      if (shifted.kind === 'heading') HEADING_ORIGIN.set(shifted, { key: block, base: s.from });
      shiftedBlocks.push(shifted);
      blocks.push(shifted);
    }
    PLACED.set(syntax, { base: s.from, blocks: shiftedBlocks });
  }
  return blocks;
}

/** A cached section's blocks at document offsets, as last placed. */
const PLACED = new WeakMap<SectionSyntax, { base: number; blocks: readonly BlockSyntax[] }>();

/** Heading block → the cached block it was shifted from, and the section's start (see Idea.origin). */
const HEADING_ORIGIN = new WeakMap<BlockSyntax, { key: object; base: number }>();

const LINE = /[^\r\n]*/y;

/** The line starting at `offset`, without its line break. */
function lineAt(text: string, offset: number): string {
  LINE.lastIndex = offset;
  return LINE.exec(text)?.[0] ?? '';
}

function parseCached(sectionText: string, definitions: string, lookahead: string, cache: SectionCache | undefined): SectionSyntax {
  if (!cache) return parseSection(sectionText, definitions, lookahead);
  // The length keeps (definitions, lookahead) pairs apart.
  const variant = `${definitions.length}:${definitions}${lookahead}`;
  let syntax = cache.get(sectionText, variant);
  if (!syntax) {
    syntax = parseSection(sectionText, definitions, lookahead);
    cache.set(sectionText, variant, syntax);
    cache.parsedInLastRun++;
  }
  return syntax;
}

function buildDocument(text: string, blocks: readonly BlockSyntax[]): IdeaDocument {
  const lines = new LineIndex(text);
  const headings: Heading[] = [];
  const comments: HtmlComment[] = [];
  const codeBlocks: CodeBlock[] = [];
  // Fields of each heading's own section (up to the next heading of any level).
  const ownFields: FieldSyntax[][] = [];
  const ownItems: ItemSyntax[][] = [];
  const headingOrigins: Array<{ key: object; base: number } | undefined> = [];

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        headings.push({ level: block.level, text: block.text, span: block.span, textSpan: block.textSpan, setext: block.setext });
        headingOrigins.push(HEADING_ORIGIN.get(block));
        ownFields.push([]);
        ownItems.push([]);
        break;
      case 'field':
        ownFields[ownFields.length - 1]?.push(block); // fields before any heading belong to no idea
        break;
      case 'item':
        ownItems[ownItems.length - 1]?.push(block);
        break;
      case 'comment':
        comments.push({ text: block.text, span: block.span });
        break;
      case 'code':
        codeBlocks.push({ lang: block.lang, value: block.value, span: block.span, valueSpan: block.valueSpan });
        break;
    }
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
  const sectionFields = headings.map((_, h) => attachLooseEntries(ownFields[h]!, ownItems[h]!));
  const strength = sectionFields.map(ideaStrength);
  const ideaLevels = new Set(headings.filter((_, h) => strength[h] === 2).map((hd) => hd.level));

  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h]!;
    if (SAMPLE_HEADING.test(heading.text)) {
      const first = headings[h + 1];
      const end = first && first.level > heading.level ? sectionEnd(headings, h + 1, text.length) : (first?.span.start ?? text.length);
      sampleScope = { start: heading.span.start, end };
    }
    while (stack.length && headings[stack[stack.length - 1]!]!.level >= heading.level) stack.pop();
    const fields = sectionFields[h]!;
    if (strength[h] === 2 || (strength[h] === 1 && ideaLevels.has(heading.level))) {
      const isSample =
        (heading.span.start >= sampleScope.start && heading.span.start < sampleScope.end) || /^(?:project )?title$/i.test(heading.text);
      let projectIndex = -1;
      for (let k = stack.length - 1; k >= 0; k--) {
        const a = headings[stack[k]!]!;
        if (a.level === 1 && k > 0) continue;
        if (GENERIC_HEADING.test(a.text) || SAMPLE_HEADING.test(a.text)) continue;
        projectIndex = stack[k]!;
        break;
      }
      let project: Project | null = null;
      if (projectIndex >= 0) {
        project = projectByHeading.get(projectIndex) ?? null;
        if (!project && !isSample) {
          const ph = headings[projectIndex]!;
          project = { title: ph.text, heading: ph, span: { start: ph.span.start, end: sectionEnd(headings, projectIndex, text.length) }, ideas: [] };
          projectByHeading.set(projectIndex, project);
          projects.push(project);
        }
      }
      const idea = makeIdea(text, lines, heading, { start: heading.span.start, end: sectionEnd(headings, h, text.length) }, isSample ? null : project, fields, headingOrigins[h]);
      if (isSample) samples.push(idea);
      else {
        ideas.push(idea);
        project?.ideas.push(idea);
      }
    }
    stack.push(h);
  }
  projects.sort((a, b) => a.heading.span.start - b.heading.span.start);

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
  };
}

/**
 * 2: a field labelled exactly as templates write it (`Description:`, `Mentor(s):`), or two different
 * template fields, one labelled with a capital; 1: one template field otherwise; 0: none.
 * Admin-added fields (LFX URL…) do not count.
 */
function ideaStrength(fields: readonly FieldSyntax[]): 0 | 1 | 2 {
  const core = fields.filter((f) => f.key !== null && f.hasColon && CORE_KEYS.has(f.key));
  if (!core.length) return 0;
  if (core.some((f) => TEMPLATE_LABELS.has(f.label))) return 2;
  const keys = new Set(core.map((f) => f.key));
  return keys.size >= 2 && core.some((f) => /^\p{Lu}/u.test(f.label)) ? 2 : 1;
}

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
  syntax: readonly FieldSyntax[],
  origin: { key: object; base: number } | undefined,
): Idea {
  const parts = ideaParts(text, lines, syntax, origin);
  return {
    title: heading.text,
    heading,
    span,
    project,
    fields: parts.fields,
    mentors: parts.mentors,
    skills: parts.skills,
    issues: parts.issues,
    ...(origin ? { origin } : {}),
  };
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
const IDEA_PARTS = new WeakMap<object, IdeaParts>();

function ideaParts(text: string, lines: LineIndex, syntax: readonly FieldSyntax[], origin: { key: object; base: number } | undefined): IdeaParts {
  const hit = origin && IDEA_PARTS.get(origin.key);
  if (hit && origin) {
    if (hit.base === origin.base) return hit;
    const moved = shiftParts(hit, origin.base);
    IDEA_PARTS.set(origin.key, moved);
    return moved;
  }
  const fields: Field[] = syntax.map((f) => toField(text, lines, f));
  const mentors: Mentor[] = [];
  const skills: Skill[] = [];
  const issues: IssueRef[] = [];
  for (const field of fields) {
    // A value this long is no list of mentors, skills or links, and splitting it must not cost
    // more than parsing it did (some value patterns are slow on long runs without separators).
    if (field.valueSpan.end - field.valueSpan.start > MAX_LIST_VALUE) continue;
    if (field.key === 'mentors') mentors.push(...parseMentors(text, field));
    else if (field.key === 'skills') skills.push(...parseSkills(text, field));
    else if (field.key === 'issue') issues.push(...parseIssues(text, field));
  }
  const parts = { base: origin?.base ?? 0, fields, mentors, skills, issues };
  if (origin) IDEA_PARTS.set(origin.key, parts);
  return parts;
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

function toField(text: string, lines: LineIndex, f: FieldSyntax): Field {
  // Through the line index: `lastIndexOf('\r')` scans back to the start of a file without any \r,
  // which made parsing quadratic (a 5 MB file took 50 s).
  const linesStart = lines.lineStart(lines.lineOf(f.itemSpan.start));
  let linesEnd = f.itemSpan.end;
  if (text.startsWith('\r\n', linesEnd)) linesEnd += 2;
  else if (text[linesEnd] === '\n' || text[linesEnd] === '\r') linesEnd += 1;
  const subItems: SubItem[] = f.subItems.map((s) => ({ text: s.text, span: s.span, itemSpan: s.itemSpan }));
  return {
    key: f.key,
    label: f.label,
    labelSpan: f.labelSpan,
    value: text.slice(f.valueSpan.start, f.valueSpan.end),
    valueSpan: f.valueSpan,
    inlineValue: text.slice(f.inlineValueSpan.start, f.inlineValueSpan.end),
    inlineValueSpan: f.inlineValueSpan,
    itemSpan: f.itemSpan,
    linesSpan: { start: linesStart, end: linesEnd },
    bullet: f.bullet,
    markerSpan: f.markerSpan,
    markerGap: f.markerGap,
    indent: f.indent,
    bold: f.bold,
    hasColon: f.hasColon,
    subItems,
  };
}
