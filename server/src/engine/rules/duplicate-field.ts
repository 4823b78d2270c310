// The same field twice in one idea: which one is meant is a guess, so no fix.
import type { Field } from '../parse/model';
import { keyOf, lineOf, relatedAt } from './field-support';
import type { Rule } from './rule';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  defaultSeverity: 'error',
  description: 'The same field appears twice in one idea.',
  fixable: false,
  scope: 'idea',
  check(context) {
    const { doc } = context;
    for (const idea of doc.ideas) {
      const first = new Map<string, Field>();
      for (const field of idea.fields) {
        const key = keyOf(context.template, field);
        if (key === null) continue;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, field);
          continue;
        }
        context.report({
          span: field.labelSpan,
          message: `"${field.label}" repeats the "${earlier.label}" field of line ${lineOf(doc, earlier.labelSpan.start) + 1}: merge the two into one field.`,
          related: [relatedAt(doc, earlier.labelSpan, `First "${earlier.label}" field of this idea`)],
        });
      }
    }
  },
};
