// A value longer than the template says it may be (an issue form's description: "max 300
// characters", "(5 sentences maximum)"). Only limits stated unambiguously are checked (issueForm.ts).
import type { FieldLimit, Template } from '../template/types';
import { keyOf } from './field-support';
import type { Rule } from './rule';

export const fieldLength: Rule = {
  id: 'field-length',
  defaultSeverity: 'warning',
  description: 'A value is longer than the limit the template states.',
  fixable: false,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    if (!template.fields.some((f) => f.limit)) return;
    for (const idea of doc.ideas) {
      for (const field of idea.fields) {
        const spec = limitedField(template, keyOf(template, field));
        if (!spec?.limit || field.value === '') continue;
        const size = measure(field.value, spec.limit.unit);
        if (size <= spec.limit.count) continue;
        context.report({
          span: field.valueSpan,
          message: `"${field.label}" has ${size} ${spec.limit.unit}; ${template.name} allows at most ${spec.limit.count}. Shorten it.`,
        });
      }
    }
  },
};

function limitedField(template: Template, key: string | null) {
  return key === null ? undefined : template.fields.find((f) => f.key === key);
}

/** Characters as a person counts them (code points, white space runs as one), words, or sentences. */
export function measure(value: string, unit: FieldLimit['unit']): number {
  const text = value.replace(/\s+/g, ' ').trim();
  if (unit === 'characters') return [...text].length;
  if (unit === 'words') return text ? text.split(' ').length : 0;
  // A sentence ends at `.`, `!` or `?` before white space or the end; `e.g.` and `1.5` end none.
  const cleaned = text.replace(/\b(?:e\.g|i\.e|etc|vs|cf|approx)\./gi, '');
  const ends = cleaned.match(/[.!?]+(?=\s|$)/g)?.length ?? 0;
  return text ? ends + (/[.!?]$/.test(cleaned) ? 0 : 1) : 0;
}
