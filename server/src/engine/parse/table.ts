// Tables whose rows are ideas (IOOS: `| Project | Description | Proposed Project Idea | Hours |`).
// GFM tables are parsed by remark's own extension, and only in sections that can hold one (a line
// test first): the ordinary parse pays nothing. A table is a list of ideas when its header names
// template fields as a field block does (two of them, one a core field); each row is an idea, titled
// by its title column, each other cell a field labelled by its header cell.
import type { Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { fieldKeyOf } from './labels';
import type { FieldKey, Span } from './model';
import type { FieldSyntax } from './syntax';

export const TABLE_SYNTAX = gfmTable();
export const TABLE_TREE = gfmTableFromMarkdown();

type Change = [number, number, unknown[]];
interface EditMapLike {
  map: Change[];
  add(at: number, remove: number, add: unknown[]): void;
  consume(events: unknown[]): void;
}

/**
 * micromark-extension-gfm-table's resolver records its edits in an `EditMap` (not exported) whose
 * `add` finds an earlier edit at the same index by scanning all of them: quadratic in a section's
 * table cells (a 100 KB table took 29 s; markdown-rs#218 is the same code). Its prototype is caught
 * once, as a one-cell table is parsed and the constructor assigns `this.map`, and `add` is given an
 * index of the edits by position. The same edits, in the same order: the same events.
 */
function indexTableEdits(): boolean {
  if (Object.getOwnPropertyDescriptor(Object.prototype, 'map')) return false; // someone's own: leave it
  let proto: EditMapLike | undefined;
  Object.defineProperty(Object.prototype, 'map', {
    configurable: true,
    set(this: object, value: unknown) {
      Object.defineProperty(this, 'map', { value, writable: true, enumerable: true, configurable: true });
      const p = Object.getPrototypeOf(this) as Partial<EditMapLike> | null;
      if (Array.isArray(value) && p && typeof p.add === 'function' && typeof p.consume === 'function') proto ??= p as EditMapLike;
    },
  });
  try {
    fromMarkdown('|a|\n|-|\n', { extensions: [TABLE_SYNTAX], mdastExtensions: [TABLE_TREE] });
  } catch {
    // no table parsed: nothing caught, the scan stays
  } finally {
    delete (Object.prototype as { map?: unknown }).map;
  }
  if (!proto) return false;
  // Per edit list, the first edit at each index. `consume` empties the list in place: a list
  // longer or shorter than its index is indexed again.
  const indexes = new WeakMap<Change[], Map<number, Change>>();
  proto.add = function (this: EditMapLike, at: number, remove: number, add: unknown[]): void {
    if (remove === 0 && add.length === 0) return;
    const list = this.map;
    let index = indexes.get(list);
    if (!index || index.size !== list.length) {
      index = new Map();
      for (const change of list) if (!index.has(change[0])) index.set(change[0], change);
      indexes.set(list, index);
    }
    const change = index.get(at);
    if (change) {
      change[1] += remove;
      for (const event of add) change[2].push(event);
      return;
    }
    const created: Change = [at, remove, add];
    list.push(created);
    index.set(at, created);
  };
  return true;
}
/** True when the table resolver's edits are indexed (false: a version of the extension this does not know, still correct). */
export const TABLE_EDITS_INDEXED = indexTableEdits();

/** Characters a GFM delimiter row is made of, container markers before it included (`> |---|`, `- | :-- |`). */
const DELIMITER_ROW = /^[\t >|:\-*+.)0-9]+$/;

/**
 * True when some line could be a table's delimiter row (`|---|:--:|`): a table needs one, with a
 * pipe in it (a line of dashes alone is a thematic break or a setext underline).
 */
export function mayHoldTable(text: string): boolean {
  let bar = text.indexOf('|');
  while (bar >= 0) {
    let start = bar;
    while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
    let end = bar;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end);
    if (line.includes('-') && DELIMITER_ROW.test(line.trimEnd())) return true;
    bar = text.indexOf('|', end);
  }
  return false;
}

export interface CellSyntax {
  /** The cell's content as written, trimmed (escaped pipes kept as written). */
  readonly text: string;
  /** Span of `text`; empty, after the opening pipe, for an empty cell. */
  readonly span: Span;
}

export interface RowIdeaSyntax {
  /** The title cell's text, markup removed (`[echopype](…)` → `echopype`). */
  readonly title: string;
  readonly titleSpan: Span;
  /** The row's line. */
  readonly span: Span;
  readonly fields: readonly FieldSyntax[];
}

export interface TableSyntax {
  readonly kind: 'table';
  readonly span: Span;
  /** The rows as ideas, when the header names template fields; else empty. */
  readonly ideas: readonly RowIdeaSyntax[];
}

/** Headers that name the idea itself, not a field. */
const TITLE_HEADER = /^(?:(?:project|idea)(?: (?:name|title|idea))?|title|name|topic|subject)s?$/i;
/** Fields that make a header a field block (as `ideaStrength` counts them in parse.ts). */
const CORE_KEYS = new Set<FieldKey>(['description', 'skills', 'mentors', 'issue', 'outcome']);
const RATING_KEYS = new Set<FieldKey>(['size', 'difficulty']);
/** A cell that is a link to one GitHub issue or pull request, and nothing else. */
const ISSUE_CELL = /^\[[^\]]*\]\(\s*https?:\/\/github\.com\/[^/\s]+\/[^/\s]+\/(?:issues|pull)\/\d+\/?\s*\)$|^<?https?:\/\/github\.com\/[^/\s]+\/[^/\s]+\/(?:issues|pull)\/\d+\/?>?$/;

interface HeaderCell {
  readonly label: string;
  readonly labelSpan: Span;
  readonly bold: boolean;
  key: FieldKey | null;
}

/** The table's syntax; `text` is the parsed source the node's offsets point into. */
export function tableSyntax(text: string, node: Table): TableSyntax {
  const span = { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
  const [head, ...body] = node.children.map((row) => row.children.map((cell) => cellSyntax(text, cell)));
  return { kind: 'table', span, ideas: head && body.length ? rowIdeas(text, node, head, body) : [] };
}

function cellSyntax(text: string, cell: Table['children'][number]['children'][number]): CellSyntax {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (first?.position && last?.position) {
    const span = { start: first.position.start.offset ?? 0, end: last.position.end.offset ?? 0 };
    return { text: text.slice(span.start, span.end), span };
  }
  // Empty: right after the cell's opening pipe (the first cell of a row may have none).
  const start = cell.position?.start.offset ?? 0;
  const at = text[start] === '|' ? start + 1 : start;
  return { text: '', span: { start: at, end: at } };
}

function rowIdeas(text: string, node: Table, head: readonly CellSyntax[], body: ReadonlyArray<readonly CellSyntax[]>): RowIdeaSyntax[] {
  const header = head.map(headerCell);
  const titleColumn = header.findIndex((h) => TITLE_HEADER.test(h.label));
  const title = titleColumn >= 0 ? titleColumn : header.findIndex((h) => h.key === null);
  if (title < 0) return [];
  // A column of links to single issues is the issue column, whatever its header says (`Proposed Project Idea`).
  header.forEach((h, c) => {
    if (c === title || h.key !== null) return;
    const cells = body.map((row) => row[c]?.text ?? '').filter(Boolean);
    if (cells.length && cells.every((cell) => ISSUE_CELL.test(cell))) h.key = 'issue';
  });
  const keys = new Set(header.filter((h, c) => c !== title && h.key !== null).map((h) => h.key!));
  const core = [...keys].filter((k) => CORE_KEYS.has(k)).length;
  const rated = [...keys].filter((k) => RATING_KEYS.has(k)).length;
  if (!core || core + rated < 2) return [];
  return body.map((cells, r) => {
    const row = node.children[r + 1]!;
    const titleCell = cells[title] ?? { text: '', span: { start: row.position?.start.offset ?? 0, end: row.position?.start.offset ?? 0 } };
    const fields = header.flatMap((h, c): FieldSyntax[] => (c === title ? [] : [cellField(h, cells[c] ?? endOfRow(row))]));
    return {
      title: cellText(titleCell.text),
      titleSpan: titleCell.span,
      span: { start: row.position?.start.offset ?? 0, end: row.position?.end.offset ?? 0 },
      fields,
    };
  });
}

/** Where a cell the row leaves out would be: at the row's end. */
function endOfRow(row: Table['children'][number]): CellSyntax {
  const at = row.position?.end.offset ?? 0;
  return { text: '', span: { start: at, end: at } };
}

function headerCell(cell: CellSyntax): HeaderCell {
  const emphasis = /^(\*\*|__|\*|_)(.*?)\1$/.exec(cell.text);
  const inner = emphasis ? emphasis[2]! : cell.text;
  const label = inner.trim();
  const start = cell.span.start + (emphasis ? emphasis[1]!.length : 0) + (inner.length - inner.trimStart().length);
  return { label, labelSpan: { start, end: start + label.length }, bold: emphasis !== null, key: label ? fieldKeyOf(label) : null };
}

function cellField(header: HeaderCell, cell: CellSyntax): FieldSyntax {
  const at = { start: cell.span.start, end: cell.span.start };
  return {
    kind: 'field',
    key: header.key,
    label: header.label,
    labelSpan: header.labelSpan,
    valueSpan: cell.span,
    inlineValueSpan: cell.span,
    itemSpan: cell.span,
    bullet: '',
    markerSpan: at,
    markerGap: '',
    indent: 0,
    bold: header.bold,
    hasColon: false,
    subItems: [],
  };
}

/** Longer title cells keep their markup: inline parsing is superlinear on some inputs (see syntax.ts). */
const TITLE_INLINE_LIMIT = 4000;

/** A cell's text as it reads: link texts, no emphasis, code or escapes (a cell is one line of inline markup). */
function cellText(markdown: string): string {
  if (markdown.length > TITLE_INLINE_LIMIT || !/[*_`[<\\&]/.test(markdown)) return markdown;
  try {
    return plain(fromMarkdown(markdown)).replace(/\s+/g, ' ').trim();
  } catch {
    return markdown;
  }
}

function plain(node: { type: string; value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  return (node.children ?? []).map((c) => plain(c as typeof node)).join('');
}
export function shiftTable(table: TableSyntax, base: number, shiftField: (f: FieldSyntax) => FieldSyntax): TableSyntax {
  const sh = (s: Span): Span => ({ start: s.start + base, end: s.end + base });
  return {
    kind: 'table',
    span: sh(table.span),
    ideas: table.ideas.map((i) => ({ title: i.title, titleSpan: sh(i.titleSpan), span: sh(i.span), fields: i.fields.map(shiftField) })),
  };
}
