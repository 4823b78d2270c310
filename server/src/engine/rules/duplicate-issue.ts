// The same upstream issue linked by several ideas of one file. Under two projects it is a copy-paste
// slip (an idea kept its neighbour's link); under one project, sibling ideas often share an umbrella
// issue on purpose, so it is a note. One finding per shared issue, at its second link, however many
// ideas share it; a copy of a whole idea (same title) is duplicate-idea's.
import type { Idea } from '../parse/model';
import { absoluteSpan } from '../parse/perIdea';
import { type IssueLink, issueLinksOf, issueName } from '../upstream/issues';
import { foldedTitleOf } from './duplicate-idea';
import { lineOf, relatedAt } from './field-support';
import type { Rule } from './rule';

interface Use {
  readonly idea: Idea;
  /** Its span is relative to the idea's section: made absolute only for what is reported (reading where an idea is now costs). */
  readonly link: IssueLink;
}

const MAX_RELATED = 10;

export const duplicateIssue: Rule = {
  id: 'duplicate-issue',
  defaultSeverity: 'warning',
  description: "An idea's upstream issue is also the upstream issue of another idea of the file.",
  fixable: false,
  // Which other ideas link the issue is the judgement: document scope.
  check({ doc, report }) {
    const uses = new Map<string, Use[]>();
    for (const idea of doc.ideas) {
      for (const link of issueLinksOf(idea)) {
        const group = uses.get(link.key);
        // The same link twice in one idea is not two ideas sharing it (ideas come in order: it is the last use).
        if (group && group[group.length - 1]!.idea === idea) continue;
        const use = { idea, link };
        if (group) group.push(use);
        else uses.set(link.key, [use]);
      }
    }
    for (const group of uses.values()) {
      if (group.length < 2) continue;
      const [first, ...later] = group as [Use, ...Use[]];
      const sharing = later.filter((u) => foldedTitleOf(u.idea) !== foldedTitleOf(first.idea));
      const second = sharing[0];
      if (!second) continue;
      const acrossProjects = sharing.some((u) => u.idea.project !== first.idea.project);
      const name = `\`${issueName(second.link.id)}\``;
      const where = `"${first.idea.title}" (line ${lineOf(doc, first.idea.heading.span.start) + 1})`;
      const more = sharing.length > 1 ? ` and ${sharing.length - 1} more ${sharing.length === 2 ? 'idea' : 'ideas'}` : '';
      report({
        span: absoluteSpan(second.idea, second.link.span),
        message: acrossProjects
          ? `${name} is also the upstream issue of ${where}${more}, in other projects of this file: link each idea's own issue (copied from another idea?).`
          : `${name} is also the upstream issue of ${where}${more}: give each idea its own issue, unless they share one on purpose.`,
        // The first ones, not hundreds (a generated file repeats its ideas' links).
        related: [first, ...sharing.slice(1, MAX_RELATED)].map((u) => relatedAt(doc, absoluteSpan(u.idea, u.link.span), u === first ? 'The first idea linking this issue' : 'Another idea linking this issue')),
        ...(acrossProjects ? {} : { atMost: 'info' as const }),
      });
    }
  },
};
