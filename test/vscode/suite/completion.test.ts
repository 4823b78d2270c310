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

/** The server's `idea` completion at a position (a snippet item). */
async function ideaCompletion(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem> {
  const items = await completionsAt(uri, position);
  const idea = items.find((i) => labelText(i) === 'idea' && i.kind === vscode.CompletionItemKind.Snippet);
  assert.ok(idea, `snippets offered: ${items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelText).join(', ') || 'none'}`);
  return idea;
}

/** What an insertion added to `before` (the text between the common prefix and suffix). */
function insertedText(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return after.slice(prefix, after.length - suffix);
}

function snippetText(item: vscode.CompletionItem): string {
  return typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? '');
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

  test('the `idea` completion in a 2019 file writes the 2019 template, in the file\'s form', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0, 'the server to check the copy of ideas-2019.md');
    const position = await cursorOnNewLastLine(editor);
    const idea = await ideaCompletion(editor.document.uri, position);
    assert.equal(
      snippetText(idea),
      // After the last idea's list: a blank line first.
      '\n#### ${1:Idea title}\n\n-\tDescription: ${2}\n-\tRecommended Skills: ${3}\n-\tMentor(s): ${4:Name} (@${5:handle})\n-\tIssue: ${6}',
    );
  });

  test('the `idea` completion in a 2024 file writes the 2024 template: #####, its fields, two mentors in a sub-list', async () => {
    const idea2024 = (title: string, who: string) =>
      `##### ${title}\n\n- Description: d\n- Expected Outcome: o\n- Recommended Skills: Go\n- Expected project size: medium (~175 hour projects)\n- Mentor(s):\n  - ${who} (@${who.toLowerCase()}, ${who.toLowerCase()}@example.org)\n  - Ana Souza (@asouza, ana@example.org)\n- Upstream Issue (URL): https://github.com/a/b/issues/1\n`;
    const text = `## Projects\n\n#### Harborline\n\n${idea2024('One', 'Ravi')}\n${idea2024('Two', 'Lena')}\n`;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    // This text's own finding (both ideas link one issue): proof that the server has checked this text, not
    // only that some diagnostics are shown (the new untitled document has the closed one's name).
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.message.includes('`a/b#1`')), 'the server to check the 2024 file');
    const position = await cursorOnNewLastLine(editor);
    const plain = snippetText(await ideaCompletion(doc.uri, position))
      .replace(/^\n/, '').replace(/\$\{\d+(?::([^}]*))?\}/g, '$1').replace(/\$\{\d+\|[^|]*\|\}/g, '');
    assert.match(plain, /^##### Idea title\n\n- Description: \n- Expected Outcome: \n- Recommended Skills: \n- Expected project size: \n- Mentor\(s\):\n  - Name \(@handle, email\)\n  - Name \(@handle, email\)\n- Upstream Issue \(URL\): $/);
  });

  test('"Insert idea" inserts the fields of the template in force, in order', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the copy of ideas-2019.md');
    const position = await cursorOnNewLastLine(editor);
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand('socIdeas.insertIdea'), true);
    const inserted = insertedText(before, doc.getText());
    assert.ok(inserted, 'the command changed the document');
    assert.match(inserted, /^#### Idea title$/m, `an idea heading one level below the projects, inserted at line ${position.line}:\n${inserted}`);
    const offsets = TEMPLATE_LABELS.map((label) => inserted.indexOf(label));
    assert.ok(offsets.every((o) => o >= 0), `every field is inserted:\n${inserted}`);
    assert.deepEqual([...offsets].sort((a, b) => a - b), offsets, `fields in template order:\n${inserted}`);
  });

  test('"Insert idea" at the end of a list puts a blank line between', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'the server to check the copy');
    const line = lineContaining(doc, 'Issue: https://github.com/tidepool-io/tidepool/issues/12');
    const end = doc.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.equal(await vscode.commands.executeCommand('socIdeas.insertIdea'), true);
    assert.equal(doc.lineAt(line + 1).text, '');
    assert.equal(doc.lineAt(line + 2).text, '#### Idea title');
    assert.equal(editor.document.getText(editor.selection), 'Idea title', 'the title is the first tab stop');
  });
});
