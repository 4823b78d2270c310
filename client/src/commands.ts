// The editor commands: fix all, insert an idea, restart the server, show its output, show or choose the template.
// (The tree's own commands live in ideasTree.ts.)
import * as vscode from 'vscode';
import type { FixAllSummary, IdeaSnippetResult, StatusParams, TemplatesResult } from '../../server/src/protocol';
import { CHOOSE_TEMPLATE_COMMAND, showTemplate, SHOW_TEMPLATE_COMMAND } from './languageStatus';
import { chooseTemplate } from './templatePicker';

export interface CommandDeps {
  readonly output: vscode.LogOutputChannel;
  readonly restartServer: () => Promise<void>;
  readonly ideaSnippet: (uri: vscode.Uri, position: vscode.Position) => Promise<IdeaSnippetResult | undefined>;
  /** The server applies every certain fix to the document and says what it changed. */
  readonly fixAll: (uri: vscode.Uri) => Promise<FixAllSummary | undefined>;
  /** What the server last said about the active document. */
  readonly active: () => StatusParams | undefined;
  readonly presets: () => Promise<TemplatesResult | undefined>;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('socIdeas.fixAll', () => fixAll(deps)),
    vscode.commands.registerCommand('socIdeas.insertIdea', () => insertIdea(deps)),
    vscode.commands.registerCommand('socIdeas.restartServer', deps.restartServer),
    vscode.commands.registerCommand('socIdeas.showOutput', () => deps.output.show(true)),
    vscode.commands.registerCommand(SHOW_TEMPLATE_COMMAND, () => showTemplate(deps.active()?.template)),
    vscode.commands.registerCommand(CHOOSE_TEMPLATE_COMMAND, (value?: string) => chooseTemplate(deps, typeof value === 'string' ? value : undefined)),
  );
}

function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage('SoC Ideas: open a markdown idea file first.');
  return undefined;
}

/** Has the server apply every certain fix to the active document (it shows what it fixed); true when it fixed something. */
async function fixAll(deps: CommandDeps): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  const summary = await deps.fixAll(editor.document.uri);
  return (summary?.fixes ?? 0) > 0;
}

/** Inserts a new idea in the template in force, as the file writes its ideas (the server builds the snippet). */
async function insertIdea(deps: CommandDeps): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  // On a line with text the idea goes after it; the server separates it with blank lines.
  const line = editor.document.lineAt(editor.selection.active.line);
  const position = line.isEmptyOrWhitespace ? line.range.start : line.range.end;
  const result = await deps.ideaSnippet(editor.document.uri, position);
  if (!result?.snippet) {
    void vscode.window.showWarningMessage('SoC Ideas: the language server did not provide an idea template; see the output.');
    return false;
  }
  return editor.insertSnippet(new vscode.SnippetString(result.snippet), line.isEmptyOrWhitespace ? line.range : position);
}
