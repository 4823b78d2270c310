// Code actions and commands over the real server: the missing-field fix as a snippet edit (cursor in
// the value), "fix all" in the lightbulb and its command (applied through workspace/applyEdit, with a
// message saying what it fixed), "disable RULE for this line / file", "show documentation for RULE"
// (window/showDocument), rule links, and the template's text in hover shown as text.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ClientCapabilities, CodeAction, Hover, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { buildServer, FULL_CAPABILITIES, REPO_ROOT, TestClient, uriOf } from './client';

const IDEAS = `# Ideas

### Harborline

#### Web UI for replication rules

- Description: A page to edit the rules.
- Recommended Skills: Golang, React
- Mentors: Ana Souza (@asouza), Ravi Kumar (@rkumar)

#### Retry budgets per route

- Description: Budgets.
- Recommended Skills: Golang
* Mentor(s): Ana Souza (@asouza)
- Issue: https://github.com/harborline/harborline/issues/7
`;

const EDITOR_CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  workspace: { ...FULL_CAPABILITIES.workspace, applyEdit: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } },
  window: { ...FULL_CAPABILITIES.window, showDocument: { support: true } },
};

/** Applies LSP edits (plain or snippet, whose `$0` is dropped) to a text with \n line breaks. */
function applyEdits(text: string, edits: ReadonlyArray<TextEdit | { range: TextEdit['range']; snippet: { value: string } }>): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) {
    const newText = 'newText' in e ? e.newText : e.snippet.value.replace('$0', '');
    out = out.slice(0, offset(e.range.start)) + newText + out.slice(offset(e.range.end));
  }
  return out;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

before(() => buildServer());

describe('code actions and commands', () => {
  let dir: string;
  let uri: string;
  let client: TestClient;
  let diagnostics: PublishDiagnosticsParams;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-actions-'));
    writeFileSync(join(dir, 'ideas.md'), IDEAS);
    uri = uriOf(join(dir, 'ideas.md'));
    client = await TestClient.start({ folders: [dir], settings: { template: 'cncf-2019' }, capabilities: EDITOR_CAPABILITIES });
    await client.indexed();
    await client.open(uri, IDEAS);
    diagnostics = await client.waitForDiagnostics(uri);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The actions for a whole line (as the lightbulb asks for a diagnostic's range). */
  const actionsAt = (line: number, only?: string[]): Promise<CodeAction[]> =>
    client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: IDEAS.split('\n')[line]!.length } },
      context: { diagnostics: diagnostics.diagnostics.filter((d) => d.range.start.line === line), ...(only ? { only } : {}) },
    });

  test('each diagnostic links to its rule page beside the server, and the page exists', () => {
    for (const d of diagnostics.diagnostics) {
      const href = d.codeDescription?.href;
      assert.equal(href, uriOf(join(REPO_ROOT, `docs/rules/${d.code}.md`)));
      assert.ok(existsSync(fileURLToPath(href!)), href);
    }
  });

  test('the missing-field fix is a snippet edit with the cursor in the new value', async () => {
    const heading = lineOf(IDEAS, '#### Web UI');
    const insert = (await actionsAt(heading)).find((a) => a.title === 'Insert "Issue:"');
    assert.ok(insert?.edit?.documentChanges, 'a versioned document edit');
    const [change] = insert.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change!.textDocument, { uri, version: 1 });
    const [edit] = change!.edits as unknown as Array<{ range: TextEdit['range']; snippet: { kind: string; value: string } }>;
    assert.deepEqual(edit!.snippet, { kind: 'snippet', value: '- Issue: $0\n' });
    assert.equal(edit!.range.start.line, lineOf(IDEAS, '- Mentors: Ana Souza') + 1);
  });

  test('the lightbulb offers fix-all, disable for this line / this file and the rule page, per rule under the cursor', async () => {
    const heading = lineOf(IDEAS, '#### Web UI');
    const titles = (await actionsAt(heading)).map((a) => a.title);
    for (const title of [
      'Fix all automatically fixable SoC Ideas problems in this file',
      'Disable missing-field for this line',
      'Disable missing-field for this file',
      'Show documentation for missing-field',
    ]) {
      assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
    }
    const disable = (await actionsAt(heading)).find((a) => a.title === 'Disable missing-field for this line')!;
    const fixed = applyEdits(IDEAS, disable.edit!.changes![uri]!);
    assert.equal(fixed, IDEAS.replace('#### Web UI', '<!-- soc-ideas-disable-next-line missing-field -->\n#### Web UI'));

    // Inside a list a comment line would split it: only "for this file" there.
    const marker = lineOf(IDEAS, '* Mentor(s)');
    const inList = (await actionsAt(marker)).map((a) => a.title);
    assert.ok(inList.includes('Disable list-marker for this file'), inList.join(' | '));
    assert.ok(!inList.includes('Disable list-marker for this line'), inList.join(' | '));
  });

  test('"show documentation" asks the client to open the rule page', async () => {
    const heading = lineOf(IDEAS, '#### Web UI');
    const show = (await actionsAt(heading)).find((a) => a.title === 'Show documentation for missing-field');
    assert.ok(show?.command);
    const before = client.serverRequests.length;
    const result = await client.request('workspace/executeCommand', { command: show.command.command, arguments: show.command.arguments });
    assert.deepEqual(result, { shown: true });
    const shown = client.serverRequests.slice(before).find((r) => r.method === 'window/showDocument');
    assert.equal(shown?.params.uri, uriOf(join(REPO_ROOT, 'docs/rules/missing-field.md')));
  });

  test('fix-all says what it fixed: the source action in its title, the command in a message and its result', async () => {
    const [source] = await actionsAt(0, ['source.fixAll']);
    assert.match(source!.title, /^Fix \d+ problems \(.*field-label 1.*\) automatically$/);
    const fixedBySource = applyEdits(IDEAS, source!.edit!.changes![uri]!);

    const mark = client.mark;
    const before = client.serverRequests.length;
    const summary = await client.request('workspace/executeCommand', { command: 'socIdeas.applyFixAll', arguments: [uri] });
    const apply = client.serverRequests.slice(before).find((r) => r.method === 'workspace/applyEdit');
    assert.ok(apply, 'the edit goes through workspace/applyEdit');
    const [change] = apply.params.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change!.textDocument, { uri, version: 1 }, 'only over the text it was computed from');
    assert.equal(applyEdits(IDEAS, change!.edits as TextEdit[]), fixedBySource, 'the same fixes as source.fixAll');
    assert.ok(summary.fixes >= 2, JSON.stringify(summary));
    assert.ok(source!.title.startsWith(`Fix ${summary.fixes} problems (`), source!.title);
    for (const [rule, n] of Object.entries(summary.byRule)) assert.ok(source!.title.includes(`${rule} ${n}`), source!.title);
    assert.equal(summary.byRule['field-label'], 1);
    const message = await client.waitFor('window/showMessage', () => true, mark);
    assert.match(message.message, new RegExp(`^SoC Ideas: fixed ${summary.fixes} problems \\(.*field-label 1.*\\)\\.$`));
    assert.ok(!/Mentors:/.test(fixedBySource) && !/^\* /m.test(fixedBySource));
    assert.ok(!/- Issue: \n/.test(fixedBySource), 'an inserted empty field is never part of fix-all');
  });
});

describe('code actions for a client without snippet edits, applyEdit or showDocument', () => {
  test('the missing-field fix is a plain edit; no fix-all command or rule page action', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-actions-'));
    const uri = uriOf(join(dir, 'ideas.md'));
    const client = await TestClient.start({ folders: [dir], settings: { template: 'cncf-2019' }, initializationOptions: { ruleDocsUri: 'https://example.org/rules' } });
    try {
      await client.open(uri, IDEAS);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.equal(diagnostics.diagnostics.find((d) => d.code === 'missing-field')?.codeDescription?.href, 'https://example.org/rules/missing-field.md', 'the folder the client names');
      const heading = lineOf(IDEAS, '#### Web UI');
      const actions: CodeAction[] = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: heading, character: 0 }, end: { line: heading + 1, character: 0 } },
        context: { diagnostics: [] },
      });
      const insert = actions.find((a) => a.title === 'Insert "Issue:"');
      assert.deepEqual(insert?.edit?.changes?.[uri]?.map((e) => e.newText), ['- Issue: \n']);
      const titles = actions.map((a) => a.title);
      assert.ok(!titles.some((t) => t.startsWith('Fix all automatically') || t.startsWith('Show documentation')), titles.join(' | '));
      assert.ok(titles.includes('Disable missing-field for this line'));
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hover', () => {
  test("the template's own text is shown as text: a # comment is no heading, **required** no emphasis", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-hover-'));
    writeFileSync(
      join(dir, 'PROJECT_IDEA_TEMPLATE.md'),
      '### Template\n\n```\n#### Project\n\n##### Idea title\n\n- Description: (2-5+ sentences)\n- Recommended Skills: languages\n- Mentor(s): Jane Doe (@jane)\n- Issue: # For GSoC, it is **required** to link an issue\n```\n',
    );
    const uri = uriOf(join(dir, 'ideas.md'));
    const text = '#### Harborline\n\n##### Web UI\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Ana Souza (@asouza)\n- Issue: https://github.com/a/b/issues/1\n';
    const client = await TestClient.start({ folders: [dir], settings: {} });
    try {
      await client.open(uri, text);
      await client.waitForDiagnostics(uri);
      const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(text, '- Issue'), character: 3 } });
      const value = (hover.contents as { value: string }).value;
      assert.match(value, /\\# For GSoC\\?, it is \\\*\\\*required\\\*\\\* to link an issue/);
      assert.ok(!value.split('\n').some((l) => /^\s*#/.test(l)), value);
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a handle one slip off a mentor\'s known handle', () => {
  const idea = (title: string, n: number, mentor: string) =>
    `#### ${title}\n\n- Description: x\n- Recommended Skills: Go\n- Mentor(s): ${mentor}\n- Issue: https://github.com/harborline/harborline/issues/${n}\n`;

  test('is a warning with a "Use @known" quick fix (never fix-all), its related place named by its workspace path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-known-'));
    mkdirSync(join(dir, 'programs/2024'), { recursive: true });
    mkdirSync(join(dir, 'programs/2025'), { recursive: true });
    const known = `### Harborline\n\n${idea('Replication UI', 1, 'Ana Souza (@asouza)')}\n${idea('Retry budgets', 2, 'Ana Souza (@asouza)')}`;
    writeFileSync(join(dir, 'programs/2024/README.md'), known);
    const typo = `### Harborline\n\n${idea('Audit log', 3, 'Ana Souza (@asuoza)')}`;
    writeFileSync(join(dir, 'programs/2025/README.md'), typo);
    const uri = uriOf(join(dir, 'programs/2025/README.md'));
    const client = await TestClient.start({ folders: [dir], settings: { template: 'cncf-2019' }, capabilities: EDITOR_CAPABILITIES });
    try {
      await client.indexed();
      await client.open(uri, typo);
      const diagnostics = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'mentor-identity'));
      const found = diagnostics.diagnostics.find((d) => d.code === 'mentor-identity')!;
      assert.equal(found.severity, 2 /* Warning */);
      assert.match(String(found.message), /@asuoza is one letter off @asouza/);
      const line = lineOf(typo, '@asuoza');
      assert.deepEqual(found.range.start, { line, character: typo.split('\n')[line]!.indexOf('asuoza') });
      // The related row says which README.md: the workspace has two.
      assert.equal(found.relatedInformation?.[0]?.location.uri, uriOf(join(dir, 'programs/2024/README.md')));
      assert.match(found.relatedInformation![0]!.message, /, in programs\/2024\/README\.md$/);
      const actions: CodeAction[] = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: found.range,
        context: { diagnostics: [found] },
      });
      const use = actions.find((a) => a.title === 'Use @asouza');
      assert.ok(use, actions.map((a) => a.title).join(' | '));
      assert.equal(use.kind, 'quickfix');
      const edits = (use.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits ?? use.edit?.changes?.[uri] ?? [];
      assert.equal(applyEdits(typo, edits as TextEdit[]), typo.replace('@asuoza', '@asouza'));
      // A majority can be the typo: fix-all leaves the handle alone.
      const fixAll: CodeAction[] = await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.socIdeas'] },
      });
      for (const action of fixAll) {
        const changes = (action.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits ?? action.edit?.changes?.[uri] ?? [];
        assert.ok(!applyEdits(typo, changes as TextEdit[]).includes('@asouza'), 'not part of fix-all');
      }
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
