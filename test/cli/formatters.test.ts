import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatGithub, formatJson, formatSarif, formatStylish, ruleDocPath } from '../../server/src/cli/formatters';
import { compareFindings, toCliFinding, type CliFinding } from '../../server/src/cli/report';
import { RULE_IDS } from '../../server/src/engine/rules/ids';
import { LineIndex } from '../../server/src/engine/parse/text';

const REPO = resolve(__dirname, '../..');

const unsorted: CliFinding[] = [
  { file: 'b.md', line: 3, column: 1, endLine: 3, endColumn: 9, severity: 'warning', rule: 'field-label', message: 'Use the label "Mentor(s)"' },
  { file: 'a.md', line: 10, column: 2, endLine: 10, endColumn: 4, severity: 'info', rule: 'list-marker', message: 'Use "-\\t"' },
  { file: 'a.md', line: 2, column: 5, endLine: 2, endColumn: 5, severity: 'error', rule: 'missing-field', message: 'Add "Issue:", 100% needed,\nnow' },
  { file: 'a.md', line: 2, column: 1, endLine: 2, endColumn: 3, severity: 'hint', rule: 'term-spelling', message: 'Kubernetes?' },
];
const findings = [...unsorted].sort(compareFindings);

test('findings sort by file, line, column', () => {
  assert.deepEqual(
    findings.map((f) => `${f.file}:${f.line}:${f.column}`),
    ['a.md:2:1', 'a.md:2:5', 'a.md:10:2', 'b.md:3:1'],
  );
});

test('toCliFinding: 1-based lines and UTF-16 columns across CRLF, tabs and emoji', () => {
  const text = 'x\r\n\t😀 Metor(s): y\r\n';
  const lines = new LineIndex(text);
  const start = text.indexOf('Metor');
  const f = toCliFinding('f.md', lines, { rule: 'field-label', severity: 'warning', message: 'm', span: { start, end: start + 8 } });
  assert.deepEqual([f.line, f.column, f.endLine, f.endColumn], [2, 5, 2, 13]);
});

test('json: the array as is', () => {
  const parsed = JSON.parse(formatJson(findings));
  assert.deepEqual(parsed, findings);
  assert.deepEqual(Object.keys(parsed[0]!), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
  assert.equal(formatJson([]), '[]\n');
});

test('stylish: file headers, aligned rows, summary; no escape codes without colour', () => {
  const out = formatStylish(findings, false);
  assert.doesNotMatch(out, /\u001b/);
  const lines = out.split('\n');
  assert.equal(lines[1], 'a.md');
  assert.match(lines[2]!, /^ {2}2:1 {3}hint {3}Kubernetes\? +term-spelling$/);
  assert.ok(lines.includes('b.md'));
  assert.match(out, /✖ 4 problems \(1 error, 1 warning, 2 infos\)\n$/);
  assert.match(formatStylish(findings, true), /\u001b\[31m/);
  assert.equal(formatStylish([], false), '');
});

test('github: one workflow command per finding, escaped', () => {
  const lines = formatGithub(findings).trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.equal(lines[0], '::notice file=a.md,line=2,col=1,endLine=2,endColumn=3,title=term-spelling::Kubernetes?');
  assert.equal(lines[1], '::error file=a.md,line=2,col=5,endLine=2,endColumn=5,title=missing-field::Add "Issue:", 100%25 needed,%0Anow');
  assert.match(lines[3]!, /^::warning file=b\.md,/);
  const odd = formatGithub([{ ...findings[0]!, file: 'dir,x/a:b.md' }]);
  assert.match(odd, /^::notice file=dir%2Cx\/a%3Ab\.md,/);
});

test('sarif: 2.1.0 log with every rule and each result located', () => {
  const log = JSON.parse(formatSarif(findings, '1.2.3'));
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const driver = log.runs[0].tool.driver;
  assert.equal(driver.name, 'soc-ideas');
  assert.equal(driver.version, '1.2.3');
  // package.json names no repository, bugs or homepage: no absolute link is made up for the tool or its rules.
  const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.repository ?? manifest.homepage ?? manifest.bugs, undefined, 'if the project gets a repository, link rules to it here');
  assert.equal(driver.informationUri, undefined);
  assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), [...RULE_IDS]);
  for (const r of driver.rules) {
    assert.ok(r.shortDescription.text.length > 10, r.id);
    assert.equal(r.helpUri, undefined, r.id);
    // The help names the rule's page as the package ships it, and that page exists.
    assert.equal(ruleDocPath(r.id), `docs/rules/${r.id}.md`);
    assert.ok(existsSync(join(REPO, ruleDocPath(r.id))), ruleDocPath(r.id));
    assert.ok(r.help.text.startsWith(r.shortDescription.text) && r.help.text.includes(ruleDocPath(r.id)), r.id);
    assert.ok(r.help.markdown.includes(`\`${ruleDocPath(r.id)}\``), r.id);
  }
  assert.doesNotMatch(formatSarif(findings, '1.2.3'), /github\.com\/soc-ideas/);
  const results = log.runs[0].results;
  assert.deepEqual(results.map((r: { level: string }) => r.level), ['note', 'error', 'note', 'warning']);
  const missing = results[1];
  assert.equal(missing.ruleId, 'missing-field');
  assert.equal(driver.rules[missing.ruleIndex].id, 'missing-field');
  assert.equal(missing.message.text, findings[1]!.message);
  assert.deepEqual(missing.locations[0].physicalLocation, {
    artifactLocation: { uri: 'a.md' },
    region: { startLine: 2, startColumn: 5, endLine: 2, endColumn: 5 },
  });
  const spaced = JSON.parse(formatSarif([{ ...findings[0]!, file: 'my dir\\a.md' }], '1'));
  assert.equal(spaced.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'my%20dir/a.md');
});
