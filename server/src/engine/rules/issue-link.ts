// The issue field points a student at one piece of work: a GitHub issue or pull request, not a
// list page, a repository or a sentence.
import type { IssueRef } from '../parse/model';
import { itemsWithin } from './field-support';
import type { Rule } from './rule';

export const issueLink: Rule = {
  id: 'issue-link',
  defaultSeverity: 'warning',
  description: 'The issue field has no link to a GitHub issue or pull request.',
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
        if (refs.some((r) => r.kind === 'issue' || r.kind === 'pull')) continue;
        report({ span: field.valueSpan, message: messageFor(refs) });
      }
    }
  },
};

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
