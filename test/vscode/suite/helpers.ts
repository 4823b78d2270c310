// Shared by the extension-host tests: the extension's API, the fixture workspace, and waiting for
// events with a timeout (never fixed sleeps).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SocIdeasApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'soc-ideas.soc-ideas';
const DEFAULT_TIMEOUT_MS = 20_000;

export async function activateExtension(): Promise<SocIdeasApi> {
  const extension = vscode.extensions.getExtension<SocIdeasApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded in the extension host`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** For tests that need the language server: fails at once when it is not running. */
export async function activateWithServer(): Promise<SocIdeasApi> {
  const api = await activateExtension();
  assert.ok(api.isServerRunning(), 'the language server is running (is dist/server.js built? see the SoC Ideas output)');
  return api;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * An untitled copy of a fixture, for tests that edit: the fixture file itself is never changed.
 * Close it with closeActiveEditorUnsaved.
 */
export async function openFixtureCopy(name: string): Promise<vscode.TextEditor> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Closes an untitled editor and waits until the server has cleared its diagnostics, which it does on
 * `didClose`: VS Code gives the next untitled document the same name, and a close the server has not yet
 * seen would meet that document's open.
 */
export async function closeActiveEditorUnsaved(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc?.isUntitled) return;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, `the server to clear the diagnostics of the closed ${doc.uri.toString()}`);
}

/** The 0-based line of the first line containing `text`. */
export function lineContaining(doc: vscode.TextDocument, text: string): number {
  for (let line = 0; line < doc.lineCount; line++) if (doc.lineAt(line).text.includes(text)) return line;
  assert.fail(`no line contains ${JSON.stringify(text)} in ${doc.uri.path}`);
}

/** The rule id a diagnostic carries as its code (a plain code or `{ value, target }`). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/** Resolves with the first value `check` returns (checked now and on each event), or fails after the timeout. */
export function waitFor<E, T>(
  event: vscode.Event<E>,
  check: () => T | undefined,
  what: string,
  describe: () => string = () => '',
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const now = check();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${describe()}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Waits until the diagnostics of `uri` satisfy `accept`. */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => (accept(current()) ? current() : undefined),
    what,
    () => `diagnostics of ${uri.path}:\n${describeDiagnostics(current())}`,
  );
}

/** The label text of a completion item (labels can be strings or `{ label, description }`). */
export function labelText(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
