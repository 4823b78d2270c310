// A known field written another way than the template writes it: another spelling (`Mentors`,
// `Metor(s)`), bold (`**Description:**`) or no colon. The fix rewrites just the label and its markup.
import type { Fix } from '../findings/findings';
import type { Field, IdeaDocument } from '../parse/model';
import { labelRelation } from '../parse/labels';
import { templatedFields } from './field-support';
import type { Rule } from './rule';

export const fieldLabel: Rule = {
  id: 'field-label',
  defaultSeverity: 'warning',
  description: 'A field label is spelt or marked up differently from the template.',
  fixable: true,
  structural: true,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    for (const [field, wanted] of templatedFields(doc, template)) {
      if (!wanted) continue;
      const colon = colonAfter(doc.text, field);
      const relation = labelRelation(field.label, wanted.label);
      if (relation === 'synonym') {
        // Other words for the field: the author's choice, and renaming it would change what they wrote.
        context.report({
          span: field.labelSpan,
          message: `"${field.label}" is read as the template's "${wanted.label}" field.`,
          atMost: 'info',
          once: 'synonym',
        });
        continue;
      }
      const problems: string[] = [];
      if (relation !== 'same') problems.push(`write "${wanted.label}", not "${field.label}"`);
      // A free-form template (the file's own convention) says nothing of markup.
      if (!template.freeForm) {
        if (relation !== 'typo' && field.bold) problems.push('drop the bold markers');
        if (!field.hasColon) problems.push('add a colon after the label');
        else if (colon !== ':') problems.push(`use ":" after the label, not "${colon}"`);
      }
      if (!problems.length) continue;
      const fix = labelFix(doc, field, wanted.label);
      const slip = relation === 'typo';
      context.report({
        span: field.labelSpan,
        message: `Label this field as the template does: ${problems.join(', ')}.`,
        ...(fix ? { fix } : {}),
        // A typo is worth a reviewer's time; a variant or markup the file may use throughout is a note, once.
        ...(slip ? {} : { atMost: 'info' as const, once: relation === 'same' ? 'markup' : 'variant' }),
      });
    }
  },
};

/** The colon written after the label (`:` or a full-width `：`), or '' when none. */
function colonAfter(text: string, field: Field): string {
  return /^[ \t]*(?:\*\*|__)?[ \t]*([:：])/.exec(text.slice(field.labelSpan.end, field.labelSpan.end + 8))?.[1] ?? '';
}

/**
 * Replace the label with its markup (`**Mentors:**`, `Mentors :`, a lone `Mentors`) by `Label:`.
 * No fix when the bold run does not close right at the label (`**Description: the whole value**`).
 */
function labelFix(doc: IdeaDocument, field: Field, label: string): Fix | undefined {
  const text = doc.text;
  let start = field.labelSpan.start;
  let end = field.labelSpan.end;
  let boldMarker = '';
  if (field.bold) {
    const open = /(\*\*|__)[ \t]*$/.exec(text.slice(Math.max(0, start - 8), start));
    if (!open) return undefined;
    boldMarker = open[1]!;
    start -= open[0].length;
  }
  const rest = text.slice(end, end + 16);
  if (field.bold) {
    // `**Label:**`, `**Label**:`, `**Label** :`, or a lone `**Label**`.
    const m = /^[ \t]*(?:[:：][ \t]*(\*\*|__)|(\*\*|__)(?:[ \t]*[:：])?)/.exec(rest);
    if (!m || (m[1] ?? m[2]) !== boldMarker) return undefined;
    end += m[0].length;
  } else {
    end += /^[ \t]*[:：]/.exec(rest)?.[0].length ?? 0;
  }
  const next = text[end];
  const newText = `${label}:${next !== undefined && !/\s/.test(next) ? ' ' : ''}`;
  if (text.slice(start, end) === newText) return undefined;
  return { title: `Change the label to "${label}:"`, edits: [{ span: { start, end }, newText }] };
}
