// Which preset a file follows, and the template block pasted into a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { bestPreset } from '../../server/src/engine/template/detect';
import { findInlineTemplate } from '../../server/src/engine/template/inline';

const ROOT = join(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'templates', name), 'utf8');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

const expected: ReadonlyArray<readonly [string, string]> = [
  ['2019.md', 'cncf-2019'],
  ['2020.md', 'cncf-2020'],
  ['gsoc-2022.md', 'gsoc-2022'],
  ['2024-sublist.md', 'cncf-2024'],
  ['lfx-2023.md', 'lfx-2023'],
];

for (const [file, id] of expected) {
  test(`detects ${id} for ${file}`, () => {
    const doc = parseDocument(fixture(file));
    assert.ok(doc.ideas.length >= 2, 'the fixture parses into ideas');
    const { template, reason } = bestPreset(doc);
    assert.equal(template.id, id);
    assert.match(reason, /best match/);
  });
}

test('2020 file rewritten with spaces after the marker is cncf-2022', () => {
  const doc = parseDocument(fixture('2020.md').replace(/^-\t/gm, '- '));
  assert.equal(bestPreset(doc).template.id, 'cncf-2022');
});

test('labels decide between presets with the same shape: Upstream Issue (URL) at ###/#### is CommunityBridge-like, Issue is 2019', () => {
  const upstream = parseDocument(fixture('2019.md').replace(/Issue:/g, 'Upstream Issue (URL):'));
  assert.equal(bestPreset(upstream).template.id, 'cb-2020');
  const lfx24 = parseDocument(
    fixture('lfx-2023.md').replace(/- Mentor\(s\): (.*)/g, (_, m: string) => `- Mentor(s):\n${m.split(/, (?=[A-Z])/).map((x) => `  - ${x}`).join('\n')}`),
  );
  assert.equal(bestPreset(lfx24).template.id, 'lfx-2024');
});

test('an empty file gets the newest CNCF template, with a reason', () => {
  const r = bestPreset(parseDocument('# Nothing yet\n'));
  assert.equal(r.template.id, 'cncf-2024');
  assert.match(r.reason, /no ideas/);
});

test('seed file (corpus) is cncf-2019', (t) => {
  const seed = join(CORPUS, 'cncf-soc-README-2019-02-06.md');
  if (!existsSync(seed)) return t.skip('corpus not present at ../shared/corpus');
  assert.equal(bestPreset(parseDocument(readFileSync(seed, 'utf8'))).template.id, 'cncf-2019');
});

test('findInlineTemplate: the fenced template, not the fenced sample', () => {
  const text = [
    '# Acme + GSoC 2022',
    '',
    '### Sample:',
    '',
    '```',
    '### Prometheus',
    '',
    '#### Refactor the APIs',
    '',
    '- Description: The HTTP API needs tidying up, see https://github.com/go-kit/kit.',
    '- Expected outcome:',
    '- Recommended Skills: golang',
    '- Mentor(s): Krasi Georgiev (@krasi-georgiev)',
    '- Issue: https://github.com/prometheus/prometheus/issues/3416',
    '```',
    '',
    '### Template',
    '',
    '```',
    '### CNCF Project Name',
    '',
    '#### Title',
    '',
    '- Description: (2-5+ sentences)',
    '- Expected outcome:',
    '- Recommended Skills:',
    '- Mentor(s):',
    '- Expected project size: 175 or 350 Hours',
    '- Difficulty: Easy, Medium, or Hard',
    '- Upstream Issue (URL):',
    '```',
    '',
    '```yaml',
    '- name: build',
    '- run: make',
    '```',
    '',
    '### Acme',
    '',
    '#### An idea',
    '',
    '- Description: Something.',
    '',
  ].join('\r\n');
  const found = findInlineTemplate(parseDocument(text));
  assert.ok(found);
  assert.equal(found.line, 18);
  assert.equal(found.template.ideaLevel, 4);
  assert.equal(found.template.projectLevel, 3);
  assert.deepEqual(
    found.template.fields.map((f) => f.key),
    ['description', 'outcome', 'skills', 'mentors', 'size', 'difficulty', 'issue'],
  );
});

test('findInlineTemplate: a single-level block under "### Template" takes the Template heading as the project level', () => {
  const text = '### Template\n\n```\n#### Title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s):\n-\tIssue:\n```\n';
  const found = findInlineTemplate(parseDocument(text));
  assert.ok(found);
  assert.equal(found.template.projectLevel, 3);
  assert.equal(found.template.ideaLevel, 4);
});

test('findInlineTemplate: none in a file without a template block', () => {
  assert.equal(findInlineTemplate(parseDocument(fixture('2019.md'))), undefined);
  assert.equal(findInlineTemplate(parseDocument('```\ncode: here\nmore: stuff\n```\n')), undefined);
});
