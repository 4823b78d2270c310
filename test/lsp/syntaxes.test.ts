// Idea lists in other organisations' syntaxes, through the real server over stdio (issue 12): a
// table whose rows are ideas, and one idea per file in YAML front matter. Diagnostics and document
// symbols (the outline) come from the same model as for heading lists.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, DocumentSymbol, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { OUTLINE_REQUEST, type Outline } from '../../server/src/protocol';
import { buildServer, REPO_ROOT, TestClient, uriOf } from './client';

const TABLE = readFileSync(join(REPO_ROOT, 'test/fixtures/parse/own-convention/table-rows.md'), 'utf8').replace(/\n/g, '\r\n');

const FOLDER = '_projects/2025/acme';
/** A new idea in the folder (CRLF): it lacks keys its siblings all have. */
const SURVEY = ['---', 'name: Station survey 🌊', 'desc: Survey the stations.', 'requirements:', '  - Python', 'mentors:', '  - ann-lee', '---', '', 'Text.', ''].join('\r\n');

before(() => buildServer());

describe('other syntaxes over the protocol', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-syntaxes-'));
    // A Jekyll collection: one idea per file in front matter, in one folder.
    mkdirSync(join(dir, FOLDER), { recursive: true });
    for (const name of ['sonar.md', 'grid.md', 'mesh.md']) writeFileSync(join(dir, FOLDER, name), readFileSync(join(REPO_ROOT, 'test/fixtures/parse/front-matter/_projects/2025/acme', name), 'utf8'));
    client = await TestClient.start({ folders: [dir], settings: {} });
    await client.indexed();
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a table of ideas (CRLF): a symbol per row at its line, diagnostics at the cells', { timeout: 20_000 }, async () => {
    const uri = uriOf(join(dir, 'ideas-list.md'));
    const mark = client.mark;
    await client.open(uri, TABLE);
    const published: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, () => true, mark);
    const lines = TABLE.split('\r\n');
    const shown = published.diagnostics.filter((d) => d.severity !== 3).map((d) => `${d.range.start.line + 1} ${d.code}`);
    assert.deepEqual(shown.sort(), ['10 empty-field', '9 issue-link']);
    const issue = published.diagnostics.find((d) => d.code === 'issue-link')!;
    assert.equal(lines[8]!.slice(issue.range.start.character, issue.range.end.character), 'https://github.com/acme/gsoc/issues/55');
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const ideas = symbols.flatMap((s) => (s.children?.length ? s.children : [s]));
    assert.deepEqual(ideas.map((s) => [s.name, s.selectionRange.start.line + 1]), [
      ['Sonar toolkit', 7],
      ['Grid reader', 8],
      ['Glider plots', 9],
      ['Mesh tool', 10],
      ['Station survey', 11],
    ]);
    const sonar = ideas[0]!;
    assert.equal(lines[6]!.slice(sonar.selectionRange.start.character, sonar.selectionRange.end.character), '[Sonar toolkit](https://example.org/sonar)');
    client.assertAlive();
  });

  test('a front-matter idea in a folder of them (CRLF): diagnostics at its title, completion and hover in the front matter', { timeout: 30_000 }, async () => {
    const uri = uriOf(join(dir, FOLDER, 'survey.md'));
    const mark = client.mark;
    await client.open(uri, SURVEY);
    const published: PublishDiagnosticsParams = await client.waitForDiagnostics(uri, () => true, mark);
    const lines = SURVEY.split('\r\n');
    const missing = published.diagnostics.filter((d) => d.code === 'missing-field');
    assert.deepEqual(missing.map((d) => d.message).sort(), [
      'Add the "difficulty" key to this idea: the other files of this folder have it.',
      'Add the "issues" key to this idea: the other files of this folder have it.',
      'Add the "project_size" key to this idea: the other files of this folder have it.',
    ]);
    for (const d of missing) assert.equal(lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character), 'Station survey 🌊');
    // A new key at the start of a line in the front matter: the keys the folder has and this file lacks.
    await client.change(uri, 2, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'dif\r\n' }]);
    const keys: CompletionList = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 3 } });
    assert.deepEqual(keys.items.map((i) => (i.textEdit as TextEdit).newText), ['difficulty: ']);
    assert.deepEqual((keys.items[0]!.textEdit as TextEdit).range, { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } });
    // A mentor handle on a new list item under `mentors:`, from the indexed siblings.
    await client.change(uri, 3, [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } }, text: '  - bo' }]);
    const handles: CompletionList = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 6 } });
    assert.deepEqual(handles.items.map((i) => (i.textEdit as TextEdit).newText), ['bo-chen']);
    // Hover on a key: the folder's convention says it is required.
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
    const markdown = typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
    assert.match(markdown, /\*\*requirements\*\* — required field/);
    assert.match(markdown, /the keys shared in acme\//);
    assert.deepEqual(hover.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 'requirements'.length } });
    // The tree: the folder is one list, this file's idea among the others', each opening its file.
    const outline: Outline = await client.request(OUTLINE_REQUEST, { uri });
    assert.equal(outline.template?.source, 'sibling');
    assert.deepEqual(outline.projects.map((p) => [p.title, p.ideas.map((i) => [i.title, i.uri?.slice(i.uri.lastIndexOf('/') + 1) ?? 'this file'])]), [
      ['acme/', [['Grid reader: lazy', 'grid.md'], ['Mesh tool', 'mesh.md'], ['Sonar toolkit', 'sonar.md'], ['Station survey 🌊', 'this file']]],
    ]);
    client.assertAlive();
  });
});
