// The issue field points a student at one piece of work: a GitHub issue or pull request, not a
// list page, a repository or a sentence.
import type { IssueRef } from '../parse/model';
import { itemsWithin } from './field-support';
import type { Rule } from './rule';

export const issueLink: Rule = {
  id: 'issue-link',
  defaultSeverity: 'warning',
  description: 'The issue field has no link to a GitHub issue or pull request, or a link whose text names another issue than its target.',
  fixable: false,
  scope: 'idea',
  check({ doc, template, report }) {
    const placeholders = template.fields.filter((f) => f.key === 'issue').flatMap((f) => f.placeholders ?? []);
    for (const idea of doc.ideas) {
      for (const field of idea.fields) {
        if (field.key !== 'issue') continue;
        const value = field.value.trim();
        // Empty: empty-field reports it; a placeholder: the placeholder rule.
        if (!value || placeholders.some((p) => p.toLowerCase() === value.toLowerCase())) continue;
        const refs = itemsWithin(idea.issues, field.valueSpan);
        for (const ref of refs) {
          const named = namedIssue(doc.text, ref);
          if (named) report({ span: ref.span, message: `The link text says ${named} but the link goes to ${ref.owner}/${ref.repo}#${ref.number}: make them agree.` });
        }
        if (refs.some((r) => r.kind === 'issue' || r.kind === 'pull')) continue;
        report({ span: field.valueSpan, message: messageFor(refs) });
      }
    }
  },
};

/** `[owner/repo#45](…/issues/55)`: the issue the link's text names, when it is another than its target. */
function namedIssue(text: string, ref: IssueRef): string | undefined {
  if (ref.number === undefined || text[ref.span.start - 1] !== '(' || text[ref.span.start - 2] !== ']') return undefined;
  const open = text.lastIndexOf('[', ref.span.start - 2);
  if (open < 0 || ref.span.start - open > 200) return undefined;
  const m = /^(?:([\w.-]+)\/([\w.-]+))?#(\d+)$/.exec(text.slice(open + 1, ref.span.start - 2).trim());
  if (!m) return undefined;
  const sameRepo = !m[1] || (m[1].toLowerCase() === ref.owner?.toLowerCase() && m[2]!.toLowerCase() === ref.repo?.toLowerCase());
  return sameRepo && Number(m[3]) === ref.number ? undefined : `${m[1] ? `${m[1]}/${m[2]}` : ''}#${m[3]}`;
}

function messageFor(refs: readonly IssueRef[]): string {
  const link = 'Link one GitHub issue or pull request (`https://github.com/owner/repo/issues/123`).';
  const first = refs[0];
  if (!first) return `No link here. ${link}`;
  switch (first.kind) {
    case 'issue-list':
      return `\`${first.url}\` is a list of issues, not one issue. ${link}`;
    case 'repo':
      return `\`${first.url}\` is a repository, not an issue. ${link}`;
    case 'github-other':
      return `\`${first.url}\` is not an issue or pull request. ${link}`;
    default:
      return `\`${first.url}\` is not on GitHub's issue tracker. ${link}`;
  }
}
