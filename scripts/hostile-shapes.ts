// Hostile shapes (issue 16, "Linear structure"): idea files an untrusted pull request could write
// to make a check superlinear. Each shape makes about `bytes` characters of one structure, inside an
// ordinary project and idea so that the rules run over it. The bench (`npm run bench`) times each
// per MB beside an ordinary file; test/unit/hostile-shapes.test.ts checks that each one finishes.
//
//   node --import tsx scripts/hostile-shapes.ts SHAPE [BYTES] > hostile.md

export interface HostileInput {
  readonly text: string;
  /** A template file the shape is checked against (served to the check as `template.md`). */
  readonly template?: string;
}

export interface HostileShape {
  readonly name: string;
  /** The bytes the row was measured at in the issue (the bench uses this size). */
  readonly bytes: number;
  readonly make: (bytes: number) => HostileInput;
}

const HEAD = '# Ideas\n\n### Project\n\n#### Idea\n\n- Description: An ordinary idea.\n- Mentor(s): Jane Doe (@jdoe)\n';

/** `unit(i)` repeated until `bytes` characters, with `head` before it. */
function repeat(bytes: number, unit: (i: number) => string, head = HEAD, tail = ''): string {
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** A field value about `bytes` long made of `unit`, in `count` ideas (`label` names the field). */
function values(bytes: number, count: number, label: string, unit: string, each: number): string {
  const value = unit.repeat(Math.max(1, Math.floor(each / unit.length)));
  return repeat(bytes, (i) => `\n#### Idea ${i}\n\n- Description: x\n- ${label}: ${value}\n`, '# Ideas\n\n### Project\n');
}

const SEED_IDEA = '#### Idea\n\n- Description: An ordinary idea.\n- Recommended Skills: Go\n- Mentor(s): Jane Doe (@jdoe)\n- Issue: https://github.com/o/r/issues/1\n';

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  // The issue's rows.
  { name: 'setext headings (x / ===)', bytes: 120_000, make: (b) => ({ text: repeat(b, (i) => `x${i}\n===\n`) }) },
  { name: '<!-- never closed', bytes: 300_000, make: (b) => ({ text: repeat(b, () => '<!--') }) },
  { name: '<!-- never closed, one a line', bytes: 300_000, make: (b) => ({ text: repeat(b, () => '<!--\n') }) },
  { name: 'unknown fields in one idea', bytes: 2_000_000, make: (b) => ({ text: repeat(b, (i) => `- Extra Field ${i % 97}: value\n`) }) },
  { name: 'Mentor(s): fields in one idea', bytes: 2_000_000, make: (b) => ({ text: repeat(b, (i) => `- Mentor(s): Jane Doe${i} (@jdoe${i})\n`) }) },
  {
    name: 'link definitions, ideas titled with them',
    bytes: 2_400_000,
    make: (b) => {
      const n = Math.max(1, Math.floor(b / 120));
      const defs = Array.from({ length: n }, (_, i) => `[link ${i}]: https://example.org/${i}\n`).join('');
      return { text: repeat(b, (i) => `\n#### [link ${i % n}] idea ${i}\n\n- Description: x\n- Mentor(s): Jane Doe (@jdoe)\n`, `# Ideas\n\n${defs}\n### Project\n`) };
    },
  },
  {
    name: 'list nested 1,000 deep',
    bytes: 1_000_000,
    make: (b) => ({ text: repeat(b, (i) => `${'  '.repeat(i % 1000)}- x\n`, `${HEAD}- Recommended Skills:\n`) }),
  },
  { name: 'mentor value 1. 1. … (20k) x 50', bytes: 1_000_000, make: (b) => ({ text: values(b, 50, 'Mentor(s)', '1. ', 19_900) }) },
  { name: 'issue value [[[… (20k) x 50', bytes: 1_000_000, make: (b) => ({ text: values(b, 50, 'Issue', '[', 19_900) }) },
  { name: 'issue value ![![… (20k) x 50', bytes: 1_000_000, make: (b) => ({ text: values(b, 50, 'Issue', '![', 19_900) }) },
  {
    name: 'template of 3,000 fields',
    bytes: 56_000,
    make: (b) => {
      const template = `### Template\n\n${Array.from({ length: 3000 }, (_, i) => `- Field ${i}: x\n`).join('')}`;
      return { text: repeat(b, (i) => `\n### Project ${i}\n\n${SEED_IDEA.replace('Idea', `Idea ${i}`)}`, '# Ideas\n'), template };
    },
  },
  { name: 'one-field ideas', bytes: 1_400_000, make: (b) => ({ text: repeat(b, (i) => `#### Idea ${i}\n\n- Description: x\n\n`, '# Ideas\n\n### Project\n\n') }) },
  // Every section's links read on its own: a search from each section on ran on to the next link, at the end.
  { name: 'GitHub links only at the end', bytes: 2_000_000, make: (b) => ({ text: `${repeat(b, (i) => `#### Idea ${i}\n\n- Description: x\n\n`, '# Ideas\n\n### Project\n\n')}github.com/keploy/a github.com/keploy/b github.com/keploy/c github.com/keplpy/d\n` }) },
  { name: 'fences', bytes: 400_000, make: (b) => ({ text: repeat(b, () => '```\n') }) },
  { name: 'backslashes', bytes: 1_000_000, make: (b) => ({ text: repeat(b, () => '\\'.repeat(1000) + '\n') }) },
  // Ten more structures.
  { name: 'deep blockquotes, one a line', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `${'> '.repeat(i % 500)}x\n`) }) },
  { name: 'headings with no fields', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `#### Heading ${i}\n`) }) },
  {
    name: 'a huge table',
    bytes: 1_000_000,
    make: (b) => ({ text: repeat(b, (i) => `| ${i} | a | b | c | d |\n`, `${HEAD}\n| n | a | b | c | d |\n|---|---|---|---|---|\n`) }),
  },
  { name: 'very long lines', bytes: 1_000_000, make: (b) => ({ text: repeat(b, () => `- Description: ${'word '.repeat(20_000)}\n`) }) },
  { name: 'HTML blocks', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `<div>\n${i}\n</div>\n\n`) }) },
  { name: 'emphasis runs *_*_', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `#### *_*_${'*_'.repeat(500)} ${i}\n\n- Description: ${'*_'.repeat(2000)}\n`) }) },
  { name: 'nested brackets in labels', bytes: 1_000_000, make: (b) => ({ text: repeat(b, () => `- ${'['.repeat(50)}Mentor${']'.repeat(50)}: ${'[('.repeat(500)}\n`) }) },
  { name: 'list items in one field', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `  - skill ${i}\n`, `${HEAD}- Recommended Skills:\n`) }) },
  { name: 'CRLF / lone CR mixes', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `#### Idea ${i}\r\r\n- Description: x\r- Mentor(s): A (@a)\r\n\r`) }) },
  { name: 'runs of #', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => (i % 2 ? '#'.repeat(1000) + '\n' : '# '.repeat(500) + '\n')) }) },
  // And more (issue 16's remaining items).
  { name: '<!-- before every heading', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `<!--\n#### Idea ${i}\n\n- Description: x\n`) }) },
  { name: '<!-- in every heading', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `#### Idea <!-- ${i}\n\n- Description: x\n- Mentor(s): A (@a)\n`) }) },
  { name: 'list items in one list', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `- item ${i}\n`) }) },
  { name: 'line ends CRLF, CR, LF in turn', bytes: 1_000_000, make: (b) => ({ text: repeat(b, (i) => `- Field ${i % 7}: x${['\r\n', '\r', '\n'][i % 3]}`) }) },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const shape = HOSTILE_SHAPES.find((s) => s.name === process.argv[2]);
  if (!shape) {
    console.error(`shapes:\n${HOSTILE_SHAPES.map((s) => `  ${s.name}`).join('\n')}`);
    process.exit(1);
  }
  process.stdout.write(shape.make(Number(process.argv[3] ?? shape.bytes)).text);
}
