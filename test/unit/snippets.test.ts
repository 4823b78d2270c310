// The static snippets file and the template-driven idea snippet, checked with a small parser of
// VS Code's snippet syntax (tab stops, placeholders, choices, variables, escapes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateToSnippet, templateToText } from '../../server/src/engine/features/snippet';
import { PRESETS } from '../../server/src/engine/template/presets';
import type { Template, TemplateField } from '../../server/src/engine/template/types';

const root = join(__dirname, '..', '..');

interface TabStop {
  readonly index: number;
  readonly choices?: readonly string[];
}
interface ParsedSnippet {
  readonly stops: readonly TabStop[];
  /** The snippet with its syntax removed: placeholders as written, empty stops and choices empty. */
  readonly plain: string;
}

/** Parses snippet syntax strictly: throws on anything VS Code would read other than we meant. */
function parseSnippet(source: string): ParsedSnippet {
  const stops: TabStop[] = [];
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at} in ${JSON.stringify(source)}`);
  };
  const digits = (): number | null => {
    const m = /^[0-9]+/.exec(source.slice(at));
    if (!m) return null;
    at += m[0].length;
    return Number(m[0]);
  };
  const variable = (): string | null => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(source.slice(at));
    if (!m) return null;
    at += m[0].length;
    return m[0];
  };
  /** Text and elements up to an unescaped `}` (inside a placeholder) or the end (top level). */
  const sequence = (inside: boolean): string => {
    let plain = '';
    while (at < source.length) {
      const c = source[at]!;
      if (c === '\\') {
        const escaped = source[at + 1];
        if (escaped === '$' || escaped === '}' || escaped === '\\') {
          plain += escaped;
          at += 2;
        } else {
          plain += c;
          at += 1;
        }
      } else if (c === '}') {
        if (inside) return plain;
        fail('unescaped } outside a placeholder');
      } else if (c === '$') {
        plain += element();
      } else {
        plain += c;
        at += 1;
      }
    }
    if (inside) fail('unclosed ${');
    return plain;
  };
  const choice = (): string[] => {
    const options: string[] = [];
    let option = '';
    for (;;) {
      const c = source[at];
      if (c === undefined) fail('unclosed choice');
      if (c === '\\' && (source[at + 1] === ',' || source[at + 1] === '|' || source[at + 1] === '\\')) {
        option += source[at + 1];
        at += 2;
      } else if (c === ',' || c === '|') {
        if (option === '') fail('empty choice option');
        options.push(option);
        option = '';
        at += 1;
        if (c === '|') {
          if (source[at] !== '}') fail('choice not closed by |}');
          at += 1;
          return options;
        }
      } else {
        option += c;
        at += 1;
      }
    }
  };
  const element = (): string => {
    at += 1; // $
    const bare = digits();
    if (bare !== null) {
      stops.push({ index: bare });
      return '';
    }
    if (variable() !== null) return '';
    if (source[at] !== '{') return fail('a lone $ (escape it as \\$)');
    at += 1;
    const index = digits();
    if (index === null) {
      if (variable() === null) fail('${ without a tab stop number or variable');
      if (source[at] === ':') {
        at += 1;
        const fallback = sequence(true);
        at += 1;
        return fallback;
      }
      if (source[at] !== '}') fail('bad variable');
      at += 1;
      return '';
    }
    const next = source[at];
    if (next === '}') {
      at += 1;
      stops.push({ index });
      return '';
    }
    if (next === ':') {
      at += 1;
      stops.push({ index });
      const placeholder = sequence(true);
      at += 1;
      return placeholder;
    }
    if (next === '|') {
      at += 1;
      stops.push({ index, choices: choice() });
      return '';
    }
    return fail('bad tab stop');
  };
  const plain = sequence(false);
  return { stops, plain };
}

/** Tab stops are numbered 1..n without gaps ($0 allowed); a number reused keeps the same choices. */
function assertWellNumbered(stops: readonly TabStop[], name: string): void {
  const numbers = [...new Set(stops.map((s) => s.index))].filter((n) => n !== 0).sort((a, b) => a - b);
  assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(',')} are 1..n`);
  for (const stop of stops) {
    const first = stops.find((s) => s.index === stop.index)!;
    assert.deepEqual(stop.choices, first.choices, `${name}: tab stop ${stop.index} means one thing`);
  }
}

test('the checker itself rejects malformed snippets', () => {
  for (const bad of ['${1:open', '${1|a,b}', '${1|a,,b|}', 'cost $ 5', 'a } b', '${|a|}', '${1x}']) {
    assert.throws(() => parseSnippet(bad), Error, bad);
  }
  assert.deepEqual(parseSnippet('a \\$1 ${1:x${2:y}} ${3|p\\,q,r|} $TM_FILENAME $0').plain, 'a $1 xy   ');
  assert.throws(() => assertWellNumbered(parseSnippet('$1 $3').stops, 'gap'));
});

test('soc-ideas.code-snippets: valid JSON; every snippet has prefixes, a body and a description', () => {
  const file = JSON.parse(readFileSync(join(root, 'snippets', 'soc-ideas.code-snippets'), 'utf8')) as Record<string, unknown>;
  const names = Object.keys(file);
  // No `idea` or `project`: the server writes those in the template and the file's own form.
  for (const expected of ['mentor', 'mentor-email', 'description', 'outcome', 'skills', 'mentors', 'issue', 'size', 'difficulty']) {
    assert.ok(names.includes(expected), `snippet ${expected} exists`);
  }
  const prefixes = new Set<string>();
  for (const [name, value] of Object.entries(file)) {
    const snippet = value as { prefix?: unknown; body?: unknown; description?: unknown; scope?: unknown };
    const own = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    assert.ok(own.length > 0 && own.every((p) => typeof p === 'string' && p !== ''), `${name}: prefix`);
    assert.ok(own.includes(name), `${name}: its name is a prefix`);
    for (const p of own as string[]) {
      assert.ok(!prefixes.has(p), `${name}: prefix ${p} is unique`);
      prefixes.add(p);
    }
    assert.ok(Array.isArray(snippet.body) && snippet.body.every((l) => typeof l === 'string'), `${name}: body is lines`);
    assert.ok(typeof snippet.description === 'string' && snippet.description !== '', `${name}: description`);
    const parsed = parseSnippet((snippet.body as string[]).join('\n'));
    assertWellNumbered(parsed.stops, name);
  }
});

test('field snippets write the canonical labels; size and difficulty offer their choices', () => {
  const file = JSON.parse(readFileSync(join(root, 'snippets', 'soc-ideas.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
  const body = (name: string): string => file[name]!.body.join('\n');
  assert.deepEqual(parseSnippet(body('size')).stops, [{ index: 1, choices: ['175 Hours', '350 Hours'] }]);
  assert.deepEqual(parseSnippet(body('difficulty')).stops, [{ index: 1, choices: ['Easy', 'Medium', 'Hard'] }]);
  assert.equal(parseSnippet(body('mentor')).plain, 'Name (@handle)');
  assert.equal(parseSnippet(body('mentor-email')).plain, 'Name (@handle, email)');
  assert.equal(parseSnippet(body('issue')).plain, '- Upstream Issue (URL): https://github.com/owner/repo/issues/number');
  assert.ok(!('idea' in file) && !('project' in file));
});

function field(key: string, label: string, extra: Partial<TemplateField> = {}): TemplateField {
  return { key, label, required: true, ...extra };
}

const TEMPLATE_2019: Template = {
  id: 'test-2019',
  name: 'test 2019',
  projectLevel: 3,
  ideaLevel: 4,
  fields: [field('description', 'Description'), field('skills', 'Recommended Skills'), field('mentors', 'Mentor(s)'), field('issue', 'Issue')],
  bullet: { marker: '-', gap: '\t' },
  mentors: { layout: 'inline', email: false, min: 1 },
};

const TEMPLATE_2024: Template = {
  id: 'test-2024',
  name: 'test 2024',
  projectLevel: 4,
  ideaLevel: 5,
  fields: [
    field('description', 'Description', { hint: '(2-5+ sentences)' }),
    field('outcome', 'Expected Outcome'),
    field('skills', 'Recommended Skills'),
    field('size', 'Expected project size', { choices: ['175 Hours', '350 Hours'] }),
    field('difficulty', 'Difficulty', { choices: ['Easy', 'Medium', 'Hard'] }),
    field('mentors', 'Mentor(s)'),
    field('issue', 'Upstream Issue (URL)', { required: false }),
  ],
  bullet: { marker: '-', gap: ' ' },
  mentors: { layout: 'sublist', email: true, min: 2 },
};

test('templateToSnippet: a 2019-like template (-<TAB>, ####, one inline mentor)', () => {
  assert.equal(
    templateToSnippet(TEMPLATE_2019),
    '#### ${1:Idea title}\n\n-\tDescription: ${2}\n-\tRecommended Skills: ${3}\n-\tMentor(s): ${4:Name} (@${5:handle})\n-\tIssue: ${6}',
  );
  assert.equal(templateToText(TEMPLATE_2019), '#### Idea title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s): Name (@handle)\n-\tIssue:');
});

test('templateToSnippet: a 2024-like template (##### , choices, two sub-list mentors with e-mail)', () => {
  assert.equal(
    templateToSnippet(TEMPLATE_2024),
    [
      '##### ${1:Idea title}',
      '',
      '- Description: ${2}',
      '- Expected Outcome: ${3}',
      '- Recommended Skills: ${4}',
      '- Expected project size: ${5|175 Hours,350 Hours|}',
      '- Difficulty: ${6|Easy,Medium,Hard|}',
      '- Mentor(s):',
      '  - ${7:Name} (@${8:handle}, ${9:email})',
      '  - ${10:Name} (@${11:handle}, ${12:email})',
      '- Upstream Issue (URL): ${13}',
    ].join('\n'),
  );
  assert.equal(
    templateToText(TEMPLATE_2024),
    [
      '##### Idea title',
      '',
      '- Description:',
      '- Expected Outcome:',
      '- Recommended Skills:',
      '- Expected project size:',
      '- Difficulty:',
      '- Mentor(s):',
      '  - Name (@handle, email)',
      '  - Name (@handle, email)',
      '- Upstream Issue (URL):',
    ].join('\n'),
  );
});

test('templateToSnippet: inline mentors with e-mail, `*` bullets, several mentors on one line', () => {
  const template: Template = {
    ...TEMPLATE_2019,
    fields: [field('mentors', 'Mentor(s)')],
    bullet: { marker: '*', gap: ' ' },
    mentors: { layout: 'inline', email: true, min: 2 },
  };
  assert.equal(templateToSnippet(template), '#### ${1:Idea title}\n\n* Mentor(s): ${2:Name} (@${3:handle}, ${4:email}), ${5:Name} (@${6:handle}, ${7:email})');
});

test('templateToSnippet: a sub-list under a `-<TAB>` bullet is indented with a tab; min 0 still offers one mentor', () => {
  const template: Template = { ...TEMPLATE_2019, fields: [field('mentors', 'Mentor(s)')], mentors: { layout: 'sublist', email: false, min: 0 } };
  assert.equal(templateToSnippet(template), '#### ${1:Idea title}\n\n-\tMentor(s):\n\t- ${2:Name} (@${3:handle})');
});

test('templateToSnippet escapes $, } and \\ in labels, and , | \\ in choices', () => {
  const template: Template = {
    ...TEMPLATE_2019,
    fields: [field('budget', 'Budget ($) {max}'), field('path', 'Path C:\\x'), field('size', 'Size', { choices: ['1,000 hours', 'a|b', '$5'] })],
  };
  const snippet = templateToSnippet(template);
  assert.equal(snippet, '#### ${1:Idea title}\n\n-\tBudget (\\$) {max\\}: ${2}\n-\tPath C:\\\\x: ${3}\n-\tSize: ${4|1\\,000 hours,a\\|b,$5|}');
  const parsed = parseSnippet(snippet);
  assert.deepEqual(parsed.stops[3], { index: 4, choices: ['1,000 hours', 'a|b', '$5'] });
  assert.equal(parsed.plain.replace(/[ \t]+$/gm, ''), templateToText(template));
  assert.ok(templateToText(template).includes('Budget ($) {max}:'));
});

test('every built-in preset gives a well-formed snippet whose plain form is templateToText', () => {
  assert.ok(PRESETS.length > 0);
  for (const preset of PRESETS) {
    const parsed = parseSnippet(templateToSnippet(preset));
    assertWellNumbered(parsed.stops, preset.id);
    assert.equal(parsed.plain.replace(/[ \t]+$/gm, ''), templateToText(preset), preset.id);
    const text = templateToText(preset);
    assert.ok(text.startsWith(`${'#'.repeat(preset.ideaLevel)} Idea title\n`), preset.id);
    const labels = preset.fields.map((f) => text.indexOf(`${preset.bullet.marker}${preset.bullet.gap}${f.label}:`));
    assert.ok(labels.every((at, i) => at > 0 && (i === 0 || at > labels[i - 1]!)), `${preset.id}: every field, in order`);
    const mentorLines = text.split('\n').filter((l) => l.includes('(@handle'));
    assert.ok(mentorLines.join(', ').split('(@handle').length - 1 >= Math.max(1, preset.mentors.min), `${preset.id}: enough mentors`);
  }
});

// ideaSnippetAt: the file's own form, from the idea before the cursor.
import { ideaSnippetAt } from '../../server/src/engine/features/snippet';
import { completionsAt } from '../../server/src/engine/features/completion';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { WorkspaceIndex } from '../../server/src/engine/workspace/workspace';

const FILE_2019 = '### Harborline\n\n#### Garbage collection\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\tMentor(s): Ravi Kumar (@rkumar)\n-\tIssue: https://github.com/a/b/issues/1\n';

test('ideaSnippetAt: after a 2019 idea, its level and -<TAB> bullets, a blank line before the new heading', () => {
  const text = `${FILE_2019}`;
  const doc = parseDocument(text);
  const { snippet, text: plain } = ideaSnippetAt(doc, TEMPLATE_2019, text.length);
  assert.equal(plain, '\n#### Idea title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s): Name (@handle)\n-\tIssue:');
  assert.equal(parseSnippet(snippet).plain.replace(/[ \t]+$/gm, ''), plain);
  // At the end of a line with text: a line break and a blank line first.
  assert.ok(ideaSnippetAt(doc, TEMPLATE_2019, text.length - 1).text.startsWith('\n\n#### Idea title\n'));
});

test('ideaSnippetAt: the file wins over the template for levels, labels, bold, bullets and blank lines', () => {
  const idea = (title: string, mentors: string) =>
    `#### ${title}\n* **Description:** d\n\n* **Recommended Skills:** Go\n\n* **${mentors}:** Ana Souza (@asouza)\n\n* **Issue:** https://github.com/a/b/issues/1\n`;
  const text = `### P\n\n${idea('One', 'Mentors')}\n${idea('Two', 'Mentors')}\n${idea('Three', 'Metors')}\n`;
  const doc = parseDocument(text);
  const { text: plain } = ideaSnippetAt(doc, TEMPLATE_2024, text.length);
  assert.equal(
    plain,
    [
      '#### Idea title',
      '* **Description:**',
      '',
      '* **Expected Outcome:**',
      '',
      '* **Recommended Skills:**',
      '',
      '* **Expected project size:**',
      '',
      '* **Difficulty:**',
      '',
      '* **Mentors:**',
      '  * Name (@handle, email)',
      '  * Name (@handle, email)',
      '',
      '* **Issue:**',
    ].join('\n'),
    'the label most ideas write (not the typo), the level and bullet of the file, loose like the file, no blank after the heading',
  );
});

test('completion: on a new line, `idea` and `project` snippets in the file\'s form; a typed #### is matched against the heading', () => {
  const text = `${FILE_2019}\n####`;
  const doc = parseDocument(text);
  const result = completionsAt({ doc, offset: text.length, template: TEMPLATE_2019, workspace: new WorkspaceIndex() });
  assert.deepEqual(result.candidates.map((c) => [c.label, c.kind, c.filterText]), [
    ['idea', 'snippet', '#### idea'],
    ['project', 'snippet', '### project'],
  ]);
  const idea = result.candidates[0]!;
  assert.equal(text.slice(idea.replace.start, idea.replace.end), '####');
  assert.equal(idea.plainText, '#### Idea title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s): Name (@handle)\n-\tIssue:');
  assert.ok(idea.insertText.startsWith('#### ${1:Idea title}\n\n-\tDescription: ${2}'));
  const project = result.candidates[1]!;
  assert.ok(project.plainText!.startsWith('### Project name\n\n#### Idea title\n'));
});

test('an inserted idea left as it is gets findings: its mentor placeholder and its empty fields', async () => {
  const { lintText } = await import('./rules/harness');
  const doc = parseDocument(FILE_2019);
  const inserted = ideaSnippetAt(doc, TEMPLATE_2019, FILE_2019.length).text;
  const text = `${FILE_2019}${inserted}\n`;
  const r = await lintText(text, { template: 'cncf-2019' });
  const start = FILE_2019.length;
  const mine = r.findings.filter((f) => f.span.start >= start).map((f) => f.rule);
  assert.ok(mine.includes('placeholder'), `findings: ${mine.join(', ')}`);
  assert.ok(mine.includes('empty-field'), `findings: ${mine.join(', ')}`);
  // A real entry is never taken for one.
  const real = await lintText(FILE_2019.replace('Ravi Kumar (@rkumar)', 'Ravi Varname (@handlebar, ravi@example.org)'), { template: 'cncf-2019' });
  assert.deepEqual(real.findings.filter((f) => f.rule === 'placeholder'), []);
});
