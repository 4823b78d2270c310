// Section syntax: what the model needs from one section's mdast, with offsets relative to the
// section's start. Small and plain, so it can be cached per section text and shifted cheaply.
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import type { Blockquote, Code, Heading as MdHeading, Html, List, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { FrontMatterSyntax } from './frontMatter';
import { fieldKeyOf } from './labels';
import type { BulletChar, FieldKey, Span } from './model';
import { parseSimple } from './simple';
import { TABLE_SYNTAX, TABLE_TREE, type TableSyntax, mayHoldTable, shiftTable, tableSyntax } from './table';
import { detach, lineEndAt, nextLineStart, trimSpan } from './text';

export interface HeadingSyntax {
  readonly kind: 'heading';
  readonly level: number;
  readonly text: string;
  readonly span: Span;
  readonly textSpan: Span;
  readonly setext: boolean;
}

export interface SubItemSyntax {
  readonly text: string;
  readonly span: Span;
  readonly itemSpan: Span;
  /** A person written as a YAML mapping in front matter (`- email: …\n  first_name: …`). */
  readonly person?: { readonly name?: string; readonly handle?: string; readonly email?: string };
}

export interface FieldSyntax {
  readonly kind: 'field';
  readonly key: FieldKey | null;
  readonly label: string;
  readonly labelSpan: Span;
  readonly valueSpan: Span;
  readonly inlineValueSpan: Span;
  readonly itemSpan: Span;
  readonly bullet: BulletChar;
  readonly markerSpan: Span;
  readonly markerGap: string;
  readonly indent: number;
  readonly bold: boolean;
  readonly hasColon: boolean;
  readonly subItems: SubItemSyntax[];
}

/** A top-level list item that is not a field (description bullets, or a mis-indented mentor entry). */
export interface ItemSyntax {
  readonly kind: 'item';
  readonly text: string;
  readonly span: Span;
  readonly itemSpan: Span;
  readonly indent: number;
}

export interface CommentSyntax {
  readonly kind: 'comment';
  readonly text: string;
  readonly span: Span;
}

export interface CodeSyntax {
  readonly kind: 'code';
  readonly lang: string;
  readonly value: string;
  readonly span: Span;
  readonly valueSpan: Span;
}

export type BlockSyntax = HeadingSyntax | FieldSyntax | ItemSyntax | CommentSyntax | CodeSyntax | TableSyntax;

export interface SectionSyntax {
  readonly blocks: readonly BlockSyntax[];
  /** The section's last block is still open (unclosed fence, HTML block running into the next line). */
  readonly openAtEnd: boolean;
  /** Labels of the link reference definitions in the section, white space collapsed. */
  readonly labels: readonly string[];
  /** Set when an absurd structure was cut before parsing (see capStructure): what, for the notice. */
  readonly limited?: string;
  /** The document's front matter: only ever in the first section, which then holds nothing else (see parse.ts). */
  readonly frontMatter?: FrontMatterSyntax;
}

const LABEL_MAX = 60;

/**
 * Inline constructs are off in the section parse: the model reads field values from the source
 * text, and only heading texts need inline parsing (done per heading, see `headingText`).
 * micromark's inline parsing is quadratic on some inputs: 100 KB of `[a](` took 9 s, and runs of
 * emphasis markers were slow too. Block structure does not depend on inline parsing.
 */
const BLOCKS_ONLY: FromMarkdownOptions = {
  extensions: [{ disable: { null: ['attention', 'autolink', 'codeText', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'] } }],
};
/** The same, with GFM tables: for the sections that may hold one (see table.ts). */
const BLOCKS_AND_TABLES: FromMarkdownOptions = { extensions: [TABLE_SYNTAX, ...BLOCKS_ONLY.extensions!], mdastExtensions: [TABLE_TREE] };
/** A heading longer than this keeps its inline markup in its text (it is not parsed inline). */
const HEADING_INLINE_LIMIT = 4000;
/** Containers opened on one line beyond this (`> > > …`, `- - - …`) are cut: micromark's time and stack grow with the depth. */
const MAX_NESTING = 32;
const DEEP_NESTING = new RegExp(`^[ \\t]*(?:(?:>|[-*+](?=[ \\t\\r\\n]|$)|\\d{1,9}[.)](?=[ \\t\\r\\n]|$))[ \\t]*){${MAX_NESTING + 1},}`, 'gm');
const NESTING_MARKER = /(?:>|[-*+](?=[ \t\r\n]|$)|\d{1,9}[.)](?=[ \t\r\n]|$))/g;

/** The text with container markers past MAX_NESTING on a line turned into spaces (same length, same offsets). */
function capNesting(text: string): string {
  DEEP_NESTING.lastIndex = 0;
  if (!DEEP_NESTING.test(text)) return text;
  return text.replace(DEEP_NESTING, (prefix) => {
    let count = 0;
    return prefix.replace(NESTING_MARKER, (marker) => (++count > MAX_NESTING ? ' '.repeat(marker.length) : marker));
  });
}

/** Lines indented further than this are read as blank: micromark's time grows with the depth of the lists they nest (1,000 deep, 1 MB: 40 s). */
const MAX_INDENT = 128;
/** Lazy continuation lines in a row (`- a` then lines at column 0) beyond this end the paragraph: micromark rescans the paragraph for each (20k lines: 30 s). */
const MAX_LAZY = 1000;

/**
 * Runs of backslashes longer than this are read as letters: micromark makes tokens of each escape
 * and its text (1 MB of them: 6 s, 5× an ordinary file).
 */
const MAX_BACKSLASHES = 128;
const LONG_BACKSLASHES = '\\'.repeat(MAX_BACKSLASHES + 1);
const BACKSLASH_RUN = new RegExp(`\\\\{${MAX_BACKSLASHES + 1},}`, 'g');

/**
 * The text with the lines of an absurd structure turned into blank lines, and runs of backslashes
 * into letters (same length, same offsets), and what was cut. Real idea files come nowhere near
 * these bounds.
 */
function capStructure(source: string): { text: string; limited?: string } {
  const escapes = source.includes(LONG_BACKSLASHES);
  const text = escapes ? source.replace(BACKSLASH_RUN, (run) => 'x'.repeat(run.length)) : source;
  const blanked: Array<[number, number]> = [];
  let container = false; // the lines since the last blank one are in a list item or block quote
  let lazy = 0;
  let deep = false;
  let cut = false;
  for (let start = 0; start < text.length; ) {
    const end = lineEndAt(text, start);
    let col = 0;
    let i = start;
    for (; i < end && col <= MAX_INDENT; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    const c = i < end ? text.charCodeAt(i) : -1;
    if (i === end) container = false; // blank (or all indentation, below)
    if (col > MAX_INDENT && i < end) {
      blanked.push([start, end]);
      deep = true;
    } else if (i === end) {
      lazy = 0;
    } else if (col > 0 || c === 62 /* > */ || listMarkerAt(text, i, end)) {
      container = true;
      lazy = 0;
    } else if (c === 96 /* ` */ || c === 126 /* ~ */ || c === 60 /* < */ || c === 35 /* # */) {
      container = false; // these can interrupt the paragraph: no run of lazy lines goes on through them
    } else if (container && ++lazy > MAX_LAZY) {
      blanked.push([start, end]);
      container = false;
      lazy = 0;
      cut = true;
    }
    start = nextLineStart(text, end);
  }
  const what = [
    deep ? `lines indented more than ${MAX_INDENT} columns were read as blank` : '',
    cut ? `paragraphs of more than ${MAX_LAZY} lazy continuation lines were cut` : '',
    escapes ? `runs of more than ${MAX_BACKSLASHES} backslashes were read as text` : '',
  ]
    .filter(Boolean)
    .join('; ');
  if (!blanked.length) return what ? { text, limited: what } : { text };
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of blanked) parts.push(text.slice(at, from), ' '.repeat(to - from)), (at = to);
  parts.push(text.slice(at));
  return { text: parts.join(''), limited: what };
}

/** A list marker (`-`, `*`, `+`, `1.`, `1)`) at `i`, then white space or the line's end at `end`. */
function listMarkerAt(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  let j = i + 1;
  if (c !== 45 && c !== 42 && c !== 43) {
    if (c < 48 || c > 57) return false;
    while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    if (j >= end) return false;
    const d = text.charCodeAt(j);
    if (d !== 46 && d !== 41) return false;
    j++;
  }
  if (j >= end) return true;
  const after = text.charCodeAt(j);
  return after === 32 || after === 9;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Parse one section's text. `lookahead` is the first line of the next section (a heading in column
 * 0, or '' at the end of the document): parsed after the section, it closes the section's blocks
 * exactly as it does in the whole document (a fence left open in a list item ends where the item
 * ends, not at the end of the text), and when it does not come out as a heading of its own, the
 * section's last block runs on into the next section (`openAtEnd`). `definitions` (link reference
 * definitions, as `parse.ts` builds them, ending in a blank line) goes before the section: after
 * it, an unclosed fence would swallow them. Never throws: a failure gives an empty section.
 * `byRemark` (the tests' reference) has remark parse the section even when it is simple.
 */
export function parseSection(text: string, definitions: string, lookahead: string, byRemark = false): SectionSyntax {
  // Detached: remark's strings (heading texts…) are cached with the section, not with the document.
  const source = detach(definitions + text + lookahead);
  const base = definitions.length;
  const limit = base + text.length;
  let root: Root;
  const capped = capStructure(source);
  try {
    const parsed = capNesting(capped.text);
    const tables = mayHoldTable(parsed);
    const options = tables ? BLOCKS_AND_TABLES : BLOCKS_ONLY;
    // Most sections are headings, prose and lists of fields: a line scan builds their tree (simple.ts).
    root = (byRemark ? null : parseSimple(parsed, base, tables)) ?? fromMarkdown(parsed, options);
  } catch {
    return { blocks: [], openAtEnd: false, labels: [] };
  }
  const blocks: BlockSyntax[] = [];
  const children = root.children.filter((c) => start(c) >= base && start(c) < limit);
  for (let c = 0; c < children.length; c++) c = collectRootBlock(source, children, c, blocks, definitions);
  const labels: string[] = [];
  collectDefinitionLabels(children, labels);
  const openAtEnd = lookahead !== '' && !root.children.some((c) => c.type === 'heading' && start(c) === limit);
  return { blocks: base ? blocks.map((b) => shiftBlock(b, -base)) : blocks, openAtEnd, labels, ...(capped.limited ? { limited: capped.limited } : {}) };
}

/** Definitions can sit in block quotes and list items too; they are never inside anything else. */
function collectDefinitionLabels(nodes: readonly Nodes[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'definition') {
      if (node.label) out.push(node.label.replace(/\s+/g, ' '));
    } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      collectDefinitionLabels(node.children, out);
    }
  }
}

function start(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
function end(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** A fenced code block with no closing fence (it ran to the end of its container). */
function fenceUnclosed(text: string, node: Code): boolean {
  const source = text.slice(start(node), end(node));
  const open = /^[ \t]*(`{3,}|~{3,})/.exec(source);
  if (!open) return false;
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length < 2) return true;
  const last = lines[lines.length - 1]!.trim();
  const fenceChar = open[1]![0]!;
  return !(last.length >= open[1]!.length && [...last].every((c) => c === fenceChar));
}

/**
 * Collects the root block `children[c]`; returns the index of the last block it used. A field
 * written as a paragraph or block quote with nothing after its label (`Possible mentors:`,
 * `**Refs**`, `> Abstract 🗂`) takes the blocks after it as its value, up to the next label: a
 * list's items become its sub-items (mentor entries).
 */
function collectRootBlock(text: string, children: readonly RootContent[], c: number, out: BlockSyntax[], definitions: string): number {
  const node = children[c]!;
  const fields = node.type === 'paragraph' ? paragraphFields(text, node) : node.type === 'blockquote' ? quoteField(text, node) : [];
  if (!fields.length) {
    collectBlock(text, node, out, definitions);
    return c;
  }
  const last = fields.pop()!;
  out.push(...fields.map((f) => fieldFromLabel(text, f.label, f.start, f.end, '', { start: f.start, end: f.start }, '', 0, [])));
  let end = last.end;
  const subItems: SubItemSyntax[] = [];
  if (last.label.valueStart >= last.end) {
    while (c + 1 < children.length && absorbable(text, children[c + 1]!)) {
      const next = children[++c]!;
      if (next.type === 'list') subItems.push(...next.children.map((item) => subItemOf(text, item)));
      end = Math.max(end, blockEnd(text, next));
    }
  }
  // A lone plain label (`Possible mentors`) is a label only when a value follows it.
  if (last.label.hasColon || last.label.bold || last.quoted || end > last.end) {
    out.push(fieldFromLabel(text, last.label, last.start, end, '', { start: last.start, end: last.start }, '', 0, subItems));
  }
  return c;
}

/** Where a block's content ends (a paragraph's trailing white space is not in it). */
function blockEnd(text: string, node: RootContent): number {
  return trimSpan(text, { start: start(node), end: end(node) }).end;
}

/** A block that can be a label's value: prose, a list that is no list of fields, code, a quote that is no label. */
function absorbable(text: string, node: RootContent): boolean {
  switch (node.type) {
    case 'paragraph':
      return paragraphFields(text, node).length === 0;
    case 'blockquote':
      return quoteField(text, node).length === 0;
    case 'list':
      // `* **Design a UI**: …` under a label is its value; `- Mentors: …` is a field of its own.
      return !node.children.some((item) => listItemField(text, item, node.ordered === true)?.key != null);
    case 'code':
    case 'table':
      return true;
    default:
      return false;
  }
}

function subItemOf(text: string, item: ListItem): SubItemSyntax {
  const s = start(item);
  // Trimmed span and text together: an empty item's content can start on the next line.
  const content = trimSpan(text, { start: contentStart(text, s).contentStart, end: end(item) });
  return { text: text.slice(content.start, content.end), span: content, itemSpan: { start: s, end: end(item) } };
}

function collectBlock(text: string, node: RootContent, out: BlockSyntax[], definitions: string): void {
  switch (node.type) {
    case 'heading':
      out.push(headingSyntax(text, node, definitions));
      return;
    case 'list':
      collectList(text, node, out);
      return;
    case 'html':
      collectComments(text, node, out);
      return;
    case 'code':
      out.push(codeSyntax(text, node));
      return;
    case 'table':
      out.push(tableSyntax(text, node));
      return;
    default:
      return;
  }
}

/**
 * The heading's text with inline markup removed: its content parsed on its own as a heading (see
 * `inlineHeadingText`) with the document's definitions, when inline markup could change it.
 */
function headingText(text: string, node: MdHeading, definitions: string): string {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const content = first && last ? text.slice(start(first), end(last)) : '';
  // No inline markup, or too long: the text as the block parse has it.
  return inlineHeadingText(content, definitions) ?? plainText(node).replace(/\s+/g, ' ').trim();
}

/**
 * Whether inline parsing could change the text of a heading with this content (as the block parse
 * reads it: escapes, character references and hard breaks are read there already). Code spans
 * and links may start at any `` ` `` or `[` (with no definitions to refer to, only a link or image
 * written out does: `](`); everything `<` starts (autolinks, inline HTML,
 * comments) ends in a `>` after it; emphasis needs two delimiter runs of one character (a run
 * never closes itself, and an escape only makes a run shorter or splits it: never fewer runs).
 * Without any of these the full parse has the block parse's text (issue 16: `<!--` in every
 * heading parsed each heading inline; headings titled `[link 1] …` parsed before their definitions were known).
 */
export function mayChangeInline(content: string, references = true): boolean {
  if (content.includes('`') || (references ? content.includes('[') : content.includes(']('))) return true;
  const lt = content.indexOf('<');
  if (lt >= 0 && content.indexOf('>', lt + 1) > 0) return true;
  return twoRuns(content, 42) || twoRuns(content, 95); // `*`, `_`
}

/** `content` has two or more runs of the character `code`. */
function twoRuns(content: string, code: number): boolean {
  let runs = 0;
  for (let i = content.indexOf(String.fromCharCode(code)); i >= 0 && i < content.length; i++) {
    if (content.charCodeAt(i) !== code) continue;
    if (++runs > 1) return true;
    while (i + 1 < content.length && content.charCodeAt(i + 1) === code) i++;
  }
  return false;
}

/** A heading content's text, inline markup read with `definitions`; undefined when it is not parsed inline. */
function inlineHeadingText(content: string, definitions: string): string | undefined {
  if (content.length > HEADING_INLINE_LIMIT || !mayChangeInline(content, definitions !== '')) return undefined;
  const referenced = definitions ? shortcutReferencesText(content, definitions) : undefined;
  if (referenced !== undefined) return referenced;
  const linked = linksAndCodeText(content);
  if (linked !== undefined) return linked;
  // A setext heading's lines again as a setext heading, so that its line breaks, hard or soft,
  // read as they do in the document (joined into one line, a hard break taken out made `a  ` +
  // `_b_` intraword). After a line `x`: its first line then goes on with a paragraph, as all its
  // lines did in the document (where the first one started it: one that could interrupt a
  // paragraph would have started another block; `2) a` after indented code is a paragraph there,
  // a list at the start), but for a first line of `=`s or `-`s: after `x` it would underline it, at
  // the start it would be a list item or a break, so its first character is escaped (same text).
  // One line as an ATX heading; the closing ` #` keeps a `#` at the end of the content from being
  // read as a closing sequence.
  const setext = /[\r\n]/.test(content);
  const after = setext && !/^[=-]+[ \t]*(?:\r|\n)/.test(content);
  const source = setext ? `${definitions}${after ? 'x\n' : '\\'}${content}\n===` : `${definitions}# ${content} #`;
  try {
    const parsed = fromMarkdown(source).children.find((c) => c.type === 'heading' && start(c) >= definitions.length);
    if (parsed) {
      const read = plainText(parsed);
      if (!after || read.startsWith('x\n')) return read.slice(after ? 2 : 0).replace(/\s+/g, ' ').trim();
    }
  } catch {
    // keep the raw text
  }
  return undefined;
}

/** Inline markup other than brackets (and `![`, an image), or a line break: a heading with any of it is parsed inline. */
const MARKUP_BUT_BRACKETS = /[`<*_\\&\0\r\n]|!\[/;
/** A definition as parse.ts writes them for a section (`[label]: #`), its label without brackets or escapes. */
const WRITTEN_DEFINITION = /^\[([^[\]\\]+)\]: #$/;

/** A link label as micromark compares them (normalizeIdentifier): white space collapsed, case folded. */
export function identifierOf(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/**
 * The text of a one-line heading whose only inline markup is shortcut references (`[label]`, no
 * nesting, none followed by `[` or `(`), with `definitions` (as parse.ts writes them): a defined
 * label reads as its text, any other as written. Undefined for any other content: it is parsed
 * (issue 16: 50k definitions and 20k ideas titled with them parsed every title with its definition).
 */
function shortcutReferencesText(content: string, definitions: string): string | undefined {
  if (MARKUP_BUT_BRACKETS.test(content)) return undefined;
  const defined = new Set<string>();
  for (const line of definitions.split('\n')) {
    if (!line) continue;
    const m = WRITTEN_DEFINITION.exec(line);
    if (!m) return undefined;
    defined.add(identifierOf(m[1]!));
  }
  let text = '';
  let at = 0;
  for (;;) {
    const open = content.indexOf('[', at);
    const close = content.indexOf(']', at);
    if (open < 0 && close < 0) break;
    // Brackets in pairs, one pair after another: `[`, `]`, and no `[` between them.
    if (open < 0 || close < open) return undefined;
    const label = content.slice(open + 1, close);
    const after = content.charCodeAt(close + 1);
    if (label.includes('[') || after === 91 /* [ */ || after === 40 /* ( */ || label.length > 999) return undefined;
    const reference = /[^ \t]/.test(label) && defined.has(identifierOf(label));
    text += content.slice(at, open) + (reference ? label : content.slice(open, close + 1));
    at = close + 1;
  }
  text += content.slice(at);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text of a one-line heading whose only inline markup is code spans and inline links
 * `[text](destination)` (text of plain characters and code spans, a destination of no white space,
 * parentheses, `<`, `` ` `` or `\\`, no title): what remark reads, without parsing it. Undefined
 * for any other content, which is parsed. Most headings with markup in real files are of this
 * kind (issue 14: parsing them was a twentieth of the CLI's time). Definitions change nothing here:
 * an inline link with a valid destination is a link whatever is defined.
 */
export function linksAndCodeText(content: string): string | undefined {
  // One line (a setext heading's lines are parsed), and no NUL (remark replaces it).
  if (/[\0\r\n]/.test(content)) return undefined;
  const n = content.length;
  let text = '';
  let at = 0;
  /** Reads plain text and code spans from `at` up to a `[` or `]` (or the end); false on other markup or a code span not closed. */
  const readPlain = (): boolean => {
    for (;;) {
      let stop = at;
      while (stop < n) {
        const c = content.charCodeAt(stop);
        if (c === 96 /* ` */ || c === 91 /* [ */ || c === 93 /* ] */) break;
        // Other markup (`!` only before `[`): parsed.
        if (c === 60 || c === 42 || c === 95 || c === 92 || c === 38 || c === 0 || c === 10 || c === 13 || (c === 33 && content.charCodeAt(stop + 1) === 91)) return false;
        stop++;
      }
      text += content.slice(at, stop);
      at = stop;
      if (at >= n || content.charCodeAt(at) !== 96) return true;
      let open = at;
      while (open < n && content.charCodeAt(open) === 96) open++;
      const run = open - at;
      // The closing run: the next run of exactly as many backticks.
      let close = open;
      for (;;) {
        while (close < n && content.charCodeAt(close) !== 96) close++;
        if (close >= n) return false;
        let end = close;
        while (end < n && content.charCodeAt(end) === 96) end++;
        if (end - close === run) break;
        close = end;
      }
      let code = content.slice(open, close);
      if (code.length > 1 && code.charCodeAt(0) === 32 && code.charCodeAt(code.length - 1) === 32 && /[^ ]/.test(code)) code = code.slice(1, -1);
      text += code;
      at = close + run;
    }
  };
  for (;;) {
    if (!readPlain()) return undefined;
    if (at >= n) break;
    if (content.charCodeAt(at) === 93) return undefined;
    // A link: `[`, its text, `](`, a destination, `)`.
    at++;
    const before = text.length;
    if (!readPlain() || content.charCodeAt(at) !== 93 || content.charCodeAt(at + 1) !== 40 /* ( */ || text.length === before) return undefined;
    let end = at + 2;
    while (end < n) {
      const c = content.charCodeAt(end);
      if (c <= 32 || c === 127 || c === 40 || c === 41 || c === 60 || c === 92 || c === 96) break;
      end++;
    }
    if (end === at + 2 || content.charCodeAt(end) !== 41 /* ) */) return undefined;
    at = end + 1;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The section's syntax (parsed without definitions) as `parseSection` gives it with
 * `definitions`: definitions change no block structure, only what a `[label]` in a heading reads
 * as, so only those headings are read again (not the whole section: 50k definitions and 20k ideas
 * titled with them parsed every idea twice).
 */
export function withDefinitions(syntax: SectionSyntax, text: string, definitions: string): SectionSyntax {
  let changed = false;
  const blocks = syntax.blocks.map((b) => {
    if (b.kind !== 'heading') return b;
    const content = text.slice(b.textSpan.start, b.textSpan.end);
    if (!content.includes('[')) return b;
    const read = inlineHeadingText(content, definitions);
    if (read === undefined || read === b.text) return b;
    changed = true;
    return { ...b, text: read };
  });
  return changed ? { ...syntax, blocks } : syntax;
}

function headingSyntax(text: string, node: MdHeading, definitions: string): HeadingSyntax {
  const s = start(node);
  const e = end(node);
  const first = node.children[0];
  const lastChild = node.children[node.children.length - 1];
  let textSpan: Span;
  if (first && lastChild) {
    textSpan = { start: start(first), end: end(lastChild) };
  } else {
    const p = s + (/^[ \t]*#*[ \t]*/.exec(text.slice(s, e))?.[0].length ?? 0);
    textSpan = { start: p, end: p };
  }
  const setext = !/^[ \t]*#/.test(text.slice(s, e));
  return {
    kind: 'heading',
    level: node.depth,
    text: headingText(text, node, definitions),
    span: { start: s, end: e },
    textSpan,
    setext,
  };
}

function codeSyntax(text: string, node: Code): CodeSyntax {
  const s = start(node);
  const e = end(node);
  const source = text.slice(s, e);
  const firstBreak = source.search(/\r\n|\r|\n/);
  let valueStart = firstBreak < 0 ? e : s + firstBreak + (source.startsWith('\r\n', firstBreak) ? 2 : 1);
  let valueEnd = e;
  if (/^[ \t]*(`{3,}|~{3,})/.test(source)) {
    const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
    if (lastBreak > firstBreak && !fenceUnclosed(text, node)) valueEnd = s + lastBreak + 1;
  } else {
    valueStart = s; // indented code: no fence lines
  }
  if (valueEnd < valueStart) valueEnd = valueStart;
  return {
    kind: 'code',
    lang: node.lang ?? '',
    value: node.value,
    span: { start: s, end: e },
    valueSpan: { start: valueStart, end: valueEnd },
  };
}

function collectComments(text: string, node: Html, out: BlockSyntax[]): void {
  const s = start(node);
  const source = text.slice(s, end(node));
  // indexOf, not a lazy `<!--([\s\S]*?)-->`: unclosed, that rescanned the rest from every `<!--`.
  for (let open = source.indexOf('<!--'); open >= 0; ) {
    const close = source.indexOf('-->', open + 4);
    if (close < 0) break;
    out.push({ kind: 'comment', text: source.slice(open + 4, close).trim(), span: { start: s + open, end: s + close + 3 } });
    open = source.indexOf('<!--', close + 3);
  }
}

interface LabelledLines {
  readonly label: LabelMatch;
  /** The label's line start, and where its value ends (before the next label line). */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

/**
 * Lines of a root paragraph that start a field: `Label: value` with a known label on any line,
 * an emphasised label (`**Refs**`, `*Label*:`) on any line (two labels on consecutive lines are
 * two fields), an unknown plain `Label:` with nothing after it or a lone known label only on the
 * paragraph's first line.
 */
function paragraphFields(text: string, node: Paragraph): LabelledLines[] {
  const s = start(node);
  const e = end(node);
  const source = text.slice(s, e);
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  const out: Array<{ label: LabelMatch; start: number; end: number; quoted: boolean }> = [];
  let first = true;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(source)) && m[0].length > 0) {
    const lineStart = s + m.index;
    const content = m[0].replace(/[\r\n]+$/, '');
    const label = matchLabel(content, lineStart);
    const lone = first && label !== null && label.key !== null && !label.hasColon && m.index + m[0].length >= source.length;
    // An unknown plain label must stand alone (`See:`): `CNCF - Acme: Schema viewer` is prose.
    const alone = label !== null && label.hasColon && first && label.valueStart >= lineStart + content.length;
    if (label && (label.bold || (label.key !== null && label.hasColon) || alone || lone)) {
      const previous = out[out.length - 1];
      if (previous) previous.end = trimSpan(text, { start: previous.start, end: lineStart }).end;
      out.push({ label, start: lineStart, end: e, quoted: false });
    }
    first = false;
  }
  return out;
}

/** `> Abstract 🗂` or `> Mentors:`: a one-line block quote that is a label. */
function quoteField(text: string, node: Blockquote): LabelledLines[] {
  const para = node.children[0];
  if (node.children.length !== 1 || para?.type !== 'paragraph') return [];
  const contentStart = start(para);
  const content = text.slice(contentStart, end(para));
  if (/[\r\n]/.test(content.trimEnd())) return [];
  const label = matchLabel(content.trimEnd(), contentStart, true);
  if (!label) return [];
  return [{ label, start: start(node), end: end(node), quoted: true }];
}

function collectList(text: string, list: List, out: BlockSyntax[]): void {
  for (const item of list.children) {
    const field = listItemField(text, item, list.ordered === true);
    if (field) out.push(field);
    else {
      const s = start(item);
      const lineStart = lineStartOf(text, s);
      const content = trimSpan(text, { start: contentStart(text, s).contentStart, end: end(item) });
      out.push({
        kind: 'item',
        text: text.slice(content.start, content.end),
        span: content,
        itemSpan: { start: s, end: end(item) },
        indent: columnsBetween(text, lineStart, s),
      });
    }
  }
}

/**
 * Where the line holding `offset` starts. A scan back costs the line; `lastIndexOf('\r')` went
 * back to the start of a file without any \r for every item (quadratic in the items).
 */
function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function columnsBetween(text: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) col = text.charCodeAt(i) === 9 ? col + 4 - (col % 4) : col + 1;
  return col;
}

/** Marker, gap and where the item's content starts. */
function contentStart(text: string, itemStart: number): { bullet: BulletChar; markerEnd: number; contentStart: number } {
  const c = text[itemStart];
  let i = itemStart;
  let bullet: BulletChar = '';
  if (c === '-' || c === '*' || c === '+') {
    bullet = c;
    i++;
  } else {
    const ordered = /^\d{1,9}[.)]/.exec(text.slice(itemStart, itemStart + 11));
    if (ordered) i += ordered[0].length;
  }
  const markerEnd = i;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return { bullet, markerEnd, contentStart: i };
}

interface LabelMatch {
  readonly label: string;
  readonly key: FieldKey | null;
  readonly labelSpan: Span;
  /** Where the value starts (after the colon, closing bold markers and white space). */
  readonly valueStart: number;
  readonly bold: boolean;
  readonly hasColon: boolean;
}

/**
 * `Label: value`, `**Label:** value`, `**Label**: value`, `*Label*: value`, `Label : value`,
 * `Label：value`, or a lone known label with its value on the next lines. An emphasised or quoted
 * (`quoted`) lone label may be one the parser does not know (`**Refs**`, `> Abstract 🗂`): the
 * emphasis says it is a label. `line` is the content after the bullet.
 */
function matchLabel(line: string, offset: number, quoted = false): LabelMatch | null {
  let i = 0;
  let bold = false;
  let closeRe = /(?!)/;
  const boldOpen = /^(\*\*|__|\*(?=[^\s*])|_(?=[^\s_]))[ \t]*/.exec(line);
  if (boldOpen) {
    bold = true;
    i = boldOpen[0].length;
    closeRe = boldOpen[1]!.length === 2 ? /(\*\*|__)[ \t]*$/ : boldOpen[1] === '*' ? /\*[ \t]*$/ : /_[ \t]*$/;
  }
  const rest = line.slice(i);
  const colon = rest.search(/[:：]/);
  if (colon > 0 && colon <= LABEL_MAX + 4) {
    let labelRaw = rest.slice(0, colon);
    const afterColon = rest.slice(colon + 1);
    // `Label` must look like a label: no links, code, URLs or handles, a few words.
    labelRaw = labelRaw.replace(closeRe, '');
    const label = labelRaw.trim();
    const key = isLabelShaped(label) && !/^\/\//.test(afterColon) ? fieldKeyOf(label) : undefined;
    if (key !== undefined && (key !== null || isUnknownLabel(label))) {
      const labelStart = offset + i + labelRaw.indexOf(label);
      let v = colon + 1;
      const closing = /^[ \t]*(\*\*|__|\*|_)/.exec(afterColon);
      if (bold && closing) v += closing[0].length;
      while (v < rest.length && (rest[v] === ' ' || rest[v] === '\t')) v++;
      return {
        label,
        key,
        labelSpan: { start: labelStart, end: labelStart + label.length },
        valueStart: offset + i + v,
        bold,
        hasColon: true,
      };
    }
  }
  // A known label alone on the line, value below (`- Mentors` then a sub-list); an emoji after it is decoration.
  const alone = rest.replace(closeRe, '').replace(/[^\p{L}\p{N})\]]+$/u, '').trim();
  if (bold && !closeRe.test(rest)) return null; // `**Bold prose` that runs on: no label
  if (alone && alone.length <= 30 && isLabelShaped(alone)) {
    const key = fieldKeyOf(alone);
    if (key !== null || ((bold || quoted) && isUnknownLabel(alone))) {
      const labelStart = offset + i + rest.indexOf(alone);
      return {
        label: alone,
        key,
        labelSpan: { start: labelStart, end: labelStart + alone.length },
        valueStart: offset + line.length,
        bold,
        hasColon: false,
      };
    }
  }
  return null;
}

function isLabelShaped(label: string): boolean {
  if (!label || label.length > LABEL_MAX) return false;
  if (!/^[\p{L}]/u.test(label)) return false;
  // `Mentor[s]` is a label; `[a link](…)`, code, URLs and handles are not.
  if (/https?$|[[\]`<>@#|]|\]\(|\*\*/.test(label.replace(/\[(?:s|es)\]$/i, ''))) return false;
  return label.split(/\s+/).length <= 8;
}

/** Words that open a sentence, not a label: `The work has three parts: a parser, …`. */
const SENTENCE_START = /^(?:the|a|an|this|that|these|it|we|you|they|there|in|on|for|to|if|when|as|our|your|its|here|some|each|one|currently|also|note)\b/i;

/** An unknown label is a label only when it reads like one: a few words, not the start of a sentence. */
function isUnknownLabel(label: string): boolean {
  return label.split(/\s+/).length <= 4 && !SENTENCE_START.test(label);
}

function listItemField(text: string, item: ListItem, ordered: boolean): FieldSyntax | null {
  if (ordered) return null;
  const s = start(item);
  const e = end(item);
  const { bullet, markerEnd, contentStart: cs } = contentStart(text, s);
  const firstLineEnd = Math.min(lineEndAt(text, cs), e);
  const label = matchLabel(text.slice(cs, firstLineEnd), cs);
  if (!label) return null;
  // A lone label must really have its value below it.
  // (`-\tMentor(s)` alone is kept: its entries may follow as under-indented sibling items.)
  if (!label.hasColon && firstLineEnd >= e && label.key !== 'mentors') return null;
  const lineStart = lineStartOf(text, s);
  const subItems: SubItemSyntax[] = [];
  for (const child of item.children) if (child.type === 'list') subItems.push(...child.children.map((sub) => subItemOf(text, sub)));
  return fieldFromLabel(
    text,
    label,
    s,
    e,
    bullet,
    { start: s, end: cs },
    text.slice(markerEnd, cs),
    columnsBetween(text, lineStart, s),
    subItems,
  );
}

function fieldFromLabel(
  text: string,
  label: LabelMatch,
  itemStart: number,
  itemEnd: number,
  bullet: BulletChar,
  markerSpan: Span,
  markerGap: string,
  indent: number,
  subItems: SubItemSyntax[],
): FieldSyntax {
  const valueSpan = trimSpan(text, { start: Math.min(label.valueStart, itemEnd), end: itemEnd });
  const firstSub = subItems[0];
  const inlineEnd = firstSub ? Math.max(valueSpan.start, firstSub.itemSpan.start) : valueSpan.end;
  const inlineValueSpan = trimSpan(text, { start: valueSpan.start, end: Math.min(inlineEnd, valueSpan.end) });
  return {
    kind: 'field',
    key: label.key,
    label: label.label,
    labelSpan: label.labelSpan,
    valueSpan,
    inlineValueSpan,
    itemSpan: { start: itemStart, end: itemEnd },
    bullet,
    markerSpan,
    markerGap,
    indent,
    bold: label.bold,
    hasColon: label.hasColon,
    subItems,
  };
}

/** The text content of an mdast node, markup removed. */
function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

/** Shift a section's syntax by `base` (section-relative → document offsets). */
export function shiftBlock(block: BlockSyntax, base: number): BlockSyntax {
  if (base === 0) return block;
  const sh = (s: Span): Span => ({ start: s.start + base, end: s.end + base });
  switch (block.kind) {
    case 'heading':
      return { ...block, span: sh(block.span), textSpan: sh(block.textSpan) };
    case 'comment':
      return { ...block, span: sh(block.span) };
    case 'code':
      return { ...block, span: sh(block.span), valueSpan: sh(block.valueSpan) };
    case 'item':
      return { ...block, span: sh(block.span), itemSpan: sh(block.itemSpan) };
    case 'table':
      return shiftTable(block, base, (f) => shiftBlock(f, base) as FieldSyntax);
    case 'field':
      return {
        ...block,
        labelSpan: sh(block.labelSpan),
        valueSpan: sh(block.valueSpan),
        inlineValueSpan: sh(block.inlineValueSpan),
        itemSpan: sh(block.itemSpan),
        markerSpan: sh(block.markerSpan),
        subItems: block.subItems.map((i) => ({ ...i, span: sh(i.span), itemSpan: sh(i.itemSpan) })),
      };
  }
}
