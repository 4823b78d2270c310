// Ideas at the template's idea level, inside a project section when the template has one.
// Changing a heading level moves everything under it, so there is no fix.
import type { Rule } from './rule';

export const ideaHeading: Rule = {
  id: 'idea-heading',
  defaultSeverity: 'warning',
  description: "An idea's heading is not at the template's level, or the idea is outside any project.",
  fixable: false,
  scope: 'idea',
  check(context) {
    const { doc, template } = context;
    const ideaHashes = '#'.repeat(template.ideaLevel);
    for (const idea of doc.ideas) {
      if (idea.heading.level !== template.ideaLevel) {
        context.report({
          span: idea.heading.textSpan,
          message: `Make this idea a level-${template.ideaLevel} heading (${ideaHashes}): it is level ${idea.heading.level}, and the template puts ideas at level ${template.ideaLevel}.`,
        });
      } else if (template.projectLevel !== null && idea.project === null) {
        context.report({
          span: idea.heading.textSpan,
          message: `Put this idea under a project heading (${'#'.repeat(template.projectLevel)} Project name): the template groups ideas by project.`,
        });
      }
    }
  },
};
