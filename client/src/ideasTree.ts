// The "Ideas" view in the Explorer: the active idea file as template → project → idea → mentors, skills,
// issue, problems, fed by the server's `socIdeas/outline`. It follows the active editor, refreshes while
// you type, and has inline actions on ideas (open the issue, copy the idea). With `socIdeas.tree.scope`
// `workspace` it shows every idea file of the workspace instead (`socIdeas/workspaceOutline`): a root
// per file, or mentor and skill groups across the files, as hover counts them.
import * as vscode from 'vscode';
import type { Outline, WorkspaceOutline } from '../../server/src/protocol';
import {
  childNodes,
  fileProblems,
  hasChildren,
  issueLabel,
  mentorLabel,
  problemSummary,
  rootNodes,
  workspaceRootNodes,
  worstSeverity,
  type GroupBy,
  type PlacedIdea,
  type TreeNode,
  type TreeOptions,
} from './ideasTreeModel';
import { templateDescription } from './languageStatus';

export const IDEAS_VIEW = 'socIdeas.ideas';
const REFRESH_DELAY_MS = 300;

export type FetchOutline = (uri: vscode.Uri) => Promise<Outline | undefined>;
export type FetchWorkspaceOutline = () => Promise<WorkspaceOutline | undefined>;
export type TreeScope = 'activeFile' | 'workspace';

export class IdeasTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private lastMarkdown: vscode.TextDocument | undefined;
  private cache: { uri: string; version: number; outline: Outline | undefined } | undefined;
  private workspaceCache: Promise<WorkspaceOutline | undefined> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Parents of the nodes handed out, for TreeView.reveal. */
  private readonly parents = new WeakMap<TreeNode, TreeNode>();
  /**
   * The nodes handed out since the last refresh, by id: asked twice (the view and a reveal, or two
   * fetches racing), an id gets the same object, which VS Code requires ("Element with id … is already
   * registered" otherwise).
   */
  private handedOut = new Map<string, TreeNode>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly fetchOutline: FetchOutline,
    private readonly fetchWorkspaceOutline: FetchWorkspaceOutline = async () => undefined,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => {
        if (treeScope() === 'activeFile') this.refresh();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document() || (treeScope() === 'workspace' && e.document.languageId === 'markdown' && e.contentChanges.length > 0)) {
          this.refreshSoon();
        }
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (treeScope() === 'workspace' && d.languageId === 'markdown') this.refreshSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('socIdeas.tree')) this.refresh();
      }),
    );
  }

  /** The markdown document the tree shows: the active editor's, or the last one when focus left the editors. */
  document(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.lastMarkdown = active.languageId === 'markdown' ? active : undefined;
    return this.lastMarkdown?.isClosed ? undefined : this.lastMarkdown;
  }

  /** The server's outline of the shown document (cached per document version). */
  async outline(): Promise<Outline | undefined> {
    const doc = this.document();
    if (!doc) return undefined;
    const key = { uri: doc.uri.toString(), version: doc.version };
    if (this.cache?.uri === key.uri && this.cache.version === key.version) return this.cache.outline;
    const outline = await this.fetchOutline(doc.uri);
    this.cache = { ...key, outline };
    return outline;
  }

  /** The server's outlines of every idea file of the workspace (asked again after a refresh). */
  workspaceOutline(): Promise<WorkspaceOutline | undefined> {
    this.workspaceCache ??= this.fetchWorkspaceOutline();
    return this.workspaceCache;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      if (treeScope() === 'workspace') {
        const all = await this.workspaceOutline();
        return all ? this.same(workspaceRootNodes(all.files, treeOptions())) : [];
      }
      const outline = await this.outline();
      return outline ? this.same(rootNodes(outline, treeOptions())) : [];
    }
    const children = this.same(childNodes(node));
    for (const child of children) this.parents.set(child, node);
    return children;
  }

  private same(nodes: readonly TreeNode[]): TreeNode[] {
    return nodes.map((n) => {
      const known = this.handedOut.get(n.id);
      if (known) return known;
      this.handedOut.set(n.id, n);
      return n;
    });
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.parents.get(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(labelOf(node), collapsibleState(node));
    item.id = node.id;
    const uri = nodeUri(node) ?? this.document()?.uri.toString();
    const reveal = (line: number): vscode.Command | undefined =>
      uri ? { command: 'socIdeas.tree.reveal', title: 'Go to line', arguments: [uri, line] } : undefined;
    switch (node.kind) {
      case 'file': {
        const summary = problemSummary({ problems: fileProblems(node.file.outline) });
        item.description = [`${node.ideas} idea${node.ideas === 1 ? '' : 's'}`, summary].filter(Boolean).join(' · ');
        item.resourceUri = vscode.Uri.parse(node.file.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = `${node.file.path}${node.file.outline.template ? `\nTemplate: ${templateDescription(node.file.outline.template)}` : ''}`;
        item.contextValue = 'file';
        break;
      }
      case 'template':
        item.description = node.template.source;
        item.tooltip = `Template in force: ${templateDescription(node.template)}`;
        item.iconPath = new vscode.ThemeIcon('file-code');
        item.command = { command: 'socIdeas.showTemplate', title: 'Show template' };
        item.contextValue = 'template';
        break;
      case 'project':
        item.description = `${node.ideas.length} idea${node.ideas.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('project');
        item.command = reveal(node.line);
        item.contextValue = 'project';
        break;
      case 'section':
        item.description = `${node.ideas.length} idea${node.ideas.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('folder');
        item.contextValue = 'section';
        break;
      case 'group':
        item.description = `${node.ideas.length} idea${node.ideas.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon(node.by === 'mentor' ? 'person' : node.by === 'skill' ? 'tag' : 'question');
        item.contextValue = 'group';
        break;
      case 'idea': {
        const { idea } = node.placed;
        item.description = problemSummary(idea) || idea.mentors.map(mentorLabel).join(', ');
        item.tooltip = ideaTooltip(node.placed);
        // A problem's own icon when it has one; otherwise a plain document (a lightbulb means "a fix is available").
        item.iconPath = severityIcon(worstSeverity(idea)) ?? new vscode.ThemeIcon('note');
        // An idea of another file of the folder (front matter, one idea per file) opens that file.
        item.command = idea.uri ? { command: 'socIdeas.tree.reveal', title: 'Go to line', arguments: [idea.uri, idea.line] } : reveal(idea.line);
        item.contextValue = idea.issues.length > 0 ? 'idea hasIssue' : 'idea';
        break;
      }
      case 'mentor':
        item.description = [node.mentor.role, node.mentor.email].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('person');
        item.command = reveal(node.line);
        item.contextValue = 'mentor';
        break;
      case 'skills':
        item.description = node.skills.join(', ');
        item.iconPath = new vscode.ThemeIcon('tag');
        item.command = reveal(node.line);
        item.contextValue = 'skills';
        break;
      case 'issue':
        item.tooltip = node.issue.url;
        item.iconPath = new vscode.ThemeIcon('issues');
        item.command = { command: 'socIdeas.tree.openIssue', title: 'Open issue', arguments: [node] };
        item.contextValue = 'issue hasIssue';
        break;
      case 'problems':
        item.iconPath = severityIcon(node.severity);
        item.command = reveal(node.line);
        item.contextValue = 'problems';
        break;
    }
    return item;
  }

  /** Asks the server again and redraws (the server may know more even when the text is unchanged). */
  refresh(): void {
    clearTimeout(this.refreshTimer);
    this.cache = undefined;
    this.workspaceCache = undefined;
    this.handedOut = new Map();
    this.changed.fire(undefined);
  }

  /** Refresh once typing (or a burst of server reports) pauses. */
  refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.subscriptions) d.dispose();
  }
}

export interface IdeasTree {
  readonly provider: IdeasTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
}

/** Creates the view and its commands; everything lands in context.subscriptions. */
export function registerIdeasTree(context: vscode.ExtensionContext, fetchOutline: FetchOutline, fetchWorkspaceOutline?: FetchWorkspaceOutline): IdeasTree {
  const provider = new IdeasTreeProvider(fetchOutline, fetchWorkspaceOutline);
  const view = vscode.window.createTreeView(IDEAS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const describeView = () => {
    const filter = treeOptions().filter;
    view.message = filter ? `Filtered by "${filter}"` : undefined;
    view.description =
      treeScope() === 'workspace' ? 'Workspace' : provider.document() ? vscode.workspace.asRelativePath(provider.document()!.uri) : undefined;
    void vscode.commands.executeCommand('setContext', 'socIdeas.tree.filtered', filter !== '');
  };
  describeView();
  context.subscriptions.push(
    provider,
    view,
    provider.onDidChangeTreeData(describeView),
    vscode.commands.registerCommand('socIdeas.tree.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('socIdeas.tree.reveal', revealLine),
    vscode.commands.registerCommand('socIdeas.tree.openIssue', (node?: TreeNode) => openIssue(node)),
    vscode.commands.registerCommand('socIdeas.tree.copyIdea', (node?: TreeNode) => copyIdea(provider, node)),
    vscode.commands.registerCommand('socIdeas.tree.groupBy', (groupBy?: GroupBy) => chooseGroupBy(groupBy)),
    vscode.commands.registerCommand('socIdeas.tree.filter', (filter?: string) => chooseFilter(filter)),
    vscode.commands.registerCommand('socIdeas.tree.clearFilter', () => setTreeSetting('filter', '')),
    vscode.commands.registerCommand('socIdeas.tree.scope', (scope?: TreeScope) => chooseScope(scope)),
  );
  return { provider, view };
}

function treeOptions(): TreeOptions {
  const config = vscode.workspace.getConfiguration('socIdeas.tree');
  const groupBy = config.get<string>('groupBy');
  return {
    groupBy: groupBy === 'mentor' || groupBy === 'skill' ? groupBy : 'project',
    filter: config.get<string>('filter') ?? '',
  };
}

export function treeScope(): TreeScope {
  return vscode.workspace.getConfiguration('socIdeas.tree').get<string>('scope') === 'workspace' ? 'workspace' : 'activeFile';
}

// View preferences are the user's, not the repository's: they go to user settings.
function setTreeSetting(key: 'filter' | 'groupBy' | 'scope', value: string): Thenable<void> {
  return vscode.workspace.getConfiguration('socIdeas.tree').update(key, value, vscode.ConfigurationTarget.Global);
}

const GROUP_BY_CHOICES: ReadonlyArray<vscode.QuickPickItem & { readonly value: GroupBy }> = [
  { value: 'project', label: '$(project) Project', description: 'projects, then their ideas, as the file has them' },
  { value: 'mentor', label: '$(person) Mentor', description: 'one group per mentor, with the ideas they mentor' },
  { value: 'skill', label: '$(tag) Skill', description: 'one group per skill (spellings of one skill together)' },
];

async function chooseGroupBy(groupBy?: GroupBy): Promise<void> {
  const now = treeOptions().groupBy;
  const choice =
    groupBy ??
    (
      await vscode.window.showQuickPick(
        GROUP_BY_CHOICES.map((c) => (c.value === now ? { ...c, detail: 'now' } : c)),
        { placeHolder: 'Group the ideas by' },
      )
    )?.value;
  if (choice) await setTreeSetting('groupBy', choice);
}

const SCOPE_CHOICES: ReadonlyArray<vscode.QuickPickItem & { readonly value: TreeScope }> = [
  { value: 'activeFile', label: '$(file) Active File', description: 'the ideas of the file in the editor' },
  { value: 'workspace', label: '$(files) Workspace', description: 'every idea file of the workspace, a root per file' },
];

async function chooseScope(scope?: TreeScope): Promise<void> {
  const now = treeScope();
  const choice =
    scope ??
    (await vscode.window.showQuickPick(SCOPE_CHOICES.map((c) => (c.value === now ? { ...c, detail: 'now' } : c)), { placeHolder: 'Show the ideas of' }))?.value;
  if (choice) await setTreeSetting('scope', choice);
}

async function chooseFilter(filter?: string): Promise<void> {
  const value =
    filter ??
    (await vscode.window.showInputBox({
      prompt: 'Show ideas whose title, mentors or skills contain this text (empty: show all)',
      value: treeOptions().filter,
    }));
  if (value !== undefined) await setTreeSetting('filter', value.trim());
}

async function revealLine(uri: string, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function openIssue(node: TreeNode | undefined): Promise<boolean> {
  const url = node?.kind === 'issue' ? node.issue.url : node?.kind === 'idea' ? node.placed.idea.issues[0]?.url : undefined;
  if (!url) return false;
  return vscode.env.openExternal(vscode.Uri.parse(url));
}

/** Copies the idea's markdown: its heading line up to the next idea's or project's heading. */
async function copyIdea(provider: IdeasTreeProvider, node: TreeNode | undefined): Promise<string | undefined> {
  if (node?.kind !== 'idea') return undefined;
  const shown = provider.document();
  // The workspace tree holds ideas of other files: read the idea's own.
  const doc = shown?.uri.toString() === node.placed.uri ? shown : await vscode.workspace.openTextDocument(vscode.Uri.parse(node.placed.uri));
  if (!doc) return undefined;
  const text = ideaText(doc, node.placed);
  try {
    await vscode.env.clipboard.writeText(text);
  } catch (error) {
    // A browser workbench may refuse clipboard access (no focus or permission).
    void vscode.window.showWarningMessage(`SoC Ideas: could not copy the idea: ${String(error)}`);
  }
  return text;
}

export function ideaText(doc: vscode.TextDocument, placed: PlacedIdea): string {
  const start = new vscode.Position(placed.idea.line, 0);
  const end = new vscode.Position(Math.min(placed.endLine, doc.lineCount), 0);
  return doc.getText(new vscode.Range(start, end)).replace(/\s+$/, '') + '\n';
}

/** The file a node's lines are in (undefined: the shown document's). */
function nodeUri(node: TreeNode): string | undefined {
  switch (node.kind) {
    case 'file':
      return node.file.uri;
    case 'idea':
      return node.placed.uri;
    case 'project':
    case 'mentor':
    case 'skills':
    case 'issue':
    case 'problems':
      return node.uri;
    default:
      return undefined;
  }
}

function labelOf(node: TreeNode): string {
  switch (node.kind) {
    case 'file':
      return node.file.path;
    case 'template':
      return `Template: ${node.template.name}`;
    case 'project':
    case 'section':
      return node.title;
    case 'group':
      return node.label;
    case 'idea':
      return node.placed.idea.title;
    case 'mentor':
      return mentorLabel(node.mentor);
    case 'skills':
      return 'Skills';
    case 'issue':
      return issueLabel(node.issue);
    case 'problems':
      return node.summary;
  }
}

function collapsibleState(node: TreeNode): vscode.TreeItemCollapsibleState {
  if (!hasChildren(node)) return vscode.TreeItemCollapsibleState.None;
  return node.kind === 'idea' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
}

function severityIcon(severity: 'error' | 'warning' | 'info' | undefined): vscode.ThemeIcon | undefined {
  if (severity === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (severity === 'info') return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  return undefined;
}

function ideaTooltip(placed: PlacedIdea): vscode.MarkdownString {
  const { idea } = placed;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMarkdown(idea.title)}**\n\n`);
  if (placed.project) md.appendMarkdown(`Project: ${escapeMarkdown(placed.project)}\n\n`);
  if (idea.mentors.length > 0) md.appendMarkdown(`Mentors: ${escapeMarkdown(idea.mentors.map(mentorLabel).join(', '))}\n\n`);
  if (idea.skills.length > 0) md.appendMarkdown(`Skills: ${escapeMarkdown(idea.skills.join(', '))}\n\n`);
  for (const issue of idea.issues) md.appendMarkdown(`Issue: ${escapeMarkdown(issue.url)}\n\n`);
  const problems = problemSummary(idea);
  if (problems) md.appendMarkdown(`Problems: ${problems}`);
  return md;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
