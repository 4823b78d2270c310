// An open document keeps its own text and line index (server/documents.ts), edited as the client
// sends ranges: after any sequence of edits (line breaks \n, \r\n and lone \r typed or deleted
// anywhere, CRLF pairs split and joined, emoji halves, ranges past a line's end or given end first,
// several changes in one update)
// its text equals what vscode-languageserver-textdocument makes of the same edits, and the line
// index the parse is given equals one built afresh for that text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/parse/text';
import { OpenDocument } from '../../server/src/server/documents';
import { fuzzParameters } from './arbitraries';

const piece = fc.constantFrom('a', 'x y', '\n', '\r\n', '\r', '\n\r', '😀', '\ud83d', '- Mentor: a', '## Idea\n', '');
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 14 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')) }) },
  { weight: 1, arbitrary: fc.array(piece, { maxLength: 8 }).map((p) => ({ text: p.join('') })) },
);

test('an open document edits its text and lines as an LSP text document does', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (start, edits) => {
      const initial = start.join('');
      const doc = new OpenDocument('file:///t.md', 'markdown', 1, initial);
      let reference = TextDocument.create('file:///t.md', 'markdown', 1, initial);
      let version = 1;
      for (const asked of edits) {
        version++;
        // Lines within the text as each change finds it (the reference indexes its lines by them unchecked).
        const changes = [];
        let scratch = TextDocument.create('file:///s.md', 'markdown', 0, reference.getText()); // update changes a document in place
        for (const c of asked) {
          const within = (p: { line: number; character: number }) => ({ line: Math.min(p.line, scratch.lineCount - 1), character: p.character });
          const inside = 'range' in c ? { range: { start: within(c.range.start), end: within(c.range.end) }, text: c.text } : c;
          changes.push(inside);
          scratch = TextDocument.update(scratch, [inside], version);
        }
        doc.update(changes, version);
        reference = TextDocument.update(reference, changes, version);
        assert.equal(doc.getText(), reference.getText());
        assert.equal(doc.version, version);
        const lines = doc.parse().lines;
        const fresh = new LineIndex(doc.getText());
        assert.equal(lines.lineCount, fresh.lineCount);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(lines.lineStart(line), fresh.lineStart(line));
        for (let offset = 0; offset <= doc.getText().length; offset++) assert.deepEqual(lines.positionAt(offset), reference.positionAt(offset));
      }
    }),
    fuzzParameters(400),
  );
});
