// The injection grammar, run by the real TextMate engine (vscode-textmate + oniguruma) on top of the
// real markdown grammar VS Code ships (from tm-grammars), as VS Code would tokenize an editor line.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const root = join(__dirname, '..', '..');
const injectionPath = join(root, 'syntaxes', 'soc-ideas.injection.tmLanguage.json');
const markdownPath = join(root, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json');
const fixture = (name: string): string => readFileSync(join(root, 'test', 'fixtures', 'grammar', name), 'utf8');

const INJECTION = 'markdown.soc-ideas.injection';
const LABEL = 'entity.name.tag.field-label.soc-ideas';
const SEPARATOR = 'punctuation.separator.key-value.soc-ideas';
const HANDLE = 'variable.other.handle.soc-ideas';
const EMAIL = 'markup.underline.link.email.soc-ideas';
const ISSUE = 'markup.underline.link.issue.soc-ideas';
const MENTOR = 'entity.name.function.mentor.soc-ideas';

interface LineToken {
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}
interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly LineToken[];
}

let markdown: IGrammar;

before(async () => {
  const wasm = readFileSync(join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new OnigScanner(sources),
      createOnigString: (text: string) => new OnigString(text),
    }),
    // Embedded languages (fenced code, HTML) stay unresolved: the markdown grammar copes without them.
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(readFileSync(markdownPath, 'utf8'), markdownPath);
      if (scopeName === INJECTION) return parseRawGrammar(readFileSync(injectionPath, 'utf8'), injectionPath);
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'the markdown grammar loads');
  markdown = grammar;
});

/** Tokenizes a document line by line, carrying the rule stack as the editor does. */
function tokenize(text: string, splitter: RegExp = /\r?\n/): TokenizedLine[] {
  let stack: StateStack = INITIAL;
  return text.split(splitter).map((line) => {
    const result = markdown.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return { text: line, tokens: result.tokens.map((t) => ({ start: t.startIndex, end: t.endIndex, scopes: t.scopes })) };
  });
}

function lineContaining(lines: readonly TokenizedLine[], fragment: string): TokenizedLine {
  const line = lines.find((l) => l.text.includes(fragment));
  assert.ok(line, `a line contains ${JSON.stringify(fragment)}`);
  return line;
}

function scopesAt(line: TokenizedLine, offset: number): readonly string[] {
  return line.tokens.find((t) => t.start <= offset && offset < t.end)?.scopes ?? [];
}

/** Asserts `scope` covers exactly `fragment` (its occurrence number `nth`) on the line: not a character more or less. */
function assertScoped(line: TokenizedLine, fragment: string, scope: string, nth = 0): void {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = line.text.indexOf(fragment, start + 1);
  assert.ok(start >= 0, `${JSON.stringify(fragment)} occurs in ${JSON.stringify(line.text)}`);
  const end = start + fragment.length;
  for (let i = start; i < end; i++) {
    assert.ok(scopesAt(line, i).includes(scope), `${JSON.stringify(line.text[i])} at ${i} of ${JSON.stringify(line.text)} is ${scope}; has ${scopesAt(line, i).join(' ')}`);
  }
  if (start > 0) assert.ok(!scopesAt(line, start - 1).includes(scope), `${scope} starts at ${JSON.stringify(fragment)} in ${JSON.stringify(line.text)}`);
  if (end < line.text.length) assert.ok(!scopesAt(line, end).includes(scope), `${scope} ends after ${JSON.stringify(fragment)} in ${JSON.stringify(line.text)}`);
}

function socScopesOn(line: TokenizedLine): string[] {
  return line.tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.soc-ideas')));
}

test('a field label after a `-<TAB>` bullet is scoped as a label with its colon as a separator', () => {
  const lines = tokenize(fixture('ideas-2019.md'));
  const description = lineContaining(lines, 'Description: The query engine');
  assertScoped(description, 'Description', LABEL);
  assertScoped(description, ':', SEPARATOR);
  assertScoped(lineContaining(lines, 'Recommended Skills: golang'), 'Recommended Skills', LABEL);
  assertScoped(lineContaining(lines, 'Mentor(s): Jane'), 'Mentor(s)', LABEL);
  assertScoped(lineContaining(lines, 'Issue: https'), 'Issue', LABEL);
});

test('the label line stays a markdown list paragraph, so markdown links after the label still tokenize', () => {
  const description = lineContaining(tokenize(fixture('ideas-2019.md')), 'Description: The query engine');
  const at = description.text.indexOf('Description');
  assert.ok(scopesAt(description, at).includes('markup.list.unnumbered.markdown'));
  assert.ok(scopesAt(description, at).includes('meta.paragraph.markdown'));
  const url = description.text.indexOf('https://github.com/go-kit/kit');
  assert.ok(scopesAt(description, url).includes('markup.underline.link.markdown'), 'markdown still scopes the link');
  assert.ok(!scopesAt(description, url).includes(ISSUE), 'a repository link is not an issue link');
});

test('`* ` bullets and bold labels (`**Mentor(s):**`, `**Upstream Issue (URL)**:`) are labels', () => {
  const lines = tokenize(fixture('ideas-2019.md'));
  assertScoped(lineContaining(lines, '* Description: Faster'), 'Description', LABEL);
  const boldMentor = lineContaining(lines, '**Mentor(s):**');
  assertScoped(boldMentor, 'Mentor(s)', LABEL);
  assertScoped(boldMentor, ':', SEPARATOR);
  assert.ok(scopesAt(boldMentor, boldMentor.text.indexOf('**')).includes('punctuation.definition.bold.markdown'));
  assertScoped(boldMentor, 'Wei Zhang', MENTOR);
  assertScoped(boldMentor, '@wzhang', HANDLE);
  const boldIssue = lineContaining(lines, '**Upstream Issue (URL)**:');
  assertScoped(boldIssue, 'Upstream Issue (URL)', LABEL);
  assertScoped(boldIssue, ':', SEPARATOR);
});

test('mentor names and handles in `Name (@handle)` form, including non-ASCII names and name particles', () => {
  const mentors = lineContaining(tokenize(fixture('ideas-2019.md')), 'Mentor(s): Jane');
  assertScoped(mentors, 'Jane Doe', MENTOR);
  assertScoped(mentors, '@jane-doe', HANDLE);
  assert.ok(scopesAt(mentors, mentors.text.indexOf('@jane-doe')).includes('punctuation.definition.variable.soc-ideas'));
  assertScoped(mentors, 'Émile van der Berg', MENTOR);
  assertScoped(mentors, '@emile', HANDLE);
});

test('a bare GitHub issue URL and a markdown link to a pull request are issue links', () => {
  const lines = tokenize(fixture('ideas-2019.md'));
  assertScoped(lineContaining(lines, 'Issue: https'), 'https://github.com/example-org/example-repo/issues/12', ISSUE);
  const linked = lineContaining(lines, '[#345]');
  assertScoped(linked, 'https://github.com/example-org/tsdb/pull/345', ISSUE);
  assert.ok(scopesAt(linked, linked.text.indexOf('#345')).includes('string.other.link.title.markdown'), 'the link text keeps its markdown scope');
});

test('2024 mentor sub-list: names, handles and emails; autolinked issue', () => {
  const lines = tokenize(fixture('ideas-2024.md'));
  assertScoped(lineContaining(lines, '- Mentor(s):'), 'Mentor(s)', LABEL);
  const primary = lineContaining(lines, 'Jane Doe (@jane-doe, jane@example.org)');
  assertScoped(primary, 'Jane Doe', MENTOR);
  assertScoped(primary, '@jane-doe', HANDLE);
  assertScoped(primary, 'jane@example.org', EMAIL);
  assert.ok(!scopesAt(primary, primary.text.indexOf('@example.org')).includes(HANDLE), 'the @ of an email is not a handle');
  const second = lineContaining(lines, 'John Smith');
  assertScoped(second, 'John Smith', MENTOR);
  assertScoped(second, '@jsmith', HANDLE);
  assertScoped(second, 'john.smith@example.com', EMAIL);
  const issue = lineContaining(lines, 'Upstream Issue (URL):');
  assertScoped(issue, 'Upstream Issue (URL)', LABEL);
  assertScoped(issue, 'https://github.com/example-org/example-repo/issues/7', ISSUE);
  for (const label of ['Expected Outcome', 'Recommended Skills', 'Expected project size', 'Difficulty']) {
    assertScoped(lineContaining(lines, `- ${label}:`), label, LABEL);
  }
});

test('labels only after a bullet: a label in prose, unknown labels and a colon-less label are not scoped', () => {
  const lines = tokenize(fixture('plain.md'));
  const prose = lineContaining(lines, 'Description: this paragraph');
  assert.ok(scopesAt(prose, 0).includes('meta.paragraph.markdown'));
  assert.deepEqual(socScopesOn(prose), []);
  assert.deepEqual(socScopesOn(lineContaining(lines, 'Shopping list')), []);
  assert.deepEqual(socScopesOn(lineContaining(lines, 'See the description: below')), []);
  assert.deepEqual(socScopesOn(lineContaining(lines, '# Release notes')), []);
});

test('nothing inside a fenced code block, inline code or an indented code block gets a soc-ideas scope', () => {
  const lines = tokenize(fixture('plain.md'));
  for (const fragment of ['- Description: inside a fenced block', '- Mentor(s): Jane Doe', '- Issue: https', '`- Mentor(s)', '    - Description: an indented']) {
    assert.deepEqual(socScopesOn(lineContaining(lines, fragment)), [], fragment);
  }
  assert.ok(scopesAt(lineContaining(lines, '- Mentor(s): Jane Doe'), 0).some((s) => s.startsWith('markup.fenced_code')));
});

test('an injection cannot tell idea files apart: a known label after a bullet is a label in any markdown file', () => {
  const line = tokenize('Notes\n\n- Description: of the release process\n')[2]!;
  assertScoped(line, 'Description', LABEL);
});

test('emails and handles in ordinary prose are scoped; `@` inside words, paths and code is not', () => {
  const [prose, notHandles] = tokenize('Write to soc@example.io or ping @octo-cat today.\nSee a@b, x/@y and `@z`.\n');
  assertScoped(prose!, 'soc@example.io', EMAIL);
  assertScoped(prose!, '@octo-cat', HANDLE);
  assert.deepEqual(socScopesOn(notHandles!), []);
});

test('links that are not a single issue or pull request are not issue links', () => {
  const lines = tokenize(
    [
      '- Issue: https://github.com/example-org/example-repo/issues',
      '- Issue: https://github.com/example-org/example-repo',
      '- Issue: https://gitlab.com/example-org/example-repo/issues/3',
      '- Issue: https://github.com/example-org/example-repo/issues/3abc',
    ].join('\n'),
  );
  for (const line of lines) assert.ok(!socScopesOn(line).includes(ISSUE), line.text);
});

test('an issue URL keeps a fragment but not the sentence punctuation after it', () => {
  const [line] = tokenize('- Issue: https://github.com/o/r/issues/3#issuecomment-9. And https://github.com/o/r/pull/4, too');
  assertScoped(line!, 'https://github.com/o/r/issues/3#issuecomment-9', ISSUE);
  assertScoped(line!, 'https://github.com/o/r/pull/4', ISSUE);
});

test('CRLF documents tokenize the same as LF ones, split as editors split and with a stray \\r left on each line', () => {
  const lf = fixture('ideas-2024.md');
  const crlf = lf.replace(/\n/g, '\r\n');
  const scopesOf = (lines: readonly TokenizedLine[]) => lines.map((l) => l.tokens.filter((t) => t.start < l.text.replace(/\r$/, '').length).map((t) => [t.start, t.scopes.join(' ')]));
  assert.deepEqual(scopesOf(tokenize(crlf)), scopesOf(tokenize(lf)));
  const strayCr = tokenize(crlf, /\n/);
  assertScoped(lineContaining(strayCr, '- Difficulty:'), 'Difficulty', LABEL);
  const primary = lineContaining(strayCr, 'Jane Doe (@jane-doe');
  assertScoped(primary, 'jane@example.org', EMAIL);
  assertScoped(primary, 'Jane Doe', MENTOR);
  assertScoped(lineContaining(strayCr, 'Upstream Issue (URL):'), 'https://github.com/example-org/example-repo/issues/7', ISSUE);
});

test('label spellings seen in real files: case, `Mentors(s)`, `Difficulty rating`, `(URL)` without a space, numbered and quoted lists', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['- Expected outcome: x', 'Expected outcome'],
    ['- Recommended skills: Go', 'Recommended skills'],
    ['- Recommend Skills: Go', 'Recommend Skills'],
    ['- Mentors(s): Jane Doe (@jd)', 'Mentors(s)'],
    ['- Mentors: Jane Doe (@jd)', 'Mentors'],
    ['- Difficulty rating: Medium', 'Difficulty rating'],
    ['- Upstream Issue(URL): none', 'Upstream Issue(URL)'],
    ['- Upstream Issue or RFC (URL): none', 'Upstream Issue or RFC (URL)'],
    ['- Expected size of the project: 175h', 'Expected size of the project'],
    ['- LFX URL: TBD', 'LFX URL'],
    ['- Description : spaced colon', 'Description'],
    ['1. Description: numbered', 'Description'],
    ['> - Description: quoted', 'Description'],
    ['  - Description: nested', 'Description'],
  ];
  for (const [source, label] of cases) {
    const [line] = tokenize(source);
    assertScoped(line!, label, LABEL);
  }
});

test('real idea files (../shared/corpus): most field lines get a label scope and nothing throws', (t) => {
  const corpus = join(root, '..', 'shared', 'corpus');
  let files: string[];
  try {
    files = readdirSync(corpus).filter((f) => f.endsWith('.md') && !/^(CENSUS|TEMPLATES)\.md$/.test(f));
  } catch {
    t.skip(`no corpus at ${corpus}: real-file check skipped`);
    return;
  }
  let fieldLines = 0;
  let labelled = 0;
  for (const file of files) {
    for (const line of tokenize(readFileSync(join(corpus, file), 'utf8'))) {
      if (!/^[-*][ \t]+(\*\*)?(Description|Recommended Skills|Mentor\(s\)|Upstream Issue \(URL\)):/.test(line.text)) continue;
      if (line.tokens.some((tk) => tk.scopes.some((s) => s.startsWith('markup.fenced_code')))) continue;
      fieldLines++;
      if (socScopesOn(line).includes(LABEL)) labelled++;
    }
  }
  assert.ok(fieldLines > 100, `the corpus has field lines (${fieldLines})`);
  assert.ok(labelled / fieldLines > 0.95, `${labelled} of ${fieldLines} field lines are labelled`);
});
