// Sections simple enough not to need remark (issue 14, "parse what the model needs").
//
// micromark's cost is per line and per block as much as per character: most of a CLI run went to
// tokenising sections that are nothing but headings, prose paragraphs and bullet lists of fields.
// For those, a line scan builds the tree remark would build, as far as `syntax.ts` reads it: the
// types, offsets and nesting of headings, paragraphs, lists and list items, a heading's depth and
// text. It knows a small part of CommonMark only, and gives up (null: remark parses the section)
// at the first line that could mean anything else: a line without a letter or digit in it (a
// closing fence, a table's delimiter row…) but a thematic break at the root, a setext underline of
// a root paragraph and a lazy `===` (issue 16: 20k setext headings cost micromark 12× an ordinary
// file per MB), a line starting another block (quote, fence, HTML, a heading but at column 0; see
// BLOCK_START), indented code, an empty list item, an ordered list interrupting a paragraph, a
// heading whose text has escapes, character references or hard breaks, a section with a link
// reference definition (`]:`) and, by the caller, one that may hold a table. A line with a letter
// in it is never a thematic break or setext underline, so these few tests decide it. `test/fuzz`
// compares the trees' syntax with remark's on generated and adversarial sections.
import type { Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';

interface Span {
  readonly start: number;
  readonly end: number;
}

/** An open list item: the column its content starts at, its node, and its list's. */
interface OpenItem {
  readonly contentCol: number;
  /** The bullet (its character code), or less than 0 for an ordered list (minus its delimiter's). */
  readonly kind: number;
  readonly list: List;
  readonly item: ListItem;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ATX = /^(#{1,6})(?:[ \t]+|$)/;
/** What makes remark's text of a heading differ from its source (NUL becomes U+FFFD). */
const ESCAPE_OR_REFERENCE = /\\|\0|&#?[0-9A-Za-z]+;/;
/** A thematic break at the root: three or more of one of `-*_`, spaces between. */
const THEMATIC_BREAK = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

function at(start: number, end: number): { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } {
  // Only offsets are read (syntax.ts); lines and columns are not computed.
  return { start: { line: 0, column: 0, offset: start }, end: { line: 0, column: 0, offset: end } };
}

function setEnd(node: { position?: { end: { offset?: number } } }, end: number): void {
  node.position!.end.offset = end;
}

/** The heading's node, or null when its text needs remark (escapes, character references). */
function heading(text: string, line: Span): Heading | null {
  const source = text.slice(line.start, line.end);
  const open = ATX.exec(source);
  if (!open) return null;
  let contentStart = line.start + open[0].length;
  let contentEnd = line.end;
  while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  // A closing sequence: `#`s after white space (or the whole content).
  let hashes = contentEnd;
  while (hashes > contentStart && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < contentEnd && (hashes === contentStart || isSpace(text.charCodeAt(hashes - 1)))) {
    contentEnd = hashes;
    while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  }
  if (contentEnd <= contentStart) contentStart = contentEnd;
  const content = text.slice(contentStart, contentEnd);
  if (ESCAPE_OR_REFERENCE.test(content)) return null;
  const children = content ? [{ type: 'text' as const, value: content, position: at(contentStart, contentEnd) }] : [];
  return { type: 'heading', depth: open[1]!.length as Heading['depth'], children, position: at(line.start, line.end) };
}

/** A setext underline (after the indentation): `=`s or `-`s, white space after them. */
const SETEXT_UNDERLINE = /^([=-])\1*[ \t]*$/;

/**
 * The root paragraph `paragraph` underlined by the line ending at `lineEnd`, as remark's heading
 * (from the paragraph's start to the end of the underline's line, one text node), or null when
 * remark's text differs from the lines' (escapes, character references, hard breaks: `a  ` at
 * the end of a line is a break node).
 */
function setextHeading(text: string, paragraph: Paragraph, depth: 1 | 2, lineEnd: number): Heading | null {
  const from = paragraph.position!.start.offset!;
  let to = paragraph.position!.end.offset!;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  const source = text.slice(from, to);
  if (ESCAPE_OR_REFERENCE.test(source)) return null;
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.some((l, i) => i < lines.length - 1 && l.endsWith('  '))) return null;
  const value = lines.map((l) => l.replace(/^[ \t]+|[ \t]+$/g, '')).join('\n');
  return { type: 'heading', depth, children: [{ type: 'text', value, position: at(from, to) }], position: at(from, lineEnd) };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The tree of `text[from..]`, as remark builds it for the parts `syntax.ts` reads, or null when
 * the text is not simple. Offsets are into `text`.
 */
export function parseSimple(text: string, from: number): Root | null {
  // A byte order mark at the start is dropped by remark; a definition is read by remark.
  if (text.charCodeAt(0) === 0xfeff || text.includes(']:', from)) return null;
  const children: RootContent[] = [];
  const open: OpenItem[] = [];
  let paragraph: Paragraph | null = null; // the open paragraph, in the innermost open item (or the root)
  for (let start = from; start < text.length; ) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const next = end < text.length && text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    // Indentation in columns (tab stops every 4 columns).
    let col = 0;
    let p = start;
    for (; p < end; p++) {
      const c = text.charCodeAt(p);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    if (p === end) {
      paragraph = null; // a blank line ends a paragraph; list items go on
      start = next;
      continue;
    }
    const line = text.slice(p, end);
    // How many open items the line's indentation continues.
    let k = 0;
    while (k < open.length && col >= open[k]!.contentCol) k++;
    const underline = LETTER_OR_DIGIT.test(line) ? null : SETEXT_UNDERLINE.exec(line);
    if (underline && paragraph) {
      // After a paragraph: it underlines the paragraph unless it is lazy or indented as code; a
      // lazy (or indented) `===` goes on with it (an underline is never lazy), a `---` is remark's.
      if (k === open.length && col - (k ? open[k - 1]!.contentCol : 0) < 4) {
        if (open.length || children[children.length - 1] !== paragraph) return null; // in a list item
        const node = setextHeading(text, paragraph, underline[1] === '=' ? 1 : 2, end);
        if (!node) return null;
        children[children.length - 1] = node;
        paragraph = null;
        start = next;
        continue;
      }
      if (underline[1] !== '=') return null;
      setEnd(paragraph, end);
      extend(open, end);
      start = next;
      continue;
    }
    if (!LETTER_OR_DIGIT.test(line) && !(underline && underline[1] === '=')) {
      // Without a letter, a line can be a closing fence, a table row…; a thematic break at the
      // root, after no paragraph, is one (and closes every list). (`===` starts a paragraph.)
      if (paragraph || k || col >= 4 || !THEMATIC_BREAK.test(line)) return null;
      children.push({ type: 'thematicBreak', position: at(p, end) });
      open.length = 0;
      start = next;
      continue;
    }
    const c = text.charCodeAt(p);
    if (c === 35 && ATX.test(line)) {
      if (col !== 0) return null; // indented, or in a list item
      const node = heading(text, { start, end });
      if (!node) return null;
      children.push(node);
      open.length = 0;
      paragraph = null;
      start = next;
      continue;
    }
    const containerCol = k ? open[k - 1]!.contentCol : 0;
    const marker = listMarker(text, p, end, col);
    if (marker === 'unsimple') return null;
    if (marker && col - containerCol < 4) {
      // A new item: in the list it goes on, or in a new list, in container k.
      const { contentCol, contentStart, kind, one } = marker;
      // The content must have its own letter: `10. ---` holds a thematic break.
      if (!LETTER_OR_DIGIT.test(text.slice(contentStart, end)) || !startsSimply(text, contentStart, end)) return null;
      // The item open at depth k is in container k's last block, a list: the new item goes on with it.
      const sibling = open[k]?.kind === kind ? open[k] : undefined;
      // An ordered list interrupts a paragraph only from 1 (else the line goes on with it).
      if (!sibling && paragraph && kind < 0 && !one) return null;
      open.length = k;
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: at(p, end) };
      paragraph = { type: 'paragraph', children: [], position: at(contentStart, end) };
      item.children.push(paragraph);
      let list: List;
      if (sibling) {
        list = sibling.list;
        list.children.push(item);
      } else {
        list = { type: 'list', ordered: kind < 0, start: null, spread: false, children: [item], position: at(p, end) };
        (k ? open[k - 1]!.item.children : children).push(list);
      }
      open.push({ contentCol, kind, list, item });
      extend(open, end);
      start = next;
      continue;
    }
    if (paragraph) {
      // Paragraph continuation, lazy or not: the line must start no other block.
      if (marker || !startsSimply(text, p, end)) return null;
      setEnd(paragraph, end);
      extend(open, end);
      start = next;
      continue;
    }
    // A new paragraph in container k.
    if (col - containerCol >= 4 || !startsSimply(text, p, end)) return null; // indented code, or markup
    open.length = k;
    paragraph = { type: 'paragraph', children: [], position: at(p, end) };
    if (k) {
      open[k - 1]!.item.children.push(paragraph);
      extend(open, end);
    } else {
      children.push(paragraph);
    }
    start = next;
  }
  return { type: 'root', children, position: at(from, text.length) };
}

/** The open items and their lists now end at `end`. */
function extend(open: readonly OpenItem[], end: number): void {
  for (const o of open) {
    setEnd(o.item, end);
    setEnd(o.list, end);
  }
}

interface Marker {
  readonly kind: number;
  /** An ordered marker numbered 1. */
  readonly one: boolean;
  readonly contentCol: number;
  readonly contentStart: number;
}

const ORDERED = /^(\d{1,9})([.)])(?:[ \t]|$)/;

/**
 * A list marker at `p` (`-`, `*`, `+` or `1.`, `1)` and white space), with where its content
 * starts; undefined for no marker, 'unsimple' for one remark must read (empty item, content
 * indented as code).
 */
function listMarker(text: string, p: number, end: number, col: number): Marker | undefined | 'unsimple' {
  const c = text.charCodeAt(p);
  let kind = c;
  let one = false;
  let width = 1;
  if (c !== 45 && c !== 42 && c !== 43) {
    const ordered = ORDERED.exec(text.slice(p, Math.min(end, p + 11)));
    if (!ordered) return undefined;
    kind = -ordered[2]!.charCodeAt(0);
    one = ordered[1] === '1';
    width = ordered[1]!.length + 1;
  } else if (p + 1 < end && !isSpace(text.charCodeAt(p + 1))) {
    return undefined;
  }
  let i = p + width;
  let contentCol = col + width;
  while (i < end && isSpace(text.charCodeAt(i))) {
    contentCol = text.charCodeAt(i) === 9 ? contentCol + 4 - (contentCol % 4) : contentCol + 1;
    i++;
  }
  if (i === end || contentCol - (col + width) > 4) return 'unsimple';
  return { kind, one, contentCol, contentStart: i };
}

/**
 * The line from `p`, which has a letter or digit in it, starts a paragraph (or goes on with one)
 * and no other block. (With a letter in it, it is no thematic break or setext underline.)
 */
function startsSimply(text: string, p: number, end: number): boolean {
  const rest = text.slice(p, Math.min(end, p + 12));
  return !BLOCK_START.test(rest);
}

/**
 * A line start that may open a block other than a paragraph: a quote, an ATX heading, a fence, an
 * HTML block (`<` but before a URL or address: `<https:`, `<a@b`), a table row, a list item.
 */
const BLOCK_START = /^(?:>|#{1,6}(?:[ \t]|$)|`{3}|~{3}|<(?![A-Za-z][A-Za-z0-9-]*[:@.+])|\||[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
