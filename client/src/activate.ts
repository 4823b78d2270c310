// What the Node and the browser entries share: the status bar, the Ideas tree and the commands, wired
// to a language client. Only the client differs (a Node process or a web worker), so it is passed in.
// No `vscode-languageclient/node` here: the browser bundle includes this file.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type BaseLanguageClient, type ExecuteCommandParams } from 'vscode-languageclient';
import {
  APPLY_FIX_ALL_COMMAND,
  IDEA_SNIPPET_REQUEST,
  OUTLINE_REQUEST,
  STATUS_NOTIFICATION,
  WORKSPACE_OUTLINE_REQUEST,
  TEMPLATES_REQUEST,
  type FixAllSummary,
  type IdeaSnippetParams,
  type IdeaSnippetResult,
  type Outline,
  type OutlineParams,
  type StatusParams,
  type TemplatesResult,
  type WorkspaceOutline,
} from '../../server/src/protocol';
import { registerCommands } from './commands';
import { shareGitHubAccess } from './githubAccess';
import { registerIdeasTree, treeScope, type IdeasTreeProvider } from './ideasTree';
import type { TreeNode } from './ideasTreeModel';
import { RestartBudget } from './restartBudget';
import { activeTemplatePicker } from './templatePicker';
import { ActiveFileStatus } from './languageStatus';

export interface SocIdeasApi {
  readonly ideasTree: IdeasTreeProvider;
  readonly ideasView: vscode.TreeView<TreeNode>;
  readonly status: ActiveFileStatus;
  /** The template picker while it is open. */
  readonly templatePicker: typeof activeTemplatePicker;
  /** Settles when the language client has started (or failed to). */
  readonly ready: Promise<void>;
  readonly isServerRunning: () => boolean;
  /** Fires when the language server starts or stops, also when it crashes and is restarted. */
  readonly onDidChangeServerState: vscode.Event<unknown>;
  /** True when the server crashed more often than the restart budget allows and is no longer restarted. */
  readonly serverStoppedForGood: () => boolean;
  /** Milliseconds from `activate` to its return, and to the language server answering `initialize`. */
  readonly timings: { readonly activateMs: number; serverReadyMs?: number };
}

export type CreateLanguageClient = (context: vscode.ExtensionContext, output: vscode.LogOutputChannel, budget: RestartBudget) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

export function activateWith(context: vscode.ExtensionContext, createLanguageClient: CreateLanguageClient): SocIdeasApi {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('SoC Ideas', { log: true });
  const budget = new RestartBudget();
  const languageClient = createLanguageClient(context, output, budget);
  client = languageClient;
  shareGitHubAccess(context, languageClient, output);
  const status = new ActiveFileStatus();
  context.subscriptions.push(output, status, languageClient.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.update(params)));

  const timings: { activateMs: number; serverReadyMs?: number } = { activateMs: 0 };
  const ready = languageClient.start().then(() => {
    timings.serverReadyMs = Date.now() - started;
    output.info(`activated; language server ready in ${timings.serverReadyMs} ms`);
  }).catch((error: unknown) => {
    output.error(`the language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage('SoC Ideas: the language server did not start; see the output.');
  });

  /** A custom request, or undefined (logged) when the server is down or does not answer it. */
  async function request<P, R>(method: string, params: P): Promise<R | undefined> {
    await ready;
    if (languageClient.state !== State.Running) return undefined;
    try {
      return await languageClient.sendRequest<R>(method, params);
    } catch (error) {
      output.warn(`${method} failed: ${String(error)}`);
      return undefined;
    }
  }
  const uriOf = (uri: vscode.Uri) => languageClient.code2ProtocolConverter.asUri(uri);

  const { provider: ideasTree, view: ideasView } = registerIdeasTree(
    context,
    (uri) => request<OutlineParams, Outline>(OUTLINE_REQUEST, { uri: uriOf(uri) }),
    () => request<Record<string, never>, WorkspaceOutline>(WORKSPACE_OUTLINE_REQUEST, {}),
  );
  // The server re-checks a file when other files change (shared mentors, skills): follow it.
  context.subscriptions.push(
    status.onDidChange((params) => {
      if (treeScope() === 'workspace' || params.uri === ideasTree.document()?.uri.toString()) ideasTree.refreshSoon();
    }),
  );

  registerCommands(context, {
    output,
    restartServer: async () => {
      budget.reset();
      // BaseLanguageClient has no restart(): stop and start does the same for both clients.
      if (languageClient.state === State.Running) await languageClient.stop();
      await languageClient.start();
    },
    ideaSnippet: (uri, position) =>
      request<IdeaSnippetParams, IdeaSnippetResult>(IDEA_SNIPPET_REQUEST, { uri: uriOf(uri), position: { line: position.line, character: position.character } }),
    fixAll: (uri) => request<ExecuteCommandParams, FixAllSummary>(ExecuteCommandRequest.method, { command: APPLY_FIX_ALL_COMMAND, arguments: [uriOf(uri)] }),
    active: () => status.active(),
    presets: () => request<Record<string, never>, TemplatesResult>(TEMPLATES_REQUEST, {}),
  });

  timings.activateMs = Date.now() - started;
  return {
    ideasTree,
    ideasView,
    status,
    templatePicker: activeTemplatePicker,
    ready,
    isServerRunning: () => languageClient.state === State.Running,
    onDidChangeServerState: languageClient.onDidChangeState,
    serverStoppedForGood: () => budget.exhausted,
    timings,
  };
}

export async function deactivateClient(): Promise<void> {
  if (client && client.state !== State.Stopped) await client.stop();
  client = undefined;
}
