// Template placeholder text left in a value: the template's own placeholders for that field,
// `TODO`/`TBD`, and `<your name>`-style angle placeholders. Only the author can fill them in.
import type { Field, Span } from '../parse/model';
import { INSERTED_PLACEHOLDERS } from '../template/inserted';
import type { TemplateField } from '../template/types';
import { templatedFields } from './field-support';
import type { Rule } from './rule';

export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'warning',
  description: 'A value still holds placeholder text from the template.',
  fixable: false,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    for (const [field, templateField] of templatedFields(doc, template)) {
      // A field the admins fill in after selection (`LFX URL: TBD`) is theirs to finish, not the author's.
      if (templateField && !templateField.required && ADMIN_FILLED.has(templateField.key)) continue;
      for (const found of placeholdersIn(doc.text, field, templateField)) {
        context.report({
          span: found.span,
          message: `Replace the placeholder "${found.text}" in "${field.label}" with the real value.`,
        });
      }
    }
  },
};

const ADMIN_FILLED: ReadonlySet<string> = new Set(['lfx_url', 'mentee']);

interface Found {
  readonly text: string;
  readonly span: Span;
}

/** HTML elements people write in values; `<br>` is markup, not a placeholder. */
const HTML_TAGS = new Set(
  'a abbr b br code del details div em i img ins kbd li ol p pre s small span strong sub summary sup table td th tr u ul hr'.split(' '),
);
const MARKERS = /\b(?:TODO|TBD)\b/g;
const ANGLE = /<([^<>\r\n]{1,60})>/g;

export function placeholdersIn(text: string, field: Field, templateField: TemplateField | undefined): Found[] {
  const start = field.valueSpan.start;
  // Code spans are code: `Vec<T>` and `TODO` inside backticks are not placeholders.
  const value = text.slice(start, field.valueSpan.end).replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
  const lower = value.toLowerCase();
  const found: Found[] = [];
  const taken: Span[] = [];
  const add = (at: number, length: number) => {
    const span = { start: start + at, end: start + at + length };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) return;
    taken.push(span);
    found.push({ text: text.slice(span.start, span.end), span });
  };
  // Longest first, so `(2-5+ sentences)` wins over `2-5+ sentences`.
  // The editor's own (a new idea's `Name (@handle)`) are placeholders too.
  const inserted = field.key === 'mentors' ? INSERTED_PLACEHOLDERS.mentorTexts : [];
  const own = [...(templateField?.placeholders ?? []), ...inserted].sort((a, b) => b.length - a.length);
  for (const p of own) {
    const wanted = p.toLowerCase();
    for (let at = lower.indexOf(wanted); wanted && at >= 0; at = lower.indexOf(wanted, at + wanted.length)) add(at, wanted.length);
  }
  for (const m of value.matchAll(MARKERS)) add(m.index, m[0].length);
  for (const m of value.matchAll(ANGLE)) if (isAnglePlaceholder(m[1]!)) add(m.index, m[0].length);
  return found.sort((a, b) => a.span.start - b.span.start);
}

function isAnglePlaceholder(inner: string): boolean {
  const s = inner.trim();
  if (s === '...' || s === '…') return true;
  if (!/^\p{L}/u.test(s)) return false; // `</div>`, `<!-- -->`, `<3`
  if (/:\/\/|@|=|^mailto:|^https?:/i.test(s)) return false; // autolinks, e-mails, attributes
  const tag = /^([a-z][a-z0-9-]*)(?:[\s/]|$)/i.exec(s)?.[1]?.toLowerCase();
  return !(tag && HTML_TAGS.has(tag));
}
