// `socIdeas.problems.scope: workspace` over the real server: closed idea files get their problems
// (those a check of their saved text finds), open files their own; a change on disk is followed; the
// default scope is open files only: going back to it clears what was published.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { buildServer, TestClient, uriOf } from './client';

// Each idea its own issue (a shared one is duplicate-issue's finding).
const idea = (title: string, mentorsLabel: string) =>
  `#### ${title}\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\t${mentorsLabel}: Ana Souza (@asouza)\n-\tIssue: https://github.com/a/b/issues/${title.length}${title.charCodeAt(0)}\n`;
const CLOSED = `### Harborline\n\n${idea('One', 'Mentors')}\n${idea('Two', 'Mentor(s)')}\n${idea('Three', 'Mentor(s)')}`;
const OPEN = `### Kestrel\n\n${idea('Four', 'Mentor(s)')}`;

before(() => buildServer());

function workspace(): { dir: string; closed: string; open: string; notes: string } {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-workspace-problems-'));
  writeFileSync(join(dir, 'closed.md'), CLOSED);
  writeFileSync(join(dir, 'open.md'), OPEN);
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\n- Mentors: not an idea file\n');
  return { dir, closed: join(dir, 'closed.md'), open: join(dir, 'open.md'), notes: join(dir, 'notes.md') };
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`);

test('workspace scope: a closed idea file gets its problems, follows its file, and an open one its own', async () => {
  const ws = workspace();
  const client = await TestClient.start({ folders: [ws.dir], settings: { template: 'cncf-2019', problems: { scope: 'workspace' } } });
  try {
    const closedUri = uriOf(ws.closed);
    const first = await client.waitForDiagnostics(closedUri, (p) => p.diagnostics.length > 0);
    assert.equal(first.version, undefined, 'a closed file has no version');
    assert.deepEqual(codes(first), ['7 field-label'], 'the `Mentors` label of the first idea');

    // Opened: its document publishes (with a version); closed again: the saved text's problems.
    let mark = client.mark;
    await client.open(closedUri, CLOSED.replace('Mentors', 'Mentor(s)'));
    const opened = await client.waitForDiagnostics(closedUri, (p) => p.version === 1, mark);
    assert.deepEqual(codes(opened), []);
    mark = client.mark;
    await client.close(closedUri);
    assert.deepEqual(codes(await client.waitForDiagnostics(closedUri, (p) => p.diagnostics.length > 0, mark)), ['7 field-label']);

    // Changed on disk.
    mark = client.mark;
    writeFileSync(ws.closed, CLOSED.replace('Mentors', 'Mentor(s)').replace('#### Three', '#### Two'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: closedUri, type: 2 }] });
    const changed = await client.waitForDiagnostics(closedUri, () => true, mark);
    assert.deepEqual(codes(changed), [`${CLOSED.split('\n').findIndex((l) => l === '#### Three') + 1} duplicate-idea`]);

    assert.ok(!client.diagnostics.some((p) => p.uri === uriOf(ws.notes) && p.diagnostics.length > 0), 'a markdown file that is no idea file gets nothing');
    assert.ok(!client.diagnostics.some((p) => p.uri === uriOf(ws.open) && p.diagnostics.length > 0), 'a clean file gets nothing');
  } finally {
    await client.stop();
    rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('switching back to open files (the default) clears the closed files\' problems', async () => {
  const ws = workspace();
  const settings: Record<string, unknown> = { template: 'cncf-2019', problems: { scope: 'workspace' } };
  const client = await TestClient.start({ folders: [ws.dir], settings: () => settings });
  try {
    const closedUri = uriOf(ws.closed);
    await client.waitForDiagnostics(closedUri, (p) => p.diagnostics.length > 0);
    const mark = client.mark;
    settings.problems = { scope: 'openFiles' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(closedUri, (p) => p.diagnostics.length === 0, mark);
  } finally {
    await client.stop();
    rmSync(ws.dir, { recursive: true, force: true });
  }

});
