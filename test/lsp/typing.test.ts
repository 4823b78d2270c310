// A field being written is not an error yet (issue 15 item 3): with `typingPauseMs` (the VS Code
// client's initialization option), an empty-field finding on the line of the last edit is held back
// until an edit on another line or a pause; then the same version is published whole. Without the
// option every check publishes everything. The test waits for publishes, never for a time.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, TestClient, uriOf } from './client';

const IDEAS = `# Ideas

### Harborline

#### Web UI for replication rules

- Description: A page to edit the rules.
- Mentor(s): Ana Souza (@asouza)
- Issue: https://github.com/harborline/harborline/issues/7
`;

/** 0-based line of the Mentor(s) field, where the missing skills field is typed above. */
const FIELD_LINE = IDEAS.split('\n').findIndex((l) => l.startsWith('- Mentor(s):'));
const TYPED = '- Recommended Skills: ';

const emptyFieldLines = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'empty-field').map((d) => d.range.start.line);

describe('a field being written', () => {
  let dir: string;
  before(() => {
    buildServer();
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-typing-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function typeEmptyField(client: TestClient, uri: string): Promise<PublishDiagnosticsParams> {
    await client.open(uri, IDEAS);
    const first = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1);
    assert.deepEqual(emptyFieldLines(first), [], 'no empty field before');
    const mark = client.mark;
    await client.change(uri, 2, [{ range: { start: { line: FIELD_LINE, character: 0 }, end: { line: FIELD_LINE, character: 0 } }, text: `${TYPED}\n` }]);
    return client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, mark);
  }

  test('with a typing pause: held on the line being written, published whole after the pause', async () => {
    const path = join(dir, 'paused.md');
    writeFileSync(path, IDEAS);
    const uri = uriOf(path);
    const client = await TestClient.start({ folders: [dir], settings: { template: 'cncf-2019' }, initializationOptions: { typingPauseMs: 300 } });
    try {
      // The edit inserts the field and a line break: the cursor ends on the line after it, so the
      // user has moved on — the finding shows at once.
      const movedOn = await typeEmptyField(client, uri);
      assert.deepEqual(emptyFieldLines(movedOn), [FIELD_LINE], 'the user moved to the next line: the empty field is shown');

      // Now type on the empty field's own line: it is being written.
      const mark = client.mark;
      const at = { line: FIELD_LINE, character: TYPED.length };
      await client.change(uri, 3, [{ range: { start: at, end: at }, text: ' ' }]);
      const held = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3, mark);
      assert.deepEqual(emptyFieldLines(held), [], 'held back while the line is being written');
      const whole = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3 && emptyFieldLines(p).length > 0, mark, 10_000);
      assert.deepEqual(emptyFieldLines(whole), [FIELD_LINE], 'after the pause the same version is published whole');
    } finally {
      await client.stop();
    }
  });

  test('without the option (other clients, the CLI): every check publishes everything at once', async () => {
    const path = join(dir, 'plain.md');
    writeFileSync(path, IDEAS);
    const uri = uriOf(path);
    const client = await TestClient.start({ folders: [dir], settings: { template: 'cncf-2019' } });
    try {
      await typeEmptyField(client, uri);
      const mark = client.mark;
      const at = { line: FIELD_LINE, character: TYPED.length };
      await client.change(uri, 3, [{ range: { start: at, end: at }, text: ' ' }]);
      const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3, mark);
      assert.deepEqual(emptyFieldLines(published), [FIELD_LINE]);
    } finally {
      await client.stop();
    }
  });
});
