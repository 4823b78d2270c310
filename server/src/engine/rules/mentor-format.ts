// Mentor entries in the template's form: `Name (@handle)`, or `Name (@handle, email)` when the
// template asks for emails, one per sub-list item when it lists mentors that way.
import type { Field, Idea, Mentor, MentorForm } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import type { Template } from '../template/types';
import { handleCount, isGroupName, isPersonName, isValidHandle } from '../parse/values';
import { itemsWithin } from './field-support';
import type { Rule } from './rule';

export const mentorFormat: Rule = {
  id: 'mentor-format',
  defaultSeverity: 'warning',
  description: "A mentor entry cannot be read as one person, lacks the email the template's form shows, or is written another way than the template's form.",
  fixable: true,
  // Whether a way of writing entries is the file's convention depends on the whole file; each idea's
  // findings are kept per idea while the file's conventions are unchanged.
  check(context) {
    const { doc, template } = context;
    const wanted = template.mentors.email ? 'Name (@handle, email)' : 'Name (@handle)';
    // What each idea's entries are is kept per section: a keystroke elsewhere reads no idea again,
    // and only the ideas with something to say are looked at closely.
    const forms = new Map<string, number>();
    let total = 0;
    const toLook: Idea[] = [];
    for (const idea of doc.ideas) {
      const summary = perIdea(idea, ENTRIES, summarise);
      for (const e of summary) {
        forms.set(e.form, (forms.get(e.form) ?? 0) + 1);
        total++;
      }
      if (summary.some((e) => worthSaying(e, template))) toLook.push(idea);
    }
    // The forms the file writes often enough to be its convention: what each idea's findings read of the rest.
    const conventions = [...forms].filter(([, n]) => n >= CONVENTION * total).map(([form]) => form);
    context.eachIdea(toLook, conventions.sort().join(','), (idea) => {
      for (const field of idea.fields) {
        if (field.key !== 'mentors') continue;
        const mentors = itemsWithin(idea.mentors, field.valueSpan);
        if (template.mentors.layout === 'sublist' && !template.freeForm && mentors.some((m) => isInline(m, field))) {
          context.report({
            span: field.inlineValueSpan,
            message: `List each mentor on its own sub-list item under the label (\`  - ${wanted}\`), as the template does.`,
            atMost: 'info',
            once: 'layout',
          });
        }
        for (const mentor of mentors) {
          const problem = mistake(mentor, template);
          if (problem) {
            context.report({ span: mentor.span, message: `${problem} Write it as \`${wanted}\`.` });
            continue;
          }
          // No handle: mentor-handle's finding says what to add. A free-form template has no form to match.
          if (!mentor.handle || template.freeForm || formMatches(mentor.form, template)) continue;
          // Another way of writing a complete entry: a note (FINDINGS-POLICY), once for the file when
          // the file writes many entries that way, once for the idea when it is the odd one out.
          const convention = conventions.includes(mentor.form);
          const newText = rewrite(mentor);
          context.report({
            span: mentor.span,
            message: convention ? `Mentors are written here another way than the template's \`${wanted}\`.` : `Write this mentor as the template does: \`${wanted}\`.`,
            atMost: 'info',
            ...(convention ? { once: `form\u0000${mentor.form}` } : { once: mentor.form, onceWithin: 'idea' as const }),
            ...(newText && newText !== mentor.raw ? { fix: { title: `Rewrite as \`${newText}\``, edits: [{ span: mentor.span, newText }] } } : {}),
          });
        }
      }
    });
  },
};

/** What the rule needs to know of one entry to tell whether it has something to say. */
interface EntrySummary {
  readonly form: MentorForm;
  readonly name: boolean;
  readonly handle: boolean;
  readonly email: boolean;
  readonly group: boolean;
  readonly inline: boolean;
}

const ENTRIES = memoSlot<readonly EntrySummary[]>('mentor-format');

function summarise(idea: Idea): EntrySummary[] {
  const out: EntrySummary[] = [];
  for (const field of idea.fields) {
    if (field.key !== 'mentors') continue;
    for (const m of itemsWithin(idea.mentors, field.valueSpan)) {
      out.push({ form: m.form, name: !!m.name, handle: !!m.handle, email: !!m.email, group: !m.handle && isGroupName(m.name ?? ''), inline: isInline(m, field) });
    }
  }
  return out;
}

/** The summary side of `mistake` and of the form note below it. */
function worthSaying(e: EntrySummary, template: Template): boolean {
  if (template.mentors.layout === 'sublist' && !template.freeForm && e.inline) return true;
  if ((!e.name && !e.handle) || e.group) return true;
  if (!e.handle) return false;
  if (template.mentors.email && !e.email) return true;
  return !template.freeForm && !formMatches(e.form, template);
}

/** Share of a file's mentor entries above which their way of writing them is the file's convention. */
const CONVENTION = 0.25;

function isInline(mentor: Mentor, field: Field): boolean {
  return mentor.span.start < field.inlineValueSpan.end && !field.subItems.some((s) => mentor.span.start >= s.span.start && mentor.span.end <= s.span.end);
}

/**
 * What a reviewer would ask the mentor to change, or null: an entry that is not one person (a team,
 * a bare email), or one without the email the template's form shows. A missing or invalid handle is
 * mentor-handle's to report.
 */
function mistake(mentor: Mentor, template: Template): string | null {
  if (!mentor.name && !mentor.handle) return `\`${oneLine(mentor.raw)}\` cannot be read as one person (no name and no GitHub handle).`;
  if (!mentor.handle && isGroupName(mentor.name ?? '')) return `\`${oneLine(mentor.raw)}\` names a team, not one person: name a mentor.`;
  if (!mentor.handle) return null;
  if (template.mentors.email && !mentor.email) return `Add ${mentor.name ?? `@${mentor.handle}`}'s email.`;
  return null;
}

/** Written exactly in the template's form. */
function formMatches(form: MentorForm, template: Template): boolean {
  // An email the template does not ask for is more, not other.
  return form === 'name-handle-email' || (!template.mentors.email && form === 'name-handle');
}

/** The entry in the template's form, only when its name and handle are both certain. */
function rewrite(mentor: Mentor): string | undefined {
  const { name, handle, email, raw } = mentor;
  // `Name (@handle)` where an email is wanted: only the mentor knows it.
  if (mentor.form === 'name-handle' && email === undefined) return undefined;
  if (!name || !handle || !isValidHandle(handle) || !isPersonName(name)) return undefined;
  if (/[\r\n]/.test(raw) || name.split(' ').length > 5) return undefined;
  // The name must be written as such in the entry (not pieced together from bits of it).
  if (!raw.includes(name)) return undefined;
  // `Jane Doe (Google)`: a capitalised word in parentheses may be a company, not a handle.
  if (mentor.form === 'name-bare-handle' && /^\p{Lu}\p{Ll}+$/u.test(handle)) return undefined;
  if (mentor.form === 'other' && handleCount(raw) > 1) return undefined;
  return email ? `${name} (@${handle}, ${email})` : `${name} (@${handle})`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}
