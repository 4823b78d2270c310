import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import words from 'an-array-of-english-words';
import { englishLookup, isEnglishForm } from '../../../server/src/engine/rules/english';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import { MIN_LETTERS, frontCode } from '../../../scripts/english-words.mjs';
import { expectFixture, lintFixture } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/term-spelling.md');
const options = { template: 'cncf-2019' };

test('term-spelling: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['term-spelling'], options);
});

test('term-spelling: one finding per misspelt word, its quick fix writes every place, never fix-all', async () => {
  const { text, findings } = await lintFixture(fixture, options);
  const mine = findings.filter((f) => f.rule === 'term-spelling');
  assert.ok(mine.length > 0 && mine.every((f) => f.fix?.interactive === true), 'a spelling suggestion in prose is the author\'s to pick');
  assert.deepEqual(automaticFixes(mine), []);
  const twice = mine.filter((f) => f.message.startsWith('`Kuberentes`'));
  assert.equal(twice.length, 1);
  assert.match(twice[0]!.message, /\(2 places in this file\.\)$/);
  assert.equal(twice[0]!.fix!.edits.length, 2);
  // As the user would, one quick fix after another.
  const fixed = applyFixes(text, mine.map((f) => ({ ...f.fix!, interactive: false }))).text;
  assert.match(fixed, /so Kubernetes can restore them after a restart\. Once Kubernetes restores/);
  assert.match(fixed, /A Prometheus server/);
  assert.match(fixed, /Matrix clients too/);
  // code, URLs, links and English words are untouched
  assert.match(fixed, /`Kuberntees`/);
  assert.match(fixed, /Kubrenetes inside a code block/);
  assert.match(fixed, /are linked to every service/);
  assert.match(fixed, /a harbour for images/);
});

test('term-spelling: English words, their plurals and the bundled (front-coded) list agree', () => {
  for (const w of ['modular', 'matrix', 'iterate', 'iterates', 'operators', 'metrics', 'linked', 'harbour', 'design']) assert.ok(isEnglishForm(w), w);
  for (const w of ['kubernetes', 'kuberentes', 'kyverno', 'kyevrno', 'thanos', 'linkerd', 'kubelets', 'desighn']) assert.ok(!isEnglishForm(w), w);
  const bundled = englishLookup(frontCode(words));
  const plain = englishLookup(words);
  const sample = words.filter((w, k) => w.length >= MIN_LETTERS && k % 97 === 0);
  assert.ok(sample.length > 2000);
  for (const w of sample) {
    assert.ok(bundled(w), w);
    // Near non-words: a letter doubled, dropped or appended.
    for (const near of [w + 'q', w.slice(0, -1), w[0] + w]) assert.equal(bundled(near), near.length >= MIN_LETTERS && plain(near), near);
  }
  for (const edge of [words.filter((w) => w.length >= MIN_LETTERS).sort()[0]!, 'zzzzzzz', 'aaaaa']) assert.equal(bundled(edge), plain(edge), edge);
});
