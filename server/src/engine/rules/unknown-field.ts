// Labels the template does not have. A label we cannot place at all that is a slip away from
// exactly one template label is a typo (a warning, fixed to it); a field the template simply lacks
// (`Stretch goals`) is a note once per file.
import { editDistance, normaliseLabel } from '../parse/labels';
import type { Template, TemplateField } from '../template/types';
import { keyOf, templateFieldOf } from './field-support';
import type { Rule } from './rule';

const MAX_DISTANCE = 2;
/** Fields admins add to an idea after selection, and a primary mentor named apart: at home in any idea file. */
const ADMIN_KEYS: ReadonlySet<string> = new Set(['lfx_url', 'mentee', 'primary_mentor']);

export const unknownField: Rule = {
  id: 'unknown-field',
  defaultSeverity: 'warning',
  description: 'A field label the template does not have.',
  fixable: true,
  structural: true,
  scope: 'idea',
  check(context) {
    const { template } = context;
    const known = template.fields.map((f) => f.label).join(', ');
    for (const idea of context.doc.ideas) {
      for (const field of idea.fields) {
        const key = keyOf(template, field);
        if (key !== null) {
          if (templateFieldOf(template, key) || ADMIN_KEYS.has(key)) continue;
          // A field the template lacks (a size, a difficulty): extra information no admin objects to.
          context.report({
            span: field.labelSpan,
            message: `"${field.label}" is not a field of the ${template.name} (its fields are ${known}).`,
            atMost: 'info',
            once: 'extra',
          });
          continue;
        }
        const nearest = nearestLabel(template, field.label);
        if (nearest) {
          context.report({
            span: field.labelSpan,
            message: `Unknown field "${field.label}": did you mean "${nearest.label}"?`,
            fix: { title: `Change to "${nearest.label}"`, edits: [{ span: field.labelSpan, newText: nearest.label }] },
          });
          continue;
        }
        context.report({
          span: field.labelSpan,
          message: `"${field.label}" is not a field of the ${template.name} (its fields are ${known}).`,
          atMost: 'info',
          once: 'extra',
        });
      }
    }
  },
};

/** The one template label within a couple of edits of `label`; undefined when none or several. */
function nearestLabel(template: Template, label: string): TemplateField | undefined {
  const wanted = normaliseLabel(label);
  let best: TemplateField | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  let tie = false;
  for (const field of template.fields) {
    const d = editDistance(wanted, normaliseLabel(field.label), MAX_DISTANCE);
    if (d < bestDistance) {
      best = field;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = tie || best?.label !== field.label;
  }
  return best && bestDistance <= MAX_DISTANCE && !tie ? best : undefined;
}
