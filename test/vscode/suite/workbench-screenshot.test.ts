/// <reference types="mocha" />
// Runs last, only when SOC_IDEAS_SCREENSHOT is set: arranges the window (the seed-like file with its
// squiggles, the Problems panel, the Ideas tree) and asks scripts/vscode-test-host.mjs for a screenshot
// while the extension host is still alive.
import { existsSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateWithServer, lineContaining, openFixture, waitForDiagnostics } from './helpers';

/** Must match SCREENSHOT_MARKER in scripts/vscode-test-host.mjs. */
const SCREENSHOT_MARKER = '[soc-ideas] screenshot-ready';

suite('workbench screenshot', () => {
  test('arranges the window and waits for the screenshot', async function () {
    const target = process.env.SOC_IDEAS_SCREENSHOT;
    if (!target) this.skip();
    this.timeout(60_000);
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

    rmSync(target, { force: true });
    console.log(SCREENSHOT_MARKER);
    const deadline = Date.now() + 30_000;
    while (!existsSync(target)) {
      if (Date.now() > deadline) throw new Error(`no screenshot at ${target}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // polling the file the host writes
    }
  });
});
