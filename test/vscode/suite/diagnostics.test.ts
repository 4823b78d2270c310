/// <reference types="mocha" />
// Diagnostics and quick fixes from the language server, in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateWithServer,
  describeDiagnostics,
  fixtureUri,
  lineContaining,
  openFixture,
  openFixtureCopy,
  closeActiveEditorUnsaved,
  ruleOf,
  waitFor,
  waitForDiagnostics,
} from './helpers';

/** The lines of the idea whose heading contains `title`: from its heading to the next heading. */
function ideaLines(doc: vscode.TextDocument, title: string): { from: number; to: number } {
  const from = lineContaining(doc, title);
  let to = from + 1;
  while (to < doc.lineCount && !/^#{1,6}\s/.test(doc.lineAt(to).text)) to++;
  return { from, to };
}

suite('diagnostics', () => {
  suiteSetup(activateWithServer);
  teardown(closeActiveEditorUnsaved);

  test('the seed-like file gets the deliberate problems, each in its idea', async () => {
    const { document: doc } = await openFixture('ideas-2019.md');
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics on ideas-2019.md');
    const expected: [rule: string, ideaTitle: string][] = [
      ['field-label', 'Signed manifests in the mirror API'], // `Mentors:`
      ['missing-field', 'Web UI for replication rules'], // no Issue
      ['mentor-format', 'Benchmarks for the proxy'], // [Jane Doe](https://github.com/jdoe)
      ['field-order', 'Benchmarks for the proxy'], // Mentor(s) before Recommended Skills
      ['list-marker', 'Retry budgets per route'], // `*` bullets among `-`
      ['skill-spelling', 'Signed manifests in the mirror API'], // golang vs Golang
    ];
    const missing = expected.filter(([rule, title]) => {
      const { from, to } = ideaLines(doc, title);
      return !diagnostics.some((d) => ruleOf(d) === rule && d.range.start.line >= from && d.range.start.line < to);
    });
    assert.deepEqual(missing, [], `diagnostics found:\n${describeDiagnostics(diagnostics)}`);
    const clean = ideaLines(doc, 'Garbage collection for unreferenced layers');
    const onClean = diagnostics.filter((d) => d.range.start.line >= clean.from && d.range.start.line < clean.to);
    assert.deepEqual(onClean, [], 'a well-formed idea gets no diagnostics');
  });

  test('the status bar state follows the active idea file', async () => {
    const api = await activateWithServer();
    const { document: doc } = await openFixture('ideas-2019.md');
    const status = await waitFor(api.status.onDidChange, () => {
      const s = api.status.active();
      return s?.isIdeaFile && s.errors > 0 ? s : undefined;
    }, 'a status report for ideas-2019.md');
    assert.equal(status.uri, doc.uri.toString());
    assert.ok(status.template, 'a template is in force');
  });

  test('a field-label quick fix applies and its diagnostic goes away', async () => {
    const { document: doc } = await openFixtureCopy('ideas-2019.md');
    const line = lineContaining(doc, 'Mentors: Jane Doe');
    const onLine = (ds: readonly vscode.Diagnostic[]) => ds.find((d) => ruleOf(d) === 'field-label' && d.range.start.line === line);
    const [diagnostic] = (await waitForDiagnostics(doc.uri, (ds) => onLine(ds) !== undefined, 'the field-label diagnostic')).filter(
      (d) => onLine([d]) !== undefined,
    );
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // The API command does not return the actions' diagnostics: recognise the fix by what it writes.
    const fix = actions.find((a) => a.edit && a.title.includes('Mentor(s)'));
    assert.ok(fix?.edit, `a quick fix to "Mentor(s)"; got ${actions.map((a) => a.title).join(' | ') || 'none'}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(line).text, /Mentor\(s\): Jane Doe/);
    await waitForDiagnostics(doc.uri, (ds) => onLine(ds) === undefined, 'the field-label diagnostic to go away');
  });

  test('"Fix all" applies every certain fix at once', async () => {
    const { document: doc } = await openFixtureCopy('ideas-2019.md');
    const fixable = ['field-label', 'list-marker', 'field-order'];
    await waitForDiagnostics(doc.uri, (ds) => fixable.every((rule) => ds.some((d) => ruleOf(d) === rule)), 'the fixable diagnostics');
    assert.equal(await vscode.commands.executeCommand('socIdeas.fixAll'), true);
    const after = await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => fixable.includes(ruleOf(d) ?? '')),
      'the fixed diagnostics to go away',
    );
    assert.ok(after.some((d) => ruleOf(d) === 'missing-field'), 'a problem without a certain fix stays');
    assert.match(doc.getText(), /^-\tMentor\(s\): Jane Doe \(@jdoe\)$/m);
  });

  test('plain markdown (notes.md) gets no diagnostics', async () => {
    const api = await activateWithServer();
    const { document: doc } = await openFixture('notes.md');
    // The server reports on every document it checks; once it has reported on notes.md, diagnostics are final.
    await waitFor(api.status.onDidChange, () => (api.status.active()?.uri === doc.uri.toString() ? true : undefined), 'a status report for notes.md');
    assert.equal(api.status.active()?.isIdeaFile, false);
    assert.deepEqual(vscode.languages.getDiagnostics(fixtureUri('notes.md')), []);
  });
});
