// Values outside the template's choices (Difficulty, project size). Case, trailing punctuation,
// markup and parenthesised notes such as `(~175 hours)` do not count as differences.
import { editDistance } from '../labels';
import { templatedFields } from './field-support';
import { placeholdersIn } from './placeholder';
import type { Rule } from './rule';

const MAX_DISTANCE = 2;

export const fieldValue: Rule = {
  id: 'field-value',
  defaultSeverity: 'warning',
  description: "A value is not one of the template's choices.",
  fixable: true,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    for (const [field, templateField] of templatedFields(doc, template)) {
      const choices = templateField?.choices;
      if (!templateField || !choices?.length || field.value === '' || field.subItems.length > 0) continue;
      // A placeholder left in the value is placeholder's finding, not a wrong choice.
      if (placeholdersIn(doc.text, field, templateField).length) continue;
      if (isAllowed(field.value, choices)) continue;
      const nearest = nearestChoice(field.value, choices);
      const list = choices.map((c) => `"${c}"`).join(', ');
      context.report({
        span: field.valueSpan,
        message: nearest
          ? `Write "${nearest}" for "${field.label}": the template allows ${list}.`
          : `Use one of the template's values for "${field.label}": ${list}.`,
        ...(nearest ? { fix: { title: `Change to "${nearest}"`, edits: [{ span: field.valueSpan, newText: nearest }] } } : {}),
      });
    }
  },
};

/** Lower case, no markup, no parenthesised notes, `hrs`/`hour` → `hours`, no trailing punctuation. */
function core(value: string): string {
  return value
    .toLowerCase()
    .replace(/[*_`~]/g, '')
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\b(?:hours?|hrs?)\b/g, 'hours')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!]+$/, '')
    .trim();
}

/** The value itself and each parenthesised note in it, reduced to their cores. */
function readings(value: string): string[] {
  const out = [core(value)];
  for (const m of value.matchAll(/\(([^()]*)\)/g)) out.push(core(m[1]!));
  return out.filter(Boolean);
}

function isAllowed(value: string, choices: readonly string[]): boolean {
  const cores = new Set(choices.map(core));
  return readings(value).some((r) => cores.has(r));
}

/** The one choice the value clearly means: a slip of the pen away, or the only one with its number. */
function nearestChoice(value: string, choices: readonly string[]): string | undefined {
  const numbers = new Set(value.match(/\d+/g) ?? []);
  if (numbers.size === 1) {
    const [n] = numbers;
    const withNumber = choices.filter((c) => c.match(/\d+/g)?.includes(n!) === true);
    return withNumber.length === 1 ? withNumber[0] : undefined;
  }
  if (numbers.size > 1) return undefined;
  const wanted = core(value);
  if (wanted.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = MAX_DISTANCE + 1;
  let tie = false;
  for (const choice of choices) {
    const d = editDistance(wanted, core(choice), MAX_DISTANCE);
    if (d < bestDistance) {
      best = choice;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= MAX_DISTANCE && !tie ? best : undefined;
}
