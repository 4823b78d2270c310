// The same field twice in one idea: which one is meant is a guess, so no fix. A whole field block
// twice is a second idea that lost its heading: reported once, on its first field.
import type { Field } from '../parse/model';
import { keyOf, lineOf, relatedAt } from './field-support';
import type { Rule } from './rule';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  defaultSeverity: 'error',
  description: 'The same field appears twice in one idea.',
  fixable: false,
  structural: true,
  scope: 'idea',
  check(context) {
    const { doc } = context;
    for (const idea of doc.ideas) {
      if (idea.headless && idea.fields[0]) {
        // The idea above repeats its whole field block: one idea lost its heading (parse.ts splits them).
        context.report({
          span: idea.fields[0].labelSpan,
          message: `These fields repeat the whole field block of the idea above: a second idea without a heading of its own. Give it a heading (${'#'.repeat(idea.heading.level)} Title).`,
          atMost: 'warning',
        });
      }
      // Two columns for one field (`Mentor 1 | Mentor 2`) are the table's design, not a slip of one row.
      if (idea.syntax === 'table-row') continue;
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
