import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig, parseConfigText } from '../../server/src/engine/config/configFile';
import type { Host } from '../../server/src/engine/host';
import { RULE_IDS } from '../../server/src/engine/rules/ids';

const URI = 'file:///repo/.soc-ideas.json';

test('a valid config is read whole, with no problems', () => {
  const text = JSON.stringify({ $schema: './schemas/soc-ideas.schema.json', template: 'cncf-2019', rules: { 'field-order': 'off', 'mentor-count': 'error' } });
  const loaded = parseConfigText(text, URI);
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.uri, URI);
  assert.deepEqual(loaded.config, { template: 'cncf-2019', rules: { 'field-order': 'off', 'mentor-count': 'error' } });
});

test('invalid JSON: one problem at the exact line and character, empty config', () => {
  // line 2 (0-based) has a missing comma before "rules"
  const text = '{\n  "template": "cncf-2019"\n  "rules": {}\n}\n';
  const loaded = parseConfigText(text, URI);
  assert.deepEqual(loaded.config, {});
  assert.equal(loaded.problems.length, 1);
  assert.match(loaded.problems[0]!.message, /^Invalid JSON: Expected ',' or '}'/);
  assert.deepEqual([loaded.problems[0]!.line, loaded.problems[0]!.character], [2, 2]);
});

test('invalid JSON positions count CRLF lines and UTF-16 units', () => {
  const text = '{\r\n\t"template": "😀x",\r\n\t"rules": {,}\r\n}';
  const p = parseConfigText(text, URI).problems;
  assert.equal(p.length, 1);
  assert.deepEqual([p[0]!.line, p[0]!.character], [2, 11]);
});

test('a trailing comma and an unterminated string are syntax errors', () => {
  const comma = parseConfigText('{"rules": {"field-order": "off",}}', URI).problems;
  assert.deepEqual([comma[0]!.line, comma[0]!.character], [0, 32]);
  const open = parseConfigText('{"template": "abc\n}', URI).problems;
  assert.equal(open.length, 1);
  assert.match(open[0]!.message, /Unterminated string/);
  assert.deepEqual([open[0]!.line, open[0]!.character], [0, 17]);
  const empty = parseConfigText('', URI).problems;
  assert.match(empty[0]!.message, /found end of file/);
});

test('unknown rule id: reported at its key, with a suggestion; the other rules still apply', () => {
  const text = '{\n  "rules": {\n    "feild-order": "off",\n    "placeholder": "error"\n  }\n}';
  const loaded = parseConfigText(text, URI);
  assert.deepEqual(loaded.config, { rules: { placeholder: 'error' } });
  assert.equal(loaded.problems.length, 1);
  const p = loaded.problems[0]!;
  assert.match(p.message, /Unknown rule id "feild-order".*did you mean "field-order"/);
  assert.deepEqual([p.line, p.character], [2, 4]);
});

test('bad level: reported at the value; the template is still used', () => {
  const text = '{"template": "t.md", "rules": {"empty-field": "fatal", "list-marker": 3}}';
  const loaded = parseConfigText(text, URI);
  assert.deepEqual(loaded.config, { template: 't.md', rules: {} });
  assert.equal(loaded.problems.length, 2);
  assert.match(loaded.problems[0]!.message, /Bad level for "empty-field"/);
  assert.equal(loaded.problems[0]!.character, text.indexOf('"fatal"'));
  assert.equal(loaded.problems[1]!.character, text.indexOf('3}'));
});

test('unknown keys and wrong types are problems, not failures', () => {
  const loaded = parseConfigText('{"templat": "x", "template": 7, "rules": []}', URI);
  assert.deepEqual(loaded.config, {});
  assert.deepEqual(
    loaded.problems.map((p) => p.character),
    [1, 29, 41],
  );
  assert.match(loaded.problems[0]!.message, /Unknown key "templat"/);
  const notObject = parseConfigText('["rules"]', URI);
  assert.match(notObject.problems[0]!.message, /must be a JSON object/);
});

test('a BOM is not counted: positions are those of the text editors show', () => {
  const p = parseConfigText('\ufeff{"x": 1}', URI).problems;
  assert.deepEqual([p[0]!.line, p[0]!.character], [0, 1]);
});

test('every rule id is in the JSON schema, and only those', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/soc-ideas.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
  assert.equal(schema.additionalProperties, false);
  assert.equal(schema.properties.rules.additionalProperties, false);
});

test('the schema links only to what exists: each rule names its page as the extension ships it, no made-up repository', () => {
  const text = readFileSync(new URL('../../schemas/soc-ideas.schema.json', import.meta.url), 'utf8');
  const schema = JSON.parse(text);
  // package.json names no repository: the schema must not point at one (nor at its own URL there).
  assert.doesNotMatch(text, /https:\/\/github\.com\//);
  for (const [id, rule] of Object.entries(schema.properties.rules.properties as Record<string, { markdownDescription: string }>)) {
    assert.ok(rule.markdownDescription.includes(`\`docs/rules/${id}.md\``), id);
    assert.ok(existsSync(new URL(`../../docs/rules/${id}.md`, import.meta.url)), id);
  }
});

/** An in-memory file system: URI → text. Counts reads so the walk can be checked. */
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

test('loadConfig finds the nearest config walking up', async () => {
  const host = memoryHost({
    'file:///repo/.soc-ideas.json': '{"template": "cncf-2019"}',
    'file:///repo/ideas/.soc-ideas.json': '{"rules": {"field-order": "off"}}',
  });
  const near = await loadConfig('file:///repo/ideas/2019/a.md', host);
  assert.equal(near.uri, 'file:///repo/ideas/.soc-ideas.json');
  assert.deepEqual(near.config, { rules: { 'field-order': 'off' } });
  assert.deepEqual(host.reads, ['file:///repo/ideas/2019/.soc-ideas.json', 'file:///repo/ideas/.soc-ideas.json']);
  const top = await loadConfig('file:///repo/b.md', host);
  assert.equal(top.uri, 'file:///repo/.soc-ideas.json');
});

test('loadConfig: none found → empty config; a throwing host is no config', async () => {
  assert.deepEqual(await loadConfig('file:///x/y/z.md', memoryHost({})), { config: {}, problems: [] });
  const throwing: Host = {
    readFile: () => Promise.reject(new Error('boom')),
  };
  assert.deepEqual(await loadConfig('file:///x/z.md', throwing), { config: {}, problems: [] });
  const bad = await loadConfig('vscode-vfs://github/o/r/a.md', memoryHost({ 'vscode-vfs://github/o/r/.soc-ideas.json': '{' }));
  assert.equal(bad.problems.length, 1);
});

test('the JSON schema accepts what parseConfigText accepts and rejects bad levels and keys', async () => {
  const { default: Ajv } = await import('ajv');
  const schema = JSON.parse(readFileSync(new URL('../../schemas/soc-ideas.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  assert.equal(validate({ template: 'cncf-2019', rules: { 'field-order': 'off', 'mentor-count': 'error' } }), true);
  assert.equal(validate({ rules: { 'field-order': 'fatal' } }), false);
  assert.equal(validate({ rules: { 'no-such-rule': 'off' } }), false);
  assert.equal(validate({ templat: 'x' }), false);
  assert.equal(validate({ maintainers: 'project-maintainers.csv', rules: { 'mentor-maintainer': 'warning' } }), true);
  assert.equal(validate({ maintainers: '' }), false);
  assert.equal(validate({ maintainers: 3 }), false);
  assert.deepEqual(parseConfigText('{ "maintainers": "m.csv" }', URI).config, { maintainers: 'm.csv' });
  assert.match(parseConfigText('{ "maintainers": "" }', URI).problems[0]!.message, /"maintainers" must be a file path/);
});

test('deep nesting is a config problem at the level that is too deep, never a stack overflow', () => {
  for (const count of [10_000, 100_000]) {
    for (const open of ['[', '{"a":']) {
      const text = open.repeat(count);
      const loaded = parseConfigText(text, URI);
      assert.deepEqual(loaded.config, {});
      assert.equal(loaded.problems.length, 1, `${count} × ${open}`);
      assert.match(loaded.problems[0]!.message, /nesting too deep/i);
      assert.deepEqual([loaded.problems[0]!.line, loaded.problems[0]!.character], [0, 64 * open.length]);
    }
  }
  // 64 levels are still JSON like any other.
  const ok = parseConfigText(`{"rules": {}, "x": ${'['.repeat(62)}${']'.repeat(62)}}`, URI);
  assert.deepEqual(ok.problems.map((p) => p.message), ['Unknown key "x": a config has only "template", "rules" and "maintainers"']);
});
