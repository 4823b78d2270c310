// Mentor entries in the template's form: `Name (@handle)`, or `Name (@handle, email)` when the
// template asks for emails, one per sub-list item when it lists mentors that way.
import type { Field, Mentor } from '../model';
import type { Template } from '../template/types';
import { isPersonName, isValidHandle } from '../values';
import type { Rule } from './rule';

export const mentorFormat: Rule = {
  id: 'mentor-format',
  defaultSeverity: 'warning',
  description: "A mentor entry is not written in the template's form (`Name (@handle)`).",
  fixable: true,
  scope: 'idea',
  check({ doc, template, report }) {
    const wanted = template.mentors.email ? 'Name (@handle, email)' : 'Name (@handle)';
    for (const idea of doc.ideas) {
      for (const field of idea.fields) {
        if (field.key !== 'mentors') continue;
        const mentors = idea.mentors.filter((m) => m.span.start >= field.valueSpan.start && m.span.end <= field.valueSpan.end);
        if (template.mentors.layout === 'sublist' && mentors.some((m) => isInline(m, field))) {
          report({
            span: field.inlineValueSpan,
            message: `List each mentor on its own sub-list item under the label (\`  - ${wanted}\`), as the template does.`,
          });
        }
        for (const mentor of mentors) {
          const problem = formProblem(mentor, template);
          if (!problem) continue;
          const newText = rewrite(mentor);
          report({
            span: mentor.span,
            message: `${problem} Write it as \`${wanted}\`.`,
            ...(newText && newText !== mentor.raw ? { fix: { title: `Rewrite as \`${newText}\``, edits: [{ span: mentor.span, newText }] } } : {}),
          });
        }
      }
    }
  },
};

function isInline(mentor: Mentor, field: Field): boolean {
  return mentor.span.start < field.inlineValueSpan.end && !field.subItems.some((s) => mentor.span.start >= s.span.start && mentor.span.end <= s.span.end);
}

/** What is off with the entry, or null when it is in the template's form. */
function formProblem(mentor: Mentor, template: Template): string | null {
  switch (mentor.form) {
    case 'name-handle-email':
      return null;
    case 'name-handle':
      return template.mentors.email ? `Add ${mentor.name ?? 'the mentor'}'s email after the handle.` : null;
    case 'link':
      return 'A mentor is written as a markdown link.';
    case 'link-handle':
      return 'A mentor is written as a linked handle without a name.';
    case 'handle':
      return `\`@${mentor.handle ?? ''}\` has no name.`;
    case 'name':
      return `\`${mentor.name ?? mentor.raw}\` has no GitHub handle.`;
    case 'name-bare-handle':
      return `The handle \`${mentor.handle ?? ''}\` lacks its \`@\`.`;
    default:
      return `The mentor entry \`${oneLine(mentor.raw)}\` is not in the template's form.`;
  }
}

/** The entry in the template's form, only when its name and handle are both certain. */
function rewrite(mentor: Mentor): string | undefined {
  const { name, handle, email, raw } = mentor;
  // `Name (@handle)` where an email is wanted: only the mentor knows it.
  if (mentor.form === 'name-handle') return undefined;
  if (!name || !handle || !isValidHandle(handle) || !isPersonName(name)) return undefined;
  if (/[\r\n]/.test(raw) || name.split(' ').length > 5) return undefined;
  // The name must be written as such in the entry (not pieced together from bits of it).
  if (!raw.includes(name)) return undefined;
  // `Jane Doe (Google)`: a capitalised word in parentheses may be a company, not a handle.
  if (mentor.form === 'name-bare-handle' && /^\p{Lu}\p{Ll}+$/u.test(handle)) return undefined;
  if (mentor.form === 'other' && handleCount(raw) > 1) return undefined;
  return email ? `${name} (@${handle}, ${email})` : `${name} (@${handle})`;
}

/** How many distinct handles the entry mentions (two mentors run together have two). */
function handleCount(raw: string): number {
  const found = new Set<string>();
  for (const m of raw.matchAll(/(?:^|[^\w.])@\[?([A-Za-z0-9][\w-]*)/g)) found.add(m[1]!.toLowerCase());
  for (const m of raw.matchAll(/github\.com\/([A-Za-z0-9][\w-]*)/gi)) found.add(m[1]!.toLowerCase());
  return found.size;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
