// The field rules over the real idea files in ../shared/corpus (when present): no rule throws, and
// their automatic fixes settle without losing an idea or a field.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkDocument } from '../../../server/src/engine/check';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import { memoryHost } from './harness';

const corpus = join(import.meta.dirname, '../../../../shared/corpus');
const FIXABLE = ['unknown-field', 'field-label', 'field-order', 'field-value', 'list-marker'];
const MINE = [...FIXABLE, 'missing-field', 'empty-field', 'duplicate-field', 'placeholder', 'idea-heading', 'duplicate-idea'];

test('field rules: corpus files lint without errors and fixes settle', async (t) => {
  if (!existsSync(corpus)) {
    t.skip('../shared/corpus not found: corpus check skipped');
    return;
  }
  const files = readdirSync(corpus).filter((f) => f.endsWith('.md') && !/^[A-Z]+\.md$/.test(f));
  assert.ok(files.length > 0);
  for (const file of files) {
    const uri = `file:///corpus/${file}`;
    const failures: string[] = [];
    const lint = (text: string, template?: string) =>
      checkDocument({ uri, text, host: memoryHost(), ...(template ? { settings: { template } } : {}), logger: { log: (m) => failures.push(m) } });
    const original = readFileSync(join(corpus, file), 'utf8');
    const first = await lint(original);
    // Fixed text is judged against the same preset (a file's own template block is still in the text).
    const template = first.resolved.source.kind === 'preset' ? first.resolved.template.id : undefined;
    let text = original;
    for (let pass = 0; pass < 3; pass++) {
      const r = await lint(text, template);
      text = applyFixes(text, automaticFixes(r.findings.filter((f) => FIXABLE.includes(f.rule)))).text;
    }
    const last = await lint(text, template);
    assert.deepEqual(failures.filter((m) => MINE.some((id) => m.includes(`rule ${id} `))), [], `${file}: rules threw`);
    assert.equal(last.doc.ideas.length, first.doc.ideas.length, `${file}: ideas kept`);
    const fieldCount = (r: typeof first) => r.doc.ideas.reduce((n, i) => n + i.fields.length, 0);
    assert.equal(fieldCount(last), fieldCount(first), `${file}: fields kept`);
    assert.deepEqual(
      last.findings.filter((f) => FIXABLE.includes(f.rule) && f.fix && !f.fix.interactive).map((f) => `${f.rule}: ${f.message}`),
      [],
      `${file}: fixable findings left`,
    );
  }
});

test('field rules: the seed file gets exactly the issue’s findings and no other error', async (t) => {
  const seed = join(corpus, 'cncf-soc-README-2019-02-06.md');
  if (!existsSync(seed)) {
    t.skip('../shared/corpus not found: seed check skipped');
    return;
  }
  const text = readFileSync(seed, 'utf8');
  for (const eol of ['\n', '\r\n']) {
    const { findings, doc } = await checkDocument({ uri: 'file:///seed.md', text: text.replace(/\r?\n/g, eol), host: memoryHost(), settings: { template: 'cncf-2019' } });
    const lines = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => doc.lines.positionAt(f.span.start).line + 1);
    assert.deepEqual(lines('missing-field'), [153, 159, 165, 369, 386, 392]);
    assert.deepEqual(lines('field-label'), [298]);
    assert.deepEqual(lines('list-marker'), [295, 296, 297, 298]);
    const order = lines('field-order');
    assert.equal(order.length, 1);
    assert.ok(order[0]! >= 293 && order[0]! <= 298);
    const errors = findings.filter((f) => MINE.includes(f.rule) && f.severity === 'error' && f.rule !== 'missing-field');
    assert.deepEqual(errors, []);
  }
});
