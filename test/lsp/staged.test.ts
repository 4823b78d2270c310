// A large file's first check comes in two stages (issue 14): the structural rules' findings first,
// then all findings with the status. The first stage is a subset of the whole, and the whole equals
// the engine's check of the text; a small file, or a later edit, gets one publish.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { generateIdeaFile } from '../../scripts/generate-ideas';
import { checkDocument } from '../../server/src/engine/check';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { STRUCTURAL_RULES } from '../../server/src/engine/rules';
import { STAGED_FROM_CHARS } from '../../server/src/server/analysis';
import { STATUS_NOTIFICATION } from '../../server/src/protocol';
import { buildServer, TestClient, uriOf } from './client';

let dir = '';
before(() => {
  buildServer();
  dir = mkdtempSync(join(tmpdir(), 'soc-ideas-staged-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const STRUCTURAL = new Set(STRUCTURAL_RULES.map((r) => r.id));
const keyOf = (d: PublishDiagnosticsParams['diagnostics'][number]) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

/** Every publish for `uri` until its status came (the whole check's). */
async function publishesUntilStatus(client: TestClient, uri: string): Promise<PublishDiagnosticsParams[]> {
  await client.waitFor(STATUS_NOTIFICATION, (p: { uri: string }) => p.uri === uri, 0, 120_000);
  return client.diagnostics.filter((p) => p.uri === uri);
}

test('a large file is published in two stages: structure first, then everything, the first a subset', async () => {
  const text = generateIdeaFile(STAGED_FROM_CHARS + 40_000);
  const uri = uriOf(join(dir, 'large.md'));
  const client = await TestClient.start({});
  try {
    await client.open(uri, text);
    const publishes = await publishesUntilStatus(client, uri);
    assert.equal(publishes.length, 2, 'a first stage, then the whole');
    const [first, whole] = publishes as [PublishDiagnosticsParams, PublishDiagnosticsParams];
    assert.equal(first.version, 1);
    assert.equal(whole.version, 1);
    assert.ok(first.diagnostics.length > 0);
    for (const d of first.diagnostics) assert.ok(STRUCTURAL.has(String(d.code)), `${d.code} is not a structural rule`);
    const wholeKeys = new Set(whole.diagnostics.map(keyOf));
    for (const d of first.diagnostics) assert.ok(wholeKeys.has(keyOf(d)), `first-stage finding missing from the whole: ${keyOf(d)}`);
    assert.ok(whole.diagnostics.some((d) => !STRUCTURAL.has(String(d.code))), 'the whole has the other rules too');
    // The whole equals the engine's check of the text.
    const engine = await checkDocument({ uri, text, doc: parseDocument(text), host: { readFile: async () => undefined } });
    assert.equal(whole.diagnostics.length, engine.findings.length);
    // An edit afterwards is answered once.
    const mark = client.mark;
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await client.waitFor(STATUS_NOTIFICATION, (p: { uri: string }) => p.uri === uri, mark, 60_000);
    assert.equal(client.diagnostics.filter((p) => p.uri === uri && p.version === 2).length, 1);
  } finally {
    await client.stop();
  }
});

test('edits typed while a large file is first checked get whole checks: the last equals the engine', async () => {
  let text = generateIdeaFile(STAGED_FROM_CHARS + 40_000);
  const uri = uriOf(join(dir, 'typed.md'));
  const client = await TestClient.start({});
  try {
    await client.open(uri, text);
    // Keep typing at the top, each edit sent before the last is answered.
    for (let v = 2; v <= 6; v++) {
      await client.change(uri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y' }]);
      text = `y${text}`;
      await new Promise((r) => setTimeout(r, 40));
    }
    // A status follows each whole check's publish; version 6's may be staged too, its whole comes last.
    await client.waitFor(STATUS_NOTIFICATION, (p: { uri: string }) => p.uri === uri, 0, 120_000);
    while (client.diagnostics.filter((p) => p.uri === uri).at(-1)?.version !== 6) {
      await client.waitFor(STATUS_NOTIFICATION, (p: { uri: string }) => p.uri === uri, client.mark, 120_000);
    }
    const last = client.diagnostics.filter((p) => p.uri === uri).at(-1)!;
    const engine = await checkDocument({ uri, text, doc: parseDocument(text), host: { readFile: async () => undefined } });
    assert.equal(last.diagnostics.length, engine.findings.length);
    assert.ok(last.diagnostics.some((d) => !STRUCTURAL.has(String(d.code))), 'version 6 was checked whole');
  } finally {
    await client.stop();
  }
});

test('a small file is published once', async () => {
  const text = generateIdeaFile(30_000);
  const uri = uriOf(join(dir, 'small.md'));
  const client = await TestClient.start({});
  try {
    await client.open(uri, text);
    const publishes = await publishesUntilStatus(client, uri);
    assert.equal(publishes.length, 1);
    assert.ok(publishes[0]!.diagnostics.some((d) => !STRUCTURAL.has(String(d.code))));
  } finally {
    await client.stop();
  }
});
