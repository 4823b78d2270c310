// Every mentor needs a GitHub handle, and a valid one: 1–39 letters, digits and single hyphens, with
// no hyphen at either end (no dots or underscores); a profile link goes to the account its text names.
import { isGroupName, isValidHandle } from '../parse/values';
import type { Rule } from './rule';

/** `[@handle](https://github.com/handle)`: the handle in the text, and the account linked. */
const LINKED_HANDLE = /^\[@([\w-]+)\]\(https?:\/\/(?:www\.)?github\.com\/([\w-]+)\/?\)$/i;

export const mentorHandle: Rule = {
  id: 'mentor-handle',
  defaultSeverity: 'error',
  description: 'A mentor has no GitHub handle, one GitHub would not accept, or a profile link to another account than its text names.',
  fixable: false,
  scope: 'idea',
  check({ doc, template, report }) {
    // A placeholder left in (`@mentor_github`) is the placeholder rule's to report.
    const placeholders = template.fields.filter((f) => f.key === 'mentors').flatMap((f) => f.placeholders ?? []);
    for (const idea of doc.ideas) {
      for (const mentor of idea.mentors) {
        const handle = mentor.handle;
        if (handle === undefined) {
          // No handle at all (a name alone, a Twitter link): the template's form asks for a GitHub one.
          if (!mentor.name || isGroupName(mentor.name)) continue; // not one person: mentor-format's to report
          if (template.mentors.handles === false) continue; // the file's convention writes none
          report({
            span: mentor.span,
            message: `\`${mentor.name}\` has no GitHub handle: add it as \`${mentor.name} (@handle)\`.`,
            ...(template.guessed ? { atMost: 'warning' as const } : {}),
          });
          continue;
        }
        const linked = LINKED_HANDLE.exec(mentor.raw);
        if (linked && linked[1]!.toLowerCase() !== linked[2]!.toLowerCase()) {
          // `[@jane](https://github.com/jan)`: one of the two is wrong, and the reader follows the link.
          report({
            span: mentor.span,
            message: `The link text says @${linked[1]} but the link goes to github.com/${linked[2]}: make them the same account.`,
            atMost: 'warning',
          });
          continue;
        }
        if (isValidHandle(handle)) continue;
        if (placeholders.some((p) => p.includes(mentor.raw) || mentor.raw.includes(p))) continue;
        const at = mentor.raw.indexOf(handle);
        const span = at >= 0 ? { start: mentor.span.start + at, end: mentor.span.start + at + handle.length } : mentor.span;
        report({
          span,
          message: `\`${handle}\` is not a valid GitHub handle: use 1–39 letters, digits or single hyphens, with no hyphen at the start or end.`,
        });
      }
    }
  },
};
