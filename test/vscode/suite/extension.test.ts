/// <reference types="mocha" />
// The extension loads in the real extension host, activates and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from './helpers';

suite('extension', () => {
  test('runs in a Node extension host and activates', async () => {
    assert.equal(typeof process.versions.node, 'string');
    console.log(`    VS Code ${vscode.version} (${vscode.env.appName}), Node ${process.version}`);
    const api = await activateExtension();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    // Figures for the closing notes: what activation costs in a real extension host.
    console.log(`    activate() took ${api.timings.activateMs} ms; language server ready after ${api.timings.serverReadyMs} ms`);
    assert.equal(typeof api.timings.serverReadyMs, 'number');
    assert.equal(typeof api.ideasTree.getChildren, 'function');
  });

  test('registers every contributed command', async () => {
    await activateExtension();
    const contributed: { command: string }[] = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands ?? [];
    assert.ok(contributed.length >= 10);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });
});
