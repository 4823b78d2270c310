// One person, one spelling: a handle written with two names (or a name with two handles) across
// the workspace is usually a typo in one of them, or two people mixed up.
import type { RelatedInformation } from '../findings';
import type { MentorUse } from '../workspace';
import { isPersonName, isValidHandle } from '../values';
import type { Rule } from './rule';

const MAX_RELATED = 5;

export const mentorIdentity: Rule = {
  id: 'mentor-identity',
  defaultSeverity: 'info',
  description: 'One GitHub handle is written with two names, or one name with two handles, across the workspace.',
  fixable: false,
  check({ uri, doc, workspace, report }) {
    const uses = workspace.mentorUses().filter((u) => cleanName(u) !== undefined && cleanHandle(u) !== undefined);
    if (uses.length < 2) return;
    const byHandle = groupBy(uses, (u) => cleanHandle(u)!);
    const byName = groupBy(uses, (u) => cleanName(u)!);
    for (const idea of doc.ideas) {
      for (const mentor of idea.mentors) {
        const name = mentor.name !== undefined && isPersonName(mentor.name) ? foldName(mentor.name) : undefined;
        const handle = mentor.handle !== undefined && isValidHandle(mentor.handle) ? mentor.handle.toLowerCase() : undefined;
        if (!name || !handle) continue;
        const range = { start: doc.lines.positionAt(mentor.span.start), end: doc.lines.positionAt(mentor.span.end) };
        const isSelf = (u: MentorUse) => u.uri === uri && sameRange(u, range);
        const otherNames = distinct((byHandle.get(handle) ?? []).filter((u) => !isSelf(u) && cleanName(u) !== name), (u) => cleanName(u)!);
        const otherHandles = distinct((byName.get(name) ?? []).filter((u) => !isSelf(u) && cleanHandle(u) !== handle), (u) => cleanHandle(u)!);
        if (otherNames.length) {
          report({
            span: mentor.span,
            message: `@${mentor.handle} is also written as ${list(otherNames.map((u) => `"${u.name!.trim()}"`))}: use one name for one person.`,
            related: otherNames.slice(0, MAX_RELATED).map((u) => related(u, uri, `@${u.handle} written as "${u.name!.trim()}" (${u.ideaTitle})`)),
          });
        }
        if (otherHandles.length) {
          report({
            span: mentor.span,
            message: `${name} is also written with ${list(otherHandles.map((u) => `@${u.handle}`))}: check which handle is right.`,
            related: otherHandles.slice(0, MAX_RELATED).map((u) => related(u, uri, `${u.name!.trim()} written with @${u.handle} (${u.ideaTitle})`)),
          });
        }
      }
    }
  },
};

function cleanName(use: MentorUse): string | undefined {
  return use.name !== undefined && isPersonName(use.name) ? foldName(use.name) : undefined;
}

function cleanHandle(use: MentorUse): string | undefined {
  return use.handle !== undefined && isValidHandle(use.handle) ? use.handle.toLowerCase() : undefined;
}

/** Names compare with white space folded, as written otherwise. */
function foldName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

function sameRange(use: MentorUse, range: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
  return (
    use.range.start.line === range.start.line &&
    use.range.start.character === range.start.character &&
    use.range.end.line === range.end.line &&
    use.range.end.character === range.end.character
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The first use of each distinct key, in workspace order. */
function distinct(uses: readonly MentorUse[], key: (u: MentorUse) => string): MentorUse[] {
  const seen = new Set<string>();
  return uses.filter((u) => {
    const k = key(u);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function related(use: MentorUse, uri: string, message: string): RelatedInformation {
  return use.uri === uri ? { range: use.range, message } : { uri: use.uri, range: use.range, message };
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const shown = items.slice(0, MAX_RELATED);
  const more = items.length > shown.length ? ` and ${items.length - shown.length} more` : '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}${more}`;
}
