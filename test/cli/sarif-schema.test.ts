// `--format sarif` against the SARIF 2.1.0 JSON schema as Microsoft's SARIF SDK ships it
// (@microsoft/jest-sarif: lib/schemas/sarif-2.1.0-rtm.5.json, a draft-04 schema, so ajv-draft-04).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { formatSarif } from '../../server/src/cli/formatters';
import type { CliFinding } from '../../server/src/cli/report';
import { buildCli, REL_FIXTURES, runCli } from './helpers';

const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { title: string };
  // `format: "uri"` would need ajv-formats: formats stay annotations. The schema's `language` pattern
  // (`...-[a-zA-Z]{2}]?$`) is valid only as a non-Unicode RegExp, as JSON Schema draft-04 validators read it.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  return { title: schema.title, validate: ajv.compile(schema) };
}

function assertValid(sarifText: string): void {
  const { validate } = sarifValidator();
  const log: unknown = JSON.parse(sarifText);
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
}

let cli = '';
let disposeCli = (): void => {};
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
});
after(() => disposeCli());

test('the schema is the SARIF 2.1.0 one and it rejects what is not SARIF', () => {
  const { title, validate } = sarifValidator();
  assert.match(title, /SARIF\) Version 2\.1\.0/);
  assert.equal(validate({ version: '2.1.0', runs: [] }), true);
  assert.equal(validate({ version: '2.0.0', runs: [] }), false, 'wrong version');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'a driver needs a name');
  const bad = JSON.parse(formatSarif([], '1.0.0'));
  bad.runs[0].results = [{ ruleId: 'x', level: 'fatal', message: { text: 'm' } }];
  assert.equal(validate(bad), false, 'an unknown level');
});

test('formatSarif: empty, every severity, odd file names and messages are all valid SARIF', () => {
  assertValid(formatSarif([], '0.1.0'));
  const base: CliFinding = { file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'error', rule: 'missing-field', message: 'm' };
  const findings: CliFinding[] = [
    base,
    { ...base, severity: 'warning', rule: 'field-label', message: 'Use "Mentor(s)"\nnot "Metor(s)"' },
    { ...base, severity: 'info', rule: 'list-marker', file: 'my dir/ü 😀.md' },
    { ...base, severity: 'hint', rule: 'term-spelling', file: 'docs\\win.md', line: 12, column: 40, endLine: 13, endColumn: 1 },
    { ...base, rule: 'not-a-known-rule' },
  ];
  assertValid(formatSarif(findings, '1.2.3-beta.1'));
});

test('soc-ideas lint --format sarif on the fixtures prints valid SARIF', () => {
  const r = runCli(cli, ['lint', '--format', 'sarif', REL_FIXTURES]);
  assert.equal(r.status, 1, r.stderr);
  const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
  assert.ok(log.runs[0]!.results.length > 0, 'the fixtures have problems to report');
  assertValid(r.stdout);
});
