// Idea lists in other organisations' syntaxes, through the real server over stdio (issue 12): a
// table whose rows are ideas, and one idea per file in YAML front matter. Diagnostics and document
// symbols (the outline) come from the same model as for heading lists.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, REPO_ROOT, TestClient, uriOf } from './client';

const TABLE = readFileSync(join(REPO_ROOT, 'test/fixtures/parse/own-convention/table-rows.md'), 'utf8').replace(/\n/g, '\r\n');

before(() => buildServer());

describe('other syntaxes over the protocol', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-syntaxes-'));
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
});
