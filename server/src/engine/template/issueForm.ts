// A GitHub issue form (`.github/ISSUE_TEMPLATE/*.yml`) as a template (issue 12): organisations that
// take project ideas as issues (IOOS' `gsoc-project-proposal.yml`, CNCF's LFX proposal form) state
// their fields there. Its labels are the fields, `validations.required` says which are required,
// dropdown `options` are the choices, `placeholder` is placeholder text, `description` the hover
// text, and a limit the description states unambiguously ("max 300 characters", "(5 sentences
// maximum)") becomes a check. A form that is not one (broken YAML, an unknown field type, no body)
// is refused with a reason: the next template source is used.
import { isMap, isSeq, parseDocument } from 'yaml';
import { fieldKeyOf, normaliseLabel } from '../parse/labels';
import type { FieldLimit, Template, TemplateField } from './types';

/** Field types GitHub's issue forms have; `markdown` is text shown on the form, no field. */
const FIELD_TYPES = new Set(['input', 'textarea', 'dropdown', 'checkboxes']);
const KNOWN_TYPES = new Set([...FIELD_TYPES, 'markdown']);
/** A form longer than this is no form (GitHub's are a few KB). */
const MAX_FORM = 256_000;

export type FormResult = { readonly template: Template } | { readonly problem: string };

/** Words in a form's name, title, description or labels that say it takes project ideas. */
const IDEA_FORM = /\b(?:gsoc|lfx|mentor(?:ship|ing)?|summer of code|project[ -]idea|proposal|outreachy)\b/i;

/** True when the form's name, title, description or labels say it takes project ideas (read without composing it). */
export function looksLikeIdeaForm(text: string, fileName: string): boolean {
  if (IDEA_FORM.test(fileName.replace(/[-_.]/g, ' '))) return true;
  const head = text.slice(0, 4000).split(/\r\n|\r|\n/).filter((l) => /^(?:name|title|description|labels)\s*:/.test(l));
  return head.some((l) => IDEA_FORM.test(l.replace(/[-_]/g, ' ')));
}

/** The form's template, or why it is none. Never throws. */
export function templateFromIssueForm(text: string, uri: string): FormResult {
  if (text.length > MAX_FORM) return { problem: `is no issue form (${text.length} characters, more than ${MAX_FORM})` };
  let doc: ReturnType<typeof parseDocument>;
  try {
    // Aliases are expanded by toJS only up to a count, so an alias bomb is refused, not followed.
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { problem: `cannot be read (${String((error as Error)?.message ?? error)})` };
  }
  let form: unknown;
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const recovered = recoverForm(text);
    if ('problem' in recovered) return { problem: `is not valid YAML (line ${lineAt(text, e.pos[0])}: ${e.message.split(/\r\n|\r|\n/)[0]})` };
    form = recovered.form;
  } else {
    try {
      form = isMap(doc.contents) || isSeq(doc.contents) ? doc.toJS({ maxAliasCount: MAX_ALIASES }) : doc.toJS();
    } catch (error) {
      return { problem: `cannot be read (${String((error as Error)?.message ?? error).split(/\r\n|\r|\n/)[0]})` };
    }
  }
  if (!form || typeof form !== 'object' || Array.isArray(form)) return { problem: 'is no issue form (not a mapping of name, description and body)' };
  const record = form as Record<string, unknown>;
  const body = record.body;
  if (!Array.isArray(body) || body.length === 0) return { problem: 'is no issue form (it has no `body` list of fields)' };
  const fields: TemplateField[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    const element = body[i] as Record<string, unknown> | null;
    const type = element && typeof element === 'object' ? element.type : undefined;
    if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
      return { problem: `is no issue form GitHub accepts (body item ${i + 1} has ${typeof type === 'string' ? `the unknown type '${type}'` : 'no type'}; types are ${[...KNOWN_TYPES].join(', ')})` };
    }
    if (!FIELD_TYPES.has(type)) continue;
    const attributes = (element!.attributes ?? {}) as Record<string, unknown>;
    const label = typeof attributes.label === 'string' ? attributes.label.trim() : '';
    if (!label) return { problem: `is no issue form GitHub accepts (body item ${i + 1}, a ${type}, has no label)` };
    const known = fieldKeyOf(label);
    // Two fields one key would mean (`Mentor Name(s)`, `Mentor GitHub Handle(s)`): the second by its label.
    const key = known && !keys.has(known) ? known : `label:${normaliseLabel(label)}`;
    keys.add(key);
    const validations = (element!.validations ?? {}) as Record<string, unknown>;
    const description = typeof attributes.description === 'string' ? attributes.description.trim() : '';
    const placeholder = typeof attributes.placeholder === 'string' ? attributes.placeholder.trim() : '';
    const options = type === 'dropdown' && Array.isArray(attributes.options) ? attributes.options.map((o) => String(o ?? '').trim()).filter(Boolean) : [];
    const limit = limitOf(description);
    fields.push({
      key,
      label,
      required: validations.required === true,
      ...(description ? { hint: description } : {}),
      ...(options.length ? { choices: options } : {}),
      ...(placeholder ? { placeholders: [placeholder] } : {}),
      ...(limit ? { limit } : {}),
    });
  }
  if (!fields.length) return { problem: 'is no template (its body has no input, textarea, dropdown or checkboxes field)' };
  const name = typeof record.name === 'string' && record.name.trim() ? record.name.trim() : uri.slice(uri.lastIndexOf('/') + 1);
  const mentorFields = fields.filter((f) => /mentor/i.test(f.label));
  return {
    template: {
      id: `form:${uri}`,
      name: `issue form '${name}'`,
      projectLevel: null,
      ideaLevel: 3,
      fields,
      bullet: { marker: '-', gap: ' ' },
      mentors: { layout: 'inline', email: mentorFields.some((f) => /e-?mail/i.test(f.label)), min: 0, handles: mentorFields.some((f) => /github|handle/i.test(f.label)) },
      // A form says which fields an idea has, not how a list writes them.
      freeForm: true,
    },
  };
}

const MAX_ALIASES = 100;

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/**
 * GitHub reads some forms the YAML library refuses: a `markdown` element's multi-line quoted text
 * whose lines are not indented past its key (IOOS' form). Each body element is read on its own then:
 * a `markdown` element that cannot be read is skipped (it holds no field); any other error is the form's.
 */
function recoverForm(text: string): { form: Record<string, unknown> } | { problem: true } {
  const bodyLine = /^body[ \t]*:[ \t]*$/m.exec(text);
  if (!bodyLine) return { problem: true };
  const headDoc = parseDocument(text.slice(0, bodyLine.index), { prettyErrors: false, uniqueKeys: false });
  if (headDoc.errors.length || !isMap(headDoc.contents)) return { problem: true };
  const rest = text.slice(bodyLine.index + bodyLine[0].length);
  const first = /^([ \t]*)-(?=[ \t]|$)/m.exec(rest);
  if (!first) return { problem: true };
  const itemStart = new RegExp(`^${first[1]}-(?=[ \\t]|$)`, 'gm');
  const starts = [...rest.matchAll(itemStart)].map((m) => m.index!);
  const body: unknown[] = [];
  for (let i = 0; i < starts.length; i++) {
    const chunk = rest.slice(starts[i], starts[i + 1] ?? rest.length);
    const item = parseDocument(chunk, { prettyErrors: false, uniqueKeys: false });
    if (item.errors.length) {
      if (/^[ \t-]*type[ \t]*:[ \t]*["']?markdown\b/m.test(chunk)) continue;
      return { problem: true };
    }
    try {
      const value = item.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
      if (Array.isArray(value)) body.push(...value);
    } catch {
      return { problem: true };
    }
  }
  try {
    return { form: { ...(headDoc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>), body } };
  } catch {
    return { problem: true };
  }
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const COUNT = '(\\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten)';
const UNIT = '(characters?|chars?|words?|sentences?)';

/**
 * A limit the description states unambiguously: `max 300 characters`, `at most 5 sentences`,
 * `(5 sentences maximum)`, `300 characters max`, `no more than 50 words`, `up to 3 sentences`.
 * Two different limits for one unit, or a range, are no limit.
 */
export function limitOf(description: string): FieldLimit | undefined {
  const text = description.replace(/[*_`]/g, '');
  const found: FieldLimit[] = [];
  const before = new RegExp(`\\b(?:max(?:imum)?\\.?(?:\\s+of)?|at most|no more than|up to|not (?:more|longer) than|limit(?:ed)? to|under)\\s+${COUNT}\\s+${UNIT}\\b`, 'gi');
  const after = new RegExp(`\\b${COUNT}\\s+${UNIT}\\s+(?:max(?:imum)?|at most|or (?:less|fewer))\\b`, 'gi');
  for (const re of [before, after]) {
    for (const m of text.matchAll(re)) {
      const count = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!;
      const unit = m[2]!.toLowerCase().replace(/^chars?$/, 'characters').replace(/s?$/, 's') as FieldLimit['unit'];
      if (count > 0) found.push({ count, unit });
    }
  }
  if (!found.length) return undefined;
  // Any other count of a unit in the text (`or 300 characters`) makes the limit unclear.
  for (const m of text.matchAll(new RegExp(`\\b${COUNT}\\s+${UNIT}\\b`, 'gi'))) {
    const count = /^\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!;
    const unit = m[2]!.toLowerCase().replace(/^chars?$/, 'characters').replace(/s?$/, 's');
    if (count !== found[0]!.count || unit !== found[0]!.unit) return undefined;
  }
  if (found.some((f) => f.unit === found[0]!.unit && f.count !== found[0]!.count) || new Set(found.map((f) => f.unit)).size > 1) return undefined;
  return found[0];
}
