// Where the template comes from: setting > inline block > nearest PROJECT_IDEA_TEMPLATE.md > preset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Host } from '../../server/src/engine/host';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { resolveTemplate } from '../../server/src/engine/template/resolve';

/** An in-memory Host that records what was read. */
function memoryHost(files: Record<string, string>): Host & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readFile(uri) {
      reads.push(uri);
      return files[uri];
    },
  };
}

const IDEAS_2019 = `### Harbor Light

#### Add a dry-run mode

-\tDescription: Show what would be deleted.
-\tRecommended Skills: golang
-\tMentor(s): Ada Park (@ada-park)
-\tIssue: https://github.com/acme/harbor-light/issues/1
`;

const INLINE_LFX = `## Template

\`\`\`
### CNCF Project Name

#### Mentorship project Title

- Description:
- Expected Outcome:
- Recommended Skills:
- Mentor(s): Mentor Name (@mentor_github, mentor@email.addy)
- Upstream Issue:
\`\`\`

${IDEAS_2019}`;

const TEMPLATE_FILE_2020 = `### Template

\`\`\`
#### CNCF Project Name
##### Title

-\tDescription:
-\tRecommended Skills:
-\tMentor(s):
-\tUpstream Issue (URL):
\`\`\`

### Sample:

#### Prometheus
##### Refactor

- Description: words, https://github.com/go-kit/kit
-\tRecommended Skills: golang
-\tMentor(s): Krasi Georgiev (@krasi-georgiev)
-\tIssue: https://github.com/prometheus/prometheus/issues/3416
`;

const CUSTOM_TEMPLATE = `#### Project
##### Idea

- Summary:
- Mentor(s):
- Difficulty: Easy, Medium, or Hard
`;

const FILE = 'file:///repo/programs/2024.md';

test('setting naming a preset beats everything', async () => {
  const host = memoryHost({ 'file:///repo/PROJECT_IDEA_TEMPLATE.md': TEMPLATE_FILE_2020 });
  const r = await resolveTemplate({
    uri: FILE,
    doc: parseDocument(INLINE_LFX),
    host,
    configured: { value: 'gsoc-2022', baseUri: 'file:///repo', from: 'setting' },
  });
  assert.equal(r.template.id, 'gsoc-2022');
  assert.equal(r.source.kind, 'setting');
  assert.match(r.source.reason, /gsoc-2022/);
  assert.deepEqual(r.notes, []);
  assert.deepEqual(host.reads, [], 'a preset needs no file');
});

test('configured path is resolved against baseUri and read as a template file', async () => {
  const host = memoryHost({ 'file:///repo/tpl/custom.md': CUSTOM_TEMPLATE });
  const r = await resolveTemplate({
    uri: FILE,
    doc: parseDocument(INLINE_LFX),
    host,
    configured: { value: '../tpl/custom.md', baseUri: 'file:///repo/programs', from: 'config' },
  });
  assert.equal(r.source.kind, 'setting');
  assert.equal(r.source.uri, 'file:///repo/tpl/custom.md');
  assert.match(r.source.reason, /\.soc-ideas\.json/);
  assert.deepEqual(
    r.template.fields.map((f) => f.key),
    ['summary', 'mentors', 'difficulty'],
  );
  assert.deepEqual(r.template.fields[2]?.choices, ['Easy', 'Medium', 'Hard']);
});

test('a configured file that is missing gives a note and falls through to the inline block', async () => {
  const r = await resolveTemplate({
    uri: FILE,
    doc: parseDocument(INLINE_LFX),
    host: memoryHost({}),
    configured: { value: 'nope.md', baseUri: 'file:///repo', from: 'setting' },
  });
  assert.equal(r.source.kind, 'inline');
  assert.equal(r.notes.length, 1);
  assert.match(r.notes[0]!, /^template 'nope\.md' not found/);
  assert.match(r.notes[0]!, /; using /);
});

test('a configured file that is not a template gives a note', async () => {
  const r = await resolveTemplate({
    uri: FILE,
    doc: parseDocument(IDEAS_2019),
    host: memoryHost({ 'file:///repo/readme.md': '# Read me\n\nNothing to see.\n' }),
    configured: { value: 'readme.md', baseUri: 'file:///repo', from: 'setting' },
  });
  assert.equal(r.source.kind, 'preset');
  assert.equal(r.template.id, 'cncf-2019');
  assert.match(r.notes[0]!, /template 'readme\.md'/);
  assert.match(r.notes[0]!, /using .*cncf-2019/);
});

test('inline block beats PROJECT_IDEA_TEMPLATE.md', async () => {
  const r = await resolveTemplate({
    uri: FILE,
    doc: parseDocument(INLINE_LFX),
    host: memoryHost({ 'file:///repo/PROJECT_IDEA_TEMPLATE.md': TEMPLATE_FILE_2020 }),
  });
  assert.equal(r.source.kind, 'inline');
  assert.equal(r.source.uri, FILE);
  assert.equal(r.source.line, 2);
  assert.equal(r.template.fields[4]?.label, 'Upstream Issue');
  assert.deepEqual(r.notes, []);
});

test('nearest PROJECT_IDEA_TEMPLATE.md walking up beats the preset', async () => {
  const host = memoryHost({
    'file:///repo/PROJECT_IDEA_TEMPLATE.md': TEMPLATE_FILE_2020,
    'file:///PROJECT_IDEA_TEMPLATE.md': CUSTOM_TEMPLATE,
  });
  const r = await resolveTemplate({ uri: 'file:///repo/programs/gsoc/2024.md', doc: parseDocument(IDEAS_2019), host });
  assert.equal(r.source.kind, 'file');
  assert.equal(r.source.uri, 'file:///repo/PROJECT_IDEA_TEMPLATE.md');
  assert.equal(r.template.ideaLevel, 5);
  assert.equal(r.template.fields[3]?.label, 'Upstream Issue (URL)');
  assert.deepEqual(host.reads, [
    // the siblings that may hold the term's template block, then the walk up
    'file:///repo/programs/gsoc/project_ideas.md',
    'file:///repo/programs/gsoc/PROJECT_IDEAS.md',
    'file:///repo/programs/gsoc/ideas.md',
    'file:///repo/programs/gsoc/README.md',
    'file:///repo/programs/gsoc/PROJECT_IDEA_TEMPLATE.md',
    'file:///repo/programs/PROJECT_IDEA_TEMPLATE.md',
    'file:///repo/PROJECT_IDEA_TEMPLATE.md',
  ]);
});

test('a sibling file\'s template block beats PROJECT_IDEA_TEMPLATE.md (an LFX term README inherits its project_ideas.md)', async () => {
  const sibling = `# Term\n\n## Template\n\n\`\`\`\n### CNCF Project Name\n#### Title\n- Description:\n- Recommended Skills:\n- Mentor(s):\n- Upstream Issue (URL):\n\`\`\`\n`;
  const host = memoryHost({
    'file:///repo/term/project_ideas.md': sibling,
    'file:///repo/PROJECT_IDEA_TEMPLATE.md': TEMPLATE_FILE_2020,
  });
  const r = await resolveTemplate({ uri: 'file:///repo/term/README.md', doc: parseDocument(IDEAS_2019), host });
  assert.equal(r.source.kind, 'sibling');
  assert.equal(r.source.uri, 'file:///repo/term/project_ideas.md');
  assert.match(r.source.reason, /sibling project_ideas\.md/);
  assert.deepEqual(r.template.fields.map((f) => f.label), ['Description', 'Recommended Skills', 'Mentor(s)', 'Upstream Issue (URL)']);
  // The sibling itself is not its own sibling: project_ideas.md reads its own block first.
  const own = await resolveTemplate({ uri: 'file:///repo/term/project_ideas.md', doc: parseDocument(sibling), host });
  assert.equal(own.source.kind, 'inline');
});

test('no template anywhere: the best-matching preset, walk stops at the root', async () => {
  const host = memoryHost({});
  const r = await resolveTemplate({ uri: 'vscode-vfs://github/acme/ideas/a/b.md', doc: parseDocument(IDEAS_2019), host });
  assert.equal(r.source.kind, 'preset');
  assert.equal(r.template.id, 'cncf-2019');
  assert.match(r.source.reason, /best match/);
  assert.ok(host.reads.length >= 1 && host.reads.length < 16);
  assert.ok(host.reads.every((u) => /\/(PROJECT_IDEA_TEMPLATE|project_ideas|PROJECT_IDEAS|ideas|README)\.md$/.test(u)));
  assert.equal(r.template.guessed, undefined, 'a close match is checked as stated');
});

test('a host that throws is a missing file, never an exception', async () => {
  const host: Host = {
    async readFile() {
      throw new Error('disk on fire');
    },
  };
  const r = await resolveTemplate({
    uri: FILE,
    doc: parseDocument(IDEAS_2019),
    host,
    configured: { value: 'tpl.md', baseUri: 'file:///repo', from: 'setting' },
  });
  assert.equal(r.source.kind, 'preset');
  assert.match(r.notes[0]!, /not found/);
});
