// A markdown table whose rows are ideas (issue 12: IOOS writes its list so): rows as ideas titled by
// their title column, the other cells fields labelled by the header; a table whose header names no
// fields (a task list) is no list of ideas; positions exact with CRLF, tabs and emoji.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { mayHoldTable } from '../../server/src/engine/parse/table';
import { buildOutline } from '../../server/src/engine/features/outline';
import { expectationsOf, lintText } from './rules/harness';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/parse/own-convention/table-rows.md'), 'utf8');
const brief = (r: Awaited<ReturnType<typeof lintText>>) =>
  r.findings.filter((f) => f.severity !== 'info').map((f) => `${r.doc.lines.positionAt(f.span.start).line + 1} ${f.rule} ${f.severity}`);

test('table rows are ideas: titled by the title column, each other cell a field of its header', () => {
  const doc = parseDocument(fixture);
  assert.deepEqual(doc.ideas.map((i) => [i.title, doc.lines.positionAt(i.heading.span.start).line + 1]), [
    ['Sonar toolkit', 7],
    ['Grid reader', 8],
    ['Glider plots', 9],
    ['Mesh tool', 10],
    ['Station survey', 11],
  ]);
  assert.ok(doc.ideas.every((i) => i.syntax === 'table-row' && i.project === null), 'a single-project list: the file is the project');
  const [sonar, grid] = doc.ideas;
  assert.deepEqual(sonar!.fields.map((f) => [f.key, f.label, f.value, f.bold]), [
    ['description', 'Description', 'Faster echo processing 🐟 for the toolkit.', true],
    ['issue', 'Proposed Project Idea', '[acme/gsoc#41](https://github.com/acme/gsoc/issues/41)', true],
    ['size', 'Hours', '175 hours', true],
  ]);
  assert.equal(grid!.fields[0]!.value, 'Read gridded files \\| lazily.', 'an escaped pipe stays in its cell');
  assert.deepEqual(sonar!.issues.map((i) => i.number), [41], 'a column of issue links is the issue field');
  assert.equal(doc.ideas[3]!.fields[0]!.value, '', 'an empty cell is an empty field');
  // Every row's label is its header cell.
  const header = fixture.indexOf('**Description**') + 2;
  assert.ok(doc.ideas.every((i) => i.fields[0]!.labelSpan.start === header));
});

test('a table whose header names no template fields is not a list of ideas, and no table inside an idea is', () => {
  const doc = parseDocument(fixture);
  assert.ok(!doc.ideas.some((i) => i.title === 'Update the blog'));
  const inIdea = ['### Grid reader', '', '- Description: Read files.', '- Mentor(s): Jane Roe (@jane)', '', '| Project | Description | Hours |', '|---|---|---|', '| a | b | 90 hours |', ''].join('\n');
  assert.deepEqual(parseDocument(inIdea).ideas.map((i) => i.title), ['Grid reader']);
});

test('rows under a project heading are that project\'s ideas', () => {
  const text = ['# Ideas', '', '## Sonar', '', '| Idea | Description | Difficulty |', '|---|---|---|', '| Faster echoes | Speed it up. | Hard |', ''].join('\n');
  const doc = parseDocument(text);
  assert.deepEqual(doc.projects.map((p) => [p.title, p.ideas.map((i) => i.title)]), [['Sonar', ['Faster echoes']]]);
});

test('table rows: the file\'s own convention, and only what is sure reported', async () => {
  const r = await lintText(fixture);
  assert.equal(r.resolved.template.id, 'convention');
  assert.deepEqual(brief(r).sort(), expectationsOf(fixture).sort());
  const empty = r.findings.find((f) => f.rule === 'empty-field')!;
  assert.equal(fixture.slice(empty.span.start - 1, empty.span.start + 2), '| |', 'an empty cell is reported at the cell, not at its header');
});

test('table positions are exact with CRLF line ends, tabs and emoji', () => {
  const crlf = fixture.replace(/\n/g, '\r\n');
  const doc = parseDocument(crlf);
  assert.equal(doc.ideas.length, 5);
  for (const idea of doc.ideas) {
    assert.equal(crlf.slice(idea.heading.textSpan.start, idea.heading.textSpan.end).includes(idea.title.split(' ')[0]!), true);
    for (const f of idea.fields) {
      assert.equal(crlf.slice(f.valueSpan.start, f.valueSpan.end), f.value);
      assert.ok(!/[\r\n|]/.test(f.value.replace(/\\\|/g, '')), 'a value stays in its cell');
    }
  }
  const glider = doc.ideas[2]!;
  assert.equal(glider.fields[0]!.value, 'Plot glider data.', 'a tab before the cell text is not in the value');
  const pos = doc.lines.positionAt(glider.fields[0]!.valueSpan.start);
  assert.deepEqual(pos, { line: 8, character: crlf.split('\r\n')[8]!.indexOf('Plot') });
});

test('the outline shows table rows as ideas', () => {
  const outline = buildOutline('file:///ideas.md', parseDocument(fixture), null);
  assert.deepEqual(JSON.stringify(outline).match(/Sonar toolkit|Station survey/g), ['Sonar toolkit', 'Station survey']);
});

test('the line test finds delimiter rows, in containers too, and nothing else', () => {
  assert.ok(mayHoldTable('a | b\n--|--\n'));
  assert.ok(mayHoldTable('> | a |\n> | - |\n'));
  assert.ok(mayHoldTable('- | a |\n  |:-:|\r\n'));
  assert.ok(!mayHoldTable('a | b\n\n---\n'));
  assert.ok(!mayHoldTable('no bars at all\n---\n'));
  assert.ok(!mayHoldTable('| a | b |\n| c | d |\n'));
});
