// YAML front matter (issue 12): a Jekyll collection writes one idea per file as front-matter keys
// (OpenAstronomy `_projects/<year>/<org>/*.md`: `name`, `desc`, `requirements`, `difficulty`,
// `issues`, `mentors`, `project_size`; HSF `_gsocproposals/<year>/*.md`). Where the block is, is
// micromark's business (remark's own extension decides); what it says, the `yaml` library's. The
// YAML is read bounded (size, nesting, aliases never expanded), and a YAML error is a finding, never
// a throw. A front matter that is page metadata (`layout`, `title`, `navbar`) is no idea: an idea
// has a title key and a mentors key, or a title, a description and one more idea key.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { fieldKeyOf } from './labels';
import type { FieldKey, Span } from './model';
import type { FieldSyntax, SubItemSyntax } from './syntax';
import { trimSpan } from './text';

const FRONT_MATTER_SYNTAX = { extensions: [frontmatter('yaml')], mdastExtensions: [frontmatterFromMarkdown('yaml')] };

/** A front matter longer than this is not read as one (Jekyll pages' are a few hundred bytes). */
export const MAX_FRONT_MATTER = 100_000;
/** Flow brackets (`[[[…`) or indentation deeper than this: the YAML is not composed (its composer recurses). */
const MAX_YAML_DEPTH = 64;
const MAX_YAML_INDENT = 256;

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /^---[ \t]*(?:\r\n|\r|\n|$)/gm;

export interface FrontMatterKey {
  /** The key as written. */
  readonly key: string;
  readonly keySpan: Span;
  /** The value as written (empty span after the colon when there is none). */
  readonly valueSpan: Span;
}

export interface FrontMatterSyntax {
  /** The block, fences included, and the line break after the closing fence. */
  readonly span: Span;
  /** The YAML between the fences. */
  readonly contentSpan: Span;
  /** Top-level keys, in order. */
  readonly keys: readonly FrontMatterKey[];
  /** The first YAML error, or why the YAML was not read. */
  readonly error?: { readonly message: string; readonly span: Span };
  /** Set when the keys make an idea: its title and fields (the title key is no field). */
  readonly idea?: { readonly title: string; readonly titleSpan: Span; readonly titleKey: string; readonly fields: readonly FieldSyntax[] };
}

/** True when the text (from `at`, after a byte-order mark) opens with a front-matter fence line. */
export function opensFrontMatter(text: string, at = 0): boolean {
  return text.startsWith('---', at) && OPEN.test(text.slice(at, at + 64));
}

/**
 * Where the front matter starting at `at` ends (after the closing fence's line break), or 0 when
 * there is none: an opening `---` line, and a closing one within MAX_FRONT_MATTER characters, as
 * micromark's front-matter extension reads them.
 */
export function frontMatterEnd(text: string, at = 0): number {
  if (!opensFrontMatter(text, at)) return 0;
  const open = OPEN.exec(text.slice(at, at + 64))!;
  const window = text.slice(at, Math.min(text.length, at + MAX_FRONT_MATTER));
  CLOSE.lastIndex = open[0].length;
  const close = CLOSE.exec(window);
  if (!close) return 0;
  const end = at + close.index + close[0].length;
  // remark's own extension says whether this is front matter (the line scan only found where it could end).
  const fenceEnd = at + close.index + close[0].replace(/[\r\n]+$/, '').length;
  try {
    const first = fromMarkdown(text.slice(at, fenceEnd), FRONT_MATTER_SYNTAX).children[0];
    if (first?.type !== 'yaml') return 0;
  } catch {
    return 0;
  }
  return end;
}

/** The front matter in `text` [0, end), its YAML starting after the opening fence at `at`. */
export function frontMatterSyntax(text: string, at: number, end: number): FrontMatterSyntax {
  const openLength = OPEN.exec(text.slice(at, at + 64))?.[0].length ?? 0;
  const contentStart = at + openLength;
  // The closing fence is the last line of the block.
  const block = text.slice(0, end).replace(/(?:\r\n|\r|\n)$/, '');
  const closeStart = Math.max(contentStart, lineStartBefore(block, block.length));
  const content = text.slice(contentStart, closeStart);
  const base: { span: Span; contentSpan: Span } = { span: { start: 0, end }, contentSpan: { start: contentStart, end: closeStart } };
  const tooDeep = yamlTooDeep(content);
  if (tooDeep) return { ...base, keys: [], error: { message: tooDeep, span: { start: contentStart, end: contentStart } } };
  let doc: ReturnType<typeof parseDocument>;
  try {
    // The document is walked as nodes, never turned into values: an alias is read as written and never
    // expanded (no `toJS`, so no alias bomb), and the library's errors are collected, not thrown.
    doc = parseDocument(content, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (error) {
    return { ...base, keys: [], error: { message: `the front matter could not be read (${String((error as Error)?.message ?? error)})`, span: { start: contentStart, end: contentStart } } };
  }
  const problem = doc.errors[0];
  const error = problem
    ? { message: `the front matter is not valid YAML: ${firstLine(problem.message)}`, span: clampSpan({ start: contentStart + problem.pos[0], end: contentStart + problem.pos[1] }, base.contentSpan) }
    : undefined;
  const keys: FrontMatterKey[] = [];
  const fields: FieldSyntax[] = [];
  const collect = (contents: unknown, base: number) => {
    if (!isMap(contents)) return;
    for (const pair of contents.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || !key.range) continue;
      const keySpan = trimSpan(text, shift(key.range, base));
      const name = text.slice(keySpan.start, keySpan.end).replace(/^["']|["']$/g, '');
      const value = pair.value as YamlNode | null;
      const field = fieldOf(text, base, name, keySpan, value);
      keys.push({ key: name, keySpan, valueSpan: field.valueSpan });
      fields.push(field);
    }
  };
  if (!problem) collect(doc.contents, contentStart);
  else {
    // One error swallows the keys after it (`desc: a: b` takes the rest as its value): each top-level
    // key's lines are read again on their own, so the keys around the error are still found.
    for (const chunk of topLevelChunks(content)) {
      try {
        collect(parseDocument(chunk.text, { uniqueKeys: false, prettyErrors: false, strict: false }).contents, contentStart + chunk.start);
      } catch {
        // a chunk that cannot be read gives no key
      }
    }
  }
  const idea = ideaOf(text, keys, fields);
  return { ...base, keys, ...(error ? { error } : {}), ...(idea ? { idea } : {}) };
}

/** The content cut before each line that starts at column 0 with a key (`name:`, `"name":`): each is one top-level key. */
function topLevelChunks(content: string): Array<{ text: string; start: number }> {
  const starts: number[] = [];
  const line = /^(?:[A-Za-z_][\w .-]*|"[^"\r\n]*"|'[^'\r\n]*')[ \t]*:(?:[ \t]|$)/gm;
  let m: RegExpExecArray | null;
  while ((m = line.exec(content))) starts.push(m.index);
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((start, i) => ({ start, text: content.slice(start, starts[i + 1] ?? content.length) }));
}

function firstLine(message: string): string {
  return message.split(/\r\n|\r|\n/)[0]!.replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/** Why the YAML is too deep to compose, or ''. */
function yamlTooDeep(content: string): string {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth); // [ {
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  if (max > MAX_YAML_DEPTH) return `the front matter was not read: its YAML nests more than ${MAX_YAML_DEPTH} levels`;
  for (const line of content.split(/\r\n|\r|\n/)) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (indent > MAX_YAML_INDENT && indent < line.length) return `the front matter was not read: its YAML is indented more than ${MAX_YAML_INDENT} columns`;
  }
  return '';
}

/** The key a front-matter key means: OpenAstronomy's and HSF's short names first, then as a label (`project_size` → size). */
export function frontMatterKeyOf(key: string): FieldKey | null {
  const words = key.replace(/[_-]+/g, ' ').trim().toLowerCase();
  // `mentor_avail` (HSF: when the mentors are free) is no list of mentors.
  if (/\bavail/.test(words)) return null;
  switch (words) {
    case 'desc':
    case 'summary':
      return 'description';
    case 'requirements':
    case 'prerequisites':
      return 'skills';
    case 'expected results':
    case 'results':
      return 'outcome';
    default:
      return fieldKeyOf(words);
  }
}

/** Fields whose value is a list (one item is still a list of one). */
const LIST_KEYS = new Set<string>(['mentors', 'skills', 'issue', 'technologies', 'primary_mentor']);

const TITLE_KEYS = /^(?:name|title|project[ _-]?(?:name|title)|idea)$/i;

/**
 * One idea when the keys say so: a title key, and a mentors key or a description with one more idea
 * field (a page's `title` and `description` alone are its metadata).
 */
function ideaOf(text: string, keys: readonly FrontMatterKey[], fields: readonly FieldSyntax[]): FrontMatterSyntax['idea'] {
  const t = keys.findIndex((k) => TITLE_KEYS.test(k.key) && k.valueSpan.end > k.valueSpan.start);
  if (t < 0) return undefined;
  const others = fields.filter((_, i) => i !== t);
  const has = (key: FieldKey) => others.some((f) => f.key === key);
  const more = others.some((f) => f.key !== null && ['skills', 'difficulty', 'size', 'issue', 'outcome'].includes(f.key));
  if (!(has('mentors') || has('primary_mentor') || (has('description') && more))) return undefined;
  const titleSpan = keys[t]!.valueSpan;
  return { title: text.slice(titleSpan.start, titleSpan.end).replace(/\s+/g, ' ').trim(), titleSpan, titleKey: keys[t]!.key, fields: others };
}

/** A key and its value as a field: a sequence's items are its sub-items (mentor entries, skills). */
function fieldOf(text: string, base: number, label: string, keySpan: Span, value: YamlNode | null): FieldSyntax {
  const subItems: SubItemSyntax[] = [];
  const nodeSpans: Span[] = [];
  let valueSpan: Span = { start: keySpan.end + 1, end: keySpan.end + 1 };
  let inline = true;
  if (value && value.range) {
    const whole = trimSpan(text, shift(value.range, base));
    if (isSeq(value)) {
      inline = false;
      for (const item of value.items as Array<YamlNode | null>) {
        if (!item || !item.range) continue;
        const itemSpan = trimSpan(text, shift(item.range, base));
        const span = isScalar(item) ? scalarSpan(text, item, itemSpan) : itemSpan;
        const person = isMap(item) ? personOf(item) : undefined;
        if (span.end > span.start) subItems.push({ text: text.slice(span.start, span.end), span, itemSpan: markerBefore(text, itemSpan), ...(person ? { person } : {}) });
        nodeSpans.push(itemSpan);
      }
      // From the first item's text to the last's: the markers and brackets around are no value.
      valueSpan = subItems.length ? { start: nodeSpans[0]!.start, end: nodeSpans[nodeSpans.length - 1]!.end } : { start: whole.start, end: whole.start };
      // `project_size: [175 h]`: one item of a field that holds one value is that value.
      if (subItems.length === 1 && !LIST_KEYS.has(frontMatterKeyOf(label) ?? '')) {
        valueSpan = subItems.pop()!.span;
        inline = true;
      }
    } else if (isScalar(value)) {
      valueSpan = scalarSpan(text, value, whole);
    } else if (isAlias(value) || isMap(value)) {
      valueSpan = whole; // as written; an alias is never expanded
    }
  }
  // The colon after the key: the value starts after it when there is none.
  const colon = text.indexOf(':', keySpan.end);
  if (valueSpan.end === valueSpan.start && colon >= 0 && colon < keySpan.end + 8) {
    let at = colon + 1;
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (valueSpan.start < at || !inline) valueSpan = { start: Math.max(at, valueSpan.start), end: Math.max(at, valueSpan.start) };
  }
  const inlineValueSpan = inline ? valueSpan : { start: valueSpan.start, end: valueSpan.start };
  const itemEnd = Math.max(valueSpan.end, subItems[subItems.length - 1]?.itemSpan.end ?? 0, keySpan.end);
  return {
    kind: 'field',
    key: frontMatterKeyOf(label),
    label,
    labelSpan: keySpan,
    valueSpan,
    inlineValueSpan,
    itemSpan: { start: keySpan.start, end: itemEnd },
    bullet: '',
    markerSpan: { start: keySpan.start, end: keySpan.start },
    markerGap: '',
    indent: 0,
    bold: false,
    hasColon: true,
    subItems,
  };
}

/**
 * A person written as a mapping (HSF's `project_mentors`: `email`, `first_name`, `last_name`), or
 * undefined when the mapping names nobody.
 */
function personOf(item: YamlNode): SubItemSyntax['person'] {
  if (!isMap(item)) return undefined;
  const values = new Map<string, string>();
  for (const pair of item.items) {
    const key = pair.key as YamlNode | null;
    const value = pair.value as YamlNode | null;
    if (isScalar(key) && isScalar(value) && value.value !== null && value.value !== undefined) values.set(String(key.value).toLowerCase(), String(value.value).trim());
  }
  const full = [values.get('first_name'), values.get('last_name')].filter(Boolean).join(' ');
  const name = values.get('name') || full;
  const handle = (values.get('github') ?? values.get('handle') ?? '').replace(/^@/, '');
  const email = values.get('email');
  if (!name && !handle && !email) return undefined;
  return { ...(name ? { name } : {}), ...(handle ? { handle } : {}), ...(email ? { email } : {}) };
}

/** A scalar's text: inside its quotes; a block scalar's lines after its `|` or `>` header. */
function scalarSpan(text: string, node: YamlNode, span: Span): Span {
  const type = isScalar(node) ? node.type : undefined;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    const quote = text[span.start];
    const closed = span.end - span.start >= 2 && text[span.end - 1] === quote;
    return trimSpan(text, { start: span.start + 1, end: closed ? span.end - 1 : span.end });
  }
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const header = /^[|>][^\r\n]*(?:\r\n|\r|\n|$)/.exec(text.slice(span.start, span.end));
    return trimSpan(text, { start: span.start + (header?.[0].length ?? 0), end: span.end });
  }
  return span;
}

/** A block sequence item's span with its `- ` before it (for the item, not its text). */
function markerBefore(text: string, span: Span): Span {
  let s = span.start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return s > 0 && text[s - 1] === '-' ? { start: s - 1, end: span.end } : span;
}

function shift(range: readonly number[], base: number): Span {
  return { start: base + range[0]!, end: base + range[1]! };
}

function clampSpan(span: Span, within: Span): Span {
  const start = Math.min(Math.max(span.start, within.start), within.end);
  return { start, end: Math.min(Math.max(span.end, start), within.end) };
}

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}
