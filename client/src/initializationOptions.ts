// What both clients (Node and browser) tell the server at `initialize`.
import * as vscode from 'vscode';
import type { InitializationOptions } from '../../server/src/protocol';

export function initializationOptions(context: vscode.ExtensionContext): InitializationOptions {
  // The rule pages ship in the extension (.vscodeignore keeps docs/rules): links open them in the editor.
  return { ruleDocsUri: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/` };
}
