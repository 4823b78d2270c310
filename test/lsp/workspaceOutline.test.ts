// `socIdeas/workspaceOutline` over the real server: every idea file of the workspace (open ones as
// edited, closed ones as saved), each with its path in the workspace, and the same counts as hover
// (a mentor hover says 3 ideas: the outlines hold those 3) and as the Problems panel in workspace scope.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { WORKSPACE_OUTLINE_REQUEST, type OutlineIdea, type WorkspaceOutline } from '../../server/src/protocol';
import { buildServer, TestClient, uriOf } from './client';

const idea = (title: string, n: number, mentors: string, label = 'Mentor(s)') =>
  `#### ${title}\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\t${label}: ${mentors}\n-\tIssue: https://github.com/a/b/issues/${n}\n`;
const OPEN = `### Harborline\n\n${idea('One', 1, 'Ana Souza (@asouza)')}\n${idea('Two', 2, 'Ana Souza (@asouza), Ravi Kumar (@rkumar)')}`;
const CLOSED = `### Kestrel\n\n${idea('Three', 3, 'Ana Souza (@asouza)', 'Mentors')}`;

before(() => buildServer());

test('every idea file of the workspace, a root per file, with the counts hover and the Problems panel give', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-workspace-outline-'));
  mkdirSync(join(dir, 'programs/2025'), { recursive: true });
  writeFileSync(join(dir, 'programs/README.md'), OPEN);
  writeFileSync(join(dir, 'programs/2025/README.md'), CLOSED);
  writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNot an idea file.\n');
  const client = await TestClient.start({ folders: [dir], settings: { template: 'cncf-2019', problems: { scope: 'workspace' } } });
  try {
    await client.indexed();
    const openUri = uriOf(join(dir, 'programs/README.md'));
    const closedUri = uriOf(join(dir, 'programs/2025/README.md'));
    await client.open(openUri, OPEN);
    await client.waitForDiagnostics(openUri);

    const all: WorkspaceOutline = await client.request(WORKSPACE_OUTLINE_REQUEST, {});
    assert.deepEqual(
      all.files.map((f) => [f.path, f.uri]),
      [
        ['programs/2025/README.md', closedUri],
        ['programs/README.md', openUri],
      ],
      'the idea files only, by their path in the workspace, in path order',
    );
    assert.match(all.basis, /2 idea files indexed/);
    const ideas = (f: WorkspaceOutline['files'][number]): OutlineIdea[] => [...f.outline.projects.flatMap((p) => p.ideas), ...(f.outline.orphans ?? [])];
    const byAna = all.files.flatMap(ideas).filter((i) => i.mentors.some((m) => m.handle === 'asouza'));
    assert.deepEqual(byAna.map((i) => i.title).sort(), ['One', 'Three', 'Two']);

    // Hover on @asouza says the same: 3 ideas.
    const line = OPEN.split('\n').findIndex((l) => l.includes('@asouza'));
    const hover: Hover = await client.request('textDocument/hover', {
      textDocument: { uri: openUri },
      position: { line, character: OPEN.split('\n')[line]!.indexOf('@asouza') + 2 },
    });
    assert.match((hover.contents as { value: string }).value, /Mentors 3 ideas in the workspace/);

    // The closed file's problems are those the Problems panel gets for it.
    const published = await client.waitForDiagnostics(closedUri, (p) => p.diagnostics.length > 0);
    const closed = all.files.find((f) => f.uri === closedUri)!;
    const counted = ideas(closed).reduce((n, i) => n + (i.problems?.error ?? 0) + (i.problems?.warning ?? 0) + (i.problems?.info ?? 0), 0);
    assert.equal(counted, published.diagnostics.length);
    assert.ok(counted > 0, 'the `Mentors` label');

    // An open file as edited, not as saved.
    await client.change(openUri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `${idea('Zero', 9, 'Li Wei (@lwei)')}\n` }]);
    const edited: WorkspaceOutline = await client.request(WORKSPACE_OUTLINE_REQUEST, {});
    assert.ok(ideas(edited.files.find((f) => f.uri === openUri)!).some((i) => i.title === 'Zero'));
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
