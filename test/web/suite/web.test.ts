/// <reference types="mocha" />
// The extension in the web extension host (a web worker: no `process`, no file system), as in
// vscode.dev and github.dev: the language server runs in its own worker and reads the workspace through
// vscode.workspace.fs. The workspace is test/fixtures/workspace, mounted by @vscode/test-web.
import * as vscode from 'vscode';
import type { SocIdeasApi } from '../../../client/src/activate';
import { OUTLINE_REQUEST } from '../../../server/src/protocol';

const EXTENSION_ID = 'soc-ideas.soc-ideas';
const TIMEOUT_MS = 20_000;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function activate(): Promise<SocIdeasApi> {
  const extension = vscode.extensions.getExtension<SocIdeasApi>(EXTENSION_ID);
  check(extension, `${EXTENSION_ID} is loaded in the web extension host`);
  const api = await extension.activate();
  await api.ready;
  check(api.isServerRunning(), 'the language server runs in its web worker (is dist/web/server.js built?)');
  return api;
}

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** An untitled copy of a fixture, so that edits never reach the fixture file. */
async function openFixtureCopy(name: string): Promise<vscode.TextEditor> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  return vscode.window.showTextDocument(doc, { preview: false });
}

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : String(typeof code === 'object' ? code.value : code);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.range.start.line + 1}: ${ruleOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/** Resolves with the diagnostics of `uri` once `accept` holds (checked now and on every change). */
function waitForDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  if (accept(current())) return Promise.resolve(current());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${what}; diagnostics:\n${describe(current())}`));
    }, TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      if (!accept(current())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    });
  });
}

function lineContaining(doc: vscode.TextDocument, text: string): number {
  for (let line = 0; line < doc.lineCount; line++) if (doc.lineAt(line).text.includes(text)) return line;
  throw new Error(`no line contains ${JSON.stringify(text)}`);
}

async function closeActiveEditorUnsaved(): Promise<void> {
  if (vscode.window.activeTextEditor?.document.isUntitled) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('in the browser (web extension host)', () => {
  suiteSetup(activate);
  teardown(closeActiveEditorUnsaved);

  test('runs in a web worker, without Node', () => {
    check(typeof (globalThis as { process?: unknown }).process === 'undefined', 'no `process` in the web extension host');
    check(vscode.env.uiKind === vscode.UIKind.Web, `uiKind is Web (got ${vscode.env.uiKind})`);
    console.log(`    VS Code ${vscode.version} (${vscode.env.appName}), workspace ${fixtureUri('').toString()}`);
  });

  test('a fixture idea file in the workspace gets its diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('ideas-2019.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const expected = ['field-label', 'missing-field', 'mentor-format', 'list-marker'];
    await waitForDiagnostics(doc.uri, (ds) => expected.every((rule) => ds.some((d) => ruleOf(d) === rule)), `diagnostics ${expected.join(', ')} on ideas-2019.md`);
  });

  test('after `Mentor(s): ` a mentor from another idea file (read through vscode.workspace.fs) is offered', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the copy');
    const line = lineContaining(doc, 'Mentor(s): Tom Becker');
    const valueStart = doc.lineAt(line).text.indexOf('Mentor(s): ') + 'Mentor(s): '.length;
    await editor.edit((e) => e.delete(new vscode.Range(line, valueStart, line, doc.lineAt(line).text.length)));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, valueStart));
    const texts = list.items.map((i) => `${typeof i.label === 'string' ? i.label : i.label.label} ${typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? '')}`);
    // Priya Natarajan mentors only in ideas-2018.md, which is not open: the worker's index found it.
    check(texts.some((t) => t.includes('pnatarajan')), `completions offered: ${texts.slice(0, 30).join(' | ') || 'none'}`);
  });

  test('a field-label quick fix applies and its diagnostic goes away', async () => {
    const { document: doc } = await openFixtureCopy('ideas-2019.md');
    const line = lineContaining(doc, 'Mentors: Jane Doe');
    const onLine = (ds: readonly vscode.Diagnostic[]) => ds.find((d) => ruleOf(d) === 'field-label' && d.range.start.line === line);
    const diagnostic = onLine(await waitForDiagnostics(doc.uri, (ds) => onLine(ds) !== undefined, 'the field-label diagnostic'));
    check(diagnostic, 'the field-label diagnostic');
    // The server may still be checking the version the diagnostic came from: ask again until it answers.
    let actions: vscode.CodeAction[] = [];
    for (let attempt = 0; attempt < 40 && !actions.some((a) => a.edit && a.title.includes('Mentor(s)')); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    }
    const fix = actions.find((a) => a.edit && a.title.includes('Mentor(s)'));
    check(fix?.edit, `a quick fix to "Mentor(s)"; got ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    check(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    check(/Mentor\(s\): Jane Doe/.test(doc.lineAt(line).text), `fixed line: ${doc.lineAt(line).text}`);
    await waitForDiagnostics(doc.uri, (ds) => onLine(ds) === undefined, 'the field-label diagnostic to go away');
  });

  test('the Ideas tree says what the workspace parts are based on', async () => {
    const api = await activate();
    const doc = await vscode.workspace.openTextDocument(fixtureUri('ideas-2019.md'));
    await vscode.window.showTextDocument(doc, { preview: false });
    const outline = await api.ideasTree.outline();
    check(outline?.isIdeaFile, `an outline of ideas-2019.md from ${OUTLINE_REQUEST}`);
    check(/idea files? indexed via vscode\.workspace\.fs/.test(outline.basis ?? ''), `basis: ${outline.basis}`);
    check(!/not every file|only open files/.test(outline.basis ?? ''), `the fixture workspace is indexed whole: ${outline.basis}`);
  });
});
