// "Choose Template…" (the language status item's action): the template the active file's folder is
// checked against, written to the `socIdeas.template` setting of its workspace folder (the setting
// wins over .soc-ideas.json). Offers: detect automatically (the setting cleared), each
// PROJECT_IDEA_TEMPLATE.md of the workspace, each built-in template; and showing the one in force.
import * as vscode from 'vscode';
import type { StatusParams, TemplatesResult } from '../../server/src/protocol';
import { showTemplate } from './languageStatus';

export interface TemplatePickerDeps {
  readonly presets: () => Promise<TemplatesResult | undefined>;
  readonly active: () => StatusParams | undefined;
}

interface Choice extends vscode.QuickPickItem {
  /** The setting's new value ('' clears it); undefined for "show the template in force". */
  readonly value?: string;
}

/** Template files beyond this many are not listed (a monorepo of idea lists has a handful). */
const MAX_TEMPLATE_FILES = 50;

/**
 * Sets the template for the active document's folder: to `value` when given (tests, keybindings),
 * else to what the user picks. Returns the value written, or undefined when nothing was.
 */
export async function chooseTemplate(deps: TemplatePickerDeps, value?: string): Promise<string | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  const chosen = value ?? (await pick(deps, doc?.uri));
  if (chosen === undefined) return undefined;
  const config = vscode.workspace.getConfiguration('socIdeas', doc?.uri);
  const folder = doc ? vscode.workspace.getWorkspaceFolder(doc.uri) : undefined;
  const target = folder
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('template', chosen === '' ? undefined : chosen, target);
  return chosen;
}

/** The picker while it is open (the tests pick through it, as a user does). */
let openPicker: vscode.QuickPick<Choice> | undefined;
export function activeTemplatePicker(): vscode.QuickPick<Choice> | undefined {
  return openPicker;
}

async function pick(deps: TemplatePickerDeps, uri: vscode.Uri | undefined): Promise<string | undefined> {
  const status = deps.active();
  const current = uri ? (vscode.workspace.getConfiguration('socIdeas', uri).get<string>('template') ?? '').trim() : '';
  const picker = vscode.window.createQuickPick<Choice>();
  picker.title = 'SoC Ideas: the template to check idea files against';
  picker.placeholder = status?.template ? `In force: ${status.template.name}` : 'Choose a template';
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  // Shown at once, busy while the choices load (a server request and a file search).
  picker.busy = true;
  picker.show();
  openPicker = picker;
  try {
    const picked = await new Promise<Choice | undefined>((resolve) => {
      picker.onDidAccept(() => resolve(picker.selectedItems[0] ?? picker.activeItems[0]));
      picker.onDidHide(() => resolve(undefined));
      templateChoices(deps, uri, current, status).then(
        (items) => {
          picker.items = items;
          picker.busy = false;
        },
        () => (picker.busy = false),
      );
    });
    if (!picked) return undefined;
    if (picked.value === undefined) {
      await showTemplate(status?.template);
      return undefined;
    }
    return picked.value;
  } finally {
    if (openPicker === picker) openPicker = undefined;
    picker.dispose();
  }
}

/** The picker's items, in order: show the one in force, detect, template files, built-in templates. */
export async function templateChoices(deps: TemplatePickerDeps, uri: vscode.Uri | undefined, current: string, status: StatusParams | undefined): Promise<Choice[]> {
  const mark = (value: string) => (value === current ? ' (current setting)' : '');
  const items: Choice[] = [];
  if (status?.template) items.push({ label: '$(go-to-file) Show the template in force', description: status.template.name });
  items.push({ label: 'Checked against', kind: vscode.QuickPickItemKind.Separator });
  items.push({
    label: `Detect automatically${mark('')}`,
    detail: "A template block in the file or beside it, the nearest PROJECT_IDEA_TEMPLATE.md, else the built-in template that fits best",
    value: '',
  });
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  const files = folder ? await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/PROJECT_IDEA_TEMPLATE.md'), '**/node_modules/**', MAX_TEMPLATE_FILES) : [];
  for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const relative = vscode.workspace.asRelativePath(file, false);
    items.push({ label: `$(file) ${relative}${mark(relative)}`, description: 'template file', value: relative });
  }
  const presets = (await deps.presets())?.presets ?? [];
  if (presets.length) items.push({ label: 'Built-in templates', kind: vscode.QuickPickItemKind.Separator });
  for (const preset of presets) items.push({ label: `${preset.name}${mark(preset.id)}`, description: preset.id, detail: preset.summary, value: preset.id });
  return items;
}
