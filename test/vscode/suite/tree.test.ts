/// <reference types="mocha" />
// The Ideas tree, through the provider the extension returns from activate().
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SocIdeasApi } from '../../../client/src/extension';
import type { TreeNode } from '../../../client/src/ideasTreeModel';
import { activateWithServer, openFixture } from './helpers';

function labels(api: SocIdeasApi, nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => {
    const label = api.ideasTree.getTreeItem(n).label;
    return typeof label === 'string' ? label : (label?.label ?? '');
  });
}

async function setTreeSetting(key: 'groupBy' | 'filter' | 'scope', value: string): Promise<void> {
  await vscode.commands.executeCommand(`socIdeas.tree.${key}`, value);
}

suite('Ideas tree', () => {
  let api: SocIdeasApi;
  suiteSetup(async () => {
    api = await activateWithServer();
  });
  teardown(async () => {
    await setTreeSetting('groupBy', 'project');
    await setTreeSetting('filter', '');
    await setTreeSetting('scope', 'activeFile');
  });

  test('workspace scope: a root per idea file of the workspace, by its path, with its own tree below', async () => {
    await openFixture('ideas-2019.md');
    await setTreeSetting('scope', 'workspace');
    // The server may still be indexing the folder: ask again until both idea files are in.
    let root = await api.ideasTree.getChildren();
    for (const deadline = Date.now() + 15_000; root.length < 2 && Date.now() < deadline; root = await api.ideasTree.getChildren()) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      api.ideasTree.refresh();
    }
    assert.deepEqual(
      root.map((n) => n.kind),
      ['file', 'file'],
    );
    assert.deepEqual(labels(api, root), ['ideas-2018.md', 'ideas-2019.md'], 'the idea files, not notes.md');
    const item = api.ideasTree.getTreeItem(root[1]!);
    assert.match(String(item.description), /^\d+ ideas/);
    assert.equal(item.resourceUri?.path.endsWith('/ideas-2019.md'), true);
    const below = await api.ideasTree.getChildren(root[1]);
    assert.equal(below[0]?.kind, 'template');
    assert.deepEqual(labels(api, below.slice(1)), ['Harborline', 'Kestrel Mesh', 'Tidepool']);
    // A closed file's ideas open it at their line.
    const [, firstProject] = await api.ideasTree.getChildren(root[0]);
    const [firstIdea] = firstProject ? await api.ideasTree.getChildren(firstProject) : [];
    assert.ok(firstIdea?.kind === 'idea');
    const reveal = api.ideasTree.getTreeItem(firstIdea).command;
    assert.equal(reveal?.command, 'socIdeas.tree.reveal');
    assert.ok(String(reveal?.arguments?.[0]).endsWith('/ideas-2018.md'));
  });

  test('shows the template in force, then the projects and their ideas', async () => {
    await openFixture('ideas-2019.md');
    const root = await api.ideasTree.getChildren();
    assert.equal(root[0]?.kind, 'template');
    assert.deepEqual(labels(api, root.slice(1)), ['Harborline', 'Kestrel Mesh', 'Tidepool']);
    const harborline = root[1];
    assert.ok(harborline);
    const ideas = await api.ideasTree.getChildren(harborline);
    assert.deepEqual(labels(api, ideas), [
      'Garbage collection for unreferenced layers',
      'Signed manifests in the mirror API',
      'Web UI for replication rules',
    ]);
    const details = await api.ideasTree.getChildren(ideas[0]);
    assert.deepEqual(
      details.map((d) => d.kind),
      ['mentor', 'skills', 'issue'],
    );
    assert.deepEqual(labels(api, details), ['Ravi Kumar (@rkumar)', 'Skills', 'harborline/harborline#128']);
  });

  test('an idea with an error shows an error icon and its problem count', async () => {
    await openFixture('ideas-2019.md');
    const root = await api.ideasTree.getChildren();
    const webUi = (await api.ideasTree.getChildren(root[1])).find((n) => n.kind === 'idea' && n.placed.idea.title.startsWith('Web UI'));
    assert.ok(webUi);
    const item = api.ideasTree.getTreeItem(webUi);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    const healthy = (await api.ideasTree.getChildren(root[1])).find((n) => n.kind === 'idea' && n.placed.idea.title.startsWith('Garbage'));
    assert.ok(healthy);
    assert.notEqual((api.ideasTree.getTreeItem(healthy).iconPath as vscode.ThemeIcon).id, 'lightbulb', 'a lightbulb says "a fix is available"');
    assert.match(String(item.description), /1 error/);
    // the click reveals the idea's heading line
    assert.equal(item.command?.command, 'socIdeas.tree.reveal');
    assert.equal(item.command?.arguments?.[1], webUi.kind === 'idea' ? webUi.placed.idea.line : -1);
  });

  test('groups by mentor across the whole file', async () => {
    await openFixture('ideas-2019.md');
    await setTreeSetting('groupBy', 'mentor');
    const groups = (await api.ideasTree.getChildren()).filter((n) => n.kind === 'group');
    const jane = groups.find((g) => g.kind === 'group' && g.id === 'mentor:jdoe');
    assert.ok(jane, `groups: ${labels(api, groups).join(', ')}`);
    const ideas = await api.ideasTree.getChildren(jane);
    assert.deepEqual(labels(api, ideas), ['Signed manifests in the mirror API', 'Benchmarks for the proxy']);
  });

  test('the filter keeps matching ideas only', async () => {
    await openFixture('ideas-2019.md');
    await setTreeSetting('filter', 'rust');
    const root = await api.ideasTree.getChildren();
    assert.deepEqual(labels(api, root.filter((n) => n.kind === 'project')), ['Kestrel Mesh']);
    const ideas = await api.ideasTree.getChildren(root.find((n) => n.kind === 'project'));
    assert.deepEqual(labels(api, ideas), ['Benchmarks for the proxy', 'Retry budgets per route']);
  });

  test('"Copy idea" copies from the idea heading to the next heading', async () => {
    await openFixture('ideas-2019.md');
    const root = await api.ideasTree.getChildren();
    const [first] = await api.ideasTree.getChildren(root[1]);
    const text = await vscode.commands.executeCommand<string>('socIdeas.tree.copyIdea', first);
    assert.match(text, /^#### Garbage collection for unreferenced layers\n/);
    assert.match(text, /Issue: https:\/\/github\.com\/harborline\/harborline\/issues\/128\n$/);
    assert.doesNotMatch(text, /Signed manifests/);
  });

  test('plain markdown (notes.md) shows nothing', async () => {
    await openFixture('notes.md');
    assert.deepEqual(await api.ideasTree.getChildren(), []);
  });
});
