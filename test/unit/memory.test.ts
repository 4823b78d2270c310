// A long typing session must not keep old versions of the text alive: what is cached across edits
// (sections, ideas' parts, findings) holds strings cut from the text, and a cut string can keep
// the whole text it was cut from (see engine/parse/text.ts `detach`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkDocument } from '../../server/src/engine/check';
import { OpenDocument } from '../../server/src/server/documents';
import { IdeaFileIndex } from '../../server/src/server/workspaceIndex';
import { generateIdeaFile } from '../../scripts/generate-ideas';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

test('typing in many places of a 1 MB file keeps the heap flat (no old text versions kept)', async () => {
  const text = generateIdeaFile(1_000_000);
  const uri = 'file:///w/big.md';
  const host = { readFile: async () => undefined };
  const doc = new OpenDocument(uri, 'markdown', 1, text);
  const index = new IdeaFileIndex();
  const edit = async (i: number) => {
    const parsed = doc.parse();
    const at = text.indexOf('Description:', (i * 7919) % (text.length - 1000)) + 'Description: '.length;
    const pos = parsed.lines.positionAt(at);
    doc.update([{ range: { start: pos, end: pos }, text: 'y' }], doc.version + 1);
    const next = doc.parse();
    index.update(uri, next);
    await checkDocument({ uri, text: next.text, doc: next, host, workspace: index.vocabulary, lintCache: doc.lintCache });
  };
  for (let i = 0; i < 20; i++) await edit(i); // warm caches
  const before = heapAfterGc();
  const edits = 150;
  for (let i = 20; i < 20 + edits; i++) await edit(i);
  const grown = heapAfterGc() - before;
  // Each version of the text is 1-2 MB: keeping them would grow the heap by 150 MB or more.
  assert.ok(grown < 40e6, `heap grew by ${(grown / 1e6).toFixed(0)} MB over ${edits} edits`);
});
