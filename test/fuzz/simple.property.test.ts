// Simple sections built by a line scan (simple.ts) give the syntax remark's own parse gives, on
// sections made of the line shapes where the two could part: list markers and their gaps, indentation around content
// columns, tabs, lazy lines, thematic breaks against setext underlines, headings with escapes,
// ordered lists interrupting paragraphs, line starts that open other blocks, fenced code (opened and
// closed at random, indented, in items, info strings with escapes), lines starting with `<` (HTML
// blocks of every kind, or inline HTML in a paragraph), setext underlines under root paragraphs,
// GFM tables (cell counts, escaped pipes, lazy rows, what ends them), HTML blocks of kinds 2 and 6
// at the root (where they end, interrupting paragraphs and list items, in items, indented), link
// reference definitions on one line (titles, what is no definition, what follows one).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { RootContent } from 'mdast';
import { parseSimple } from '../../server/src/engine/parse/simple';
import { parseSection } from '../../server/src/engine/parse/syntax';
import { FUZZ_SEED, fuzzParameters, markdownDocument, phrase } from './arbitraries';
import { assertHeadingsLikeFullParse, parseStrict } from './invariants';

const indent = fc.constantFrom('', '', '', '', ' ', '  ', '  ', '   ', '    ', '    ', '     ', '      ', '\t', ' \t', '\t\t', '        ');
const marker = fc.oneof(
  { arbitrary: fc.constantFrom('-', '-', '-', '*', '+', '1.', '1)', '2.', '10.', '-', '', ''), weight: 5 },
  // Markers on one line: an item whose content starts another list (`- 1. Release`).
  { arbitrary: fc.constantFrom('- 1.', '- 2.', '* -', '1. -', '- - -', '- 1)', '+ 10.', '-  1.', '- \t2.', '-     1.'), weight: 1 },
);
const gap = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '   ', '    ', '     ', '\t', '\t', ' \t', '', '\t\t');
const simpleStart = fc.constantFrom('Mentors: @jane', 'Description: a long line of prose that goes on and on for a while', '**Skills:** Go', 'foo bar', '[a](b) c', '*x* y', '`code` here');
const hostileStart = fc.constantFrom(
  'Mentors: @jane', 'Description: a long line of prose that goes on and on for a while', '**Skills:** Go', 'foo', '#3 issue', '# heading', '## h ##',
  '`code`', '```', '~~~', '<https://x.org>', '<div>', '<a@b.c>', '> quote', '| a | b |', '[a](b)', '[a]: b', '\\- escaped', '&amp; ref', '_Status_',
  '<a name="x"></a>', '<a name="x">', '<span>a</span> b', '<a\tb=\'>\'>', '<img src="a>b"> c', '</a> x', '</pre> y', '<pre>x', '<DIV class="x">y', '<!-- c -->',
  '<?x', '<!X', '<br/>', '<p>x</p>', '<a_b>', '<a-1 x=y>z', '<a "b">c', '< a>', '<1a>',
  '=x', '- nested', '* * *', '---', '===', '***', '___', '-', '2. two', '1. one', '', ' ', '\u0000x', 'é', '中文', '#',
);
/** Fence lines (opening or closing): at the root, in list items, indented as code. */
const fenceIndent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t', ' \t');
const fence = fc.constantFrom('```', '```', '~~~', '````', '~~~~', '``', '`````');
const ending = fc.constantFrom('', '', '  ', ' \t', ' #', ' ##');
/** Lines of list items, prose and headings; `hostile` of them (in 4) may start anything. */
const line = (hostile: number) => {
  const start = fc.oneof({ arbitrary: simpleStart, weight: 4 - hostile }, { arbitrary: hostileStart, weight: hostile });
  return fc.oneof(
    { arbitrary: fc.tuple(indent, marker, gap, start, ending).map(([i, m, g, s, e]) => `${i}${m}${m ? g : ''}${s}${e}`), weight: 6 },
    { arbitrary: fc.tuple(indent, phrase).map(([i, p]) => `${i}${p}`), weight: hostile },
    { arbitrary: fc.constantFrom('', '', '   ', '\t'), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom('#', '##', '######', '#######'), fc.constantFrom(' ', '\t', ''), start, ending).map(([h, s, p, e]) => `${h}${s}${p}${e}`), weight: 1 },
  );
};
const section = fc
  .tuple(fc.oneof(fc.array(line(0), { minLength: 1, maxLength: 12 }), fc.array(line(1), { minLength: 1, maxLength: 10 })), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.constantFrom('', '## Next', '# x &amp;'))
  .map(([lines, eol, lookahead]) => ({ text: `## Idea${eol}${lines.join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** A fenced code block as lines: opening fence, content lines of any shape, a closing fence (or a line that does not close it). */
const fenceInfo = fc.constantFrom('', '', '', 'go', ' js x', '  text ', '\tc', 'go', 'a`b', 'a\\b', '&amp;', ' `');
const fenceBlock = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant(''), weight: 4 }, { arbitrary: fenceIndent, weight: 1 }),
    fence,
    fenceInfo,
    fc.array(fc.oneof({ arbitrary: fc.tuple(indent, phrase).map(([i, p]) => `${i}${p}`), weight: 3 }, line(1), fc.tuple(fenceIndent, fence, ending).map(([i, f, e]) => `${i}${f}${e}`)), { maxLength: 4 }),
    fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.tuple(fenceIndent, fence), weight: 1 }),
    fc.oneof({ arbitrary: fc.constantFrom('', '', '  ', ' \t'), weight: 4 }, { arbitrary: ending, weight: 1 }),
  )
  .map(([i, f, info, content, close, e]) => [`${i}${f}${info}`, ...content, `${close ? close[0] + close[1] : f}${e}`]);
const simpleLine = fc.oneof(
  fc.tuple(fc.constantFrom('', '', '  ', '   '), fc.constantFrom('- ', '- ', '* ', '1. ', ''), simpleStart).map(([i, m, t]) => `${i}${m}${t}`),
  fc.constant(''),
);
/** Sections of simple lines and fenced code blocks (in list items too, when indented). */
const fencedSection = fc
  .tuple(fc.array(fc.oneof({ arbitrary: simpleLine.map((l) => [l]), weight: 3 }, { arbitrary: fenceBlock, weight: 1 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.constantFrom('', '## Next'))
  .map(([blocks, eol, lookahead]) => ({ text: `## Idea${eol}${blocks.flat().join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** Lines starting with `<`: HTML blocks of every kind, inline HTML in a paragraph, autolinks. */
const htmlStart = fc.constantFrom(
  '<a name="x"></a>', '<a name="x">', '<span>a</span> b', "<a\tb='>'>", '<img src="a>b"> c', '</a> x', '</pre> y', '<pre>x', '<DIV class="x">y', '<!-- c -->',
  '<?x', '<!X', '<br/>', '<p>x</p>', '<a_b>', '<a-1 x=y>z', '<a "b">c', '< a>', '<1a>', '<a name="x"', '<a name=\'x\'></a>', '<https://x.org> y', '<a@b.c> d',
  '<details>', '</details> x', '<summary>More</summary>', '<table>', '<b>Mentors:</b> @jane', '<script>', '<textarea x>', '<sup>1</sup>', '<a href="x">y</a>',
);
const htmlSection = fc
  .tuple(
    fc.array(fc.oneof({ arbitrary: simpleLine, weight: 3 }, { arbitrary: fc.tuple(fc.constantFrom('', '', '  ', '- ', '  - ', '    '), htmlStart).map(([i, h]) => `${i}${h}`), weight: 2 }), { minLength: 1, maxLength: 10 }),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('', '## Next'),
  )
  .map(([lines, eol, lookahead]) => ({ text: `## Idea${eol}${lines.join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** Root paragraphs underlined as setext headings, or not quite: indented, in items, with hard breaks and escapes. */
const underline = fc.tuple(
  fc.constantFrom('', '', '', '', '', ' ', '   ', '    ', '  - '),
  fc.constantFrom('=', '==', '===', '===', '-', '---', '---', '-----', '= =', '- -', '=-'),
  fc.constantFrom('', '', '', '', ' ', '  ', '\t', ' x'),
);
const setextSection = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: fc.array(fc.tuple(fc.constantFrom('', '', '', '', ' ', '  ', '\t'), fc.oneof({ arbitrary: fc.constantFrom('Title', 'Project ideas', 'GSoC 2024 ideas', 'a b c'), weight: 3 }, { arbitrary: phrase, weight: 1 }, { arbitrary: simpleStart, weight: 1 }, { arbitrary: fc.constantFrom('a \\', 'b\\', 'x &amp; y', 'tab\t', 'two  ', 'one ', '\u0000'), weight: 1 })).map(([i, t]) => `${i}${t}`), { minLength: 1, maxLength: 3 }), weight: 4 },
        { arbitrary: simpleLine.map((l) => [l]), weight: 1 },
      ).chain((lines) => underline.map(([i, u, e]) => [...lines, `${i}${u}${e}`])),
      { minLength: 1, maxLength: 5 },
    ),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.constantFrom('', '## Next'),
  )
  .map(([blocks, eol, lookahead]) => ({ text: `## Idea${eol}${blocks.flat().join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** GFM tables, or nearly: cell counts that match or not, escaped pipes, code spans, lazy rows, what ends a table. */
const cellText = fc.oneof(
  { arbitrary: fc.constantFrom('a', ' a ', '', ' ', 'Project', ' Mentors ', ' Description ', '**Skills**', '[x](y)', 'x y', '@jane, @joe', ' <b>x</b> ', '\t', 'é 中文', ' Some text '), weight: 20 },
  { arbitrary: fc.constantFrom('`b|c`', 'a \\| b', '&amp;', '\\', 'docker start \\<c\\>', '\\*x\\*', 'a\\\\', '\\\\|', '\\`x', 'x\\'), weight: 2 },
);
const tableRowLine = (cells: number) =>
  fc
    .tuple(fc.constantFrom('', '', '', '', '', ' ', '   ', '    '), fc.array(cellText, { minLength: cells, maxLength: cells }), fc.constantFrom('|', '|', '|', '', '| ', '|  ', ' '))
    .map(([i, c, e]) => `${i}|${c.join('|')}${e}`);
const delimiterLine = (cells: number) =>
  fc
    .tuple(fc.constantFrom('', '', ' ', '    '), fc.array(fc.oneof({ arbitrary: fc.constantFrom('---', '-', ':-:', ' :-- ', '--:', ' - ', '---'), weight: 30 }, { arbitrary: fc.constantFrom('', 'x'), weight: 1 }), { minLength: cells, maxLength: cells }), fc.constantFrom('|', '|', '', ' ', '|', '|', '|', '|x'), fc.constantFrom('|', '|', '|', '|', '|', ''))
    .map(([i, c, e, lead]) => `${i}${lead}${c.join('|')}${e}`);
const tableBlock = fc
  .integer({ min: 1, max: 4 })
  .chain((n) =>
    fc.tuple(
      fc.oneof({ arbitrary: fc.constant(['']), weight: 6 }, { arbitrary: fc.constant([] as string[]), weight: 1 }, { arbitrary: fc.constantFrom(['some prose'], ['a | b'], ['- item']), weight: 1 }),
      tableRowLine(n),
      fc.oneof({ arbitrary: delimiterLine(n), weight: 4 }, { arbitrary: delimiterLine(n + 1), weight: 1 }),
      fc.array(fc.oneof({ arbitrary: fc.integer({ min: Math.max(1, n - 1), max: n + 1 }).chain(tableRowLine), weight: 10 }, { arbitrary: fc.constantFrom('lazy', '- item', '> q', '```', '#x', '    | x |', '|'), weight: 1 }), { maxLength: 4 }),
      fc.constantFrom([''], [''], ['## Next'], ['text'], [] as string[]),
    ),
  )
  .map(([before, header, delimiter, rows, after]) => [...before, header, delimiter, ...rows, ...after]);
const tableSection = fc
  .tuple(fc.array(fc.oneof({ arbitrary: simpleLine.map((l) => [l]), weight: 1 }, { arbitrary: tableBlock, weight: 2 }), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.constantFrom('', '## Next'))
  .map(([blocks, eol, lookahead]) => ({ text: `## Idea${eol}${blocks.flat().join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** HTML blocks at the root: comments closed on their line or later or never, block tags up to a blank line; and what is around them. */
const htmlBlockLine = fc.constantFrom(
  '<!--', '<!-- c -->', '<!-->', '<!--->', '<!-- a', '<!---->x', '<!-- a -- b', '<!--x-->y', '<div>', '<DIV class="x">', '</div>', '<div/>', '<div/x', '<div\tid=a>',
  '<details>', '<summary>More</summary>', '<table>', '<p>x</p>', '<h1>T</h1>', '<h7>', '<divx>', '<a-b>', '<br/>', '<span>', '<pre>', '<!X', '<?x', '<!-x', '</p',
);
const htmlOther = fc.constantFrom(
  '-->', 'x -->', '--->', '-- >', 'a --> b', '</div>', 'text', 'Mentors: @jane', '- Description: x', '  - sub', '1. one', '2. two', '## h', '# x', '===', '---',
  '```', '~~~', '    code', '> q', '[a]: b', 'x\u0000y', '\t<!--', '', '', '', '  ', '\t',
);
const htmlBlockSection = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: fc.tuple(fc.constantFrom('', '', '', '', ' ', '  ', '   ', '    ', '\t', '- ', '  - ', '1. ', '  '), htmlBlockLine).map(([i, h]) => `${i}${h}`), weight: 3 },
        { arbitrary: htmlOther, weight: 3 },
        { arbitrary: simpleLine, weight: 2 },
      ),
      { minLength: 1, maxLength: 12 },
    ),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.constantFrom('', '## Next', '## Next', '<!-- x -->'),
  )
  .map(([lines, eol, lookahead]) => ({ text: `## Idea${eol}${lines.join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** Link reference definitions on one line or not quite, titles on the next line, and what follows them. */
const definitionLine = fc.constantFrom(
  '[a]: b', '[a]: b', '[Link 1]: https://example.org/1', '[b c]: d "t"', '[A]: https://x.org', '[a b]: https://x.org "t"', "[a]: b 't'", '[a]: b (t)', '[a]: <b>', '[a]:', '[a]: b "t', '[a]: b"t"', '[a\\]]: b', '[a', 'b]: c', '[]: b', '[ ]: b',
  '[a]: b c', '[a]:b', '[a] : b', '[[a]]: b', '[a][b]: c', '[a]: b\t', '[a]: b  "t"  ', '[Link 1]: https://example.org/1', '[x]: y\u0000', '[a]: b(c)', '[é]: b',
  '[a]: b "t" x', '[Update]: The design doc', '[a]: b (c', "[a]: b 'c", '[a]: b\tc d', '[a]: b *c*', '[a]: b\tc', '[a]: b é', '[A]: b', '[a]:\tb', '[a]: b "t" ', '[a](b) c', '[a] b', '[^a]: b', '[a]: b "x\\"y"', '[a]: b ""', '[a]: https://x.org/a_b?c=d#e',
  // Escapes in the label: `\]` does not end it, `\[` is no bracket; a link with one is a paragraph.
  '[a \\& b](#a--b)', '[a\\]](b)', '[a \\[ b]: c', '[a\\\\]: b', '[a\\', '[\\]]: b', '- [x \\& y](#x-y)', '- [a\\]: b', '* [a \\] b](c)',
);
const definitionOther = fc.constantFrom(
  '"t"', "'t'", '(t)', '  "t"', '"t" x', 'foo', '===', '---', '- item', '2. two', '1. one', '    code', '<div>', '<!-- c -->', '| a |', '## h', '', '', '  ',
  '# [a]', '# [a] idea', 'Mentors: @jane',
);
const definitionSection = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: fc.tuple(fc.constantFrom('', '', '', '', ' ', '   ', '    ', '- ', '  '), definitionLine).map(([i, d]) => `${i}${d}`), weight: 5 },
        { arbitrary: definitionOther, weight: 2 },
        { arbitrary: simpleLine, weight: 2 },
      ),
      { minLength: 1, maxLength: 10 },
    ),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.constantFrom('', '## Next'),
  )
  .map(([lines, eol, lookahead]) => ({ text: `## Idea${eol}${lines.join(eol)}${lookahead ? eol : ''}`, lookahead }));

/** The root's HTML blocks and definitions as syntax.ts reads them: their offsets, an HTML block's value, a definition's label. */
function htmlAndDefinitions(children: readonly RootContent[]): unknown[] {
  return children
    .filter((c) => c.type === 'html' || c.type === 'definition')
    .map((c) => ({ type: c.type, start: c.position?.start.offset, end: c.position?.end.offset, ...(c.type === 'html' ? { value: c.value } : c.type === 'definition' ? { label: c.label } : {}) }));
}

/** Where the line scan reads `text`, its HTML blocks and definitions are remark's; true when it read one of `type`. */
function assertScanNodesLikeRemark(text: string, type: 'html' | 'definition'): boolean {
  const tree = parseSimple(text, 0);
  if (!tree) return false;
  assert.deepEqual(htmlAndDefinitions(tree.children), htmlAndDefinitions(fromMarkdown(text).children), JSON.stringify(text));
  return tree.children.some((c) => c.type === type);
}

/**
 * Generated sections parse to the syntax remark gives (with a definition before them or not), and
 * the line scan's HTML blocks and definitions are remark's; how many it read with one of `type`.
 */
function assertSectionsLikeRemark(sections: fc.Arbitrary<{ text: string; lookahead: string }>, type: 'html' | 'definition', runs: number): number {
  let read = 0;
  fc.assert(
    fc.property(sections, ({ text, lookahead }) => {
      if (assertScanNodesLikeRemark(text + lookahead, type)) read++;
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(runs),
  );
  return read;
}

let simple = 0;
let tables = 0;
let setext = 0;
let fenced = 0;
let html = 0;
let htmlBlocks = 0;
let definitions = 0;
after(() =>
  console.log(
    `# simple sections (seed ${FUZZ_SEED}): ${simple} of the generated sections took the line scan, ${fenced} with fenced code, ${html} with lines starting with <, ${htmlBlocks} with HTML blocks, ${definitions} with definitions, ${setext} with setext headings, ${tables} with tables`,
  ),
);

/** The parse (by a line scan when the section is simple), and remark's, of one section. */
function assertLikeRemark(text: string, definitions: string, lookahead: string): void {
  assert.deepEqual(parseSection(text, definitions, lookahead), parseSection(text, definitions, lookahead, true), JSON.stringify({ text, definitions, lookahead }));
}

/** A list item whose content starts with a list (`- 1. Release`), anywhere in the tree. */
function hasNestedMarker(nodes: readonly RootContent[]): boolean {
  return nodes.some((n) => (n.type === 'listItem' && n.children[0]?.type === 'list') || ('children' in n && hasNestedMarker(n.children as RootContent[])));
}
let nested = 0;
after(() => console.log(`# nested markers (seed ${FUZZ_SEED}): ${nested} sections with markers on one line took the line scan`));

test('simple sections: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(section, ({ text, lookahead }) => {
      const tree = parseSimple(text + lookahead, 0);
      if (tree) simple++;
      if (tree && hasNestedMarker(tree.children)) nested++;
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(3000),
  );
  assert.ok(simple > 300, 'the generator reaches the line scan');
  assert.ok(nested > 40, 'the generator reaches markers on one line in the line scan');
});

test('sections with fenced code: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(fencedSection, ({ text, lookahead }) => {
      const tree = parseSimple(text + lookahead, 0);
      if (tree?.children.some((c) => c.type === 'code')) fenced++;
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(2000),
  );
  assert.ok(fenced > 200, 'the generator reaches fenced code in the line scan');
});

test('sections with lines starting with <: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(htmlSection, ({ text, lookahead }) => {
      if (parseSimple(text + lookahead, 0) && /^[ \t]*(?:- )?</m.test(text)) html++;
      assertLikeRemark(text, '', lookahead);
    }),
    fuzzParameters(2000),
  );
  assert.ok(html > 200, 'the generator reaches lines starting with < in the line scan');
});

test('sections with HTML blocks at the root: the same syntax, and the same html nodes, as remark gives', () => {
  htmlBlocks = assertSectionsLikeRemark(htmlBlockSection, 'html', 2500);
  assert.ok(htmlBlocks > 400, 'the generator reaches HTML blocks in the line scan');
});

test('HTML blocks at the root: where they end, what they interrupt', () => {
  for (const text of [
    '<!-- a\nb -->\nx', '  <!-- a\nb', '   <div> \n\tx\t \n  \n\nz', '<div>\r\nx\r\n\r\ny', 'p\n<!-- x\ny', '- a\n<!-- x\ny', '- a\n<div>\ny',
    'p\n<div>\nx', '<div>\n# h', '<!--\n\n# h', '<!-- x -->\n# h', 'a\n<!-- \u0000 -->\n', '<!--\n\n\n', '<!--\r\rx\r', '<!--> x\n# h', '<!-- a\n\n- b -->\nc',
    '- a\n  <!-- x', '- a\n\n<div>\n- b', '1. a\n<!--\n2. b',
  ]) {
    // HTML in a list item is remark's.
    assert.equal(assertScanNodesLikeRemark(text, 'html'), !text.startsWith('- a\n  '), `the line scan reads ${JSON.stringify(text)}`);
    assertLikeRemark(text, '', '');
    assertLikeRemark(text, '', '## Next');
  }
});

test('sections with link reference definitions: the same syntax, and the same definitions, as remark gives', () => {
  definitions = assertSectionsLikeRemark(definitionSection, 'definition', 2500);
  // About 1 in 9 generated sections takes the line scan with a definition: at least 1 in 14.
  assert.ok(definitions > 180, 'the generator reaches definitions in the line scan');
});

/** Headings titled with references (defined or not, in every case and spacing) and what keeps them from being shortcut references. */
const referenceAtom = fc.oneof(
  { arbitrary: fc.constantFrom('[link 1]', '[Link  1]', '[LINK 1]', '[link 2]', '[a]', '[ a ]', '[]', '[ ]', 'idea', ' ', '1', '[éé]', '[ÉÉ]', '(x)', ':', '#'), weight: 6 },
  { arbitrary: fc.constantFrom('[', ']', '(', ')', '!', '![a]', '[a](b)', '[a][]', '[a][link 1]', '[link 1](x)', '[[a]]', '[a]b', 'a]', '*', '_x_', '`c`', '<b>', '\\[a]', '&amp;', 'é'), weight: 1 },
);
const referenceDocument = fc
  .tuple(
    fc.subarray(['[link 1]: https://example.org/1', '[a]: #', '[éé]: x', '[link 2]: y "t"', '[[x]]: z']),
    fc.array(fc.array(referenceAtom, { minLength: 1, maxLength: 6 }).map((atoms) => atoms.join('')), { minLength: 1, maxLength: 4 }),
    fc.boolean(),
  )
  .map(([definitions, titles, definitionsFirst]) => {
    const defs = definitions.length ? `${definitions.join('\n')}\n\n` : '';
    const ideas = titles.map((t) => `#### ${t}\n\n- Description: x\n`).join('\n');
    return definitionsFirst ? `# Ideas\n\n${defs}${ideas}` : `# Ideas\n\n${ideas}\n${defs}`;
  });

test('headings titled with references: the text a full parse gives, with the definitions or without', () => {
  fc.assert(
    fc.property(referenceDocument, (text) => {
      assertHeadingsLikeFullParse(text, parseStrict(text));
      assertHeadingsLikeFullParse(text, parseStrict(text, { wholeDocument: true }));
    }),
    fuzzParameters(1500),
  );
});

test('sections with setext headings: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(setextSection, ({ text, lookahead }) => {
      const tree = parseSimple(text + lookahead, 0);
      if (tree && tree.children.filter((c) => c.type === 'heading').length > 1) setext++;
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(2000),
  );
  assert.ok(setext > 150, 'the generator reaches setext headings in the line scan');
});

test('sections with tables: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(tableSection, ({ text, lookahead }) => {
      if (parseSimple(text + lookahead, 0, true)?.children.some((c) => c.type === 'table')) tables++;
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(2000),
  );
  assert.ok(tables > 50, 'the generator reaches tables in the line scan');
});

test('generated idea files as one section: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(markdownDocument, (text) => {
      // The whole text as one section: the scan sees every line shape at once.
      assertLikeRemark(text, '', '');
    }),
    fuzzParameters(400),
  );
});

// Block quotes at the root (simple.ts, `blockQuote`): one-line labels (`> Abstract 🗂`), quoted
// prose, and what sends a quote to remark: blank quote lines, nested blocks, lazy lines, tabs,
// code indentation, definitions, a quote in a list item.
const quoteText = fc.oneof(
  { arbitrary: fc.constantFrom('Abstract 🗂', 'Mentors:', '**Note**', '[name=Nate W.] said so', 'Many orgs want more', '(b) Each org', 'x', 'Description: a thing', '`code` here', 'é 中文', 'a  '), weight: 5 },
  { arbitrary: fc.constantFrom('- item', '1. one', '# h', '> nested', '[a]: b', '```', '<div>', '| a | b |', '---', '===', '', '\\*x', '&amp;'), weight: 1 },
);
const quoteLine = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom('', '', '', '', '', ' ', '   ', '    ', '\t', '  - '), fc.constantFrom('>', '> ', '> ', '> ', '> ', '>  ', '>     ', '>\t'), quoteText).map(([i, q, t]) => `${i}${q}${t}`), weight: 4 },
  { arbitrary: simpleLine, weight: 2 },
  { arbitrary: fc.constant(''), weight: 2 },
  { arbitrary: fc.constantFrom('lazy text', '## Next idea', '- Mentors: @jane', '  indented', '* item', '2. two', '1) one', '-', '   - x', '    - x', '---', '```'), weight: 1 },
);
const quoteSection = fc
  .tuple(fc.array(quoteLine, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.constantFrom('', '## Next'))
  .map(([lines, eol, lookahead]) => ({ text: `## Idea${eol}${lines.join(eol)}${lookahead ? eol : ''}`, lookahead }));

let quotes = 0;
after(() => console.log(`# quote sections (seed ${FUZZ_SEED}): ${quotes} with a block quote took the line scan`));

test('sections with block quotes: the same syntax, and the same quotes, as remark gives', () => {
  const quotesOf = (nodes: readonly RootContent[]) =>
    nodes.flatMap((n) => (n.type === 'blockquote' ? [{ at: [n.position!.start.offset, n.position!.end.offset], paragraphs: n.children.map((c) => [c.type, c.position!.start.offset, c.position!.end.offset]) }] : []));
  fc.assert(
    fc.property(quoteSection, ({ text, lookahead }) => {
      const tree = parseSimple(text + lookahead, 0);
      if (tree?.children.some((c) => c.type === 'blockquote')) {
        quotes++;
        assert.deepEqual(quotesOf(tree.children), quotesOf(fromMarkdown(text + lookahead).children), JSON.stringify(text + lookahead));
      }
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(2500),
  );
  assert.ok(quotes > fuzzParameters(2500).numRuns! / 10, 'the generator reaches block quotes in the line scan');
});
