/// <reference types="mocha" />
// Runs last, only when SOC_IDEAS_SCREENSHOT is set: arranges the window (the seed-like file with its
// squiggles, the Problems panel, the Ideas tree) and asks scripts/vscode-test-host.mjs for a screenshot
// while the extension host is still alive; then, beside it, the workspace Ideas tree, a mentor's hover
// and the language status item (docs/screenshot-tree.png, -hover.png, -status.png).
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateWithServer, lineContaining, openFixture, waitForDiagnostics } from './helpers';

/** Must match SCREENSHOT_MARKER in scripts/vscode-test-host.mjs. */
const SCREENSHOT_MARKER = '[soc-ideas] screenshot-ready';

suite('workbench screenshot', () => {
  test('arranges the window and waits for the screenshot', async function () {
    const target = process.env.SOC_IDEAS_SCREENSHOT;
    if (!target) this.skip();
    this.timeout(180_000);
    const api = await activateWithServer();
    const editor = await openFixture('ideas-2019.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics to show');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.commands.executeCommand('socIdeas.ideas.focus');
    // Expand the first project's ideas so the tree shows mentors, skills and issues too.
    const [, firstProject] = await api.ideasTree.getChildren();
    const [firstIdea] = firstProject ? await api.ideasTree.getChildren(firstProject) : [];
    if (firstIdea) await api.ideasView.reveal(firstIdea, { expand: true, focus: false, select: false });
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
    const line = lineContaining(doc, 'Signed manifests in the mirror API');
    const at = new vscode.Position(line + 4, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);

    await shoot(target);

    // The Ideas tree of the whole workspace: a root per idea file, one file's first idea opened.
    await vscode.workspace.getConfiguration('socIdeas.tree').update('scope', 'workspace', vscode.ConfigurationTarget.Global);
    try {
      api.ideasTree.refresh();
      let files = await api.ideasTree.getChildren();
      for (const until = Date.now() + 15_000; files.length < 2 && Date.now() < until; files = await api.ideasTree.getChildren()) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        api.ideasTree.refresh();
      }
      for (const file of files) {
        const [, project] = await api.ideasTree.getChildren(file);
        const [idea] = project ? await api.ideasTree.getChildren(project) : [];
        if (idea) await api.ideasView.reveal(idea, { expand: true, focus: false, select: false });
      }
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
      // Room for the tree: the other Explorer sections folded away, the Ideas view grown.
      for (const view of ['workbench.explorer.fileView', 'outline', 'timeline']) {
        await vscode.commands.executeCommand(`${view}.removeView`).then(undefined, () => undefined);
      }
      await vscode.commands.executeCommand('socIdeas.ideas.focus');
      for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.increaseViewSize').then(undefined, () => undefined);
      await shoot(beside(target, 'screenshot-tree.png'));
    } finally {
      await vscode.workspace.getConfiguration('socIdeas.tree').update('scope', undefined, vscode.ConfigurationTarget.Global);
    }

    // A mentor's hover: who they are and their ideas across the workspace.
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
    const mentorLine = lineContaining(doc, '(@rkumar)');
    const handle = new vscode.Position(mentorLine, doc.lineAt(mentorLine).text.indexOf('@rkumar') + 2);
    editor.selection = new vscode.Selection(handle, handle);
    editor.revealRange(new vscode.Range(mentorLine, 0, mentorLine, 0), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await shoot(beside(target, 'screenshot-hover.png'));
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);

    // The language status item (the `{}` beside the language mode): the template in force, its source, "Change…".
    await shoot(beside(target, 'screenshot-status.png'), '[id="status.languageStatus"]');
  });
});

function beside(target: string, name: string): string {
  return path.join(path.dirname(target), name);
}

/** Asks the host for a screenshot (to `file`, pointing the mouse at `hover` first) and waits until it is written. */
async function shoot(file: string, hover?: string): Promise<void> {
  rmSync(file, { force: true });
  const main = process.env.SOC_IDEAS_SCREENSHOT;
  console.log(main && path.resolve(file) === path.resolve(main) ? SCREENSHOT_MARKER : `${SCREENSHOT_MARKER} ${path.basename(file)}${hover ? ` hover=${hover}` : ''}`);
  const deadline = Date.now() + 30_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`no screenshot at ${file}`);
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling the file the host writes
  }
}
