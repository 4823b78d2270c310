// The same idea title twice in one file (usually a copy-paste or a merge that kept both).
import type { Idea } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import { lineOf, relatedAt } from './field-support';
import type { Rule } from './rule';

export const duplicateIdea: Rule = {
  id: 'duplicate-idea',
  defaultSeverity: 'warning',
  description: 'Two ideas in one file have the same title.',
  fixable: false,
  structural: true,
  check(context) {
    const { doc } = context;
    const first = new Map<string, Idea>();
    for (const idea of doc.ideas) {
      const key = foldedTitleOf(idea);
      if (!key) continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, idea);
        continue;
      }
      context.report({
        span: idea.heading.textSpan,
        message: `This idea has the same title as the idea on line ${lineOf(doc, earlier.heading.span.start) + 1}: remove the copy or give it its own title.`,
        related: [relatedAt(doc, earlier.heading.textSpan, 'The idea with the same title')],
      });
    }
  },
};

const FOLDED_TITLE = memoSlot<string>('duplicate-idea title');

/** The idea's title as duplicate-idea compares titles, kept per section. */
export function foldedTitleOf(idea: Idea): string {
  return perIdea(idea, FOLDED_TITLE, (i) => foldTitle(i.title));
}

/** Case, white space and punctuation do not make two titles different. */
export function foldTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
