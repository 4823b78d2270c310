// One primary mentor per idea (issue 13), where the file marks primaries at all: CNCF's GSoC
// template asks for "at least 2 mentors with 1 being a primary mentor", written as a role after the
// entry (`- primary`, `(primary)`) or before it (`Primary: …`). A file that never marks one says
// nothing about primaries, and nor does one that marks them in a few ideas only (FINDINGS-POLICY:
// be right): the rule speaks where most ideas with several mentors mark one.
import type { Idea } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import { valuePlace } from './field-support';
import type { Rule } from './rule';

/** Share of ideas with several mentors that must mark a primary for the file to count as marking them. */
const CONVENTION = 0.5;

export const mentorPrimary: Rule = {
  id: 'mentor-primary',
  defaultSeverity: 'warning',
  description: 'An idea of a file that marks primary mentors names none, or more than one.',
  fixable: false,
  // Whether the file marks primaries depends on the whole file: document scope; an idea's findings
  // are kept per idea (they read nothing else of the file once it marks primaries).
  check(context) {
    const { doc } = context;
    // The file's convention: most ideas with two mentors or more mark their primary mentor.
    // Counted per section (kept while it is unchanged): a keystroke elsewhere reads no idea again.
    const counts = doc.ideas.map((idea) => perIdea(idea, COUNTS, countsOf));
    const several = counts.filter((c) => c.mentors >= 2);
    const marking = several.filter((c) => c.primaries > 0).length;
    if (marking === 0 || marking < CONVENTION * several.length) return;
    const toLook = doc.ideas.filter((_, i) => counts[i]!.mentors >= 2 && counts[i]!.primaries !== 1);
    context.eachIdea(toLook, 'the file marks primaries', (idea) => {
      const primaries = idea.mentors.filter((m) => m.role === 'primary');
      const field = idea.fields.find((f) => f.key === 'mentors');
      if (primaries.length === 0) {
        context.report({
          span: field ? valuePlace(idea, field) : idea.heading.textSpan,
          message: 'Mark one of these mentors as the primary mentor (`- primary` after the entry), as the other ideas of this file do.',
        });
      } else if (primaries.length > 1) {
        for (const extra of primaries.slice(1)) {
          context.report({ span: extra.span, message: `${primaries.length} mentors of this idea are marked primary: an idea has one primary mentor.` });
        }
      }
    });
  },
};

const COUNTS = memoSlot<{ readonly mentors: number; readonly primaries: number }>('mentor-primary');

function countsOf(idea: Idea): { mentors: number; primaries: number } {
  return { mentors: idea.mentors.length, primaries: idea.mentors.filter((m) => m.role === 'primary').length };
}
