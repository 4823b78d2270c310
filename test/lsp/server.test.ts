// The real bundled server over stdio, driven by a real JSON-RPC client, on fixtures written by us:
// two workspace folders (multi-root), an idea file in each and a markdown file that is no idea file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type {
  CodeAction,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  PublishDiagnosticsParams,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-protocol';
import type { IdeaSnippetResult, Outline, StatusParams } from '../../server/src/protocol';
import { buildServer, REPO_ROOT, TestClient, uriOf } from './client';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/lsp');

/** A fresh copy of the fixture folders (tests change files on disk). */
function copyFixtures(): { dir: string; rootA: string; rootB: string } {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-lsp-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return { dir, rootA: join(dir, 'root-a'), rootB: join(dir, 'root-b') };
}

/** Apply LSP text edits to a text (edits do not overlap). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `fixture has no line with ${needle}`);
  return line;
}

before(() => buildServer());

describe('language server over stdio (multi-root workspace)', () => {
  let client: TestClient;
  let fixtures: ReturnType<typeof copyFixtures>;
  let ideasUri: string;
  let ideasText: string;
  let diagnostics: PublishDiagnosticsParams;

  before(async () => {
    fixtures = copyFixtures();
    client = await TestClient.start({ folders: [fixtures.rootA, fixtures.rootB], settings: {} });
    await client.indexed();
    ideasUri = uriOf(join(fixtures.rootA, 'ideas-2019.md'));
    ideasText = readFileSync(join(fixtures.rootA, 'ideas-2019.md'), 'utf8');
    await client.open(ideasUri, ideasText);
    diagnostics = await client.waitForDiagnostics(ideasUri);
  });

  after(async () => {
    await client?.stop();
    rmSync(fixtures.dir, { recursive: true, force: true });
  });

  test('an idea file gets diagnostics with rule codes, doc links, the version and related places', () => {
    assert.equal(diagnostics.version, 1);
    const codes = diagnostics.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('field-label'), `codes: ${codes.join(', ')}`);
    assert.ok(codes.includes('missing-field'));
    assert.ok(codes.includes('list-marker'));
    const label = diagnostics.diagnostics.find((d) => d.code === 'field-label')!;
    assert.equal(label.source, 'soc-ideas');
    // The rule's page beside the server's bundle (a client that ships its own names that folder at initialize).
    assert.equal(label.codeDescription?.href, uriOf(join(REPO_ROOT, 'docs/rules/field-label.md')));
    assert.equal(label.range.start.line, lineOf(ideasText, 'Mentors: Jane Doe'));
    assert.equal(diagnostics.diagnostics.find((d) => d.code === 'list-marker')!.severity, 3 /* Information */);
    // mentor-identity comes from the other workspace folder: Jane Smith (@jdoe) there.
    const identity = diagnostics.diagnostics.find((d) => d.code === 'mentor-identity');
    assert.ok(identity, 'mentor-identity across the two roots');
    const elsewhere = identity.relatedInformation?.find((r) => r.location.uri.endsWith('root-b/more-ideas.md'));
    assert.ok(elsewhere, 'a related place in the other folder');
    // Named by its path in the workspace (folder first: two roots), not only by its file name.
    assert.match(elsewhere.message, /, in root-b\/more-ideas\.md$/);
  });

  test('a status notification tells the template and the counts', async () => {
    const status: StatusParams = await client.waitFor('socIdeas/status', (p: StatusParams) => p.uri === ideasUri);
    assert.equal(status.isIdeaFile, true);
    assert.equal(status.template?.id, 'cncf-2019');
    assert.ok(status.errors >= 1);
  });

  test('completion after "Mentor(s): " offers a mentor from the other folder in the template form', async () => {
    const line = lineOf(ideasText, 'Mentor(s): Li Wei');
    const mark = client.mark;
    // Empty the mentor value: "* Mentor(s): " and ask there.
    const start = ideasText.split('\n')[line]!.indexOf('Li Wei');
    await client.change(ideasUri, 2, [
      { range: { start: { line, character: start }, end: { line, character: start + 'Li Wei (@liwei-dev)'.length } }, text: '' },
    ]);
    await client.waitForDiagnostics(ideasUri, (p) => p.version === 2, mark);
    const list: CompletionList = await client.request('textDocument/completion', {
      textDocument: { uri: ideasUri },
      position: { line, character: start },
    });
    const priya = list.items.find((i) => i.label.includes('@pnatarajan'));
    assert.ok(priya, `items: ${list.items.map((i) => i.label).join(' | ')}`);
    assert.equal((priya.textEdit as TextEdit).newText, 'Priya Natarajan (@pnatarajan)');
    // Typing a prefix narrows the list; the edit replaces what was typed.
    await client.change(ideasUri, 3, [{ range: { start: { line, character: start }, end: { line, character: start } }, text: '@pn' }]);
    const narrowed: CompletionList = await client.request('textDocument/completion', {
      textDocument: { uri: ideasUri },
      position: { line, character: start + 3 },
    });
    assert.deepEqual(
      narrowed.items.map((i) => (i.textEdit as TextEdit).newText),
      ['Priya Natarajan (@pnatarajan)'],
    );
    assert.deepEqual((narrowed.items[0]!.textEdit as TextEdit).range, {
      start: { line, character: start },
      end: { line, character: start + 3 },
    });
    // Put the text back for the other tests.
    await client.change(ideasUri, 4, [
      { range: { start: { line, character: start }, end: { line, character: start + 3 } }, text: 'Li Wei (@liwei-dev)' },
    ]);
  });

  test('completion after "Recommended Skills: Go, " lists the workspace skills ranked, with counts', async () => {
    const line = lineOf(ideasText, 'Recommended Skills: Rust, networking');
    const character = ideasText.split('\n')[line]!.length;
    await client.change(ideasUri, 5, [{ range: { start: { line, character }, end: { line, character } }, text: ', ' }]);
    const list: CompletionList = await client.request('textDocument/completion', {
      textDocument: { uri: ideasUri },
      position: { line, character: character + 2 },
    });
    const labels = list.items.sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.equal(labels[0], 'Golang', `ranked: ${labels.join(', ')}`);
    assert.ok(!labels.includes('Rust') && !labels.includes('networking'), 'skills already in the value are not offered');
    assert.ok(labels.includes('Prometheus'), 'skills of the other folder too');
    assert.match(list.items.find((i) => i.label === 'Golang')!.detail!, /^4 uses in the workspace/);
    await client.change(ideasUri, 6, [{ range: { start: { line, character }, end: { line, character: character + 2 } }, text: '' }]);
  });

  test('completion on a new bullet offers the missing fields in template order', async () => {
    const line = lineOf(ideasText, 'Mentor(s): Ana Souza') + 1;
    await client.change(ideasUri, 7, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '- \n' }]);
    const list: CompletionList = await client.request('textDocument/completion', {
      textDocument: { uri: ideasUri },
      position: { line, character: 2 },
    });
    assert.deepEqual(list.items.map((i) => i.label), ['Issue']);
    assert.equal((list.items[0]!.textEdit as TextEdit).newText, '-\tIssue: ');
    await client.change(ideasUri, 8, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
  });

  test('hover on a mentor handle shows the mentor and their ideas across the workspace', async () => {
    const line = lineOf(ideasText, 'Mentor(s): Ravi Kumar (@rkumar)');
    const character = ideasText.split('\n')[line]!.indexOf('@rkumar') + 2;
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri: ideasUri }, position: { line, character } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Ravi Kumar/);
    assert.match(value, /@rkumar/);
    assert.match(value, /Mentors 2 ideas/);
    // Each place by its path in the workspace (multi-root: the folder's name first).
    assert.match(value, /Web UI for replication rules — root-a\/ideas-2019\.md:\d+/);
  });

  test('hover on a field label names the template in force', async () => {
    const line = lineOf(ideasText, 'Recommended Skills: Golang, Kubernetes');
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri: ideasUri }, position: { line, character: 4 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /Recommended Skills\*\* — required field/);
    assert.match(value, /CNCF project idea template \(2019\)/);
  });

  test('document symbols: project → idea', async () => {
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: ideasUri } });
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['Harborline', ['Garbage collection for unreferenced layers', 'Signed manifests in the mirror API', 'Web UI for replication rules']],
        ['Kestrel Mesh', ['Retry budgets per route']],
      ],
    );
    assert.equal(symbols[0]!.selectionRange.start.line, lineOf(ideasText, '### Harborline'));
  });

  test('workspace symbols: ideas of every indexed idea file, filtered by the query', async () => {
    const all: SymbolInformation[] = await client.request('workspace/symbol', { query: '' });
    assert.equal(all.length, 6);
    const found: SymbolInformation[] = await client.request('workspace/symbol', { query: 'openmetrics' });
    assert.deepEqual(found.map((s) => [s.name, s.containerName]), [['Export metrics in OpenMetrics format', 'Tidepool']]);
    assert.ok(found[0]!.location.uri.endsWith('root-b/more-ideas.md'));
  });

  test('folding ranges by project and idea', async () => {
    const ranges: FoldingRange[] = await client.request('textDocument/foldingRange', { textDocument: { uri: ideasUri } });
    const harborline = lineOf(ideasText, '### Harborline');
    const webUi = lineOf(ideasText, '#### Web UI');
    assert.ok(ranges.some((r) => r.startLine === harborline && r.endLine === lineOf(ideasText, 'Mentor(s): Ana Souza')));
    assert.ok(ranges.some((r) => r.startLine === webUi));
    assert.equal(ranges.length, 6);
  });

  test('code actions: a quick fix, fix-all of one rule, and source.fixAll', async () => {
    const line = lineOf(ideasText, 'Mentors: Jane Doe');
    const current = diagnostics.diagnostics;
    const label = current.find((d) => d.code === 'field-label')!;
    const actions: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: ideasUri },
      range: label.range,
      context: { diagnostics: [label] },
    });
    const quickFix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'field-label');
    assert.ok(quickFix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const fixed = applyEdits(ideasText, quickFix.edit!.changes![ideasUri]!);
    assert.equal(fixed.split('\n')[line], '-\tMentor(s): Jane Doe (@jdoe)');

    const marker = current.find((d) => d.code === 'list-marker')!;
    const markerActions: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: ideasUri },
      range: marker.range,
      context: { diagnostics: [marker] },
    });
    // A marker the file uses throughout is one finding whose fix covers every place; otherwise the
    // fix-all of the rule does.
    const all =
      markerActions.find((a) => a.title === 'Fix all list-marker problems in file') ??
      markerActions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'list-marker' && /more like it/.test(a.title));
    assert.ok(all, `actions: ${markerActions.map((a) => a.title).join(' | ')}`);
    const allFixed = applyEdits(ideasText, all.edit!.changes![ideasUri]!);
    assert.ok(!/^\* /m.test(allFixed));

    const source: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: ideasUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(source.length, 1);
    assert.equal(source[0]!.kind, 'source.fixAll.socIdeas');
    const edits = source[0]!.edit!.changes![ideasUri]!;
    assert.equal(edits.length, 1, 'one edit of the changed range');
    const sourceFixed = applyEdits(ideasText, edits);
    assert.match(sourceFixed, /-\tMentor\(s\): Jane Doe/);
    assert.ok(!/^\* /m.test(sourceFixed));
    assert.ok(!/-\tIssue: $/m.test(sourceFixed), 'interactive fixes (insert an empty field) are not applied');
  });

  test('socIdeas/outline returns the tree model with problems', async () => {
    const outline: Outline = await client.request('socIdeas/outline', { uri: ideasUri });
    assert.equal(outline.isIdeaFile, true);
    assert.equal(outline.template?.id, 'cncf-2019');
    assert.deepEqual(outline.projects.map((p) => p.title), ['Harborline', 'Kestrel Mesh']);
    const webUi = outline.projects[0]!.ideas[2]!;
    assert.equal(webUi.problems?.error, 1);
    assert.deepEqual(webUi.mentors.map((m) => m.handle), ['asouza', 'rkumar']);
    assert.match(outline.basis ?? '', /2 idea files indexed/);
  });

  test('socIdeas/ideaSnippet returns the template as a snippet', async () => {
    const result: IdeaSnippetResult = await client.request('socIdeas/ideaSnippet', { uri: ideasUri });
    assert.match(result.snippet, /^#### \$\{1:Idea title\}\n\n-\tDescription: \$\{2\}/);
    assert.equal(result.template?.id, 'cncf-2019');
    // At the end of a line with text: after it, a blank line between.
    const last = ideasText.trimEnd().split('\n').length - 1;
    const at = { line: last, character: ideasText.split('\n')[last]!.length };
    const placed: IdeaSnippetResult = await client.request('socIdeas/ideaSnippet', { uri: ideasUri, position: at });
    assert.match(placed.snippet, /^\n\n#### \$\{1:Idea title\}\n\n-\tDescription: \$\{2\}/);
  });

  test('completion on a new line: the idea snippet in the file\'s form, as a snippet', async () => {
    const lines = ideasText.split('\n');
    const line = lines.length - 1; // the empty line after the last line break
    assert.equal(lines[line], '');
    await client.change(ideasUri, 20, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n####' }]);
    const list: CompletionList = await client.request('textDocument/completion', { textDocument: { uri: ideasUri }, position: { line: line + 1, character: 4 } });
    const idea = list.items.find((i) => i.label === 'idea');
    assert.ok(idea, list.items.map((i) => i.label).join(', '));
    assert.equal(idea.insertTextFormat, 2 /* Snippet */);
    assert.equal(idea.kind, 15 /* Snippet */);
    assert.match((idea.textEdit as TextEdit).newText, /^#### \$\{1:Idea title\}\n\n-\tDescription: \$\{2\}/);
    await client.change(ideasUri, 21, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 4 } }, text: '' }]);
  });

  test('a markdown file that is not an idea file gets nothing', async () => {
    const notesUri = uriOf(join(fixtures.rootA, 'notes.md'));
    const notes = readFileSync(join(fixtures.rootA, 'notes.md'), 'utf8');
    const mark = client.mark;
    await client.open(notesUri, notes);
    const status: StatusParams = await client.waitFor('socIdeas/status', (p: StatusParams) => p.uri === notesUri, mark);
    assert.equal(status.isIdeaFile, false);
    assert.ok(!client.diagnostics.some((d) => d.uri === notesUri && d.diagnostics.length > 0));
    const list: CompletionList = await client.request('textDocument/completion', {
      textDocument: { uri: notesUri },
      position: { line: 4, character: 2 },
    });
    assert.equal(list.items.length, 0);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: notesUri } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: notesUri } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: notesUri }, position: { line: 0, character: 2 } }), null);
  });

  test('a file that stops being an idea file gets its diagnostics cleared', async () => {
    const uri = uriOf(join(fixtures.rootA, 'scratch.md'));
    const text = '### P\n\n#### I\n\n- Description: d\n- Metor(s): A B (@ab)\n';
    let mark = client.mark;
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, () => true, mark);
    assert.ok(first.diagnostics.some((d) => d.code === 'field-label'), 'the misspelt label');
    mark = client.mark;
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 6, character: 0 } }, text: '' }]);
    const cleared = await client.waitForDiagnostics(uri, (p) => p.version === 2, mark);
    assert.deepEqual(cleared.diagnostics, []);
    await client.close(uri);
  });

  test('the file watcher is registered dynamically', () => {
    const registered = JSON.stringify(client.registrations);
    assert.match(registered, /workspace\/didChangeWatchedFiles/);
    assert.match(registered, /\.soc-ideas\.json/);
  });

  test('indexing reports its progress to a client that supports it', () => {
    const kinds = client.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
  });

  test('a handler that throws answers with an error and the server keeps serving', async () => {
    await assert.rejects(
      client.request('textDocument/hover', { textDocument: { uri: ideasUri }, position: null }),
      (error: { code?: number }) => error.code === -32603,
    );
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: ideasUri } });
    assert.equal(symbols.length, 2);
  });

  test('requests for unknown documents answer empty', async () => {
    const uri = uriOf(join(fixtures.rootA, 'not-open.md'));
    const list: CompletionList = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(list.items.length, 0);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(
      await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
      [],
    );
    const outline: Outline = await client.request('socIdeas/outline', { uri });
    assert.equal(outline.isIdeaFile, false);
  });

  test('a file changed on disk updates completions and mentor-identity', async () => {
    const other = join(fixtures.rootB, 'more-ideas.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('Jane Smith (@jdoe)', 'Jane Doe (@jdoe), Zoe Park (@zpark)'));
    const mark = client.mark;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(other), type: 2 }] });
    const rechecked = await client.waitForDiagnostics(ideasUri, (p) => !p.diagnostics.some((d) => d.code === 'mentor-identity'), mark);
    assert.ok(rechecked.diagnostics.some((d) => d.code === 'field-label'));
    const line = lineOf(ideasText, 'Mentor(s): Ana Souza');
    const list: CompletionList = await client.request('textDocument/completion', {
      textDocument: { uri: ideasUri },
      position: { line, character: '-\tMentor(s): '.length },
    });
    assert.ok(list.items.some((i) => i.label.includes('@zpark')), 'the new mentor is offered');
  });

  test('a broken .soc-ideas.json gets a diagnostic on that file, and the defaults are used', async () => {
    const config = join(fixtures.rootA, '.soc-ideas.json');
    writeFileSync(config, '{\n  "rules": {\n    "list-marker": "loud"\n  }\n}\n');
    const mark = client.mark;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
    const onConfig = await client.waitForDiagnostics(uriOf(config), (p) => p.diagnostics.length > 0, mark);
    assert.equal(onConfig.diagnostics[0]!.range.start.line, 2);
    assert.match(onConfig.diagnostics[0]!.message as string, /Bad level for "list-marker"/);
    // A good config is applied without a restart: list-marker off.
    writeFileSync(config, '{ "rules": { "list-marker": "off" } }\n');
    const mark2 = client.mark;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await client.waitForDiagnostics(uriOf(config), (p) => p.diagnostics.length === 0, mark2);
    await client.waitForDiagnostics(ideasUri, (p) => !p.diagnostics.some((d) => d.code === 'list-marker'), mark2);
  });

  test('settings changes are read again through workspace/configuration', async () => {
    const mark = client.mark;
    (client as unknown as { options: { settings: unknown } }).options.settings = { rules: { 'field-label': 'off' } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(ideasUri, (p) => !p.diagnostics.some((d) => d.code === 'field-label'), mark);
    (client as unknown as { options: { settings: unknown } }).options.settings = { enable: false };
    const mark2 = client.mark;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(ideasUri, (p) => p.diagnostics.length === 0, mark2);
  });
});

describe('language server process', () => {
  test('exits when stdin closes', async () => {
    const client = await TestClient.start({});
    // LSP: without `shutdown` first, the exit code is 1; what matters is that it goes away.
    assert.equal(await client.closeStdin(), 1);
  });

  test('exits cleanly on shutdown and exit', async () => {
    const client = await TestClient.start({});
    assert.equal(await client.stop(), 0);
  });

  test('after shutdown, requests are refused with an error and the server still exits cleanly', { timeout: 20_000 }, async () => {
    const client = await TestClient.start({});
    const uri = 'untitled:after-shutdown';
    await client.open(uri, '### Project\n\n#### Idea\n\n- Description: d\n');
    await client.request('shutdown', null);
    const answer = client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer after shutdown')), 5000));
    await assert.rejects(Promise.race([answer, late]), /after shutdown/);
    assert.equal(await client.stop(), 0);
  });

  test('works without workspace folders or configuration support', async () => {
    const client = await TestClient.start({});
    const uri = 'untitled:Untitled-1';
    await client.open(uri, '### Project\n\n#### Idea\n\n-\tDescription: d\n-\tMentors: A B (@ab)\n');
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'field-label'));
    await client.stop();
  });
});
