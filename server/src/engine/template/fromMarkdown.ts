// Reads a template written in markdown — the fenced block at the top of a year file, or the
// "### Template" section of PROJECT_IDEA_TEMPLATE.md — into a Template. Line based on purpose:
// a template is a handful of headings and `- Label: hint` lines, and this must never throw.
import { fieldKeyOf } from '../parse/labels';
import type { FieldKey } from '../parse/model';
import type { MentorSpec, Template, TemplateField } from './types';

export interface TemplateMeta {
  readonly id: string;
  readonly name: string;
  /** Level of the "Template" heading the text sits under, when the text itself does not include it. */
  readonly templateHeadingLevel?: number;
}

interface RawField {
  readonly label: string;
  /** The text after the colon, trimmed: empty, a placeholder or a `# comment`. */
  readonly rest: string;
  readonly marker: '-' | '*' | '+';
  readonly gap: string;
  readonly subItems: string[];
}

interface ScannedTemplate {
  /** Headings before the field lines (Template/Sample headings excluded). */
  readonly levels: readonly number[];
  /** Level of a "Template" heading above the template, when the text has one. */
  readonly templateHeadingLevel: number | undefined;
  readonly fields: readonly RawField[];
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const TOP_ITEM = /^ ?([-*+])([ \t]+)(.*)$/;
const SUB_ITEM = /^[ \t]{2,}[-*+][ \t]+(.*)$/;
/** `Label: rest`, `**Label:** rest`, `**Label**: rest`. */
const LABEL_LINE = /^(?:\*\*|__)?([^:]*?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?(.*)$/;
const SAMPLE_HEADING = /\b(sample|example|exemplo)s?\b/i;
const TEMPLATE_HEADING = /\b(template|modelo)\b/i;
const EMAIL = /[^\s@(),]+@[^\s@(),]+\.[^\s@(),]+/;
const ADMIN_KEYS: ReadonlySet<string> = new Set(['mentee', 'lfx_url']);

export function templateFromMarkdown(text: string, meta: TemplateMeta): Template | undefined {
  const found = scanTemplate(text);
  if (found.fields.length === 0) return undefined;
  const scanned = { ...found, templateHeadingLevel: found.templateHeadingLevel ?? meta.templateHeadingLevel };
  const { projectLevel, ideaLevel } = headingLevels(scanned);
  const fields: TemplateField[] = [];
  const seen = new Set<string>();
  let mentors: MentorSpec = { layout: 'inline', email: false, min: 1 };
  for (const raw of scanned.fields) {
    const key = fieldKeyOf(raw.label) ?? slugKey(raw.label);
    if (!key || seen.has(key)) continue; // the first spelling of a field wins
    seen.add(key);
    fields.push(buildField(key, raw));
    if (key === 'mentors') mentors = mentorSpec(raw);
  }
  if (fields.length === 0) return undefined;
  return { id: meta.id, name: meta.name, projectLevel, ideaLevel, fields, bullet: commonBullet(scanned.fields), mentors };
}

/**
 * True when the text is a template to fill in, not a filled-in sample: it has field lines with
 * at least two known labels, no value holds a link, and most values are empty or placeholders.
 */
export function looksLikeTemplate(text: string): boolean {
  const { fields } = scanTemplate(text);
  const known = fields.filter((f) => fieldKeyOf(f.label) !== null).length;
  if (known < 2) return false;
  if (fields.some((f) => /https?:\/\//i.test(f.rest))) return false;
  const filled = fields.filter((f) => !isPlaceholderText(f.rest)).length;
  return filled * 2 < fields.length;
}

function scanTemplate(text: string): ScannedTemplate {
  const levels: number[] = [];
  const fields: RawField[] = [];
  let templateHeadingLevel: number | undefined;
  let current: RawField | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (FENCE.test(line)) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const title = (heading[2] ?? '').replace(/[ \t]+#+$/, '').trim();
      if (fields.length > 0 || SAMPLE_HEADING.test(title)) break; // the template ends here
      if (TEMPLATE_HEADING.test(title) && !/\b(name|title)\b/i.test(title)) templateHeadingLevel = level;
      else levels.push(level);
      continue;
    }
    const item = TOP_ITEM.exec(line);
    if (item) {
      current = undefined;
      const labelled = LABEL_LINE.exec(item[3]!);
      if (!labelled) continue;
      const label = labelled[1]!.replace(/^(\*\*|__)|(\*\*|__)$/g, '').trim();
      const rest = labelled[2]!.replace(/^(\*\*|__)/, '').trim();
      if (!isLabel(label) || rest.startsWith('//')) continue;
      current = { label, rest, marker: item[1] as RawField['marker'], gap: item[2]!, subItems: [] };
      fields.push(current);
      continue;
    }
    const sub = SUB_ITEM.exec(line);
    if (sub && current) current.subItems.push(sub[1]!.trim());
  }
  return { levels, templateHeadingLevel, fields };
}

function isLabel(label: string): boolean {
  return label.length > 0 && label.length <= 60 && /\p{L}/u.test(label) && !/[/\\`[\]]/.test(label);
}

function headingLevels(scanned: ScannedTemplate): { projectLevel: number | null; ideaLevel: number } {
  const distinct = [...new Set(scanned.levels)];
  const ideaLevel = scanned.levels[scanned.levels.length - 1];
  if (ideaLevel === undefined) {
    return { projectLevel: null, ideaLevel: (scanned.templateHeadingLevel ?? 3) + 1 };
  }
  const above = distinct.filter((l) => l < ideaLevel);
  if (above.length > 0) return { projectLevel: Math.max(...above), ideaLevel };
  // 2019: `### Template` then `#### Title` — the Template heading stands where a project would.
  const t = scanned.templateHeadingLevel;
  return { projectLevel: t !== undefined && t === ideaLevel - 1 ? t : null, ideaLevel };
}

function slugKey(label: string): FieldKey {
  return label
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function buildField(key: FieldKey, raw: RawField): TemplateField {
  const required = !ADMIN_KEYS.has(key);
  const hints: string[] = [];
  const placeholders: string[] = [];
  if (raw.rest) {
    hints.push(raw.rest);
    const inner = unwrapParens(raw.rest);
    placeholders.push(...(inner !== raw.rest ? [inner, raw.rest] : [raw.rest]));
  }
  for (const item of raw.subItems) {
    const { entry, tail } = splitRole(item);
    placeholders.push(entry);
    if (tail && tail.split(/\s+/).length >= 3) hints.push(tail); // a note, not a role like `primary`
  }
  const choices = key === 'size' || key === 'difficulty' ? choicesOf(raw.rest) : undefined;
  return {
    key,
    label: raw.label,
    required,
    ...(hints.length > 0 ? { hint: hints.join(' ') } : {}),
    ...(choices ? { choices } : {}),
    ...(placeholders.length > 0 ? { placeholders: [...new Set(placeholders)] } : {}),
  };
}

function mentorSpec(raw: RawField): MentorSpec {
  const texts = [raw.rest, ...raw.subItems];
  const email = texts.some((t) => EMAIL.test(t) || /\be-?mail\b/i.test(t));
  let min = raw.subItems.length >= 2 ? raw.subItems.length : 1;
  for (const m of raw.rest.matchAll(/at least (\d+|two|three) mentors/gi)) {
    const n = m[1]!.toLowerCase() === 'two' ? 2 : m[1]!.toLowerCase() === 'three' ? 3 : Number(m[1]);
    if (n > min) min = n;
  }
  return { layout: raw.subItems.length > 0 ? 'sublist' : 'inline', email, min };
}

/** `Jane Doe (@jane, jane@x.org) - primary` → entry `Jane Doe (@jane, jane@x.org)`, tail `primary`. */
function splitRole(item: string): { entry: string; tail: string } {
  const close = item.lastIndexOf(')');
  const dash = close >= 0 ? item.slice(close + 1).match(/^\s+[-–—]\s+(.*)$/) : null;
  if (!dash) return { entry: item.trim(), tail: '' };
  return { entry: item.slice(0, close + 1).trim(), tail: dash[1]!.trim() };
}

function unwrapParens(text: string): string {
  const t = text.trim();
  return t.startsWith('(') && t.endsWith(')') ? t.slice(1, -1).trim() : t;
}

/**
 * Allowed values named by a placeholder or comment: `Easy, Medium, or Hard`, `175 or 350 Hours`
 * (the unit belongs to every number), `# one of small (~90 hour projects), medium (…) and large (…)`.
 */
export function choicesOf(text: string): string[] | undefined {
  const t = unwrapParens(text.replace(/^#+\s*/, ''))
    .replace(/^(one of|either)\s+/i, '')
    .replace(/[.;]\s*$/, '');
  if (!t) return undefined;
  const pieces = splitOutsideParens(t)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length < 2 || pieces.some((p) => p.split(/\s+/).length > 5)) return undefined;
  const last = pieces[pieces.length - 1]!;
  const unit = /^\d+\s+(.+)$/.exec(last)?.[1];
  if (unit && pieces.slice(0, -1).every((p) => /^\d+$/.test(p))) {
    return pieces.map((p) => (/^\d+$/.test(p) ? `${p} ${unit}` : p));
  }
  return pieces;
}

const SEPARATOR = /,\s*(?:or|and)\s+|,\s*|\s+(?:or|and)\s+|\//iy;

/** Split on `,`, ` or `, ` and ` (and `, or`) outside parentheses. */
function splitOutsideParens(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    SEPARATOR.lastIndex = i;
    const sep = c === ',' || c === ' ' || c === '/' ? SEPARATOR.exec(text) : null;
    if (sep) {
      pieces.push(text.slice(start, i));
      start = i + sep[0].length;
      i = start - 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

/** Empty, `(…)`, a `# comment`, a list of choices or a made-up mentor: not a real value. */
function isPlaceholderText(rest: string): boolean {
  const t = rest.trim();
  if (!t || t.startsWith('#') || (t.startsWith('(') && t.endsWith(')'))) return true;
  if (/\bor\b/i.test(t) && choicesOf(t)) return true; // `Easy, Medium, or Hard`
  return /\b(name|github|e-?mail|handle)\b/i.test(t) || /@email\./i.test(t);
}

function commonBullet(fields: readonly RawField[]): Template['bullet'] {
  const counts = new Map<string, { marker: RawField['marker']; gap: string; n: number }>();
  for (const f of fields) {
    const k = f.marker + f.gap;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { marker: f.marker, gap: f.gap, n: 1 });
  }
  let best = { marker: '-' as RawField['marker'], gap: ' ', n: 0 };
  for (const c of counts.values()) if (c.n > best.n) best = c; // first seen wins a tie
  return { marker: best.marker, gap: best.gap };
}
