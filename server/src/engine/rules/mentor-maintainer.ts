// A mentor who is not a maintainer of the idea's project, by the maintainers list the config names
// (issue 13): CNCF's GSoC admins check each mentor against cncf/foundation's
// `project-maintainers.csv` and, for one who is not on it, ask for an approval from someone who is
// (gsoc-org-admin-guide.md). Without a list, nothing. An idea whose project the list does not name
// (another organisation's project, a name the list writes otherwise) gets nothing either: the list
// says nothing of it (FINDINGS-POLICY: be right). A mentor the list has under their name with another
// handle is told so: the handle has a typo, or the account was renamed.
import { maintainersOf, projectsOfHandle, standingOf } from '../config/maintainers';
import type { Rule } from './rule';

export const mentorMaintainer: Rule = {
  id: 'mentor-maintainer',
  defaultSeverity: 'info',
  description: "A mentor is not listed among the maintainers of the idea's project in the configured maintainers list.",
  fixable: false,
  // Document scope for the list (not part of an idea's own text); each idea's findings are kept per
  // idea while the list (its version) and the idea's section and place are unchanged.
  check(context) {
    const list = context.maintainers;
    if (!list) return;
    const ideas = context.doc.ideas.filter((idea) => idea.project && idea.mentors.some((m) => m.handle || m.name));
    context.eachIdea(ideas, `maintainers ${list.version}`, (idea) => {
      const project = maintainersOf(list, [idea.project!.title, ...idea.path]);
      if (!project) return;
      for (const mentor of idea.mentors) {
        if (!mentor.handle && !mentor.name) continue;
        const standing = standingOf(project, mentor);
        if (standing.kind === 'listed') {
          // Listed under the very same name with another handle: a typo of the handle, or an account
          // renamed since. (A name only part of the other may be two entries read as one: no question.)
          const listed = standing.as.handle;
          if (standing.by === 'name' && standing.sameWords && mentor.handle && listed && listed.toLowerCase() !== mentor.handle.toLowerCase()) {
            context.report({
              span: mentor.span,
              message: `@${mentor.handle} is not listed among the maintainers of ${project.named.join(' › ')} in ${list.fileName}, but ${standing.as.name ?? mentor.name} is, as @${listed}: check the handle (or the list).`,
            });
          }
          continue;
        }
        const who = mentor.handle ? `@${mentor.handle}` : mentor.name!;
        const elsewhere = mentor.handle ? projectsOfHandle(list, mentor.handle).map((p) => p.name.trim()) : [];
        const also = elsewhere.length ? `; ${who} is listed for ${elsewhere.slice(0, 3).join(', ')}${elsewhere.length > 3 ? ', …' : ''}` : '';
        context.report({
          span: mentor.span,
          message: `${who} is not listed among the maintainers of ${project.named.join(' › ')} in ${list.fileName} (${project.count} listed${also}): ask one of them to approve this idea, or add ${who} to the list.`,
        });
      }
    });
  },
};
