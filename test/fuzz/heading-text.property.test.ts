// Heading texts: the engine parses a heading's content inline only when inline markup could change
// its text (syntax.ts, `mayChangeInline`: no `` ` `` or `[`, no `<` with a `>` after it, fewer than
// two runs of `*` or of `_`: the block parse's text as it is). Headings made of the characters
// where the two could part (lone and paired `<`, `>`, runs of `*` and `_` inside and around words,
// escapes, references, hard breaks, setext lines) get the text a full remark parse gives.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseSimple } from '../../server/src/engine/parse/simple';
import { linksAndCodeText, mayChangeInline, parseSection } from '../../server/src/engine/parse/syntax';
import { assertHeadingsLikeFullParse, parseStrict } from './invariants';
import { FUZZ_SEED, fuzzParameters } from './arbitraries';

const atom = fc.constantFrom(
  'Idea', 'x', 'foo_bar', 'a', ' ', ' ', '  ', '\t', '<', '<', '>', '<!--', '-->', '<!-- x', '<b>', '</i>', '<a@b.c>', '<https://x.org>', '<x:',
  '*', '*', '**', '***', '_', '_', '__', '*x*', '_x_', '**x**', 'a*b', 'a_b_c', '\\*', '\\_', '\\<', '\\', '&amp;', '&#42;', '&#95;', '&lt;',
  '`', '[', ']', '!', '(', ')', '#', ' #', '-', '=', ':', '中文', 'é', '🚀', '[a](b)', '`x`', '[`x`](y)', '](', '[a](b c)',
);
const content = fc.array(atom, { minLength: 1, maxLength: 8 }).map((xs) => xs.join(''));
const heading = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '####'), fc.constantFrom(' ', '\t', '  '), content, fc.constantFrom('', ' #', ' ##', '  ')).map(([h, s, c, e]) => [`${h}${s}${c}${e}`]),
  // Setext: one or two content lines (a hard break between them, or a soft one) and an underline.
  fc
    .tuple(content, fc.option(content, { nil: undefined }), fc.constantFrom('', '  ', ' ', '\\'), fc.constantFrom('===', '---', '='))
    .map(([a, b, brk, u]) => (b === undefined ? [`Idea ${a}`, u] : [`Idea ${a}${brk}`, `${b} x`, u])),
);
const document = fc
  .tuple(fc.array(heading, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([hs, eol]) => hs.map((lines) => [...lines, '', '- Description: x', ''].join(eol)).join(eol));

let fast = 0;
after(() => console.log(`# heading texts (seed ${FUZZ_SEED}): ${fast} headings with <, * or _ kept the block parse's text`));

test('heading texts: the full parse text, parsed inline or not', () => {
  fc.assert(
    fc.property(document, (text) => {
      const doc = parseStrict(text);
      for (const h of doc.headings) if (/[<*_]/.test(text.slice(h.textSpan.start, h.textSpan.end)) && !mayChangeInline(text.slice(h.textSpan.start, h.textSpan.end))) fast++;
      assertHeadingsLikeFullParse(text, doc);
      assertHeadingsLikeFullParse(text, parseStrict(text, { wholeDocument: true }));
    }),
    fuzzParameters(800),
  );
  assert.ok(fast > fuzzParameters(800).numRuns! / 6, 'the generator reaches headings that keep their block text');
});

test('mayChangeInline: what inline markup needs', () => {
  for (const s of ['Idea <!-- 1', 'a < b', '> x <', 'a * b', '**', 'foo_bar', '_x', 'x_', '&amp;', '\\*']) assert.equal(mayChangeInline(s), false, s);
  for (const s of ['`x`', '[x]', '<b>', '<!-- x -->', '*x*', '* a *', 'foo_bar_baz', '**x**', '\\**x*']) assert.equal(mayChangeInline(s), true, s);
});

test('setext headings read inline as in the document', () => {
  for (const text of [
    // A hard break before `_Idea_`: joined into one line, the emphasis was intraword.
    'Idea Idea  \n_Idea_</i> x\n===\n\n- Description: x\n',
    // After indented code, `2)` starts no list: the heading's first line read at the start of a document did.
    '    # \n2) Description: \n[Jane](https://github.com/jane)\n===',
    'a `b  \nc` d\n---\n',
    'a \\\n*b*\n===\n',
    // A first line of `-` after indented code is paragraph text: read alone it would be a list item.
    '## Idea\n    ---\n-\na *b* c\n=== \nIdea x',
  ]) {
    assertHeadingsLikeFullParse(text, parseStrict(text));
    assertHeadingsLikeFullParse(text, parseStrict(text, { wholeDocument: true }));
  }
});

// Setext headings by the line scan (simple.ts): underlines after root paragraphs, lazy and
// indented `===` in list items (remark's), hard breaks, escapes, `===` starting a paragraph.
const setextLine = fc.constantFrom(
  'Idea x', 'x0', 'a *b* c', 'Idea <!-- 1', '===', '===', '---', '=', '-', '  ===', '   ---', '    ===', '    ---', '=== ', '---  ', '= =', '==x',
  '- Description: x', '- Mentor(s): A (@a)', '  more', '  - sub', '', '', 'foo  ', 'foo \t', 'a\\', '&amp; b', '# Next', '1. one', '> q',
);
const setextSection = fc
  .tuple(fc.array(setextLine, { minLength: 1, maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', '## Next'))
  .map(([lines, eol, lookahead]) => ({ text: `## Idea${eol}${lines.join(eol)}${lookahead ? eol : ''}`, lookahead }));

let scanned = 0;
after(() => console.log(`# setext sections (seed ${FUZZ_SEED}): ${scanned} with a setext heading took the line scan`));

test('setext sections: the line scan gives the syntax remark gives', () => {
  fc.assert(
    fc.property(setextSection, ({ text, lookahead }) => {
      const syntax = parseSection(text, '', lookahead);
      if (parseSimple(text + lookahead, 0) && syntax.blocks.some((b) => b.kind === 'heading' && b.setext)) scanned++;
      assert.deepEqual(syntax, parseSection(text, '', lookahead, true), JSON.stringify(text));
      assertHeadingsLikeFullParse(text, parseStrict(text));
    }),
    fuzzParameters(1500),
  );
  // About 1 in 10 generated sections has a setext heading and takes the line scan: at least 1 in 15.
  assert.ok(scanned > fuzzParameters(1500).numRuns! / 15, 'the generator reaches setext headings in the line scan');
});

// Links and code spans read without remark (syntax.ts, `linksAndCodeText`): contents made of link
// and code span pieces, whole and broken, beside the markup that must send them to remark.
const linkAtom = fc.constantFrom(
  '[a](b)', '[Idea](https://x.org/a_b?c=1&d=2)', '[`x`](y)', '[a `]` b](c)', '[a](b', '[a] (b)', '[a][b]', '[a]', '[](x)', '[ ](x)', '](', '](x)',
  '`', '``', '`x`', '` x `', '`  `', '` `', '``a`b``', '`a``', '`[`', '`](`', ' `a ', '[', ']', '(', ')', '!', '![a](b)', '![', 'x!', '<', '*', '_', '\\',
  '&amp;', 'a', 'Idea', ' ', '  ', '\t', 'é', '🚀', '#', '[a(b)](c)', '[a](b c)', '[a](<b>)', '[a](b"t")', '[a](\\))', '[a](b`c)',
);
const linkContent = fc.array(linkAtom, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));
const definitionsOf = fc.constantFrom('', '[a]: #\n\n', '[a]: #\n[b]: #\n[idea]: #\n\n');

let unparsed = 0;
after(() => console.log(`# heading links and code (seed ${FUZZ_SEED}): ${unparsed} read without remark`));

test('linksAndCodeText: the text remark reads, or undefined', () => {
  fc.assert(
    fc.property(linkContent, definitionsOf, (content, definitions) => {
      const read = linksAndCodeText(content);
      if (read === undefined) return;
      unparsed++;
      const heading = fromMarkdown(`${definitions}# ${content} #`).children.find((c) => c.type === 'heading');
      assert.ok(heading, JSON.stringify(content));
      assert.equal(read, plainText(heading).replace(/\s+/g, ' ').trim(), JSON.stringify({ content, definitions }));
    }),
    fuzzParameters(3000),
  );
  assert.ok(unparsed > fuzzParameters(3000).numRuns! / 10, 'the generator reaches contents read without remark');
  for (const s of ['[Idea](https://x.org)', 'Use `kubectl` for [this](x_y)', '`a``b`']) assert.notEqual(linksAndCodeText(s), undefined, s);
  for (const s of ['*a* [b](c)', '[a](b c)', '[a]', '`a', 'a\\[b', '&amp; [a](b)', '![a](b)', 'a\nb', '[a](b`c)`x`']) assert.equal(linksAndCodeText(s), undefined, s);
});

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}
