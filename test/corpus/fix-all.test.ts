// Fix-all never touches prose (FINDINGS-POLICY): on every real idea file in ../shared (corpus and
// workspaces, where they lie, so templates resolve as they do for users), each edit an automatic fix
// makes stays inside a field's label and bullet, a mentor entry, moves whole field lines (order), or
// rewrites a table of contents (link lines only).
// Skipped, and says so, when ../shared is absent.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { applyFixes, automaticFixes } from '../../server/src/engine/findings/fix';
import type { TextEdit } from '../../server/src/engine/findings/findings';
import type { IdeaDocument, Span } from '../../server/src/engine/parse/model';
import { nodeHost } from '../../server/src/node/nodeHost';

const SHARED = join(import.meta.dirname, '../../../shared');

function markdownUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== '.git') markdownUnder(path, out);
    } else if (/\.md$/i.test(name)) out.push(path);
  }
  return out;
}

/** The places a certain fix may change: labels with their bullet and markup, mentor entries. */
function allowedSpans(doc: IdeaDocument): Span[] {
  const spans: Span[] = [];
  for (const idea of doc.ideas) {
    for (const f of idea.fields) {
      // From the bullet to the value: marker, gap, bold markers, label, colon.
      spans.push({ start: Math.min(f.markerSpan.start, f.itemSpan.start), end: Math.max(f.labelSpan.end, f.valueSpan.start) });
    }
    for (const m of idea.mentors) spans.push(m.span);
  }
  return spans;
}

/** A table of contents rewritten: link lines in, link lines out, nothing else. */
function rewritesLinkList(text: string, edit: TextEdit): boolean {
  const links = (s: string) => s.split(/\r\n|\r|\n/).every((l) => /^[ \t]*([-*+]|\d+[.)])[ \t]+\[.*\]\(#[^)\s]*\)[ \t]*$/.test(l));
  return links(text.slice(edit.span.start, edit.span.end)) && links(edit.newText);
}

/** A reorder: the same lines, moved. */
function movesLines(text: string, edit: TextEdit): boolean {
  const lines = (s: string) => s.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').sort();
  return JSON.stringify(lines(text.slice(edit.span.start, edit.span.end))) === JSON.stringify(lines(edit.newText));
}

test('fix-all on every real idea file changes only labels, bullets, mentor entries, the order of field lines, or a table of contents', { timeout: 600_000 }, async (t) => {
  if (!existsSync(join(SHARED, 'corpus'))) {
    t.skip('../shared not present: fix-all prose check skipped');
    return;
  }
  const files = [...markdownUnder(join(SHARED, 'corpus')), ...markdownUnder(join(SHARED, 'workspaces'))];
  let fixedFiles = 0;
  let edits = 0;
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const result = await checkDocument({ uri: pathToFileURL(path).href, text, host: nodeHost });
    if (!result.doc.isIdeaFile) continue;
    const fixes = automaticFixes(result.findings);
    if (!fixes.length) continue;
    const allowed = allowedSpans(result.doc);
    for (const fix of fixes) {
      for (const edit of fix.edits) {
        const inside = allowed.some((s) => edit.span.start >= s.start && edit.span.end <= s.end);
        assert.ok(inside || movesLines(text, edit) || rewritesLinkList(text, edit), `${path}: "${fix.title}" edits ${JSON.stringify(text.slice(edit.span.start, edit.span.end))} → ${JSON.stringify(edit.newText)}`);
        edits++;
      }
    }
    // And the fixed text keeps every word of prose: only label, bullet and mentor text differ.
    const fixed = applyFixes(text, fixes).text;
    assert.ok(fixed.length > 0.9 * text.length, path);
    fixedFiles++;
  }
  t.diagnostic(`${files.length} files, ${fixedFiles} with automatic fixes, ${edits} edits checked`);
});
