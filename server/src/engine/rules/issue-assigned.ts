// An upstream issue assigned to someone is usually being worked on: a student picking the idea would
// find it taken (online, only when asked: see upstream/). Assigned to one of the idea's own mentors
// it is theirs to hand over, and no finding.
import { absoluteSpan } from '../parse/perIdea';
import { type KnownIssues, issueLinksOf, issueName } from '../upstream/issues';
import type { Rule } from './rule';

export function issueAssignedRule(known?: KnownIssues): Rule {
  return {
    id: 'issue-assigned',
    defaultSeverity: 'warning',
    description: "An idea's upstream issue is assigned on GitHub to someone who is not one of its mentors (online check).",
    fixable: false,
    check({ doc, report }) {
      if (!known) return;
      for (const idea of doc.ideas) {
        const links = issueLinksOf(idea);
        if (!links.length) continue;
        let mentors: Set<string> | undefined;
        for (const link of links) {
          const answer = known(link.id);
          if (answer?.status !== 'found' || answer.issue.state !== 'open' || !answer.issue.assignees.length) continue;
          mentors ??= new Set(idea.mentors.flatMap((m) => (m.handle ? [m.handle.toLowerCase()] : [])));
          const others = answer.issue.assignees.filter((a) => !mentors!.has(a.toLowerCase()));
          if (!others.length) continue;
          const who = others.map((a) => `@${a}`).join(', ');
          report({
            span: absoluteSpan(idea, link.span),
            message: `\`${issueName(link.id)}\` is assigned to ${who}, not a mentor of this idea: someone may already be working on it. Ask them, or link another issue.`,
          });
        }
      }
    },
  };
}

export const issueAssigned = issueAssignedRule();
