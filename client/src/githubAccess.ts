// Tells the language server whether the workspace is trusted and, where `socIdeas.github.checkIssues`
// is on, which GitHub token to look issues up with (VS Code's own GitHub sign-in, no scopes: public
// issues only). Sign-in is asked for only when the user turns the check on; otherwise an existing
// session is used, or the Accounts menu offers one. An untrusted workspace sends no token, and the
// server makes no request for it.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { GITHUB_ACCESS_NOTIFICATION, type GitHubAccessParams } from '../../server/src/protocol';

const SETTING = 'socIdeas.github.checkIssues';

export function shareGitHubAccess(context: vscode.ExtensionContext, client: BaseLanguageClient, output: vscode.LogOutputChannel): void {
  const send = async (askToSignIn: boolean) => {
    if (client.state !== State.Running) return;
    const trusted = vscode.workspace.isTrusted;
    const on = vscode.workspace.getConfiguration().get<boolean>(SETTING, false);
    let token: string | undefined;
    if (trusted && on) {
      try {
        const session = await vscode.authentication.getSession('github', [], askToSignIn ? { createIfNone: true } : { createIfNone: false });
        token = session?.accessToken;
      } catch (error) {
        // Declined or failed: issues are looked up without a token (GitHub's lower rate limit).
        output.warn(`GitHub sign-in for the issue check: ${String(error)}`);
      }
    }
    const params: GitHubAccessParams = { trusted, ...(token ? { token } : {}) };
    await client.sendNotification(GITHUB_ACCESS_NOTIFICATION, params);
  };
  const sendLogged = (askToSignIn: boolean) => void send(askToSignIn).catch((error: unknown) => output.warn(`${GITHUB_ACCESS_NOTIFICATION} failed: ${String(error)}`));
  context.subscriptions.push(
    // Every start (and restart) of the server begins untrusted: tell it again.
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) sendLogged(false);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTING)) sendLogged(vscode.workspace.getConfiguration().get<boolean>(SETTING, false));
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => sendLogged(false)),
    vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id === 'github') sendLogged(false);
    }),
  );
}
