// The Ideas tree as plain data, computed from the server's outline: which nodes exist under which,
// after grouping and filtering. No `vscode` import, so it can be reasoned about (and tested) alone;
// ideasTree.ts turns these nodes into TreeItems.
import type { Outline, OutlineIdea, OutlineIssue, OutlineMentor, OutlineTemplate } from '../../server/src/protocol';
import { skillKey } from '../../server/src/engine/workspace/workspace';

export type GroupBy = 'project' | 'mentor' | 'skill';

export interface TreeOptions {
  readonly groupBy: GroupBy;
  /** Case-insensitive substring matched against idea titles, mentors and skills; '' shows everything. */
  readonly filter: string;
}

/** An idea with what the tree needs around it: its project and where its text ends. */
export interface PlacedIdea {
  readonly idea: OutlineIdea;
  readonly project: string | undefined;
  /** 0-based line after the idea's text: the next idea's or project's heading, or the end of the file. */
  readonly endLine: number;
}

export type TreeNode =
  | { readonly kind: 'template'; readonly id: string; readonly template: OutlineTemplate }
  | { readonly kind: 'project'; readonly id: string; readonly title: string; readonly line: number; readonly ideas: readonly PlacedIdea[] }
  /** A sub-project or theme between a project and its ideas (`### Kubernetes` › `#### Headlamp`): `depth` path headings down. */
  | { readonly kind: 'section'; readonly id: string; readonly title: string; readonly depth: number; readonly ideas: readonly PlacedIdea[] }
  | { readonly kind: 'group'; readonly id: string; readonly by: 'mentor' | 'skill' | 'none'; readonly label: string; readonly ideas: readonly PlacedIdea[] }
  | { readonly kind: 'idea'; readonly id: string; readonly placed: PlacedIdea }
  | { readonly kind: 'mentor'; readonly id: string; readonly mentor: OutlineMentor; readonly line: number }
  | { readonly kind: 'skills'; readonly id: string; readonly skills: readonly string[]; readonly line: number }
  | { readonly kind: 'issue'; readonly id: string; readonly issue: OutlineIssue; readonly line: number }
  | { readonly kind: 'problems'; readonly id: string; readonly summary: string; readonly severity: 'error' | 'warning' | 'info'; readonly line: number };

/** The root of the tree: the template in force first, then projects (or mentor/skill groups). */
export function rootNodes(outline: Outline, options: TreeOptions): TreeNode[] {
  if (!outline.isIdeaFile) return [];
  const nodes: TreeNode[] = [];
  if (outline.template) nodes.push({ kind: 'template', id: 'template', template: outline.template });
  const ideas = placeIdeas(outline).filter((p) => matchesFilter(p.idea, options.filter));
  if (options.groupBy === 'project') {
    for (const project of outline.projects) {
      const inProject = ideas.filter((p) => p.project === project.title && project.ideas.includes(p.idea));
      if (inProject.length > 0 || options.filter.trim() === '') {
        nodes.push({ kind: 'project', id: `project:${project.line}`, title: project.title, line: project.line, ideas: inProject });
      }
    }
    const orphans = ideas.filter((p) => p.project === undefined);
    if (orphans.length > 0) nodes.push({ kind: 'group', id: 'orphans', by: 'none', label: '(outside any project)', ideas: orphans });
  } else {
    nodes.push(...groupIdeas(ideas, options.groupBy));
  }
  return nodes;
}

export function childNodes(node: TreeNode): TreeNode[] {
  switch (node.kind) {
    case 'project':
      return nested(node.id, node.ideas, 0);
    case 'section':
      return nested(node.id, node.ideas, node.depth);
    case 'group':
      return node.ideas.map((placed) => ideaNode(node.id, placed));
    case 'idea':
      return ideaDetails(node.id, node.placed.idea);
    default:
      return [];
  }
}

export function hasChildren(node: TreeNode): boolean {
  return node.kind === 'project' || node.kind === 'section' || node.kind === 'group' || node.kind === 'idea';
}

function ideaNode(parentId: string, placed: PlacedIdea): TreeNode {
  return { kind: 'idea', id: `${parentId}/idea:${placed.idea.line}`, placed };
}

/** Ideas `depth` path headings down: those with no deeper heading, and a section per next heading, in file order. */
function nested(parentId: string, ideas: readonly PlacedIdea[], depth: number): TreeNode[] {
  const nodes: TreeNode[] = [];
  const sections = new Map<string, PlacedIdea[]>();
  for (const placed of ideas) {
    const title = placed.idea.path?.[depth];
    if (title === undefined) {
      nodes.push(ideaNode(parentId, placed));
      continue;
    }
    const members = sections.get(title);
    if (members) members.push(placed);
    else {
      const list = [placed];
      sections.set(title, list);
      nodes.push({ kind: 'section', id: `${parentId}/section:${title}`, title, depth: depth + 1, ideas: list });
    }
  }
  return nodes;
}

/** Every idea in document order, each with its project and the line where its text ends. */
export function placeIdeas(outline: Outline, lineCount = Number.MAX_SAFE_INTEGER): PlacedIdea[] {
  const headingLines = [
    ...outline.projects.map((p) => p.line),
    ...outline.projects.flatMap((p) => p.ideas.map((i) => i.line)),
    ...(outline.orphans ?? []).map((i) => i.line),
  ].sort((a, b) => a - b);
  const endOf = (line: number) => headingLines.find((l) => l > line) ?? lineCount;
  const placed: PlacedIdea[] = [
    ...outline.projects.flatMap((p) => p.ideas.map((idea) => ({ idea, project: p.title as string | undefined }))),
    ...(outline.orphans ?? []).map((idea) => ({ idea, project: undefined })),
  ].map((p) => ({ ...p, endLine: endOf(p.idea.line) }));
  return placed.sort((a, b) => a.idea.line - b.idea.line);
}

/** "2 errors, 1 warning", or '' when the idea has no problems. */
export function problemSummary(idea: OutlineIdea): string {
  const p = idea.problems;
  if (!p) return '';
  const parts: string[] = [];
  if (p.error > 0) parts.push(`${p.error} error${p.error === 1 ? '' : 's'}`);
  if (p.warning > 0) parts.push(`${p.warning} warning${p.warning === 1 ? '' : 's'}`);
  if (p.info > 0) parts.push(`${p.info} info`);
  return parts.join(', ');
}

export function worstSeverity(idea: OutlineIdea): 'error' | 'warning' | 'info' | undefined {
  const p = idea.problems;
  if (!p) return undefined;
  if (p.error > 0) return 'error';
  if (p.warning > 0) return 'warning';
  if (p.info > 0) return 'info';
  return undefined;
}

export function mentorLabel(mentor: OutlineMentor): string {
  if (mentor.name && mentor.handle) return `${mentor.name} (@${mentor.handle})`;
  if (mentor.handle) return `@${mentor.handle}`;
  return mentor.name ?? mentor.email ?? '(unnamed mentor)';
}

export function issueLabel(issue: OutlineIssue): string {
  if (issue.owner && issue.repo && issue.number !== undefined) return `${issue.owner}/${issue.repo}#${issue.number}`;
  return issue.url;
}

function matchesFilter(idea: OutlineIdea, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [idea.title, ...idea.skills, ...idea.mentors.flatMap((m) => [m.name ?? '', m.handle ?? '', m.email ?? ''])];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

function groupIdeas(ideas: readonly PlacedIdea[], by: 'mentor' | 'skill'): TreeNode[] {
  const groups = new Map<string, { label: string; ideas: PlacedIdea[]; spellings: Map<string, number> }>();
  const add = (key: string, label: string, placed: PlacedIdea) => {
    const group = groups.get(key) ?? { label, ideas: [], spellings: new Map<string, number>() };
    if (!group.ideas.includes(placed)) group.ideas.push(placed);
    group.spellings.set(label, (group.spellings.get(label) ?? 0) + 1);
    groups.set(key, group);
  };
  for (const placed of ideas) {
    const keys =
      by === 'mentor'
        ? placed.idea.mentors.map((m) => ({ key: (m.handle ?? m.name ?? m.email ?? '').toLowerCase(), label: mentorLabel(m) }))
        : placed.idea.skills.map((s) => ({ key: skillKey(s), label: s.trim() }));
    const usable = keys.filter((k) => k.key !== '');
    if (usable.length === 0) add('', by === 'mentor' ? '(no mentor)' : '(no skills)', placed);
    for (const { key, label } of usable) add(key, label, placed);
  }
  // A skill spelt several ways (`golang`, `Golang.`: one key, as skill-spelling reads them) is one group, under its most used spelling.
  for (const group of groups.values()) {
    let most = 0;
    for (const [spelling, n] of group.spellings) {
      if (n > most) {
        group.label = spelling;
        most = n;
      }
    }
  }
  return [...groups.entries()]
    .sort(([a, ga], [b, gb]) => (a === '' ? 1 : b === '' ? -1 : ga.label.localeCompare(gb.label)))
    .map(([key, group]) => ({ kind: 'group', id: `${by}:${key}`, by, label: group.label, ideas: group.ideas }));
}

function ideaDetails(parentId: string, idea: OutlineIdea): TreeNode[] {
  const lineOf = (name: string) => idea.fields.find((f) => f.name === name)?.line ?? idea.line;
  const nodes: TreeNode[] = [];
  idea.mentors.forEach((mentor, i) => nodes.push({ kind: 'mentor', id: `${parentId}/mentor:${i}`, mentor, line: lineOf('mentors') }));
  if (idea.skills.length > 0) nodes.push({ kind: 'skills', id: `${parentId}/skills`, skills: idea.skills, line: lineOf('skills') });
  idea.issues.forEach((issue, i) => nodes.push({ kind: 'issue', id: `${parentId}/issue:${i}`, issue, line: lineOf('issue') }));
  const severity = worstSeverity(idea);
  if (severity) nodes.push({ kind: 'problems', id: `${parentId}/problems`, summary: problemSummary(idea), severity, line: idea.line });
  return nodes;
}
