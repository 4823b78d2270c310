// A field written with a label and nothing after it. Only the author knows the value: no fix.
import type { Field, Idea, IdeaDocument } from '../parse/model';
import { fieldLines, keyOf, valuePlace } from './field-support';
import type { Rule } from './rule';

export const emptyField: Rule = {
  id: 'empty-field',
  defaultSeverity: 'error',
  description: 'A field has a label but no value.',
  fixable: false,
  structural: true,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    for (const idea of doc.ideas) {
      for (const field of idea.fields) {
        // Unknown labels are unknown-field's business: `- Note:` may introduce prose below it.
        if (keyOf(template, field) === null || field.value !== '' || field.subItems.length > 0) continue;
        if (listFollows(doc, idea, field)) continue;
        context.report({
          span: valuePlace(idea, field),
          message: `Fill in "${field.label}": the field has no value.`,
        });
      }
    }
  },
};

/**
 * `The expected outcomes:` then a list that is not fields: the list is the value, written as
 * sibling items (or after a blank line) rather than as a nested sub-list.
 */
function listFollows(doc: IdeaDocument, idea: Idea, field: Field): boolean {
  const { lines, text } = doc;
  for (let line = lines.positionAt(fieldLines(doc, field).end).line; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    if (start >= idea.span.end || start < field.itemSpan.end) return false;
    const content = text.slice(start, lines.lineEnd(line));
    if (!content.trim()) continue;
    if (!/^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(content)) return false;
    return !idea.fields.some((f) => fieldLines(doc, f).start === start);
  }
  return false;
}
