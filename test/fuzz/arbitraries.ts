// fast-check generators for hostile idea files: markdown built from the pieces real idea files are
// made of (and the ways they go wrong), and random mutations of idea files we wrote.
import fc from 'fast-check';

/** Seed and run count: fixed by default so CI is reproducible; FUZZ_SEED / FUZZ_RUNS override. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20240517;
const RUNS_SCALE = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) / 100 : 1;

/** Parameters for `fc.assert`: `runs` is the default count, scaled by FUZZ_RUNS (100 = as is). */
export function fuzzParameters(runs: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(runs * RUNS_SCALE)), includeErrorInReport: true };
}

/** Generated cases per test name, for the report. */
export const generatedCases = new Map<string, number>();
export function countCase(name: string): void {
  generatedCases.set(name, (generatedCases.get(name) ?? 0) + 1);
}

const WORDS = [
  'Kubernetes', 'golang', 'Go', 'Rust', 'the', 'API', 'proxy', 'mentor', 'TBD', 'N/A', 'e.g.', 'and', ',', ';', '&',
  '🚀', '👩‍💻', '𝕏', '🇩🇪', 'naïve', '中文', 'é', 'a\u0000b', 'tab\there', '`code`', '``', '[link](https://example.com/a)',
  '[ref]', '[Jane](https://github.com/jane)', '<b>', '</div>', '@jane', '@-bad-', 'jane@example.org', '(@jdoe)',
  'https://github.com/org/repo/issues/12', 'https://github.com/org/repo/pull/3', 'https://', '*', '_', '**', '__', '\\',
  '#', '##', '<!--', '-->', ':', '：', '|', '>', '---', '===', '```', '~~~', '\u00a0', '\u200b', '\ufeff',
];
export const word = fc.constantFrom(...WORDS);
export const phrase = fc.array(word, { maxLength: 6 }).map((ws) => ws.join(' '));

const LABELS = [
  'Description', 'Recommended Skills', 'Recommended skills', 'Skills', 'Mentor(s)', 'Mentors', 'Mentor', 'Metor(s)',
  'Issue', 'Upstream Issue', 'Upstream Issue (URL)', 'Upstraeam Issue', 'Expected Outcome', 'Expected outcome',
  'Expected project size', 'Difficulty', 'LFX URL', 'Mentee', 'Technologies', 'Notes', 'Some Other Label', 'Descrption',
];
const label = fc.constantFrom(...LABELS);
const indent = fc.constantFrom('', '', '', ' ', '  ', '   ', '    ', '\t');
const marker = fc.constantFrom('-', '-', '*', '+', '1.', '2)');
const gap = fc.constantFrom(' ', ' ', '\t', '  ', '');
const colon = fc.constantFrom(':', ':', ' :', '：', '');

/** One markdown piece as lines (line ends are chosen later). */
const atxHeading = fc
  .tuple(fc.constantFrom('', '', '', ' ', '   ', '    '), fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', ' ', '\t', ''), phrase, fc.constantFrom('', '', ' ##', ' #'))
  .map(([ind, level, sep, text, close]) => [`${ind}${'#'.repeat(level)}${sep}${text}${close}`]);
const setextHeading = fc.tuple(phrase, fc.constantFrom('===', '---', '-', '=')).map(([t, u]) => [t, u]);
const field = fc
  .tuple(indent, marker, gap, label, colon, fc.constantFrom('plain', 'plain', 'bold-in', 'bold-out', 'under'), phrase)
  .map(([ind, m, g, l, c, style, value]) => {
    const labelled = style === 'bold-in' ? `**${l}${c}**` : style === 'bold-out' ? `**${l}**${c}` : style === 'under' ? `__${l}${c}__` : `${l}${c}`;
    return [`${ind}${m}${g}${labelled} ${value}`];
  });
const plainField = fc.tuple(label, colon, phrase).map(([l, c, v]) => [`${l}${c} ${v}`]);
const subList = fc
  .tuple(fc.constantFrom('  ', '    ', '\t', ' ', '      '), fc.constantFrom('-', '*', '+'), fc.array(phrase, { minLength: 1, maxLength: 4 }))
  .map(([ind, m, items]) => items.map((i) => `${ind}${m} ${i}`));
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '  ```', '    ```'), fc.constantFrom('', 'yaml', 'md', '``'), fc.array(fc.oneof(phrase, fc.constant('# not a heading'), fc.constant('- Mentors: nobody')), { maxLength: 4 }), fc.constantFrom('same', 'same', 'none', 'other', 'short'))
  .map(([open, lang, body, close]) => {
    const f = open.trim();
    const closing = close === 'same' ? f : close === 'other' ? (f[0] === '`' ? '~~~' : '```') : close === 'short' ? f.slice(0, 2) : null;
    return [`${open}${lang}`, ...body, ...(closing === null ? [] : [closing])];
  });
const comment = fc
  .tuple(fc.array(fc.oneof(phrase, fc.constant('## Hidden heading'), fc.constant('soc-ideas-disable field-label'), fc.constant('soc-ideas-disable-next-line')), { maxLength: 3 }), fc.boolean(), fc.boolean())
  .map(([body, closed, oneLine]) => (oneLine ? [`<!-- ${body.join(' ')}${closed ? ' -->' : ''}`] : ['<!--', ...body, ...(closed ? ['-->'] : [])]));
const htmlBlock = fc
  .tuple(fc.constantFrom('<div>', '<details><summary>More</summary>', '<table>', '<p align="center">', '<img src="x.png">'), fc.array(phrase, { maxLength: 3 }), fc.boolean())
  .map(([open, body, closed]) => [open, ...body, ...(closed ? ['</' + (/^<(\w+)/.exec(open)?.[1] ?? 'div') + '>'] : [])]);
const definition = fc.tuple(fc.constantFrom('ref', 'Jane', 'issue 12', 'a]b'), fc.constantFrom('https://example.com/x', '<https://example.com/y>', 'https://github.com/o/r/issues/1 "t"')).map(([l, u]) => [`[${l}]: ${u}`]);
const paragraph = fc.array(phrase, { minLength: 1, maxLength: 3 });
const blank = fc.constant(['']);
const quote = phrase.map((p) => [`> ${p}`]);
const table = fc.constant(['| Field | Value |', '| --- | --- |', '| Mentor | @jane |']);
/** A table whose rows are ideas (table.ts), rows ragged, cells empty or holding pipes and emoji. */
const ideaTable = fc
  .tuple(
    fc.constantFrom('| **Project** | Description | Mentors | Hours |', '|Title|Description|Issue', '> | Project | Description | Difficulty |'),
    fc.constantFrom('|---|---|---|---|', '|:--|--:|:-:|', '> |---|---|---|'),
    fc.array(fc.tuple(phrase, phrase, fc.constantFrom('@jane', '', 'https://github.com/o/r/issues/1', '😀 \\| x', '175 hours')), { maxLength: 4 }),
  )
  .map(([head, delimiter, rows]) => [head, delimiter, ...rows.map(([a, b, c]) => `| [${a}](https://x.org) | ${b} | ${c} |`)]);

/** A whole idea: heading, then mostly well-formed fields (so the rules have something to say). */
const goodField = fc
  .tuple(fc.constantFrom('-\t', '- ', '* ', '-  ', '-'), label, fc.constantFrom(':', ':', ':', ' :', ''), fc.constantFrom('', '', '**'), phrase)
  .map(([m, l, c, b, v]) => [`${m}${b}${l}${c}${b} ${v}`]);
const ideaSection = fc
  .tuple(fc.integer({ min: 2, max: 4 }), phrase, fc.boolean(), fc.array(fc.oneof({ arbitrary: goodField, weight: 4 }, subList, field), { minLength: 1, maxLength: 6 }))
  .map(([level, title, gapLine, fields]) => [`${'#'.repeat(level)} ${title || 'Idea'}`, ...(gapLine ? [''] : []), ...fields.flat()]);

const piece = fc.oneof(
  { arbitrary: ideaSection, weight: 6 },
  { arbitrary: atxHeading, weight: 5 },
  { arbitrary: setextHeading, weight: 1 },
  { arbitrary: field, weight: 8 },
  { arbitrary: plainField, weight: 1 },
  { arbitrary: subList, weight: 2 },
  { arbitrary: fence, weight: 2 },
  { arbitrary: comment, weight: 2 },
  { arbitrary: htmlBlock, weight: 1 },
  { arbitrary: definition, weight: 1 },
  { arbitrary: paragraph, weight: 2 },
  { arbitrary: blank, weight: 4 },
  { arbitrary: quote, weight: 1 },
  { arbitrary: table, weight: 1 },
  { arbitrary: ideaTable, weight: 1 },
);

/** YAML front matter at the start of a file: idea keys, page keys, broken YAML, markdown inside, sometimes never closed. */
const frontMatterLine = fc.oneof(
  fc.constantFrom('name: Faster echoes', 'title: Ideas', 'layout: default', 'desc: Speed up: the reader', 'mentors:', '  - jane-roe', '  - "Jane Roe"', 'requirements: [Python, Go]', 'issues:', '  - https://github.com/o/r/issues/1', 'difficulty: medium', 'desc: |', '  two lines', 'a: &x [1, 2]', 'b: *x', '[[[', '# not a heading', '```', '- Mentor(s): @jane', 'name: "open quote', '---x', '...', ''),
  phrase.map((p) => `${p}: ${p}`),
);
const frontMatter = fc.tuple(fc.array(frontMatterLine, { maxLength: 8 }), fc.constantFrom('---', '---', '--- ', '...', '')).map(([lines, close]) => ['---', ...lines, ...(close ? [close] : [])]);

/** A markdown snippet of a few pieces, `\n`-separated (for insertions). */
export const snippet = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.flat().join('\n'));

/** Characters that break naive position arithmetic. */
const NOISE = ['\u0000', '\t', '\r', '\n', '\r\n', '\ufeff', '\ud83d', '\ude80', '🚀', '\u2028', '\u0085', ' '];
const noise = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 4 });

/** A whole idea-file-like document. */
export const markdownDocument = fc
  .tuple(
    fc.tuple(fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 4 }, { arbitrary: frontMatter, weight: 1 }), fc.array(piece, { maxLength: 30, size: 'medium' })).map(([matter, pieces]) => [matter, ...pieces]),
    fc.constantFrom('lf', 'lf', 'crlf', 'cr', 'mixed'),
    fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    noise,
  )
  .map(([pieces, mode, mixed, bom, finalEol, noises]) => {
    const lines = pieces.flat();
    let out = bom ? '\ufeff' : '';
    lines.forEach((line, i) => {
      const eol = mode === 'lf' ? '\n' : mode === 'crlf' ? '\r\n' : mode === 'cr' ? '\r' : mixed[i % mixed.length]!;
      out += line + (i < lines.length - 1 || finalEol ? eol : '');
    });
    for (const [at, ch] of noises) {
      const p = out.length ? at % (out.length + 1) : 0;
      out = out.slice(0, p) + ch + out.slice(p);
    }
    return out;
  });

// ---------------------------------------------------------------- mutations of real files

export type Mutation =
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number; times: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'random-chars'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const randomChars = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constantFrom(...NOISE),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(), text: snippet }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('random-chars' as const), at: fc.nat(), text: randomChars }),
  fc.record({ kind: fc.constant('delete-range' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
);

/** Lines with their own line endings, so joining them gives the text back. */
function splitKeepingEnds(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'random-chars': {
      const p = m.at % (text.length + 1);
      return text.slice(0, p) + m.text + text.slice(p);
    }
    case 'delete-range': {
      const p = m.at % (text.length + 1);
      return text.slice(0, p) + text.slice(p + m.length);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    default:
      break;
  }
  const lines = splitKeepingEnds(text);
  const n = lines.length;
  switch (m.kind) {
    case 'insert-line': {
      const p = m.at % (n + 1);
      const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
      lines.splice(p, 0, m.text + eol);
      break;
    }
    case 'delete-line':
      if (n) lines.splice(m.at % n, 1);
      break;
    case 'duplicate-line':
      if (n) {
        const p = m.at % n;
        lines.splice(p, 0, ...Array<string>(m.times).fill(lines[p]!));
      }
      break;
    case 'swap-lines':
      if (n) {
        const a = m.a % n;
        const b = m.b % n;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      }
      break;
  }
  return lines.join('');
}

/** An edit as an editor sends it: replace [at, at+length) with text (positions wrap to the text). */
export interface Edit {
  readonly at: number;
  readonly length: number;
  readonly text: string;
}

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 80 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom('#', '\n', '\r\n', '```', '~~~', '<!--', '-->', '- ', ':', '\n## X\n', '\n<div>\n'), snippet, randomChars),
});

export function applyEdit(text: string, e: Edit): string {
  const p = e.at % (text.length + 1);
  return text.slice(0, p) + e.text + text.slice(Math.min(text.length, p + e.length));
}
