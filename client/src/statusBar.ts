// The status bar item for the active editor: problems in this file and the template in force, from the
// server's `socIdeas/status` notifications. It also keeps the `socIdeas.isIdeaFile` context key.
import * as vscode from 'vscode';
import type { OutlineTemplate, StatusParams } from '../../server/src/protocol';

export const SHOW_TEMPLATE_COMMAND = 'socIdeas.showTemplate';

export class ActiveFileStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('socIdeas.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly changed = new vscode.EventEmitter<StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [this.item, this.changed];
  /** Fires when the server reports on a document (after each check). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item.name = 'SoC Ideas';
    this.item.command = SHOW_TEMPLATE_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.changed.fire(status);
    if (status.uri === activeUri()) this.render();
  }

  /** What the server last said about the active editor's document. */
  active(): StatusParams | undefined {
    const uri = activeUri();
    return uri === undefined ? undefined : this.byUri.get(uri);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }

  private render(): void {
    const status = this.active();
    void vscode.commands.executeCommand('setContext', 'socIdeas.isIdeaFile', status?.isIdeaFile === true);
    if (!status?.isIdeaFile) {
      this.item.hide();
      return;
    }
    const template = status.template?.name ?? 'no template';
    this.item.text = `$(error) ${status.errors} $(warning) ${status.warnings} $(info) ${status.infos}  ${template}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**SoC Ideas**: ${status.errors} errors, ${status.warnings} warnings, ${status.infos} infos in this file\n\n`);
    tooltip.appendMarkdown(status.template ? `Template: ${templateDescription(status.template)}\n\n` : 'No template found.\n\n');
    if (status.notice) tooltip.appendMarkdown(`${status.notice}\n\n`);
    tooltip.appendMarkdown('Click to show the template.');
    this.item.tooltip = tooltip;
    this.item.backgroundColor = status.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }
}

export function templateDescription(template: OutlineTemplate): string {
  return `${template.name} (${template.source}): ${template.reason}`;
}

/** Opens the template in force: its file when it has one, otherwise says what it is and why. */
export async function showTemplate(template: OutlineTemplate | null | undefined): Promise<void> {
  if (!template) {
    void vscode.window.showInformationMessage('SoC Ideas: the active file is not an idea file, so no template applies.');
    return;
  }
  if (template.uri) {
    const uri = vscode.Uri.parse(template.uri);
    const line = /#L(\d+)$/.exec(uri.fragment)?.[1];
    const editor = await vscode.window.showTextDocument(uri.with({ fragment: '' }), { preview: true });
    if (line !== undefined) {
      const position = new vscode.Position(Number(line) - 1, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    }
    return;
  }
  void vscode.window.showInformationMessage(`SoC Ideas template in force: ${templateDescription(template)}`);
}

function activeUri(): string | undefined {
  return vscode.window.activeTextEditor?.document.uri.toString();
}
