import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFixesSettle, expectFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/mentor-format.md');
const sublist = join(import.meta.dirname, '../../fixtures/rules/mentor-format-sublist.md');
const options = { template: 'cncf-2019' };

test('mentor-format: fires exactly on the expected lines (2019 template)', async () => {
  await expectFixture(fixture, ['mentor-format'], options);
});

test('mentor-format: email and sub-list layout under the 2024 template', async () => {
  await expectFixture(sublist, ['mentor-format'], { template: 'cncf-2024' });
});

test('mentor-format: fixes rewrite only entries whose name and handle are known', async () => {
  const fixed = await expectFixesSettle(fixture, ['mentor-format'], options);
  assert.match(fixed, /Mentor\(s\): Jane Doe \(@janedoe\) and Rob Roe \(@robroe\)/);
  assert.match(fixed, /Sam Lee \(@samlee42\)/);
  assert.match(fixed, /Kim Park \(@kimpark\)/);
  // No name, no handle, or a word that may be a company: left for the mentor.
  assert.match(fixed, /Mentor\(s\): @janedoe, Amy Smith, Sam Lee/);
  assert.match(fixed, /\[@janedoe\]\(https:\/\/github\.com\/janedoe\)/);
  assert.match(fixed, /Max Muster \(Google\)/);
});

test('mentor-format: keeps an email it finds when rewriting', async () => {
  const fixed = await expectFixesSettle(sublist, ['mentor-format'], { template: 'cncf-2024' });
  assert.match(fixed, / {2}- Jane Doe \(@janedoe, jane AT example DOT org\)\n/);
});

test('mentor-format: positions and fixes hold with CRLF line ends', async () => {
  const lf = readFileSync(fixture, 'utf8');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = await lintText(lf, options);
  const b = await lintText(crlf, options);
  const lines = (r: typeof a) =>
    r.findings.filter((f) => f.rule === 'mentor-format').map((f) => {
      const start = r.doc.lines.positionAt(f.span.start);
      return `${start.line}:${start.character} ${r.text.slice(f.span.start, f.span.end)} ${f.fix?.edits[0]?.newText ?? ''}`;
    });
  assert.deepEqual(lines(b), lines(a));
});
