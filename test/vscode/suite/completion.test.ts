/// <reference types="mocha" />
// Completion, the `idea` snippet and the "Insert idea" command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateWithServer, closeActiveEditorUnsaved, labelText, lineContaining, openFixtureCopy, waitForDiagnostics } from './helpers';

/** Fields of the 2019 template, in order: the preset the fixture file matches. */
const TEMPLATE_LABELS = ['Description:', 'Recommended Skills:', 'Mentor(s):', 'Issue:'];

async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

/** Puts the cursor on a new empty line at the end of the document. */
async function cursorOnNewLastLine(editor: vscode.TextEditor): Promise<vscode.Position> {
  const doc = editor.document;
  const last = doc.lineAt(doc.lineCount - 1);
  if (!last.isEmptyOrWhitespace) await editor.edit((e) => e.insert(last.range.end, '\n'));
  const position = new vscode.Position(doc.lineCount - 1, 0);
  editor.selection = new vscode.Selection(position, position);
  return position;
}

suite('completion and snippets', () => {
  suiteSetup(activateWithServer);
  teardown(closeActiveEditorUnsaved);

  test('after `Mentor(s): ` a mentor from the other idea file is offered', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the copy of ideas-2019.md');
    const line = lineContaining(doc, 'Mentor(s): Tom Becker');
    const valueStart = doc.lineAt(line).text.indexOf('Mentor(s): ') + 'Mentor(s): '.length;
    await editor.edit((e) => e.delete(new vscode.Range(line, valueStart, line, doc.lineAt(line).text.length)));
    const items = await completionsAt(doc.uri, new vscode.Position(line, valueStart));
    const texts = items.map((i) => `${labelText(i)} ${typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? '')}`);
    // Priya Natarajan mentors only in ideas-2018.md.
    assert.ok(
      texts.some((t) => t.includes('pnatarajan')),
      `completions offered: ${texts.slice(0, 30).join(' | ') || 'none'}`,
    );
  });

  test('the `idea` snippet is offered in an idea file', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const position = await cursorOnNewLastLine(editor);
    const items = await completionsAt(editor.document.uri, position);
    const snippet = items.find((i) => labelText(i) === 'idea' && i.kind === vscode.CompletionItemKind.Snippet);
    assert.ok(snippet, `snippets offered: ${items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelText).join(', ') || 'none'}`);
  });

  test('"Insert idea" inserts the fields of the template in force, in order', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the copy of ideas-2019.md');
    const position = await cursorOnNewLastLine(editor);
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand('socIdeas.insertIdea'), true);
    const inserted = doc.getText(new vscode.Range(position, doc.lineAt(doc.lineCount - 1).range.end));
    assert.notEqual(doc.getText(), before);
    assert.match(inserted, /^#### /m, 'an idea heading one level below the projects');
    const offsets = TEMPLATE_LABELS.map((label) => inserted.indexOf(label));
    assert.ok(offsets.every((o) => o >= 0), `every field is inserted:\n${inserted}`);
    assert.deepEqual([...offsets].sort((a, b) => a - b), offsets, `fields in template order:\n${inserted}`);
  });
});
