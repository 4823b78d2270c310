// The editor commands: fix all, insert an idea, restart the server, show its output, show the template.
// (The tree's own commands live in ideasTree.ts.)
import * as vscode from 'vscode';
import type { IdeaSnippetResult, OutlineTemplate } from '../../server/src/protocol';
import { showTemplate, SHOW_TEMPLATE_COMMAND } from './statusBar';

/** The code action kind the server offers for "fix everything that has a certain fix". */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('socIdeas');

export interface CommandDeps {
  readonly output: vscode.LogOutputChannel;
  readonly restartServer: () => Promise<void>;
  readonly ideaSnippet: (uri: vscode.Uri) => Promise<IdeaSnippetResult | undefined>;
  readonly activeTemplate: () => OutlineTemplate | null | undefined;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('socIdeas.fixAll', fixAll),
    vscode.commands.registerCommand('socIdeas.insertIdea', () => insertIdea(deps)),
    vscode.commands.registerCommand('socIdeas.restartServer', deps.restartServer),
    vscode.commands.registerCommand('socIdeas.showOutput', () => deps.output.show(true)),
    vscode.commands.registerCommand(SHOW_TEMPLATE_COMMAND, () => showTemplate(deps.activeTemplate())),
  );
}

function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage('SoC Ideas: open a markdown idea file first.');
  return undefined;
}

/** Applies the server's fix-all action to the active document; true when there was one to apply. */
async function fixAll(): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  const doc = editor.document;
  const whole = doc.validateRange(new vscode.Range(0, 0, doc.lineCount, 0));
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    whole,
    FIX_ALL_KIND.value,
    1, // resolve the first action's edit if the server computes it lazily
  );
  const action = actions?.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage('SoC Ideas: nothing to fix automatically in this file.');
    return false;
  }
  if (action.edit) await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}

/** Inserts a new idea shaped by the template in force (the server builds the snippet). */
async function insertIdea(deps: CommandDeps): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  const result = await deps.ideaSnippet(editor.document.uri);
  if (!result?.snippet) {
    void vscode.window.showWarningMessage('SoC Ideas: the language server did not provide an idea template; see the output.');
    return false;
  }
  // On a line with text, start the idea on a fresh line below it, separated by a blank line.
  const line = editor.document.lineAt(editor.selection.active.line);
  if (line.isEmptyOrWhitespace) return editor.insertSnippet(new vscode.SnippetString(result.snippet), editor.selection);
  return editor.insertSnippet(new vscode.SnippetString(`\n\n${result.snippet}`), line.range.end);
}
