// A required template field absent from an idea. The fix inserts an empty field line in template
// order; the user has to fill it in, so it is interactive (never applied by fix-all).
import type { Fix } from '../findings';
import type { Field, Idea, IdeaDocument } from '../model';
import type { Template, TemplateField } from '../template/types';
import { fieldLines, ideaGap, keyOf, lineBreakAt, templateIndexOf } from './field-support';
import type { Rule } from './rule';

export const missingField: Rule = {
  id: 'missing-field',
  defaultSeverity: 'error',
  description: 'A field the template requires is missing from an idea.',
  fixable: true,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    for (const idea of doc.ideas) {
      for (const wanted of template.fields) {
        if (!wanted.required || idea.fields.some((f) => keyOf(template, f) === wanted.key)) continue;
        const fix = insertFieldFix(doc, template, idea, wanted);
        context.report({
          span: idea.heading.textSpan,
          message: `Add the "${wanted.label}" field to this idea: the template requires it.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};

function insertFieldFix(doc: IdeaDocument, template: Template, idea: Idea, wanted: TemplateField): Fix | undefined {
  const text = doc.text;
  const order = templateIndexOf(template, wanted.key);
  // After the last present field that comes earlier in the template, else before the first later one.
  let after: Field | undefined;
  let before: Field | undefined;
  for (const f of idea.fields) {
    const i = templateIndexOf(template, keyOf(template, f));
    if (i >= 0 && i < order) after = f;
    if (i > order && !before) before = f;
  }
  const anchor = after ?? before ?? idea.fields[idea.fields.length - 1];
  if (!anchor) return undefined;
  const lines = fieldLines(doc, anchor);
  const indent = text.slice(lines.start, anchor.itemSpan.start);
  const marker = anchor.bullet === '' ? '' : template.bullet.marker + (ideaGap(idea, template) ?? template.bullet.gap);
  const line = `${/^[ \t]*$/.test(indent) ? indent : ''}${marker}${wanted.label}: `;
  const eol = lineBreakAt(text, anchor.itemSpan.end);
  let at: number;
  let newText: string;
  if (after || !before) {
    at = lines.end;
    // The anchor may be the file's last line, with no line break after it.
    const endsWithBreak = /[\r\n]$/.test(text.slice(lines.start, lines.end));
    newText = endsWithBreak ? line + eol : eol + line;
  } else {
    at = lines.start;
    newText = line + eol;
  }
  return { title: `Insert "${wanted.label}:"`, edits: [{ span: { start: at, end: at }, newText }], interactive: true };
}
