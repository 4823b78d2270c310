// Ideas where the structure breaks (FINDINGS-POLICY, Structure): an idea written at project level
// (it would take the ideas after it away from their project), or an idea outside any project in a
// file whose ideas otherwise sit under projects. Levels that the file uses consistently, sub-projects
// and themes are the file's own structure, never a finding. Changing a heading level moves
// everything under it, so there is no fix.
import type { Rule } from './rule';

/** Share of ideas under a project above which an idea outside any project is out of place. */
const PROJECT_FILE = 0.8;

export const ideaHeading: Rule = {
  id: 'idea-heading',
  defaultSeverity: 'warning',
  description: 'An idea is written at project level, or outside any project in a file that groups ideas by project.',
  fixable: false,
  structural: true,
  check(context) {
    const { doc } = context;
    const underProjects = doc.ideas.filter((i) => i.project !== null).length;
    const groupsByProject = underProjects >= PROJECT_FILE * doc.ideas.length;
    for (const idea of doc.ideas) {
      const level = idea.heading.level;
      if (idea.atProjectLevel && idea.project) {
        context.report({
          span: idea.heading.textSpan,
          message: `This idea is written at project level (${'#'.repeat(level)}), like its project "${idea.project.title}": make it a level-${level + 1} heading (${'#'.repeat(level + 1)}) so it reads as one of that project's ideas.`,
        });
      } else if (!idea.project && groupsByProject && context.template.projectLevel !== null) {
        context.report({
          span: idea.heading.textSpan,
          message: 'Put this idea under a project heading: the other ideas of this file are grouped by project.',
        });
      }
    }
  },
};
