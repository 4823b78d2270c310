// What both clients (Node and browser) tell the server at `initialize`.
import * as vscode from 'vscode';
import type { InitializationOptions } from '../../server/src/protocol';

/** How long a pause in typing is: about what an editor's own quick suggestions wait, a little more. */
const TYPING_PAUSE_MS = 1_000;

export function initializationOptions(context: vscode.ExtensionContext): InitializationOptions {
  // The rule pages ship in the extension (.vscodeignore keeps docs/rules): links open them in the editor.
  return {
    ruleDocsUri: `${vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`,
    // A field being written is not an error until the user moves to another line or pauses.
    typingPauseMs: TYPING_PAUSE_MS,
  };
}
