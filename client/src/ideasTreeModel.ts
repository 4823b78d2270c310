// The Ideas tree as plain data, computed from the server's outline: which nodes exist under which,
// after grouping and filtering. No `vscode` import, so it can be reasoned about (and tested) alone;
// ideasTree.ts turns these nodes into TreeItems.
import type { Outline, OutlineIdea, OutlineIssue, OutlineMentor, OutlineTemplate, WorkspaceOutlineFile } from '../../server/src/protocol';
import { skillKey } from '../../server/src/engine/workspace/workspace';

export type GroupBy = 'project' | 'mentor' | 'skill';

export interface TreeOptions {
  readonly groupBy: GroupBy;
  /** Case-insensitive substring matched against idea titles, mentors and skills; '' shows everything. */
  readonly filter: string;
}

/** An idea with what the tree needs around it: its file, its project and where its text ends. */
export interface PlacedIdea {
  readonly idea: OutlineIdea;
  /** The file's URI (the outline's `file`). */
  readonly uri: string;
  readonly project: string | undefined;
  /** 0-based line after the idea's text: the next idea's or project's heading, or the end of the file. */
  readonly endLine: number;
}

export type TreeNode =
  /** An idea file of the workspace (the tree's workspace scope): its path in the workspace, and its tree below. */
  | { readonly kind: 'file'; readonly id: string; readonly file: WorkspaceOutlineFile; readonly ideas: number; readonly options: TreeOptions }
  | { readonly kind: 'template'; readonly id: string; readonly template: OutlineTemplate }
  | { readonly kind: 'project'; readonly id: string; readonly uri: string; readonly title: string; readonly line: number; readonly ideas: readonly PlacedIdea[] }
  /** A sub-project or theme between a project and its ideas (`### Kubernetes` › `#### Headlamp`): `depth` path headings down. */
  | { readonly kind: 'section'; readonly id: string; readonly title: string; readonly depth: number; readonly ideas: readonly PlacedIdea[] }
  | {
      readonly kind: 'group';
      readonly id: string;
      readonly by: 'mentor' | 'skill' | 'none';
      readonly label: string;
      readonly ideas: readonly PlacedIdea[];
      /** The workspace tree's groups: ideas of several files. */
      readonly acrossFiles?: boolean;
    }
  | { readonly kind: 'idea'; readonly id: string; readonly placed: PlacedIdea }
  | { readonly kind: 'mentor'; readonly id: string; readonly uri: string; readonly mentor: OutlineMentor; readonly line: number }
  | { readonly kind: 'skills'; readonly id: string; readonly uri: string; readonly skills: readonly string[]; readonly line: number }
  | { readonly kind: 'issue'; readonly id: string; readonly uri: string; readonly issue: OutlineIssue; readonly line: number }
  | { readonly kind: 'problems'; readonly id: string; readonly uri: string; readonly summary: string; readonly severity: 'error' | 'warning' | 'info'; readonly line: number };

/** The root of the tree: the template in force first, then projects (or mentor/skill groups). `prefix` keeps ids apart across files. */
export function rootNodes(outline: Outline, options: TreeOptions, prefix = ''): TreeNode[] {
  if (!outline.isIdeaFile) return [];
  const nodes: TreeNode[] = [];
  if (outline.template) nodes.push({ kind: 'template', id: `${prefix}template`, template: outline.template });
  const ideas = placeIdeas(outline).filter((p) => matchesFilter(p.idea, options.filter));
  if (options.groupBy === 'project') {
    for (const project of outline.projects) {
      const inProject = ideas.filter((p) => p.project === project.title && project.ideas.includes(p.idea));
      if (inProject.length > 0 || options.filter.trim() === '') {
        nodes.push({ kind: 'project', id: `${prefix}project:${project.line}`, uri: outline.file, title: project.title, line: project.line, ideas: inProject });
      }
    }
    const orphans = ideas.filter((p) => p.project === undefined);
    if (orphans.length > 0) nodes.push({ kind: 'group', id: `${prefix}orphans`, by: 'none', label: '(outside any project)', ideas: orphans });
  } else {
    nodes.push(...groupIdeas(ideas, options.groupBy, prefix));
  }
  return nodes;
}

/**
 * The root of the workspace tree: by project, a node per idea file (its path; its own tree below);
 * by mentor or skill, the groups across every file, so a mentor's group holds every idea hover counts.
 * A file with no idea the filter matches is left out.
 */
export function workspaceRootNodes(files: readonly WorkspaceOutlineFile[], options: TreeOptions): TreeNode[] {
  if (options.groupBy !== 'project') {
    const ideas = files.flatMap((f) => placeIdeas(f.outline)).filter((p) => matchesFilter(p.idea, options.filter));
    return groupIdeas(ideas, options.groupBy, 'workspace/').map((group) => ({ ...group, acrossFiles: true }));
  }
  const nodes: TreeNode[] = [];
  for (const file of files) {
    const count = placeIdeas(file.outline).filter((p) => matchesFilter(p.idea, options.filter)).length;
    if (count > 0 || options.filter.trim() === '') nodes.push({ kind: 'file', id: `file:${file.uri}`, file, ideas: count, options });
  }
  return nodes;
}

/** Problems of a file's ideas, by severity (the file node's icon and description). */
export function fileProblems(outline: Outline): OutlineIdea['problems'] {
  const total = { error: 0, warning: 0, info: 0 };
  for (const { idea } of placeIdeas(outline)) {
    total.error += idea.problems?.error ?? 0;
    total.warning += idea.problems?.warning ?? 0;
    total.info += idea.problems?.info ?? 0;
  }
  return total;
}

export function childNodes(node: TreeNode): TreeNode[] {
  switch (node.kind) {
    case 'file':
      return rootNodes(node.file.outline, node.options, `${node.id}/`);
    case 'project':
      return nested(node.id, node.ideas, 0);
    case 'section':
      return nested(node.id, node.ideas, node.depth);
    case 'group':
      return node.ideas.map((placed) => ideaNode(node.id, placed, node.acrossFiles));
    case 'idea':
      return ideaDetails(node.id, node.placed);
    default:
      return [];
  }
}

export function hasChildren(node: TreeNode): boolean {
  return node.kind === 'file' || node.kind === 'project' || node.kind === 'section' || node.kind === 'group' || node.kind === 'idea';
}

function ideaNode(parentId: string, placed: PlacedIdea, acrossFiles = false): TreeNode {
  // A group across files holds ideas of several files: the file is part of the id.
  return { kind: 'idea', id: acrossFiles ? `${parentId}/idea:${placed.uri}:${placed.idea.line}` : `${parentId}/idea:${placed.idea.line}`, placed };
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
  ].map((p) => ({ ...p, uri: outline.file, endLine: endOf(p.idea.line) }));
  return placed.sort((a, b) => a.idea.line - b.idea.line);
}

/** "2 errors, 1 warning", or '' when the idea has no problems. */
export function problemSummary(idea: Pick<OutlineIdea, 'problems'>): string {
  const p = idea.problems;
  if (!p) return '';
  const parts: string[] = [];
  if (p.error > 0) parts.push(`${p.error} error${p.error === 1 ? '' : 's'}`);
  if (p.warning > 0) parts.push(`${p.warning} warning${p.warning === 1 ? '' : 's'}`);
  if (p.info > 0) parts.push(`${p.info} info`);
  return parts.join(', ');
}

export function worstSeverity(idea: Pick<OutlineIdea, 'problems'>): 'error' | 'warning' | 'info' | undefined {
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

function groupIdeas(ideas: readonly PlacedIdea[], by: 'mentor' | 'skill', prefix = ''): Array<Extract<TreeNode, { kind: 'group' }>> {
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
    .map(([key, group]) => ({ kind: 'group', id: `${prefix}${by}:${key}`, by, label: group.label, ideas: group.ideas }));
}

function ideaDetails(parentId: string, placed: PlacedIdea): TreeNode[] {
  const { idea, uri } = placed;
  const lineOf = (name: string) => idea.fields.find((f) => f.name === name)?.line ?? idea.line;
  const nodes: TreeNode[] = [];
  idea.mentors.forEach((mentor, i) => nodes.push({ kind: 'mentor', id: `${parentId}/mentor:${i}`, uri, mentor, line: lineOf('mentors') }));
  if (idea.skills.length > 0) nodes.push({ kind: 'skills', id: `${parentId}/skills`, uri, skills: idea.skills, line: lineOf('skills') });
  idea.issues.forEach((issue, i) => nodes.push({ kind: 'issue', id: `${parentId}/issue:${i}`, uri, issue, line: lineOf('issue') }));
  const severity = worstSeverity(idea);
  if (severity) nodes.push({ kind: 'problems', id: `${parentId}/problems`, uri, summary: problemSummary(idea), severity, line: idea.line });
  return nodes;
}
