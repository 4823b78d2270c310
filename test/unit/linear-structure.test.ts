// Issue 16, "Linear structure": what the steps made linear still answer. Each test builds a
// structure that was quadratic (or that a cap now bounds) and checks the result, never the time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { checkDocument } from '../../server/src/engine/check';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { TABLE_EDITS_INDEXED, TABLE_SYNTAX, TABLE_TREE } from '../../server/src/engine/parse/table';
import { assertParsesAlike } from '../fuzz/invariants';

test('the table resolver edits through an index, and large tables keep every cell where the text has it', () => {
  assert.equal(TABLE_EDITS_INDEXED, true, 'the EditMap of micromark-extension-gfm-table was caught (a new version may need a look)');
  // Three tables in one document (one edit list for all), cells of varied widths, escaped pipes, a missing cell.
  const tables: string[][][] = [];
  const parts: string[] = [];
  for (let t = 0; t < 3; t++) {
    const rows: string[][] = [];
    for (let r = 0; r < 700; r++) rows.push([`t${t}r${r}`, r % 5 === 0 ? 'a \\| b' : 'x'.repeat(r % 7), `${r}`]);
    rows[10]!.pop(); // a short row
    tables.push(rows);
    parts.push(`| h1 | h2 | h3 |\n|:--|:-:|--:|\n${rows.map((row) => `| ${row.join(' | ')} |`).join('\n')}\n\nBetween.\n`);
  }
  const text = parts.join('\n');
  const root = fromMarkdown(text, { extensions: [TABLE_SYNTAX], mdastExtensions: [TABLE_TREE] });
  const found = root.children.filter((c): c is Table => c.type === 'table');
  assert.equal(found.length, 3);
  found.forEach((table, t) => {
    assert.deepEqual(table.align, ['left', 'center', 'right']);
    assert.equal(table.children.length, 701);
    table.children.slice(1).forEach((row, r) => {
      const cells = row.children.map((cell) => {
        const first = cell.children[0];
        const last = cell.children[cell.children.length - 1];
        return first && last ? text.slice(first.position!.start.offset!, last.position!.end.offset!) : '';
      });
      assert.deepEqual(cells, tables[t]![r], `table ${t} row ${r}`);
    });
  });
});

test('a table whose rows are ideas, 3,000 rows: every row an idea with its fields', () => {
  const rows = Array.from({ length: 3000 }, (_, i) => `| Idea ${i} | Does ${i}. | Jane Doe (@jdoe) |`).join('\n');
  const doc = parseDocument(`# Ideas\n\n| Project | Description | Mentors |\n|---|---|---|\n${rows}\n`, { wholeDocument: false });
  assert.equal(doc.ideas.length, 3000);
  assert.deepEqual(
    doc.ideas.slice(-1).map((i) => [i.title, i.fields.map((f) => [f.key, f.value])]),
    [['Idea 2999', [['description', 'Does 2999.'], ['mentors', 'Jane Doe (@jdoe)']]]],
  );
});

test('an HTML comment never closed before every heading: the sections grow to the end, as one parse reads it', () => {
  const text = `# Ideas\n\n### Project\n\n${Array.from({ length: 3000 }, (_, i) => `<!--\n#### Idea ${i}\n\n- Description: x\n`).join('')}`;
  const doc = assertParsesAlike(text);
  assert.deepEqual(doc.ideas.map((i) => i.title), [], 'every heading after the first <!-- is inside the comment');
});

test('an HTML comment that closes after many headings: the sections grown past it still read the headings after it', () => {
  for (const open of [1, 5, 33, 700]) {
    const inside = Array.from({ length: open }, (_, i) => `#### Hidden ${i}\n\n- Description: x\n`).join('');
    const after = Array.from({ length: 50 }, (_, i) => `#### Idea ${i}\n\n- Description: x\n- Mentor(s): Jane Doe (@jdoe)\n`).join('');
    const text = `# Ideas\n\n### Project\n\n<!--\n${inside}-->\n\n${after}`;
    const doc = assertParsesAlike(text);
    assert.deepEqual(
      doc.ideas.map((i) => i.title),
      Array.from({ length: 50 }, (_, i) => `Idea ${i}`),
      `${open} headings in the comment`,
    );
  }
});

test('an unclosed comment in every heading line stays in the heading text and nothing else is lost', async () => {
  const text = `# Ideas\n\n### Project\n\n${Array.from({ length: 500 }, (_, i) => `#### Idea <!-- ${i}\n\n- Description: x\n- Mentor(s): A (@a)\n`).join('')}`;
  const doc = assertParsesAlike(text);
  assert.equal(doc.ideas.length, 500);
  assert.equal(doc.ideas[499]!.title, 'Idea <!-- 499');
  const result = await checkDocument({ uri: 'file:///h/ideas.md', text, host: { readFile: async () => undefined } });
  assert.equal(result.notice, undefined);
});

test('link definitions and ideas titled with them: each title reads its reference, a section re-read only for its headings', () => {
  const defs = Array.from({ length: 100 }, (_, i) => `[link ${i}]: https://example.org/${i}\n`).join('');
  const ideas = Array.from({ length: 50 }, (_, i) => `\n#### [link ${i * 2}] idea ${i}\n\n- Description: [link ${i}]\n- Mentor(s): Jane Doe (@jdoe)\n`).join('');
  const text = `# Ideas\n\n${defs}\n### Project\n${ideas}\n#### [nowhere] idea\n\n- Description: x\n`;
  const doc = assertParsesAlike(text);
  assert.equal(doc.ideas.length, 51);
  assert.equal(doc.ideas[0]!.title, 'link 0 idea 0', 'a reference reads as its link text');
  assert.equal(doc.ideas[49]!.title, 'link 98 idea 49');
  assert.equal(doc.ideas[50]!.title, '[nowhere] idea', 'an undefined label keeps its brackets');
  assert.equal(doc.ideas[3]!.fields[0]!.value, '[link 3]', 'values are read from the text');
});
