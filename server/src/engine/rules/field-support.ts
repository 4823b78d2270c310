// Helpers shared by the field rules (missing-field, field-label, field-order, list-marker…).
import type { RelatedInformation } from '../findings/findings';
import { normaliseLabel } from '../parse/labels';
import type { Field, FieldKey, Idea, IdeaDocument, Span } from '../parse/model';
import type { Template, TemplateField } from '../template/types';
import { partitionPoint } from '../sorted';

/** Every field of every idea, with the template field it is (undefined when the template has none). */
export function* templatedFields(doc: IdeaDocument, template: Template): Generator<readonly [Field, TemplateField | undefined]> {
  for (const idea of doc.ideas) for (const field of idea.fields) yield [field, templateFieldOf(template, keyOf(template, field))];
}

interface TemplateIndex {
  /** The first position of each key, and the key of each normalised label. */
  readonly position: ReadonlyMap<FieldKey, number>;
  readonly byLabel: ReadonlyMap<string, FieldKey>;
}

const INDEXES = new WeakMap<Template, TemplateIndex>();

/** The template's fields by key and label, built once: a search per field was quadratic (a template of 3,000 fields). */
function indexOf(template: Template): TemplateIndex {
  let index = INDEXES.get(template);
  if (!index) {
    const position = new Map<FieldKey, number>();
    const byLabel = new Map<string, FieldKey>();
    template.fields.forEach((f, i) => {
      if (!position.has(f.key)) position.set(f.key, i);
      const label = normaliseLabel(f.label);
      if (!byLabel.has(label)) byLabel.set(label, f.key);
    });
    INDEXES.set(template, (index = { position, byLabel }));
  }
  return index;
}

export function templateFieldOf(template: Template, key: FieldKey | null): TemplateField | undefined {
  const i = templateIndexOf(template, key);
  return i < 0 ? undefined : template.fields[i];
}

/** Position of the key in the template's field order, or -1. */
export function templateIndexOf(template: Template, key: FieldKey | null): number {
  return key === null ? -1 : (indexOf(template).position.get(key) ?? -1);
}

/** The line break that ends the line holding `offset`, else the file's first one, else `\n`. */
/**
 * Where a finding about a field's value goes: its label, or, in a table row (whose label is its
 * column's header, shared by every row), its cell.
 */
export function valuePlace(idea: Idea, field: Field): Span {
  return idea.syntax === 'table-row' ? field.valueSpan : field.labelSpan;
}

export function lineBreakAt(text: string, offset: number): string {
  const found = /\r\n|\r|\n/.exec(text.slice(offset)) ?? /\r\n|\r|\n/.exec(text);
  return found ? found[0] : '\n';
}

export function relatedAt(doc: IdeaDocument, span: Span, message: string): RelatedInformation {
  return { range: { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) }, message };
}

export function lineOf(doc: IdeaDocument, offset: number): number {
  return doc.lines.positionAt(offset).line;
}

/** Shows white space the way a user can read it in a message: `-\t`, `- `. */
export function showMarker(marker: string): string {
  return marker.replace(/\t/g, '\\t');
}

/**
 * The gap (white space after the marker) the idea's template-marker fields use most; on a tie
 * the template's own gap, else the first one written. Undefined when no field uses the marker.
 */
export function ideaGap(idea: Idea, template: Template): string | undefined {
  const counts = new Map<string, number>();
  for (const f of idea.fields) if (f.bullet === template.bullet.marker) counts.set(f.markerGap, (counts.get(f.markerGap) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && gap === template.bullet.gap)) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The field's key as the template sees it: the parser's key, or, for a label the parser does not
 * know, the template field written with exactly that label (file templates may add their own fields).
 */
export function keyOf(template: Template, field: Field): FieldKey | null {
  if (field.key !== null) return field.key;
  return keyOfLabel(template, normaliseLabel(field.label));
}

/** The key of the template field written with this label (already `normaliseLabel`d), or null. */
export function keyOfLabel(template: Template, normalisedLabel: string): FieldKey | null {
  return indexOf(template).byLabel.get(normalisedLabel) ?? null;
}

/**
 * The whole lines a field item occupies: from the start of its first line to after the line break
 * of its last (trailing white space included). Ends at the text's end when the last line has no break.
 */
export function fieldLines(doc: IdeaDocument, field: Field): Span {
  const first = lineOf(doc, field.itemSpan.start);
  let end = field.itemSpan.end;
  while (end > field.itemSpan.start && /[\r\n]/.test(doc.text[end - 1]!)) end--;
  const last = lineOf(doc, end);
  return { start: doc.lines.lineStart(first), end: last + 1 < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length };
}

const SORTED = new WeakMap<readonly { span: Span }[], readonly { span: Span }[]>();

/**
 * The items (an idea's mentors, issues) wholly inside `span`, in order. A binary search in the
 * items sorted by start: filtering all of an idea's mentors for each of its fields was quadratic
 * (100k `Mentor(s):` fields in one idea took minutes).
 */
export function itemsWithin<T extends { span: Span }>(items: readonly T[], span: Span): T[] {
  let sorted = SORTED.get(items) as readonly T[] | undefined;
  if (!sorted) {
    const ordered = items.every((x, i) => i === 0 || items[i - 1]!.span.start <= x.span.start);
    sorted = ordered ? items : [...items].sort((a, b) => a.span.start - b.span.start);
    SORTED.set(items, sorted);
  }
  const lo = partitionPoint(sorted.length, (i) => sorted[i]!.span.start < span.start);
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.span.start <= span.end; i++) if (sorted[i]!.span.end <= span.end) out.push(sorted[i]!);
  return out;
}
