// Entry point of the VS Code extension in Node: starts the language server as a Node process and wires
// the status bar, the Ideas tree and the commands to it (activate.ts, shared with the browser entry).
// `activate` returns a small API that the integration tests use.
import type * as vscode from 'vscode';
import { activateWith, deactivateClient, type SocIdeasApi } from './activate';
import { createLanguageClient } from './languageClient';

export type { SocIdeasApi } from './activate';

export function activate(context: vscode.ExtensionContext): SocIdeasApi {
  return activateWith(context, createLanguageClient);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
