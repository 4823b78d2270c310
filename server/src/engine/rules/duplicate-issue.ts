// The same upstream issue linked by two ideas of one file. Under two projects it is a copy-paste
// slip (an idea kept its neighbour's link); under one project, sibling ideas often share an umbrella
// issue on purpose, so it is a note.
import type { Idea } from '../parse/model';
import { absoluteSpan } from '../parse/perIdea';
import { issueLinksOf, issueName } from '../upstream/issues';
import { lineOf, relatedAt } from './field-support';
import type { Rule } from './rule';

export const duplicateIssue: Rule = {
  id: 'duplicate-issue',
  defaultSeverity: 'warning',
  description: "An idea's upstream issue is also the upstream issue of another idea of the file.",
  fixable: false,
  // Which other ideas link the issue is the judgement: document scope.
  check({ doc, report }) {
    const first = new Map<string, { idea: Idea; start: number; end: number }>();
    for (const idea of doc.ideas) {
      const own = new Set<string>();
      for (const link of issueLinksOf(idea)) {
        // The same link twice in one idea is not two ideas sharing it.
        if (own.has(link.key)) continue;
        own.add(link.key);
        const span = absoluteSpan(idea, link.span);
        const earlier = first.get(link.key);
        if (!earlier) {
          first.set(link.key, { idea, ...span });
          continue;
        }
        const sameProject = earlier.idea.project === idea.project;
        const line = lineOf(doc, earlier.idea.heading.span.start) + 1;
        report({
          span,
          message: sameProject
            ? `\`${issueName(link.id)}\` is also the upstream issue of "${earlier.idea.title}" (line ${line}): give each idea its own issue, unless they share one on purpose.`
            : `\`${issueName(link.id)}\` is the upstream issue of "${earlier.idea.title}" (line ${line}) in ${earlier.idea.project?.title ?? 'another part of this file'}: link this idea's own issue (copied from that idea?).`,
          related: [relatedAt(doc, { start: earlier.start, end: earlier.end }, 'The other idea linking this issue')],
          ...(sameProject ? { atMost: 'info' as const } : {}),
        });
      }
    }
  },
};
