// Structure and the template in force as FINDINGS-POLICY describes them, on fixtures written by us:
// single-project lists (with and without their own template block), a README generated from the LFX
// proposal form beside a sibling template, themes and sub-projects, ideas at project level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutline } from '../../server/src/engine/features/outline';
import { hoverAt } from '../../server/src/engine/features/hover';
import { singleDocumentVocabulary } from '../../server/src/engine/workspace/workspace';
import { lintText } from './rules/harness';

const fixtures = join(import.meta.dirname, '../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path), 'utf8');
const brief = (r: Awaited<ReturnType<typeof lintText>>) =>
  r.findings.map((f) => `${r.doc.lines.positionAt(f.span.start).line + 1} ${f.rule} ${f.severity}`);

test('a single-project list (## Ideas, then ### idea): ideas of the file, no orphan warnings, values over several paragraphs and sub-lists', async () => {
  const r = await lintText(read('parse/single-project.md'));
  assert.deepEqual(brief(r), [], 'nothing to report: the file follows its own convention');
  assert.equal(r.doc.ideas.length, 3);
  const [first, second] = r.doc.ideas;
  const description = first!.fields.find((f) => f.key === 'description')!;
  assert.match(description.value, /Make it incremental/, 'a value runs on into the next paragraph');
  assert.deepEqual(first!.fields.map((f) => f.key), ['description', 'outcome', 'skills', 'mentors', 'issue'], 'nested `- Step one:` items are the value, not fields');
  assert.match(second!.fields[0]!.value, /^The work has three parts: a parser/, 'a sentence with a colon inside a value is not a field');
  assert.equal(second!.fields.length, 5);
});

test('a single-project list with its own template block: that block is in force, and rules fire against it', async () => {
  const r = await lintText(read('parse/single-project-own-template.md'));
  assert.equal(r.resolved.source.kind, 'inline');
  assert.deepEqual(brief(r), ['22 missing-field error', '32 mentor-handle error']);
  assert.deepEqual(r.doc.ideas.map((i) => i.atProjectLevel), [false, false, false]);
});

test('a README generated from the LFX proposal form is judged by its own layout, not by its sibling\'s template block', async () => {
  const dir = 'file:///repo/programs/lfx-mentorship/2026/02-Jun-Aug';
  const files = { [`${dir}/project_ideas.md`]: read('templates/generated-readme/project_ideas.md') };
  const r = await lintText(read('templates/generated-readme/README.md'), { files }, `${dir}/README.md`);
  assert.equal(r.resolved.template.id, 'lfx-generated');
  assert.match(r.resolved.source.reason, /generated from the LFX proposal form/);
  assert.deepEqual(brief(r), [], 'no "missing Expected Outcome" on every idea, no note on Technologies, LFX URL: TBD is the admins\' to fill in');
  assert.deepEqual(r.doc.projects.map((p) => p.title), ['Acme Registry', 'Beta Mesh'], 'headings quoted inside a description are not headings of the file');
  // What an author did write still counts: a mentor without a handle.
  const broken = read('templates/generated-readme/README.md').replace('  - Alan Turing (@aturing, alan@example.org)\n- Upstream Issue: https://github.com/acme/registry/issues/11', '  - Alan Turing\n- Upstream Issue: https://github.com/acme/registry/issues/11');
  const b = await lintText(broken, { files }, `${dir}/README.md`);
  assert.deepEqual(brief(b).filter((x) => !x.includes(' info')), ['56 mentor-handle error']);
  // The same layout without the generator's fields is not taken for generated: the sibling's block is in force.
  const plain = read('templates/generated-readme/README.md').replace(/^- (Technologies|LFX URL): .*\n/gm, '');
  assert.equal((await lintText(plain, { files }, `${dir}/README.md`)).resolved.source.kind, 'sibling');
});

const THEMES = `# Ideas

## Screwdriver

### Improve build workflow

#### Pipeline templates

- Description: Share pipeline templates between teams.
- Recommended Skills: JavaScript
- Mentor(s): Jane Doe (@jane-doe)
- Issue: https://github.com/screwdriver-cd/screwdriver/issues/1

#### Build caches

- Description: Cache build artefacts.
- Recommended Skills: Go
- Mentor(s): Jane Doe (@jane-doe)
- Issue: https://github.com/screwdriver-cd/screwdriver/issues/2

## Kubernetes

### Headlamp

#### Plugin catalogue

- Description: A catalogue of plugins.
- Recommended Skills: TypeScript
- Mentor(s): John Roe (@john-roe)
- Issue: https://github.com/headlamp-k8s/headlamp/issues/3

## Pravega

### Dynamic scaling

- Description: Scale the cluster by load.
- Recommended Skills: Go
- Mentor(s): Ana Ruiz (@ana-ruiz)
- Issue: https://github.com/pravega/pravega/issues/4
`;

test('themes and sub-projects are levels of the path; the project is the top; consistent nesting is no finding', async () => {
  const r = await lintText(THEMES, { template: 'cncf-2019' });
  const outline = buildOutline('file:///t.md', r.doc, r.resolved, r.findings);
  assert.deepEqual(
    outline.projects.map((p) => [p.title, p.ideas.map((i) => [...(i.path ?? []), i.title].join(' › '))]),
    [
      ['Screwdriver', ['Improve build workflow › Pipeline templates', 'Improve build workflow › Build caches']],
      ['Kubernetes', ['Headlamp › Plugin catalogue']],
      ['Pravega', ['Dynamic scaling']],
    ],
  );
  assert.deepEqual(brief(r).filter((x) => x.includes('idea-heading')), []);
});

test('an idea at project level after a project of sub-heading ideas stays with it, and the ideas after it too', async () => {
  const text = `## Project Ideas

### Pravega

#### Dynamic auto-scaling

- Description: d
- Recommended Skills: Go
- Mentor(s): Ana Ruiz (@ana-ruiz)
- Issue: https://github.com/pravega/pravega/issues/1

### Write logs to Pravega

- Description: d
- Recommended Skills: Java
- Mentor(s): Ana Ruiz (@ana-ruiz)
- Issue: https://github.com/pravega/pravega/issues/2

#### Stream retention

- Description: d
- Recommended Skills: Java
- Mentor(s): Ana Ruiz (@ana-ruiz)
- Issue: https://github.com/pravega/pravega/issues/3

### Rook

#### Object store

- Description: d
- Recommended Skills: Go
- Mentor(s): Jane Doe (@jane-doe)
- Issue: https://github.com/rook/rook/issues/4
`;
  const r = await lintText(text, { template: 'cncf-2019' });
  assert.deepEqual(
    r.doc.ideas.map((i) => [i.title, i.project?.title]),
    [
      ['Dynamic auto-scaling', 'Pravega'],
      ['Write logs to Pravega', 'Pravega'],
      ['Stream retention', 'Pravega'],
      ['Object store', 'Rook'],
    ],
  );
  assert.deepEqual(brief(r), ['12 idea-heading warning']);
  assert.deepEqual(r.doc.projects.map((p) => p.title), ['Pravega', 'Rook']);
});

test('a mentor\'s role is kept apart from the name and shown in the tree (outline) and on hover', async () => {
  const text = '### P\n\n#### I\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s):\n  - Primary: Jane Doe (@jane-doe, jane@example.org)\n  - John Roe (@john-roe, john@example.org) (co-mentor)\n- Issue: https://github.com/a/b/issues/1\n';
  const r = await lintText(text, { template: 'cncf-2019' });
  const outline = buildOutline('file:///t.md', r.doc, r.resolved, r.findings);
  assert.deepEqual(outline.projects[0]!.ideas[0]!.mentors, [
    { name: 'Jane Doe', handle: 'jane-doe', email: 'jane@example.org', role: 'primary' },
    { name: 'John Roe', handle: 'john-roe', email: 'john@example.org', role: 'co-mentor' },
  ]);
  const hover = hoverAt({ doc: r.doc, offset: text.indexOf('John Roe') + 2, resolved: r.resolved, workspace: singleDocumentVocabulary('file:///t.md', r.doc) });
  assert.match(hover?.markdown ?? '', /\*\*John Roe\*\*[\s\S]*Role: co-mentor/);
  assert.deepEqual(r.findings.filter((f) => f.rule.startsWith('mentor-')).map((f) => f.rule), [], 'a role is not a problem');
});

test('a second field block under one heading is an idea that lost its heading: its own idea, reported once', async () => {
  const block = (n: number) => `- Description: Part ${n}.\n- Recommended Skills: Go\n- Mentor(s): Jane Doe (@jane-doe)\n- Issue: https://github.com/a/b/issues/${n}\n`;
  const text = `### P\n\n#### First idea\n\n${block(1)}\n${block(2)}\n#### Third idea\n\n${block(3)}`;
  const r = await lintText(text, { template: 'cncf-2019' });
  assert.deepEqual(r.doc.ideas.map((i) => [i.title, i.headless, i.fields.length, r.doc.lines.positionAt(i.heading.span.start).line + 1]), [
    ['First idea', false, 4, 3],
    ['(no heading) after "First idea"', true, 4, 10],
    ['Third idea', false, 4, 15],
  ]);
  assert.deepEqual(brief(r), ['10 duplicate-field warning']);
  // One field written twice is a duplicate field, not a lost heading.
  const twice = await lintText(`### P\n\n#### I\n\n${block(1)}- Description: again\n`, { template: 'cncf-2019' });
  assert.equal(twice.doc.ideas.length, 1);
  assert.deepEqual(brief(twice), ['9 duplicate-field error']);
});
