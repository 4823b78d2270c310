// The custom protocol and the settings, typed once: the client and the server both import this file.
// No imports from `vscode` or LSP libraries here, so the web and Node builds share it.

/** `socIdeas/outline`: the model the tree view shows, for one document. */
export const OUTLINE_REQUEST = 'socIdeas/outline';

export interface OutlineParams {
  readonly uri: string;
}

export interface OutlineField {
  readonly name: string; // canonical key, or '' when the label is unknown
  readonly label: string;
  readonly line: number; // 0-based in the protocol; the CLI prints 1-based
  readonly value: string;
}

export interface OutlineMentor {
  readonly name?: string;
  readonly handle?: string;
  readonly email?: string;
  /** A role or note written with the entry (`primary`, `co-mentor`, `from the storage team`). */
  readonly role?: string;
}

export interface OutlineIssue {
  readonly url: string;
  readonly owner?: string;
  readonly repo?: string;
  readonly number?: number;
}

export interface OutlineIdea {
  readonly title: string;
  readonly line: number;
  /** Sub-project and theme headings between the project and the idea, outermost first (absent when none). */
  readonly path?: readonly string[];
  readonly fields: readonly OutlineField[];
  readonly mentors: readonly OutlineMentor[];
  readonly skills: readonly string[];
  readonly issues: readonly OutlineIssue[];
  /** Problems on this idea, by severity. */
  readonly problems?: { readonly error: number; readonly warning: number; readonly info: number };
  /** Set when the idea is in another file (a folder of front-matter files shown as one list): its URI. */
  readonly uri?: string;
}

export interface OutlineProject {
  readonly title: string;
  readonly line: number;
  readonly ideas: readonly OutlineIdea[];
}

export interface OutlineTemplate {
  readonly id: string;
  readonly name: string;
  /** Where the template came from: `setting`, `inline`, `file`, `preset`. */
  readonly source: string;
  readonly uri?: string;
  readonly reason: string;
}

export interface Outline {
  readonly file: string;
  readonly template: OutlineTemplate | null;
  readonly projects: readonly OutlineProject[];
  /** Ideas outside any project. */
  readonly orphans?: readonly OutlineIdea[];
  readonly isIdeaFile: boolean;
  /** What the workspace-wide parts (mentors, skills) are based on, e.g. "12 idea files indexed". */
  readonly basis?: string;
}

/**
 * `socIdeas/workspaceOutline`: the outline of every idea file of the workspace (open ones as edited,
 * the others as saved), for the tree's `workspace` scope. Its counts are the ones hover gives: the
 * same indexed files.
 */
export const WORKSPACE_OUTLINE_REQUEST = 'socIdeas/workspaceOutline';

export interface WorkspaceOutlineFile {
  readonly uri: string;
  /** The file's path relative to its workspace folder (the folder's name first in a multi-root workspace). */
  readonly path: string;
  readonly outline: Outline;
}

export interface WorkspaceOutline {
  /** In path order. */
  readonly files: readonly WorkspaceOutlineFile[];
  /** What the list is based on, e.g. "12 idea files indexed". */
  readonly basis: string;
}

/** `socIdeas/status` notification from server to client: for the status bar. */
export const STATUS_NOTIFICATION = 'socIdeas/status';
export interface StatusParams {
  readonly uri: string;
  readonly isIdeaFile: boolean;
  readonly template: OutlineTemplate | null;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Set when checks were limited (huge file). */
  readonly notice?: string;
}

/** `socIdeas/ideaSnippet` request from client to server: a new idea in the template in force, as snippet text. */
export const IDEA_SNIPPET_REQUEST = 'socIdeas/ideaSnippet';
export interface IdeaSnippetParams {
  readonly uri: string;
  /**
   * Where it goes (an empty line, or the end of a line with text): the snippet is then written as the
   * file writes its ideas there, with blank lines between it and the text around it.
   */
  readonly position?: { readonly line: number; readonly character: number };
}
export interface IdeaSnippetResult {
  /** VS Code / LSP snippet syntax (line breaks `\n`): the idea heading and the template's fields in order, with tab stops. */
  readonly snippet: string;
  /** The template the snippet follows. */
  readonly template: OutlineTemplate | null;
}

/** `socIdeas/templates` request from client to server: the built-in templates, for the template picker. */
export const TEMPLATES_REQUEST = 'socIdeas/templates';
export interface TemplateChoice {
  /** What `socIdeas.template` takes. */
  readonly id: string;
  readonly name: string;
  /** Levels, mentor layout and required fields: what tells it from the others. */
  readonly summary: string;
}
export interface TemplatesResult {
  readonly presets: readonly TemplateChoice[];
}

/**
 * `socIdeas/readFile` request from the web-worker server to the client: a file's text through
 * `vscode.workspace.fs` (the worker has no file system). `text` is absent when the file cannot be read.
 */
export const READ_FILE_REQUEST = 'socIdeas/readFile';
export interface ReadFileParams {
  readonly uri: string;
}
export interface ReadFileResult {
  readonly text?: string;
  /** The file is there but is not read: why ("not a regular file", "too large (…)"), as `Unreadable` says. */
  readonly unreadable?: string;
}

/** `socIdeas/listFiles` request from the web-worker server to the client: the markdown and config files of a folder. */
export const LIST_FILES_REQUEST = 'socIdeas/listFiles';
export interface ListFilesParams {
  readonly folderUri: string;
}
export interface ListFilesResult {
  readonly uris: readonly string[];
  /** Set when the list is not every file: the search hit its limit, or the folder could not be searched. */
  readonly limitation?: string;
}

/** What a client may pass as `initializationOptions` in `initialize`. */
export interface InitializationOptions {
  /** The `socIdeas` settings, for clients that neither answer `workspace/configuration` nor push them. */
  readonly settings?: unknown;
  /**
   * Folder URI of the rule pages the client ships (`<rule>.md` inside): diagnostics link to them and
   * "Show documentation" opens them. Absent: the pages beside the Node server's bundle, if there are any.
   */
  readonly ruleDocsUri?: string;
  /** GitHubAccessParams, before the first `socIdeas/githubAccess` notification. */
  readonly githubAccess?: unknown;
  /**
   * A field being written is not an error yet: an empty-field finding on the line of the last edit is
   * held back until an edit on another line, or until the user pauses this long (ms). Absent or 0:
   * every check publishes all its findings (what other clients and the tests get).
   */
  readonly typingPauseMs?: number;
}

/**
 * `workspace/executeCommand` command the server offers: applies every automatic fix to an open document
 * (argument: its URI) through `workspace/applyEdit`, shows what it fixed and returns a FixAllSummary.
 */
export const APPLY_FIX_ALL_COMMAND = 'socIdeas.applyFixAll';

/** What `socIdeas.applyFixAll` fixed. */
export interface FixAllSummary {
  readonly fixes: number;
  /** Fixes per rule id. */
  readonly byRule: Readonly<Record<string, number>>;
}

/** `workspace/executeCommand` command the server offers: opens a rule's page (argument: the rule id). */
export const SHOW_RULE_DOCUMENTATION_COMMAND = 'socIdeas.showRuleDocumentation';

/**
 * `socIdeas/githubAccess` notification from client to server (also accepted as `initializationOptions.githubAccess`):
 * whether the workspace is trusted, and the GitHub token to look issues up with. Until a client says the
 * workspace is trusted, the server makes no request; it asks GitHub only where `socIdeas.github.checkIssues` is on.
 */
export const GITHUB_ACCESS_NOTIFICATION = 'socIdeas/githubAccess';
export interface GitHubAccessParams {
  readonly trusted: boolean;
  /** An OAuth token (VS Code's GitHub session); absent: unauthenticated requests. */
  readonly token?: string;
}

/** The `socIdeas.*` settings, read per resource through `workspace/configuration`. */
export interface SocIdeasSettings {
  readonly enable: boolean;
  /** Template path (relative to the workspace folder) or built-in preset id; '' = detect. */
  readonly template: string;
  /** Per-rule level overrides: `{ "field-order": "off" }`. */
  readonly rules: Readonly<Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>>;
  readonly trace: { readonly server: 'off' | 'messages' | 'verbose' };
  /** `scope`: the Ideas view shows the active file, or every idea file of the workspace (a root per file). */
  readonly tree: { readonly filter: string; readonly groupBy: 'project' | 'mentor' | 'skill'; readonly scope: 'activeFile' | 'workspace' };
  /** Whose problems are published: open files only, or every idea file of the workspace. */
  readonly problems: { readonly scope: 'openFiles' | 'workspace' };
  /** `checkIssues`: look linked issues up on GitHub (issue-state, issue-assigned, hover); off unless turned on. */
  readonly github: { readonly checkIssues: boolean };
}

export const DEFAULT_SETTINGS: SocIdeasSettings = {
  enable: true,
  template: '',
  rules: {},
  trace: { server: 'off' },
  tree: { filter: '', groupBy: 'project', scope: 'activeFile' },
  problems: { scope: 'openFiles' },
  github: { checkIssues: false },
};

/** Merge a partial settings object (as `workspace/configuration` returns it) over the defaults. */
export function normaliseSettings(raw: unknown): SocIdeasSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const tree = (r.tree && typeof r.tree === 'object' ? r.tree : {}) as Record<string, unknown>;
  const trace = (r.trace && typeof r.trace === 'object' ? r.trace : {}) as Record<string, unknown>;
  const problems = (r.problems && typeof r.problems === 'object' ? r.problems : {}) as Record<string, unknown>;
  const github = (r.github && typeof r.github === 'object' ? r.github : {}) as Record<string, unknown>;
  const groupBy = tree.groupBy === 'mentor' || tree.groupBy === 'skill' ? tree.groupBy : 'project';
  const traceServer = trace.server === 'messages' || trace.server === 'verbose' ? trace.server : 'off';
  const rules: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (level === 'error' || level === 'warning' || level === 'info' || level === 'hint' || level === 'off') rules[id] = level;
    }
  }
  return {
    enable: r.enable !== false,
    template: typeof r.template === 'string' ? r.template : '',
    rules,
    trace: { server: traceServer },
    tree: { filter: typeof tree.filter === 'string' ? tree.filter : '', groupBy, scope: tree.scope === 'workspace' ? 'workspace' : 'activeFile' },
    problems: { scope: problems.scope === 'workspace' ? 'workspace' : 'openFiles' },
    github: { checkIssues: github.checkIssues === true },
  };
}
