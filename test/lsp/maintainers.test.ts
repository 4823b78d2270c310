// mentor-maintainer through the real server: the list the config names is read, its findings and the
// mentor hover say what it says, and a change to the list on disk (a watched-file event) is applied.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { buildServer, TestClient, uriOf } from './client';

const IDEAS = `# Ideas

### Alpha

#### Better docs

- Description: d
- Recommended Skills: Go
- Mentor(s): Jane Doe (@Jane-Doe), Sam Poe (@sam-poe)
- Issue: https://github.com/alpha/alpha/issues/1
`;
const LIST = 'Project,Maintainer Name,Github Name\nAlpha,Jane Doe,jane-doe\nBeta,Sam Poe,sam-poe\n';

before(() => buildServer());

describe('mentor-maintainer in the language server', () => {
  let client: TestClient;
  let dir: string;
  let ideasUri: string;
  let listPath: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-maintainers-'));
    writeFileSync(join(dir, '.soc-ideas.json'), '{\n  "template": "cncf-2019",\n  "maintainers": "maintainers.csv"\n}\n');
    listPath = join(dir, 'maintainers.csv');
    writeFileSync(listPath, LIST);
    writeFileSync(join(dir, 'ideas.md'), IDEAS);
    client = await TestClient.start({ folders: [dir], settings: {} });
    await client.indexed();
    ideasUri = uriOf(join(dir, 'ideas.md'));
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const hoverOn = async (handle: string): Promise<string> => {
    const line = IDEAS.split('\n').findIndex((l) => l.includes(handle));
    const character = IDEAS.split('\n')[line]!.indexOf(handle) + 2;
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri: ideasUri }, position: { line, character } });
    return (hover.contents as { value: string }).value;
  };

  test('a mentor not listed for the project is a note on the entry; the hover says what the list says', async () => {
    const mark = client.mark;
    await client.open(ideasUri, IDEAS);
    const published = await client.waitForDiagnostics(ideasUri, (p) => p.diagnostics.some((d) => d.code === 'mentor-maintainer'), mark);
    const mine = published.diagnostics.filter((d) => d.code === 'mentor-maintainer');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.severity, 3, 'info');
    assert.equal(mine[0]!.range.start.line, 8);
    assert.match(mine[0]!.message as string, /^@sam-poe is not listed among the maintainers of Alpha in maintainers\.csv \(1 listed; @sam-poe is listed for Beta\)/);
    assert.match(await hoverOn('@sam-poe'), /Maintainers: not listed among the maintainers of Alpha \(Alpha\) in maintainers\.csv \(1 listed\); listed for Beta/);
    assert.match(await hoverOn('@Jane-Doe'), /Maintainers: a maintainer of Alpha \(Alpha\) per maintainers\.csv/);
    // The GitHub line of the mentor hover is still there: one hover, not two.
    assert.match(await hoverOn('@Jane-Doe'), /GitHub: \[@Jane-Doe\]/);
  });

  test('the list changed on disk is read again: the mentor now listed gets nothing', async () => {
    writeFileSync(listPath, `${LIST}Alpha,Sam Poe,sam-poe\n`);
    const mark = client.mark;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(listPath), type: 2 }] });
    await client.waitForDiagnostics(ideasUri, (p) => !p.diagnostics.some((d) => d.code === 'mentor-maintainer'), mark);
    assert.match(await hoverOn('@sam-poe'), /Maintainers: a maintainer of Alpha \(Alpha\) per maintainers\.csv/);
  });

  test('a list that cannot be used is a diagnostic on the config, at its "maintainers" value, and no finding', async () => {
    writeFileSync(listPath, 'Team,Email\nAlpha,a@example.org\n');
    const mark = client.mark;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(listPath), type: 2 }] });
    const onConfig = await client.waitForDiagnostics(uriOf(join(dir, '.soc-ideas.json')), (p) => p.diagnostics.length > 0, mark);
    assert.equal(onConfig.diagnostics[0]!.range.start.line, 2);
    assert.match(onConfig.diagnostics[0]!.message as string, /"maintainers": maintainers\.csv cannot be used: its header row names no project column/);
    const ideas = await client.waitForDiagnostics(ideasUri, () => true, mark);
    assert.ok(!ideas.diagnostics.some((d) => d.code === 'mentor-maintainer'));
    assert.doesNotMatch(await hoverOn('@sam-poe'), /Maintainers:/);
    client.assertAlive();
  });
});
