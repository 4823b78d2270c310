import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../../../server/src/engine/findings/fix';
import type { Finding } from '../../../server/src/engine/findings/findings';
import { expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/idea-order.md');
const options = { template: 'cncf-2019' };
const text = readFileSync(fixture, 'utf8');

const orderFindings = async (t: string) => (await lintText(t, options)).findings.filter((f) => f.rule === 'idea-order');
/** The quick fix as the editor applies it (it is never part of fix-all). */
const applyQuickFix = (t: string, f: Finding) => applyFixes(t, [{ ...f.fix!, interactive: false }]).text;
const sortedLines = (t: string) => t.split(/\r\n|\r|\n/).sort();
const headingsOf = (t: string, level: string) => t.split(/\r?\n/).filter((l) => l.startsWith(`${level} `)).map((l) => l.slice(level.length + 1));

test('idea-order: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['idea-order'], options);
});

test('idea-order: the message says where the section belongs; the fix is a quick fix only', async () => {
  const [vitess, zap] = await orderFindings(text);
  assert.equal(vitess!.message, '"Vitess" is out of the alphabetical order that 8 of the 9 projects under "Accepted projects" keep: it belongs last, after "The Update Framework (TUF)".');
  assert.equal(zap!.message, '"Zap stale rules" is out of the alphabetical order that 7 of the 8 ideas under "Falco" keep: it belongs last, after "Graph rule usage".');
  assert.equal(vitess!.fix?.interactive, true, 'fix-all, --fix and fix-on-save never move a section');
  assert.equal(applyFixes(text, [vitess!.fix!]).text, text);
});

test('idea-order: each fix moves the whole section, every line kept, and the fixed file checks clean', async () => {
  for (const eol of ['\n', '\r\n']) {
    let current = text.replace(/\n/g, eol);
    for (const finding of await orderFindings(current)) {
      // Findings of the original text: apply one at a time, re-checking in between.
      const [next] = (await orderFindings(current)).filter((f) => f.message === finding.message);
      const fixed = applyQuickFix(current, next!);
      assert.deepEqual(sortedLines(fixed), sortedLines(current), 'the multiset of lines is unchanged');
      assert.equal(fixed.length, current.length);
      current = fixed;
    }
    assert.deepEqual(await orderFindings(current), [], `nothing left (${JSON.stringify(eol)})`);
    // Vitess went last of the ranked projects, before the catch-all kept last on purpose.
    assert.deepEqual(headingsOf(current, '###').slice(0, 10), ['Armada', 'cert-manager', 'Cilium', 'CoreDNS', 'Éclair', 'Falco', '🚀 Jaeger', 'The Update Framework (TUF)', 'Vitess', 'Other projects']);
    assert.ok(current.includes(`### Vitess${eol}${eol}#### Improve Vitess${eol}${eol}- Description: Work item`), 'the section moved with its idea');
    if (eol === '\r\n') assert.ok(!/(^|[^\r])\n/.test(current), 'CRLF kept');
  }
});

test('idea-order: a file in submission order gets nothing', async () => {
  // Reverse the projects of the first list: far from alphabetical, so no order is claimed.
  const lines = ['# Ideas', '', '## Projects', ''];
  for (const name of ['Zeta', 'Alpha', 'Mu', 'Beta', 'Omega', 'Kappa', 'Gamma', 'Delta', 'Iota']) {
    lines.push(`### ${name}`, '', `#### Improve ${name}`, '', '- Description: d', '- Mentor(s): Jane Doe (@jane-doe)', '');
  }
  assert.deepEqual(await orderFindings(lines.join('\n')), []);
});

test('idea-order: a setext heading after the list, or a last section without a line break, gets no fix', async () => {
  const body = (names: string[]) => names.map((n) => `### ${n}\n\n#### Improve ${n}\n\n- Description: d\n- Mentor(s): Jane Doe (@jane-doe)\n`).join('\n');
  const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'].sort();
  const setext = `# Ideas\n\n${body(['Omega', ...names])}\nAfter the list\n--------------\n\ntext\n`;
  const [first] = await orderFindings(setext);
  assert.ok(first && !first.fix, 'reported, no fix: the setext heading would join the text moved before it');
  const unterminated = `# Ideas\n\n${body([...names.slice(0, 4), 'Omega', ...names.slice(4)])}`.replace(/\n$/, '');
  const found = await orderFindings(unterminated);
  assert.equal(found.length, 1);
  assert.ok(found[0]!.fix, 'a section in the middle moves even when the file has no final line break');
  const last = `# Ideas\n\n${body([...names.slice(1), 'Alpha'])}`.replace(/\n$/, '');
  const [alpha] = await orderFindings(last);
  assert.ok(alpha && !alpha.fix, 'the last section has no line break to end it where it would go');
});

test('idea-order: a list longer than anyone sorts by hand (over 5,000 siblings) is left alone', async () => {
  const ideas = (n: number) => ['# Ideas', '', '### P', '', ...Array.from({ length: n }, (_, i) => `#### ${i === 3 ? 'Zulu' : `Idea ${i}`}\n\n- Description: d\n- Mentor(s): Jane Doe (@jane-doe)\n`)].join('\n');
  assert.equal((await orderFindings(ideas(5_000))).length, 1);
  assert.deepEqual(await orderFindings(ideas(5_001)), []);
});
