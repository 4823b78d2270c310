// A GitHub handle is 1–39 letters, digits and single hyphens, with no hyphen at either end.
import { isValidHandle } from '../values';
import type { Rule } from './rule';

export const mentorHandle: Rule = {
  id: 'mentor-handle',
  defaultSeverity: 'error',
  description: 'A mentor handle is not a valid GitHub handle.',
  fixable: false,
  scope: 'idea',
  check({ doc, template, report }) {
    // A placeholder left in (`@mentor_github`) is the placeholder rule's to report.
    const placeholders = template.fields.filter((f) => f.key === 'mentors').flatMap((f) => f.placeholders ?? []);
    for (const idea of doc.ideas) {
      for (const mentor of idea.mentors) {
        const handle = mentor.handle;
        if (handle === undefined || isValidHandle(handle)) continue;
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
