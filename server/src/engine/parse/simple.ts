// Sections simple enough not to need remark (issue 14, "parse what the model needs").
//
// micromark's cost is per line and per block as much as per character: most of a CLI run went to
// tokenising sections that are nothing but headings, prose paragraphs and bullet lists of fields.
// For those, a line scan builds the tree remark would build, as far as `syntax.ts` reads it: the
// types, offsets and nesting of headings, paragraphs, lists and list items (markers on one line,
// `- 1. Release`, too), a heading's depth and
// text (setext headings at the root too), a fenced code block at the root (its language and value),
// a GFM table at the root whose rows start with a pipe (its rows and cells), in sections that may
// hold one, an HTML block of kind 2 (`<!--`) or 6 (a block tag) at the root (its value), a link
// reference definition on one line at the root (its label), a block quote of one paragraph at the
// root (see blockQuote: `> Abstract 🗂` labels, quoted notes). It knows a small part of
// CommonMark only, and gives up (null: remark parses the section) at the first line that could
// mean anything else: a line without a letter or digit in it (a setext underline, a closing
// fence, a table's delimiter row…) but a thematic break at the root or a fence, a line starting
// another block (a quote in a list item or of more than one paragraph, a fence or HTML in a list
// item, HTML of another kind, a heading but at column 0; see BLOCK_START and mayOpenHtml), a
// fenced code block it cannot read exactly (see
// fencedCode), indented code, an empty list item, an ordered list interrupting a paragraph, a
// heading whose text has character references (an ATX one) or escapes (a setext one), a definition it cannot read exactly
// (see oneLineDefinition) or in a list item or a section that may hold a table. A line with a
// letter in it is never a thematic break or setext underline, so these few tests decide it.
// `test/fuzz` compares the trees' syntax with remark's on generated and adversarial sections.
import type { Blockquote, Code, Definition, Heading, Html, List, ListItem, Paragraph, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { lineEndAt, nextLineStart } from './text';

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

/** From where lastIndex is set, a letter or digit before the line's end (sticky: no slice of the line). */
const LETTER_IN_LINE = /[^\p{L}\p{N}\r\n]*[\p{L}\p{N}]/uy;

function hasLetter(text: string, from: number): boolean {
  LETTER_IN_LINE.lastIndex = from;
  return LETTER_IN_LINE.test(text);
}
const ATX = /^(#{1,6})(?:[ \t]+|$)/;
/** What makes remark's text of a heading differ from its source (NUL becomes U+FFFD). */
const ESCAPE_OR_REFERENCE = /\\|\0|&#?[0-9A-Za-z]+;/;
/** What of it the line scan does not read in an ATX heading: character references and NUL. */
const REFERENCE_OR_NUL = /\0|&#?[0-9A-Za-z]+;/;
/** A backslash escape: a backslash before ASCII punctuation. */
const ESCAPED = /\\([!-\/:-@[-`{-~])/g;
/** A thematic break at the root: three or more of one of `-*_`, spaces between. */
const THEMATIC_BREAK = /^([-*_])[ \t]*(?:\1[ \t]*){2,}$/;

type Position = NonNullable<Root["position"]>;

function at(start: number, end: number): Position {
  // Only offsets are read (syntax.ts): points without lines and columns are smaller.
  return { start: { offset: start }, end: { offset: end } } as unknown as Position;
}

function setEnd(node: { position?: { end: { offset?: number } } }, end: number): void {
  node.position!.end.offset = end;
}

/** The heading's node, or null when its text needs remark (character references). */
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
  if (REFERENCE_OR_NUL.test(content)) return null;
  // A backslash escape reads as the character it escapes (remark's block parse reads them too).
  const value = content.includes('\\') ? content.replace(ESCAPED, '$1') : content;
  const children = content ? [{ type: 'text' as const, value, position: at(contentStart, contentEnd) }] : [];
  return { type: 'heading', depth: open[1]!.length as Heading['depth'], children, position: at(line.start, line.end) };
}

const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** A line of `=`s (after its indentation): an underline, or paragraph text where it underlines nothing. */
const EQUALS_LINE = /^=+[ \t]*$/;
/** A line break after white space that remark may read as a hard break (two spaces or more, a tab). */
const HARD_BREAK = /(?: {2}|\t)[ \t]*(?:\r\n|\r|\n)/;

/** The setext heading of the paragraph's lines, underlined up to `end`; null when its text needs remark. */
function setextHeading(text: string, paragraph: Paragraph, depth: 1 | 2, end: number): Heading | null {
  const contentStart = paragraph.position!.start.offset!;
  let contentEnd = paragraph.position!.end.offset!;
  while (contentEnd > contentStart && isSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  const content = text.slice(contentStart, contentEnd);
  if (ESCAPE_OR_REFERENCE.test(content) || HARD_BREAK.test(content)) return null;
  // One text node: remark's value loses the continuation lines' indentation, which syntax.ts's
  // reading of it (white space collapsed) does not see.
  const children = content ? [{ type: 'text' as const, value: content, position: at(contentStart, contentEnd) }] : [];
  return { type: 'heading', depth, children, position: at(contentStart, end) };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * The tree of `text[from..]`, as remark builds it for the parts `syntax.ts` reads, or null when
 * the text is not simple. Offsets are into `text`.
 */
export function parseSimple(text: string, from: number, tables = false): Root | null {
  // A byte order mark at the start is dropped by remark.
  if (text.charCodeAt(0) === 0xfeff) return null;
  const children: RootContent[] = [];
  const open: OpenItem[] = [];
  let paragraph: Paragraph | null = null; // the open paragraph, in the innermost open item (or the root)
  // Where the line after the last definition starts: that line goes on with the definition's
  // content as a paragraph's would (an ordered list from 2 does not interrupt it), and a paragraph
  // it starts is in that content (remark's setext heading of it starts at the definition).
  let afterDefinition = -1;
  let definitionContent: Paragraph | null = null;
  for (let start = from; start < text.length; ) {
    const end = lineEndAt(text, start);
    const next = nextLineStart(text, end);
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
    // How many open items the line's indentation continues.
    let k = 0;
    while (k < open.length && col >= open[k]!.contentCol) k++;
    const first = text.charCodeAt(p);
    if (tables && first === 124 && k === 0 && col < 4 && !paragraph) {
      // A table at the root, after no paragraph (one whose last line has a pipe could be its header).
      const table = gfmTable(text, p, end);
      if (!table) return null;
      children.push(table.node);
      open.length = 0;
      start = table.next;
      continue;
    }
    if ((first === 96 || first === 126) && k === 0 && col < 4) {
      // A fence at the root (no open item goes on through it: it closes them, as a heading does).
      const fence = fencedCode(text, p, end, col);
      if (fence === null) return null;
      if (fence !== undefined) {
        children.push(fence.node);
        open.length = 0;
        paragraph = null;
        start = fence.next;
        continue;
      }
    }
    if (first === 62 && k === 0 && col < 4) {
      // A block quote at the root (it interrupts a paragraph and closes every open item).
      const quote = blockQuote(text, p);
      if (!quote) return null;
      children.push(quote.node);
      open.length = 0;
      paragraph = null;
      start = quote.next;
      continue;
    }
    if (first === 60 && k === 0 && col < 4) {
      // An HTML block of kind 2 or 6 at the root: both interrupt a paragraph (and so end a list item's, lazy or not).
      const html = htmlBlock(text, start, p, end);
      if (html) {
        children.push(html.node);
        open.length = 0;
        paragraph = null;
        start = html.next;
        continue;
      }
    }
    if (!hasLetter(text, p)) {
      const line = text.slice(p, end);
      if (paragraph && !open.length && col < 4 && SETEXT_UNDERLINE.test(line) && !(tables && paragraphHasPipe(text, paragraph))) {
        // The root paragraph above is a setext heading's text.
        const node = setextHeading(text, paragraph, line.charCodeAt(0) === 61 ? 1 : 2, end);
        if (!node || children[children.length - 1] !== paragraph || paragraph === definitionContent) return null;
        children[children.length - 1] = node;
        paragraph = null;
        start = next;
        continue;
      }
      if (EQUALS_LINE.test(line)) {
        // An underline of a list item's paragraph is remark's. Else `===` is paragraph text, read
        // below: a lazy line (an underline is never lazy), one indented as code, or one after no
        // paragraph (issue 16: 20k lazy `x` / `===` lines).
        const depth = open.length;
        if (paragraph && depth && k === depth && col - open[depth - 1]!.contentCol < 4) return null;
      } else {
        // Without a letter, a line can be a setext underline, a closing fence, a table row…; a
        // thematic break at the root, after no paragraph, is one (and closes every list).
        if (paragraph || k || col >= 4 || !THEMATIC_BREAK.test(line)) return null;
        children.push({ type: 'thematicBreak', position: at(p, end) });
        open.length = 0;
        start = next;
        continue;
      }
    }
    const c = text.charCodeAt(p);
    if (c === 35 && ATX.test(text.slice(p, Math.min(end, p + 8)))) {
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
      // A new item: in the list it goes on, or in a new list, in container k. Its content may start
      // with another marker (`- 1. Release`): an item of a new list in it, and so on.
      const markers: Marker[] = [marker];
      for (let m = marker; ; ) {
        const inner = listMarker(text, m.contentStart, end, m.contentCol);
        if (inner === 'unsimple') return null;
        if (!inner) break;
        markers.push((m = inner));
      }
      const { contentStart } = markers[markers.length - 1]!;
      // The content must have its own letter: `10. ---` holds a thematic break. A definition in an item is remark's.
      if (!hasLetter(text, contentStart) || !startsSimply(text, contentStart, end) || mayStartDefinition(text, contentStart, end)) return null;
      // The item open at depth k is in container k's last block, a list: the new item goes on with it.
      const sibling = open[k]?.kind === marker.kind ? open[k] : undefined;
      // An ordered list interrupts a paragraph (or a definition's content) only from 1 (else the line goes on with it).
      if (!sibling && (paragraph || start === afterDefinition) && marker.kind < 0 && !marker.one) return null;
      open.length = k;
      let itemStart = p;
      for (const [depth, { contentCol, contentStart: inside, kind }] of markers.entries()) {
        const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: at(itemStart, end) };
        let list: List;
        if (depth === 0 && sibling) {
          list = sibling.list;
          list.children.push(item);
        } else {
          list = { type: 'list', ordered: kind < 0, start: null, spread: false, children: [item], position: at(itemStart, end) };
          (open.length ? open[open.length - 1]!.item.children : children).push(list);
        }
        open.push({ contentCol, kind, list, item });
        itemStart = inside;
      }
      paragraph = { type: 'paragraph', children: [], position: at(contentStart, end) };
      open[open.length - 1]!.item.children.push(paragraph);
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
    const definition = mayStartDefinition(text, p, end) ? (k || tables ? null : oneLineDefinition(text, p, end)) : 'paragraph';
    if (definition === null) return null;
    if (definition !== 'paragraph') {
      // A link reference definition on one line at the root (where no paragraph is open: it interrupts none).
      children.push(definition.node);
      open.length = 0;
      start = afterDefinition = definition.next;
      continue;
    }
    open.length = k;
    paragraph = { type: 'paragraph', children: [], position: at(p, end) };
    if (start === afterDefinition) definitionContent = paragraph;
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
    if (c < 48 || c > 57) return undefined; // no bullet, no digit
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
  // Only `<`, `>`, `#`, `` ` ``, `~`, `|`, a bullet or a digit can start one: most lines need no test.
  const c = text.charCodeAt(p);
  if (c === 60) return !mayOpenHtml(text, p, end);
  if (!(c === 62 || c === 35 || c === 96 || c === 126 || c === 124 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57))) return true;
  const rest = text.slice(p, Math.min(end, p + 12));
  return !BLOCK_START.test(rest);
}

/**
 * The block quote whose first `>` is at `p` (at the root), with where the line after it starts,
 * when it is one paragraph: each line `>` (indented less than 4 columns), a space or none, text
 * with a letter or digit that starts no other block (the first line no definition, not indented
 * as code), and no tab between `>` and the text. Null for any other: blank quote lines, nested
 * blocks, a line after it that is not blank, a heading at column 0 or a list item (a lazy line,
 * or another block interrupting it). remark's quote runs from the first `>` to the last line's end; its paragraph
 * from the first text character.
 */
function blockQuote(text: string, p: number): { node: Blockquote; next: number } | null {
  let paragraph: Paragraph | null = null;
  let gt = p;
  let end = p;
  for (;;) {
    end = lineEndAt(text, gt);
    let q = gt + 1;
    while (q < end && text.charCodeAt(q) === 32) q++;
    if (q === end || q - gt - 2 >= 4 || text.charCodeAt(q) === 9 || !hasLetter(text, q)) return null;
    if (listMarker(text, q, end, 0) || !startsSimply(text, q, end)) return null;
    if (paragraph) setEnd(paragraph, end);
    else if (mayStartDefinition(text, q, end)) return null;
    else paragraph = { type: 'paragraph', children: [], position: at(q, end) };
    const next = nextLineStart(text, end);
    if (next >= text.length) return { node: quoteNode(p, end, paragraph), next };
    // The next line: another of the quote, blank, a heading at column 0, or anything else (remark's).
    const lineEnd = lineEndAt(text, next);
    let r = next;
    while (r < lineEnd && text.charCodeAt(r) === 32) r++;
    if (r - next < 4 && text.charCodeAt(r) === 62) {
      gt = r;
      continue;
    }
    let blank = r;
    while (blank < lineEnd && isSpace(text.charCodeAt(blank))) blank++;
    if (blank === lineEnd || (r === next && ATX.test(text.slice(next, Math.min(lineEnd, next + 8))))) return { node: quoteNode(p, end, paragraph), next };
    // A list item ends the quote (remark: an ordered one from 2 too; in a root paragraph it would be lazy text).
    const marker = r - next < 4 ? listMarker(text, r, lineEnd, r - next) : undefined;
    if (marker && marker !== 'unsimple') return { node: quoteNode(p, end, paragraph), next };
    return null;
  }
}

function quoteNode(start: number, end: number, paragraph: Paragraph): Blockquote {
  return { type: 'blockquote', children: [paragraph], position: at(start, end) };
}

/** Tag names that open an HTML block of CommonMark's kind 6 (as micromark lists them), and of kind 1 (raw text). */
const HTML_BLOCK_NAMES = new Set(
  'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul'.split(' '),
);
const HTML_RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);

/**
 * The line from `p` (a `<`) may open an HTML block: `<!`, `<?`, a tag name of kind 1 or 6, or a
 * whole tag with nothing but white space after it (kind 7). False for the rest: `<https://…>`,
 * `<a@b.c>`, `<a name="x"></a>` (a tag with more after it is inline HTML in a paragraph), `< 3`.
 */
function mayOpenHtml(text: string, p: number, end: number): boolean {
  let i = p + 1;
  const c = text.charCodeAt(i);
  if (c === 33 /* ! */ || c === 63 /* ? */) return true;
  const closing = c === 47; /* / */
  if (closing) i++;
  const nameStart = i;
  if (!isAsciiLetter(text.charCodeAt(i))) return false;
  while (i < end && (isAsciiLetter(text.charCodeAt(i)) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) || text.charCodeAt(i) === 45)) i++;
  if (i < end) {
    const after = text.charCodeAt(i);
    if (!(isSpace(after) || after === 62 /* > */ || after === 47 /* / */)) return false; // no tag: a name ends with one of these
  }
  const name = text.slice(nameStart, i).toLowerCase();
  if (HTML_BLOCK_NAMES.has(name) || (!closing && HTML_RAW_NAMES.has(name))) return true;
  // Kind 7: where the tag ends (no `>` in quotes ends it), then only white space.
  for (; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 || ch === 39) {
      let close = i + 1;
      while (close < end && text.charCodeAt(close) !== ch) close++;
      if (close >= end) return true;
      i = close;
    } else if (ch === 62) {
      for (let j = i + 1; j < end; j++) if (!isSpace(text.charCodeAt(j))) return false;
      return true;
    }
  }
  return true; // no end on this line
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The HTML block at the root whose first line starts at `lineStart`, its `<` at `p` (indented less
 * than 4 columns), with where the line after it starts; undefined when the line opens no block of
 * CommonMark's kind 2 (`<!--`: through the line holding `-->`, or to the end of the text) or kind 6
 * (a block tag name: up to a blank line). remark's node runs from the line's start, indentation and
 * all; its value is the source (NUL read as U+FFFD).
 */
function htmlBlock(text: string, lineStart: number, p: number, end: number): { node: Html; next: number } | undefined {
  let blockEnd: number;
  let next: number;
  if (text.startsWith('<!--', p)) {
    // The opening dashes count: `<!-->` and `<!--->` are closed comments.
    const close = text.indexOf('-->', p + 2);
    blockEnd = close < 0 ? text.length : lineEndAt(text, close + 3);
    next = close < 0 ? text.length : nextLineStart(text, blockEnd);
  } else if (opensBlockTag(text, p, end)) {
    blockEnd = end;
    next = nextLineStart(text, end);
    while (next < text.length) {
      const lineEnd = lineEndAt(text, next);
      let q = next;
      while (q < lineEnd && isSpace(text.charCodeAt(q))) q++;
      if (q === lineEnd) break; // a blank line ends it
      blockEnd = lineEnd;
      next = nextLineStart(text, lineEnd);
    }
  } else {
    return undefined;
  }
  const source = text.slice(lineStart, blockEnd);
  const value = source.includes('\0') ? source.replaceAll('\0', '\uFFFD') : source;
  return { node: { type: 'html', value, position: at(lineStart, blockEnd) }, next };
}

/** `<div`, `</table`… at `p`: a tag name of kind 6, then white space, the line's end, `>` or `/>`. */
function opensBlockTag(text: string, p: number, end: number): boolean {
  let i = p + 1;
  if (text.charCodeAt(i) === 47 /* / */) i++;
  const nameStart = i;
  while (i < end && (isAsciiLetter(text.charCodeAt(i)) || (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) || text.charCodeAt(i) === 45)) i++;
  if (i === nameStart || !isAsciiLetter(text.charCodeAt(nameStart)) || !HTML_BLOCK_NAMES.has(text.slice(nameStart, i).toLowerCase())) return false;
  const after = text.charCodeAt(i);
  return i === end || isSpace(after) || after === 62 /* > */ || (after === 47 && text.charCodeAt(i + 1) === 62); // `/>`
}

/**
 * The line from `p` may start a link reference definition: `[` and a label that `]:` closes on
 * the line, or that does not close on it (it may go on), or with an escape in it (remark reads that).
 */
function mayStartDefinition(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) !== 91 /* [ */) return false;
  for (let i = p + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 93 /* ] */) return text.charCodeAt(i + 1) === 58; /* : */
    if (c === 91) return false; // a label holds no `[`
    // An escaped character never ends the label (`\]`), nor starts one (`\[`): `[a \& b](#a--b)` is a link.
    if (c === 92) i++;
  }
  return true;
}

/**
 * `[label]: destination` on the one line from `p`, an optional title after it: no escapes, no
 * destination in angle brackets or with parentheses, no title going on to the next line.
 */
const LABEL_AND_DESTINATION = String.raw`^\[([^[\]\\\0]+)\]:[ \t]*[^ \t\0-\x1f\x7f<>()\\]+`;
const ONE_LINE_DEFINITION = new RegExp(String.raw`${LABEL_AND_DESTINATION}(?:[ \t]+("[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$`);
/**
 * `[label]: destination` and, after white space, more that cannot start a title (`[Update]: The
 * design doc…`): no definition (nothing but a title may follow its destination), a paragraph.
 */
const NO_DEFINITION = new RegExp(String.raw`${LABEL_AND_DESTINATION}[ \t]+[^ \t"'(]`);
/** Where a title may start (sticky): on the line after a definition without one, it is that definition's. */
const TITLE_START = /[ \t]*["'(]/y;

/**
 * The definition at `p` (its line ends at `end`), with where the line after it starts; 'paragraph'
 * when the line is certainly none (see NO_DEFINITION); null when remark must read it (see
 * ONE_LINE_DEFINITION; a label of 999 characters or more, or of white space only; a line after it
 * that may be its title). remark's node runs from `[` to the line's end.
 */
function oneLineDefinition(text: string, p: number, end: number): { node: Definition; next: number } | 'paragraph' | null {
  const line = text.slice(p, end);
  const m = ONE_LINE_DEFINITION.exec(line);
  if (!m && NO_DEFINITION.test(line)) return 'paragraph';
  const label = m?.[1];
  if (!m || label === undefined || label.length >= 999 || !/[^ \t]/.test(label)) return null;
  const next = nextLineStart(text, end);
  TITLE_START.lastIndex = next;
  if (m[2] === undefined && TITLE_START.test(text)) return null;
  // syntax.ts reads a definition's label and start only: no identifier, URL or title is worked out.
  const node: Definition = { type: 'definition', identifier: '', label, url: '', title: null, position: at(p, end) };
  return { node, next };
}

/**
 * A line start that may open a block other than a paragraph: a quote, an ATX heading, a fence, an
 * HTML block (`<` but before a URL or address: `<https:`, `<a@b`), a table row, a list item.
 */
const BLOCK_START = /^(?:>|#{1,6}(?:[ \t]|$)|`{3}|~{3}|<(?![A-Za-z][A-Za-z0-9-]*[:@.+])|\||[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * The fenced code block whose opening fence is at `p` (indented `col` columns, at the root), with
 * where the line after it starts; undefined when the line opens no fence, null when remark must
 * read it: no closing fence (it runs on into what follows), an info string with escapes or
 * character references, a tab in the indentation the content loses, a NUL.
 */
function fencedCode(text: string, p: number, end: number, col: number): { node: Code; next: number } | null | undefined {
  const char = text.charCodeAt(p);
  let q = p;
  while (q < end && text.charCodeAt(q) === char) q++;
  const size = q - p;
  if (size < 3) return undefined;
  const info = text.slice(q, end);
  if (char === 96 && info.includes('`')) return undefined; // inline code, not a fence
  if (info.includes('\\') || info.includes('&') || info.includes('\0')) return null;
  const word = /[^ \t]+/.exec(info);
  let value = '';
  let contentLines = 0;
  let previousEnd = 0; // where the last content line ended (its line break follows)
  for (let ls = nextLineStart(text, end); ls < text.length; ) {
    const le = lineEndAt(text, ls);
    // The closing fence: indented less than 4 columns, as long as the opening one or longer, white space after.
    let c = 0;
    let i = ls;
    for (; i < le && c < 4; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 32) c++;
      else if (ch === 9) c += 4 - (c % 4);
      else break;
    }
    if (c < 4) {
      let j = i;
      while (j < le && text.charCodeAt(j) === char) j++;
      if (j - i >= size) {
        let w = j;
        while (w < le && isSpace(text.charCodeAt(w))) w++;
        if (w === le) {
          const node: Code = { type: 'code', lang: word ? word[0] : null, meta: null, value, position: at(p, le) };
          return { node, next: nextLineStart(text, le) };
        }
      }
    }
    // A content line loses up to the fence's indentation, in spaces.
    let from = ls;
    while (from < le && from - ls < col && text.charCodeAt(from) === 32) from++;
    if (from < le && from - ls < col && text.charCodeAt(from) === 9) return null;
    const piece = text.slice(from, le);
    if (piece.includes('\0')) return null; // remark's value has U+FFFD for it
    value = contentLines++ ? value + text.slice(previousEnd, ls) + piece : piece;
    previousEnd = le;
    ls = nextLineStart(text, le);
  }
  return null; // unclosed: it runs to the end of its container
}

/** With tables on, `a |` over `---` is a table's header and delimiter row, not a setext heading. */
function paragraphHasPipe(text: string, paragraph: Paragraph): boolean {
  const at = text.indexOf('|', paragraph.position!.start.offset!);
  return at >= 0 && at < paragraph.position!.end.offset!;
}

/** A GFM delimiter row starting with a pipe (`- |` could start a list item): `| --- | :-: |`, `|-|-`, `  |:--`. */
const DELIMITER_ROW = /^ {0,3}\|(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$/;

/**
 * The GFM table whose header row starts with the pipe at `p` (the line ends at `end`), with where
 * the line after it starts; null when remark must read it: no delimiter row of as
 * many cells after it, a backslash (escaped pipes) in its rows, a row that does not start with a
 * pipe (a lazy row, or a block that ends the table: only a blank line or a heading end it here).
 */
function gfmTable(text: string, p: number, end: number): { node: Table; next: number } | null {
  const header = tableRow(text, p, end);
  if (!header) return null;
  let ls = nextLineStart(text, end);
  if (ls >= text.length) return null;
  let le = lineEndAt(text, ls);
  const delimiter = text.slice(ls, le);
  if (!delimiter.includes('|') || !DELIMITER_ROW.test(delimiter) || /^(?: {4}| {0,3}\t)/.test(delimiter) || delimiterCells(delimiter) !== header.children.length) return null;
  const rows: TableRow[] = [header];
  let tableEnd = le; // the delimiter row is in the table, though in none of its rows
  for (ls = nextLineStart(text, le); ls < text.length; ) {
    le = lineEndAt(text, ls);
    let q = ls;
    while (q < le && isSpace(text.charCodeAt(q))) q++;
    if (q === le) break; // a blank line ends the table
    if (q === ls && text.charCodeAt(q) === 35 && ATX.test(text.slice(q, Math.min(le, q + 8)))) break; // a heading does
    if (q - ls > 3 || text.charCodeAt(q) !== 124) return null;
    const row = tableRow(text, q, le);
    if (!row) return null;
    rows.push(row);
    tableEnd = le;
    ls = nextLineStart(text, le);
  }
  return { node: { type: 'table', align: [], children: rows, position: at(p, tableEnd) }, next: ls };
}

/** The cells of the row whose leading pipe is at `p`: each from its opening pipe, the last to the line's end. */
function tableRow(text: string, p: number, end: number): TableRow | null {
  const cells: TableCell[] = [];
  let last = end;
  while (last > p && isSpace(text.charCodeAt(last - 1))) last--;
  if (last <= p + 1) return null; // a lone pipe
  const closed = last > p + 1 && text.charCodeAt(last - 1) === 124; // a trailing pipe closes the last cell
  const contentEnd = closed ? last - 1 : last;
  for (let open = p; open < contentEnd; ) {
    let close = open + 1;
    while (close < contentEnd && text.charCodeAt(close) !== 124) {
      // An escaped pipe is no separator (nor, after `\\`, a pipe that is one): remark's. Other escapes (`\<`) are cell text.
      if (text.charCodeAt(close) === 92) {
        const after = text.charCodeAt(close + 1);
        if (after === 124 || after === 92) return null;
      }
      close++;
    }
    let s = open + 1;
    let e = close;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const children = e > s ? [{ type: 'text' as const, value: text.slice(s, e), position: at(s, e) }] : [];
    const isLast = close >= contentEnd;
    cells.push({ type: 'tableCell', children, position: at(open, isLast ? end : close) });
    if (isLast) break;
    open = close;
  }
  if (!cells.length) return null;
  return { type: 'tableRow', children: cells, position: at(p, end) };
}

/** How many cells a delimiter row has: its pipes separate them, a leading and a trailing one close them. */
function delimiterCells(row: string): number {
  const trimmed = row.trim();
  let pipes = 0;
  for (let i = 0; i < trimmed.length; i++) if (trimmed.charCodeAt(i) === 124) pipes++;
  const leading = trimmed.startsWith('|') ? 1 : 0;
  const trailing = trimmed.length > 1 && trimmed.endsWith('|') ? 1 : 0;
  return pipes + 1 - leading - trailing;
}
