// The template in force as a language status item (beside the language mode, as the TypeScript and
// YAML extensions show theirs): its name, where it comes from and why; its action opens the template
// picker. Shown for idea files only, from the server's `socIdeas/status` notifications, which also keep
// the `socIdeas.isIdeaFile` context key. No problem counts: the built-in counters show those.
import * as vscode from 'vscode';
import type { OutlineTemplate, StatusParams } from '../../server/src/protocol';

export const SHOW_TEMPLATE_COMMAND = 'socIdeas.showTemplate';
export const CHOOSE_TEMPLATE_COMMAND = 'socIdeas.chooseTemplate';

/** What the item shows (for the tests: the workbench offers no API to read a language status item). */
export interface ShownStatus {
  readonly text: string;
  readonly detail: string | undefined;
  readonly severity: vscode.LanguageStatusSeverity;
}

export class ActiveFileStatus implements vscode.Disposable {
  /** Exists while the active editor shows an idea file. */
  private item: vscode.LanguageStatusItem | undefined;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly changed = new vscode.EventEmitter<StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [this.changed];
  /** Fires when the server reports on a document (after each check). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
    );
    this.render();
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    if (status.uri === activeUri()) this.render();
    this.changed.fire(status);
  }

  /** What the server last said about the active editor's document. */
  active(): StatusParams | undefined {
    const uri = activeUri();
    return uri === undefined ? undefined : this.byUri.get(uri);
  }

  shown(): ShownStatus | undefined {
    return this.item && { text: this.item.text, detail: this.item.detail, severity: this.item.severity };
  }

  dispose(): void {
    this.item?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  private render(): void {
    const status = this.active();
    void vscode.commands.executeCommand('setContext', 'socIdeas.isIdeaFile', status?.isIdeaFile === true);
    if (!status?.isIdeaFile) {
      // A selector cannot say "idea files only": the item exists only while one is active.
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    const item = (this.item ??= vscode.languages.createLanguageStatusItem('socIdeas.template', { language: 'markdown' }));
    item.name = 'SoC Ideas template';
    item.text = status.template ? status.template.name : 'No template';
    item.detail = [status.template ? `${SOURCE_WORDS[status.template.source] ?? status.template.source}: ${status.template.reason}` : 'no template found', status.notice].filter(Boolean).join('; ');
    item.severity = status.notice ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = { title: 'Choose Template…', command: CHOOSE_TEMPLATE_COMMAND, tooltip: 'Choose the template idea files of this folder are checked against' };
    item.accessibilityInformation = { label: `SoC Ideas template: ${item.text}. ${item.detail}` };
  }
}

/** Where a template came from, in the user's words. */
const SOURCE_WORDS: Record<string, string> = {
  setting: 'chosen',
  inline: 'in this file',
  sibling: 'from a file beside it',
  file: 'from PROJECT_IDEA_TEMPLATE.md',
  form: 'from a GitHub issue form',
  preset: 'built in',
};

export function templateDescription(template: OutlineTemplate): string {
  return `${template.name} (${SOURCE_WORDS[template.source] ?? template.source}): ${template.reason}`;
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
