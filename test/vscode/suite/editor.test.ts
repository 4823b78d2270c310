/// <reference types="mocha" />
// What issue 15 asks of the editor, in the real workbench: the template in force as a language status
// item whose picker switches it; problems of a closed file (workspace scope); "disable RULE for this
// line" writing the comment; the missing-field fix leaving the cursor in the new value; fix-all
// changing no prose.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateWithServer,
  closeActiveEditorUnsaved,
  describeDiagnostics,
  fixtureUri,
  lineContaining,
  openFixture,
  openFixtureCopy,
  ruleOf,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const NAME_2019 = 'CNCF project idea template (2019)';
const NAME_2020 = 'CNCF project idea template (2020)';

/** Quick fixes for a diagnostic, as the lightbulb asks for them. */
function quickFixes(uri: vscode.Uri, range: vscode.Range): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** The template picker once its choices are in. It fires no event a test can wait on: polled (no timing is asserted). */
async function pickerWithChoices<T extends vscode.QuickPickItem>(open: () => vscode.QuickPick<T> | undefined): Promise<vscode.QuickPick<T>> {
  for (let i = 0; i < 200; i++) {
    const picker = open();
    if (picker && !picker.busy && picker.items.length > 0) return picker;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail('the template picker did not open with its choices');
}

suite('editor (issue 15)', () => {
  suiteSetup(activateWithServer);
  teardown(closeActiveEditorUnsaved);

  suiteTeardown(async () => {
    // The picker writes the workspace folder's settings: leave the fixture folder as it was.
    await vscode.workspace.getConfiguration('socIdeas', fixtureUri('ideas-2019.md')).update('template', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.workspace.fs.delete(fixtureUri('.vscode'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('the language status item shows the template in force; its picker switches it', async () => {
    const api = await activateWithServer();
    const { document: doc } = await openFixture('ideas-2019.md');
    const templateIs = (name: string) => () => {
      const status = api.status.active();
      return status?.uri === doc.uri.toString() && status.template?.name === name && api.status.shown()?.text === name ? api.status.shown() : undefined;
    };
    const shown = await waitFor(api.status.onDidChange, templateIs(NAME_2019), 'the 2019 template in the language status');
    assert.match(shown.detail ?? '', /best match/, 'it says why');
    assert.ok(!/\d+ errors?/.test(`${shown.text} ${shown.detail}`), 'no problem counts (the built-in counters show those)');

    assert.equal(await vscode.commands.executeCommand('socIdeas.chooseTemplate', 'cncf-2020'), 'cncf-2020');
    const chosen = await waitFor(api.status.onDidChange, templateIs(NAME_2020), 'the chosen template in force');
    assert.match(chosen.detail ?? '', /chosen: preset 'cncf-2020' named in the socIdeas\.template setting/);

    // The picker, as a user works it: it opens on its choices; "Detect automatically" puts the detected one back.
    const picking = vscode.commands.executeCommand<string | undefined>('socIdeas.chooseTemplate');
    const picker = await pickerWithChoices(api.templatePicker);
    const labels = picker.items.map((i) => i.label);
    assert.ok(labels.some((l) => l.startsWith(`${NAME_2020} (current setting)`)), labels.join(' | '));
    assert.ok(picker.items.some((i) => i.description === 'cncf-2019' && /ideas at ####/.test(i.detail ?? '')), 'each built-in template says what tells it apart');
    const detect = picker.items.find((i) => i.label.startsWith('Detect automatically'));
    assert.ok(detect);
    // The workbench learns of the active item a moment later: accept once it says so.
    const activated = new Promise<void>((resolve) => picker.onDidChangeActive((items) => items[0] === detect && resolve()));
    picker.activeItems = [detect];
    await activated;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await picking, '');
    await waitFor(api.status.onDidChange, templateIs(NAME_2019), 'the detected template back in force');
  });

  test('workspace-scope problems: a closed idea file gets its problems, and loses them when the scope goes back', async () => {
    await activateWithServer();
    const uri = fixtureUri('closed-ideas.md');
    const text = '### Harborline\n\n#### Closed idea\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\tMentors: Ana Souza (@asouza)\n-\tIssue: https://github.com/harborline/harborline/issues/9\n';
    const config = () => vscode.workspace.getConfiguration('socIdeas', fixtureUri('ideas-2019.md'));
    try {
      await config().update('problems.scope', 'workspace', vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => ruleOf(d) === 'field-label'), 'problems of the closed file');
      assert.equal(diagnostics[0]!.range.start.line, 6);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file was never opened');
      await config().update('problems.scope', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await waitForDiagnostics(uri, (ds) => ds.length === 0, 'the closed file\'s problems to go');
    } finally {
      await config().update('problems.scope', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  test('"Disable RULE for this line" writes the comment and the finding goes', async () => {
    const { document: doc } = await openFixtureCopy('ideas-2019.md');
    const heading = lineContaining(doc, '#### Web UI for replication rules');
    const onHeading = (ds: readonly vscode.Diagnostic[]) => ds.find((d) => ruleOf(d) === 'missing-field' && d.range.start.line === heading);
    const [diagnostic] = (await waitForDiagnostics(doc.uri, (ds) => onHeading(ds) !== undefined, 'missing-field on the heading')).filter((d) => onHeading([d]));
    const actions = await quickFixes(doc.uri, diagnostic!.range);
    const disable = actions.find((a) => a.title === 'Disable missing-field for this line');
    assert.ok(disable?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Show documentation for missing-field'));
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(doc.lineAt(heading).text, '<!-- soc-ideas-disable-next-line missing-field -->');
    assert.equal(doc.lineAt(heading + 1).text, '#### Web UI for replication rules');
    const after = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'missing-field' && d.range.start.line === heading + 1), 'the finding to go');
    assert.ok(after.some((d) => ruleOf(d) === 'field-label'), `the other findings stay:\n${describeDiagnostics(after)}`);
  });

  test('the missing-field fix leaves the cursor in the new value', async () => {
    const editor = await openFixtureCopy('ideas-2019.md');
    const doc = editor.document;
    const heading = lineContaining(doc, '#### Web UI for replication rules');
    const onHeading = (ds: readonly vscode.Diagnostic[]) => ds.find((d) => ruleOf(d) === 'missing-field' && d.range.start.line === heading);
    const [diagnostic] = (await waitForDiagnostics(doc.uri, (ds) => onHeading(ds) !== undefined, 'missing-field on the heading')).filter((d) => onHeading([d]));
    const actions = await quickFixes(doc.uri, diagnostic!.range);
    const insert = actions.find((a) => a.title === 'Insert "Issue:"');
    assert.ok(insert?.edit, actions.map((a) => `${a.title}: ${a.edit ? a.edit.entries().map(([u, es]) => `${u.toString()} ${es.map((e) => JSON.stringify(e)).join(',')}`).join(';') : 'no edit'}`).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const line = lineContaining(doc, 'Issue: ');
    const inserted = lineContaining(doc, 'Mentor(s): Ana Souza') + 1;
    assert.equal(doc.lineAt(inserted).text, '-\tIssue: ');
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [inserted, '-\tIssue: '.length], `the cursor (line ${line + 1} has an Issue)`);
    await vscode.commands.executeCommand('type', { text: 'https://github.com/harborline/harborline/issues/140' });
    assert.equal(doc.lineAt(inserted).text, '-\tIssue: https://github.com/harborline/harborline/issues/140');
  });

  test('fix-all on a file with prose near-misses changes no prose', async () => {
    await activateWithServer();
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('ideas-2019.md')));
    // A project name one letter off, capitalised words, a sentence's full stop: prose, never fixed.
    const prose = '-\tDescription: The harborlne Mirror keeps Signatures. Verify them On pull when the client asks for it.';
    const text = original.replace(/^-\tDescription: Mirrors drop signatures.*$/m, prose);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'field-label'), 'the fixable diagnostics');
    assert.equal(await vscode.commands.executeCommand('socIdeas.fixAll'), true);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'field-label'), 'the fixes to apply');
    const descriptions = (t: string) => t.split(/\r?\n/).filter((l) => /Description:/.test(l)).map((l) => l.replace(/^[-*]\t?\s*/, ''));
    assert.deepEqual(descriptions(doc.getText()), descriptions(text));
  });
});
