// Fields out of the template's order. The fields to move are the fewest that break the order (those
// off the longest in-order run); the finding sits on the first of them. The fix reorders whole field
// items, byte for byte, when the fields are plain blocks of lines separated by blank lines only.
import type { Fix } from '../findings/findings';
import type { Field, Idea, IdeaDocument, Span } from '../parse/model';
import type { Template } from '../template/types';
import { fieldLines, keyOf, lineBreakAt, templateIndexOf } from './field-support';
import type { Rule } from './rule';

export const fieldOrder: Rule = {
  id: 'field-order',
  defaultSeverity: 'info',
  description: "An idea's fields are not in the template's order.",
  fixable: true,
  structural: true,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    const orderText = template.fields.map((f) => f.label).join(', ');
    for (const idea of doc.ideas) {
      // A repeated field is duplicate-field's finding: order is judged on first occurrences.
      const seen = new Set<number>();
      const ordered = idea.fields
        .map((field) => ({ field, index: templateIndexOf(template, keyOf(template, field)) }))
        .filter((f) => f.index >= 0 && !seen.has(f.index) && seen.add(f.index) !== undefined);
      const repeated = ordered.length < idea.fields.filter((f) => templateIndexOf(template, keyOf(template, f)) >= 0).length;
      const misplaced = outOfOrder(ordered.map((f) => f.index));
      const first = misplaced[0];
      if (first === undefined) continue;
      const field = ordered[first]!.field;
      // Moving one of two copies of a field would be a guess.
      const fix = repeated ? undefined : reorderFix(doc, template, idea);
      context.report({
        span: field.labelSpan,
        message: `Move "${field.label}" to its place in the template's order: ${orderText}.`,
        ...(fix ? { fix } : {}),
        // The same order in several ideas is the file's habit: one note.
        once: field.label,
      });
    }
  },
};

/** Positions (into `indices`) not on one longest non-decreasing subsequence, in order. */
export function outOfOrder(indices: readonly number[]): number[] {
  const n = indices.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  let bestEnd = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (indices[j]! <= indices[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
    if (bestEnd < 0 || length[i]! > length[bestEnd]!) bestEnd = i;
  }
  const kept = new Set<number>();
  for (let i = bestEnd; i >= 0; i = previous[i]!) kept.add(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (!kept.has(i)) out.push(i);
  return out;
}

/**
 * Fields regrouped in template order: each template field carries the unknown fields written after
 * it. Undefined when a field is not whole lines or anything but blank lines sits between fields.
 */
function reorderFix(doc: IdeaDocument, template: Template, idea: Idea): Fix | undefined {
  const text = doc.text;
  const fields = idea.fields;
  if (fields.length < 2) return undefined;
  const blocks: Span[] = [];
  for (const field of fields) {
    const lines = fieldLines(doc, field);
    const previous = blocks[blocks.length - 1];
    if (previous && (lines.start < previous.end || !/^[ \t\r\n]*$/.test(text.slice(previous.end, lines.start)))) return undefined;
    if (!isWholeLines(text, field, lines)) return undefined;
    blocks.push(lines);
  }
  // Groups: a field with a template place and the unknown ones after it (leading unknowns stay first).
  const groups: Array<{ index: number; blocks: Span[] }> = [];
  fields.forEach((field, i) => {
    const index = templateIndexOf(template, keyOf(template, field));
    const group = groups[groups.length - 1];
    if (index < 0 && group) group.blocks.push(blocks[i]!);
    else groups.push({ index, blocks: [blocks[i]!] });
  });
  const sorted = groups
    .map((g, position) => ({ ...g, position }))
    .sort((a, b) => a.index - b.index || a.position - b.position)
    .flatMap((g) => g.blocks);
  const eol = lineBreakAt(text, blocks[0]!.start);
  const region: Span = { start: blocks[0]!.start, end: blocks[blocks.length - 1]!.end };
  // Every block ends with a line break in the middle of the region; the region keeps its own ending.
  const regionEndsWithBreak = /[\r\n]$/.test(text.slice(region.start, region.end));
  const withBreak = (s: Span) => {
    const t = text.slice(s.start, s.end);
    return /[\r\n]$/.test(t) ? t : t + eol;
  };
  let out = '';
  for (let i = 0; i < sorted.length; i++) {
    out += withBreak(sorted[i]!);
    // Separators (blank lines) stay where they were, between the i-th and the next block.
    if (i + 1 < blocks.length) out += text.slice(blocks[i]!.end, blocks[i + 1]!.start);
  }
  if (!regionEndsWithBreak) out = out.replace(/(?:\r\n|\r|\n)$/, '');
  if (out === text.slice(region.start, region.end)) return undefined;
  return { title: 'Put the fields in template order', edits: [{ span: region, newText: out }] };
}

/** The item starts its first line (after indentation) and ends its last (before trailing white space). */
function isWholeLines(text: string, field: Field, lines: Span): boolean {
  return /^[ \t]*$/.test(text.slice(lines.start, field.itemSpan.start)) && /^[ \t]*(?:\r\n|\r|\n)?$/.test(text.slice(field.itemSpan.end, lines.end));
}
