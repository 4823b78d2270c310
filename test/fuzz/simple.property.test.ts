// Simple sections built by a line scan (simple.ts) give the syntax remark's own parse gives, on
// sections made of the line shapes where the two could part: list markers and their gaps, indentation around content
// columns, tabs, lazy lines, thematic breaks against setext underlines, headings with escapes,
// ordered lists interrupting paragraphs, line starts that open other blocks.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { parseSimple } from '../../server/src/engine/parse/simple';
import { parseSection } from '../../server/src/engine/parse/syntax';
import { FUZZ_SEED, fuzzParameters, markdownDocument, phrase } from './arbitraries';

const indent = fc.constantFrom('', '', '', '', ' ', '  ', '  ', '   ', '    ', '    ', '     ', '      ', '\t', ' \t', '\t\t', '        ');
const marker = fc.constantFrom('-', '-', '-', '*', '+', '1.', '1)', '2.', '10.', '-', '', '');
const gap = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '   ', '    ', '     ', '\t', '\t', ' \t', '', '\t\t');
const simpleStart = fc.constantFrom('Mentors: @jane', 'Description: a long line of prose that goes on and on for a while', '**Skills:** Go', 'foo bar', '[a](b) c', '*x* y', '`code` here');
const hostileStart = fc.constantFrom(
  'Mentors: @jane', 'Description: a long line of prose that goes on and on for a while', '**Skills:** Go', 'foo', '#3 issue', '# heading', '## h ##',
  '`code`', '```', '~~~', '<https://x.org>', '<div>', '<a@b.c>', '> quote', '| a | b |', '[a](b)', '[a]: b', '\\- escaped', '&amp; ref', '_Status_',
  '=x', '- nested', '* * *', '---', '===', '***', '___', '-', '2. two', '1. one', '', ' ', '\u0000x', 'é', '中文', '#',
);
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

let simple = 0;
after(() => console.log(`# simple sections (seed ${FUZZ_SEED}): ${simple} of the generated sections took the line scan`));

/** The parse (by a line scan when the section is simple), and remark's, of one section. */
function assertLikeRemark(text: string, definitions: string, lookahead: string): void {
  assert.deepEqual(parseSection(text, definitions, lookahead), parseSection(text, definitions, lookahead, true), JSON.stringify({ text, definitions, lookahead }));
}

test('simple sections: the same syntax as remark gives', () => {
  fc.assert(
    fc.property(section, ({ text, lookahead }) => {
      if (parseSimple(text + lookahead, 0)) simple++;
      assertLikeRemark(text, '', lookahead);
      assertLikeRemark(text, '[a]: #\n\n', lookahead);
    }),
    fuzzParameters(3000),
  );
  assert.ok(simple > 300, 'the generator reaches the line scan');
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
