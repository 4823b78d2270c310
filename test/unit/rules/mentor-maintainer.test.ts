import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFixture, lintText } from './harness';

const dir = join(import.meta.dirname, '../../fixtures/rules');
const fixture = join(dir, 'mentor-maintainer.md');
const csv = readFileSync(join(dir, 'mentor-maintainer/maintainers.csv'), 'utf8');
const withList = (config: object = { maintainers: 'maintainers.csv' }, list = csv) => ({
  template: 'cncf-2019',
  files: { 'file:///fixtures/.soc-ideas.json': JSON.stringify(config), 'file:///fixtures/maintainers.csv': list },
});
const ofRule = <F extends { readonly rule: string }>(findings: readonly F[]): F[] => findings.filter((f) => f.rule === 'mentor-maintainer');

test('mentor-maintainer: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['mentor-maintainer'], withList());
});

test('mentor-maintainer: the message names the project, the list and where else the mentor is listed', async () => {
  const { findings, doc, text } = await lintText(readFileSync(fixture, 'utf8'), withList());
  const mine = ofRule(findings);
  const sam = mine.find((f) => text.slice(f.span.start, f.span.end).includes('sam-poe'))!;
  assert.equal(
    sam.message,
    '@sam-poe is not listed among the maintainers of Alpha in maintainers.csv (3 listed; @sam-poe is listed for Delta): ask one of them to approve this idea, or add @sam-poe to the list.',
  );
  assert.equal(text.slice(sam.span.start, sam.span.end), 'Sam Poe (@sam-poe)');
  const matt = mine.find((f) => doc.lines.positionAt(f.span.start).line + 1 === 57)!;
  assert.match(matt.message, /^@mattklein is not listed among the maintainers of Kubernetes in maintainers\.csv \(3 listed; @mattklein is listed for Envoy\)/);
  assert.match(mine.find((f) => f.message.startsWith('Ann Other'))!.message, /^Ann Other is not listed among the maintainers of Alpha/);
  assert.equal(
    mine.find((f) => f.message.startsWith('@olgap'))!.message,
    '@olgap is not listed among the maintainers of Kappa in maintainers.csv, but Olga Petrova is, as @olga-p: check the handle (or the list).',
  );
});

test('mentor-maintainer: nothing without a list, and its level is configurable', async () => {
  const text = readFileSync(fixture, 'utf8');
  assert.deepEqual(ofRule((await lintText(text, { template: 'cncf-2019' })).findings), []);
  assert.deepEqual(ofRule((await lintText(text, withList({}))).findings), []);
  const warned = ofRule((await lintText(text, withList({ maintainers: 'maintainers.csv', rules: { 'mentor-maintainer': 'warning' } }))).findings);
  assert.equal(warned.length, 4);
  assert.ok(warned.every((f) => f.severity === 'warning'));
  assert.deepEqual(ofRule((await lintText(text, withList({ maintainers: 'maintainers.csv', rules: { 'mentor-maintainer': 'off' } }))).findings), []);
});

test('mentor-maintainer: a broken or missing list is a config problem at its value, and the rule says nothing', async () => {
  const text = readFileSync(fixture, 'utf8');
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['missing', {}, /^"maintainers": maintainers\.csv was not found; mentor-maintainer is not checked$/],
    ['no columns', { 'file:///fixtures/maintainers.csv': 'a,b,c\n1,2,3\n' }, /header row names no project column \(it has "a", "b", "c"/],
    ['no handle column', { 'file:///fixtures/maintainers.csv': 'Project,Company\nAlpha,X\n' }, /names no GitHub handle or name column/],
    ['unterminated quote', { 'file:///fixtures/maintainers.csv': 'Project,Github\nAlpha,"jane\n' }, /a quoted field opened on line 2 never closes/],
    ['empty', { 'file:///fixtures/maintainers.csv': '' }, /maintainers\.csv cannot be used: it is empty/],
  ];
  for (const [name, files, message] of cases) {
    const result = await lintText(text, {
      template: 'cncf-2019',
      files: { 'file:///fixtures/.soc-ideas.json': '{\n  "maintainers": "maintainers.csv"\n}', ...files },
    });
    assert.deepEqual(ofRule(result.findings), [], name);
    assert.equal(result.config.problems.length, 1, name);
    const [problem] = result.config.problems;
    assert.match(problem!.message, message, name);
    assert.deepEqual([problem!.line, problem!.character], [1, 17], name);
  }
  const bad = await lintText(text, { template: 'cncf-2019', files: { 'file:///fixtures/.soc-ideas.json': '{ "maintainers": 3 }' } });
  assert.match(bad.config.problems[0]!.message, /"maintainers" must be a file path/);
});

test('mentor-maintainer: YAML and JSON lists give the same findings as the CSV', async () => {
  const text = readFileSync(fixture, 'utf8');
  const lines = async (options: Parameters<typeof lintText>[1]) => {
    const { findings, doc } = await lintText(text, options);
    return ofRule(findings).map((f) => `${doc.lines.positionAt(f.span.start).line + 1} ${f.message}`);
  };
  const fromCsv = await lines(withList());
  const yaml = [
    'Alpha:',
    '  - name: Jane Doe',
    '    github: jane-doe',
    '  - John Roe',
    '  - Ada "Ace" Lovelace (@ada-l)',
    'ChaosMesh: [{ name: Li Wei 李伟, github: liwei-work }]',
    '"Kubernetes steering": ["@kat-smith", "Bob Stone (@bstone)"]',
    '"Kubernetes maintainers": [dpark]',
    'Envoy: ["@mattklein"]',
    'Linkerd: [olix0r]',
    'Delta: [sam-poe]',
    'Kappa: ["Olga Petrova (@olga-p)"]',
  ].join('\n');
  const fromYaml = await lines({
    template: 'cncf-2019',
    files: { 'file:///fixtures/.soc-ideas.json': '{ "maintainers": "maintainers.yaml" }', 'file:///fixtures/maintainers.yaml': yaml },
  });
  assert.deepEqual(fromYaml, fromCsv.map((l) => l.replace('maintainers.csv', 'maintainers.yaml')));
  const rows = [
    { project: 'Alpha', name: 'Jane Doe', github: 'jane-doe' },
    { name: 'John Roe' },
    { name: 'Ada Lovelace', github: '@ada-l' },
    { project: 'ChaosMesh', name: 'Li Wei 李伟', github: 'liwei-work' },
    { project: 'Kubernetes steering', github: 'kat-smith' },
    { github: 'https://github.com/bstone' },
    { project: 'Kubernetes maintainers', github: 'dpark' },
    { project: 'Envoy', github: 'mattklein' },
    { project: 'Linkerd', github: 'olix0r' },
    { project: 'Delta', github: 'sam-poe' },
    { project: 'Kappa', name: 'Olga Petrova', github: 'olga-p' },
  ];
  const fromJson = await lines({
    template: 'cncf-2019',
    files: { 'file:///fixtures/.soc-ideas.json': '{ "maintainers": "maintainers.json" }', 'file:///fixtures/maintainers.json': JSON.stringify(rows) },
  });
  assert.deepEqual(fromJson, fromCsv.map((l) => l.replace('maintainers.csv', 'maintainers.json')));
});
