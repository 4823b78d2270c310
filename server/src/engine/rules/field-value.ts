// Values outside the template's choices (Difficulty, project size). Case, trailing punctuation,
// markup and parenthesised notes such as `(~175 hours)` do not count as differences.
import { editDistance } from '../parse/labels';
import { templatedFields } from './field-support';
import { placeholdersIn } from './placeholder';
import type { Rule } from './rule';

const MAX_DISTANCE = 2;

export const fieldValue: Rule = {
  id: 'field-value',
  defaultSeverity: 'warning',
  description: "A value is not one of the template's choices.",
  fixable: false,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    for (const [field, templateField] of templatedFields(doc, template)) {
      const choices = templateField?.choices;
      if (!templateField || !choices?.length || field.value === '' || field.subItems.length > 0) continue;
      // A placeholder left in the value is placeholder's finding, not a wrong choice.
      if (placeholdersIn(doc.text, field, templateField).length) continue;
      // A value that clearly means one choice (`350h`, `Large (~350 hours)`, `medium`) is fine (FINDINGS-POLICY).
      const meant = choicesMeant(field.value, choices);
      if (meant.length === 1 || (meant.length === 0 && isAllowed(field.value, choices))) continue;
      const list = choices.map((c) => `"${c}"`).join(', ');
      context.report({
        span: field.valueSpan,
        message:
          meant.length > 1
            ? `"${field.label}" names ${meant.length} choices (${meant.map((c) => `"${c}"`).join(', ')}): pick one of ${list}.`
            : `Use one of the template's values for "${field.label}": ${list}.`,
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

/** Words that say nothing about which choice is meant. */
const UNITS = new Set(['hours', 'hour', 'hrs', 'hr', 'h', 'or', 'and', 'project', 'projects', 'size']);

/**
 * The choices a value names: by a number it shares with the choice (`350h` → `350 Hours`), by the
 * words of the choice (`Large (~350 hours)` → `Large`), or by being a slip of the pen away from one.
 * `large (~175 hour projects)` names two: large by its word, medium by its hours.
 */
export function choicesMeant(value: string, choices: readonly string[]): string[] {
  const numbers = new Set(value.match(/\d+/g) ?? []);
  const words = new Set((value.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !UNITS.has(w)));
  const wanted = core(value);
  return choices.filter((choice) => {
    const own = choice.match(/\d+/g) ?? [];
    if (own.some((n) => numbers.has(n))) return true;
    const choiceWords = (choice.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !UNITS.has(w));
    if (choiceWords.length && choiceWords.every((w) => words.has(w))) return true;
    return wanted.length >= 3 && editDistance(wanted, core(choice), MAX_DISTANCE) <= MAX_DISTANCE;
  });
}
