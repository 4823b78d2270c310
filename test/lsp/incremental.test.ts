// Incremental = full: random edits (seeded) applied to a generated idea file the way the server
// applies them (LSP ranges, a per-document SectionCache); after each edit the incremental parse and
// a whole-document parse give the same model and the same findings. Then a few edits through the
// real server: its last diagnostics equal the engine's on the final text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { generateIdeaFile } from '../../scripts/generate-ideas';
import { checkDocument } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/findings/findings';
import type { Host } from '../../server/src/engine/host';
import type { IdeaDocument } from '../../server/src/engine/parse/model';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { LineIndex } from '../../server/src/engine/parse/text';
import { OpenDocument } from '../../server/src/server/documents';
import { toDiagnostic } from '../../server/src/server/diagnostics';
import { setRuleDocsFolder } from '../../server/src/server/ruleDocs';
import { buildServer, TestClient, uriOf, RULE_DOCS_URI } from './client';

// Expected diagnostics link to the pages the server links to.
setRuleDocsFolder(RULE_DOCS_URI);

/** mulberry32: a small seeded PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Snippets that make edits interesting: structure, list items, fences, CRLF, emoji. */
const INSERTS = [
  'x',
  ' ',
  '\n',
  '\r\n',
  '\n### New project\n',
  '\n#### New idea\n\n-\tDescription: d\n-\tMentor(s): Ann Lee (@annlee)\n',
  '-\tRecommended Skills: golang, Go\n',
  '\n```\n### inside a fence\n',
  '```\n',
  '  - Jane Doe (@jdoe, jane@example.org)\n',
  '**Description:** bold\n',
  '😀',
  '[ref]: https://example.org/ref\n',
  '<!-- soc-ideas-disable list-marker -->\n',
  '\t',
  '* ',
  ':',
  ',',
];

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function randomEdit(text: string, random: () => number): Edit {
  const pick = (n: number) => Math.floor(random() * n);
  let start = pick(text.length + 1);
  // Never split a surrogate pair or a CRLF: editors do not.
  const fix = (o: number) => {
    if (o > 0 && o < text.length && /[\uDC00-\uDFFF]/.test(text[o]!)) return o - 1;
    if (o > 0 && text[o] === '\n' && text[o - 1] === '\r') return o - 1;
    return o;
  };
  start = fix(start);
  const kind = random();
  if (kind < 0.35) return { start, end: start, text: INSERTS[pick(INSERTS.length)]! };
  if (kind < 0.6) {
    const end = fix(Math.min(text.length, start + 1 + pick(kind < 0.5 ? 3 : 200)));
    return { start, end: Math.max(start, end), text: '' };
  }
  if (kind < 0.8) {
    // delete or duplicate a whole line
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const nl = text.indexOf('\n', start);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    return kind < 0.7 ? { start: lineStart, end: lineEnd, text: '' } : { start: lineStart, end: lineStart, text: text.slice(lineStart, lineEnd) };
  }
  const end = fix(Math.min(text.length, start + pick(20)));
  return { start, end: Math.max(start, end), text: INSERTS[pick(INSERTS.length)]! };
}

function toChange(text: string, edit: Edit): TextDocumentContentChangeEvent {
  const lines = new LineIndex(text);
  const pos = (o: number): Position => lines.positionAt(o);
  return { range: { start: pos(edit.start), end: pos(edit.end) }, text: edit.text };
}

/** What a check says, in a form to compare (spans, messages, fixes, related places). */
function comparable(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, span: f.span, fix: f.fix, related: f.related }));
}

function model(doc: IdeaDocument): unknown {
  return {
    headings: doc.headings,
    projects: doc.projects.map((p) => ({ title: p.title, span: p.span, ideas: p.ideas.length })),
    ideas: doc.ideas.map((i) => ({ title: i.title, span: i.span, fields: i.fields, mentors: i.mentors, skills: i.skills, issues: i.issues })),
    samples: doc.samples.length,
    comments: doc.comments,
    codeBlocks: doc.codeBlocks,
  };
}

const noFiles: Host = { readFile: async () => undefined };

test('random edits: incremental parse and check equal a whole-document parse and check', async () => {
  const random = prng(20260206);
  const uri = 'file:///bench/ideas.md';
  const initial = generateIdeaFile(20_000);
  const doc = new OpenDocument(uri, 'markdown', 1, initial);
  doc.parse();
  const edits = 120;
  let reparsedSections = 0;
  for (let i = 0; i < edits; i++) {
    const text = doc.getText();
    const edit = randomEdit(text, random);
    doc.update([toChange(text, edit)], doc.version + 1);
    const expectedText = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    assert.equal(doc.getText(), expectedText, `edit ${i}: the document text`);

    const incremental = doc.parse();
    reparsedSections += doc.cache.parsedInLastRun;
    const full = parseDocument(expectedText);
    assert.deepEqual(model(incremental), model(full), `edit ${i} (${JSON.stringify(edit)}): the model`);
    if (i % 8 === 0 || i === edits - 1) {
      const a = await checkDocument({ uri, text: expectedText, doc: incremental, host: noFiles });
      const b = await checkDocument({ uri, text: expectedText, host: noFiles });
      assert.deepEqual(comparable(a.findings), comparable(b.findings), `edit ${i}: the findings`);
    }
  }
  // Sectional: an edit re-parses a few sections, not the file's dozens.
  assert.ok(reparsedSections / edits < 6, `${reparsedSections} sections re-parsed over ${edits} edits`);
});

test('several changes in one didChange (multi-cursor, format-on-type) parse as the whole text does', () => {
  const random = prng(11);
  const doc = new OpenDocument('file:///multi.md', 'markdown', 1, generateIdeaFile(20_000));
  doc.parse();
  for (let i = 0; i < 60; i++) {
    // Each change is relative to the text the changes before it left, as LSP applies them.
    let text = doc.getText();
    const changes = [];
    for (let c = 1 + Math.floor(random() * 3); c > 0; c--) {
      const edit = randomEdit(text, random);
      changes.push(toChange(text, edit));
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    doc.update(changes, doc.version + 1);
    assert.equal(doc.getText(), text, `edit ${i}: the document text`);
    if (i % 3 === 2) continue; // changes pile up between parses too
    assert.deepEqual(model(doc.parse()), model(parseDocument(text)), `edit ${i}: the model`);
  }
});

test('a one-character edit re-parses only the section it touches', () => {
  const text = generateIdeaFile(100_000);
  const doc = new OpenDocument('file:///x.md', 'markdown', 1, text);
  doc.parse();
  const at = text.indexOf('Mirrors drop signatures', text.length / 2);
  doc.update([toChange(text, { start: at, end: at, text: 'x' })], 2);
  doc.parse();
  assert.equal(doc.cache.parsedInLastRun, 1);
});

before(() => buildServer());

test('through the protocol: after random edits the published diagnostics equal a full check of the text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-incremental-'));
  const client = await TestClient.start({});
  try {
    const uri = uriOf(join(dir, 'ideas.md'));
    let text = generateIdeaFile(20_000);
    await client.open(uri, text);
    const random = prng(7);
    let version = 1;
    for (let i = 0; i < 12; i++) {
      const edit = randomEdit(text, random);
      await client.change(uri, ++version, [toChange(text, edit)]);
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    const expected = await checkDocument({ uri, text, host: { readFile: async () => undefined } });
    const wanted = expected.findings.map((f) => toDiagnostic(uri, expected.doc, f));
    assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(wanted)));
    // No stale publish came after the newest one.
    const last = client.diagnostics.filter((d) => d.uri === uri).at(-1)!;
    assert.equal(last.version, version);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
