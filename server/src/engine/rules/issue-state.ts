// The upstream issue itself, as GitHub says it is now (online, only when asked: see upstream/):
// an issue that does not exist, is closed, or a pull request already merged or closed, leaves the
// idea pointing a student at no work to do. The ordinary check has no answers and says nothing.
import { absoluteSpan } from '../parse/perIdea';
import { type IssueAnswer, type KnownIssues, issueLinksOf, issueName } from '../upstream/issues';
import type { Rule } from './rule';

export function issueStateRule(known?: KnownIssues): Rule {
  return {
    id: 'issue-state',
    defaultSeverity: 'warning',
    description: "An idea's upstream issue does not exist on GitHub, is closed, or is a merged or closed pull request (online check).",
    fixable: false,
    check({ doc, report }) {
      if (!known) return;
      for (const idea of doc.ideas) {
        for (const link of issueLinksOf(idea)) {
          const message = messageFor(issueName(link.id), known(link.id));
          if (message) report({ span: absoluteSpan(idea, link.span), message });
        }
      }
    },
  };
}

/** What is wrong with the issue, or undefined when nothing is (or nothing is known). */
function messageFor(name: string, answer: IssueAnswer | undefined): string | undefined {
  if (!answer || answer.status === 'unknown') return undefined;
  if (answer.status === 'missing') {
    return answer.code === 410
      ? `\`${name}\` was deleted on GitHub (410): link an open issue for this idea.`
      : `GitHub has no issue \`${name}\` (404): fix the link (or the repository is private).`;
  }
  const { issue } = answer;
  if (issue.state === 'open') return undefined;
  if (issue.pull) {
    return issue.merged
      ? `\`${name}\` is a merged pull request: that work is done. Link an open issue for this idea.`
      : `\`${name}\` is a closed pull request: link an open issue for this idea.`;
  }
  const how = issue.stateReason === 'not_planned' ? ' as not planned' : issue.stateReason === 'duplicate' ? ' as a duplicate' : '';
  return `\`${name}\` is closed${how}: link an open issue for this idea, or ask the project to reopen it.`;
}

export const issueState = issueStateRule();
