// "Disable RULE for this line / for this file" (features/suppress.ts): the comment it writes silences
// exactly that finding (or that rule), and changes nothing else: the same ideas, the same fields with the
// same values, the same other findings. Offered only where a comment line ends no list or paragraph.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disableForFileFix, disableForLineFix } from '../../server/src/engine/features/suppress';
import { applyFixes } from '../../server/src/engine/findings/fix';
import type { CheckResult } from '../../server/src/engine/check';
import { lintText } from './rules/harness';

const FILE = `# Ideas

### Harborline

#### Web UI for replication rules

- Description: A page to edit the rules,
  over two lines.
- Recommended Skills: Golang, React
- Mentors: Ana Souza (@asouza), Ravi Kumar (@rkumar)

#### Retry budgets per route

* Description: Budgets.
- Recommended Skills: golang
* Mentor(s): Ana Souza (@asouza)
- Issue: https://github.com/harborline/harborline/issues/7

#### Garbage collection

- Description: Collect.
- Recommended Skills: Golang
- Mentor(s): Ravi Kumar (@rkumar)
- Issue: https://github.com/harborline/harborline/issues/8
`;

/** What the file says, apart from comments: each idea's title and its fields' keys and values. */
function structure(r: CheckResult): string[] {
  return r.doc.ideas.map((i) => `${i.title}: ${i.fields.map((f) => `${f.key ?? f.label}=${f.value}`).join(' | ')}`);
}

/** Findings as rule and message, with the line they are on relative to the first idea heading line (moves with inserted lines). */
function findingsOf(r: CheckResult): string[] {
  const lineOf = (offset: number) => r.doc.lines.positionAt(offset).line;
  return r.findings.map((f) => `${f.rule} ${JSON.stringify(r.doc.text.split(/\r\n|\r|\n/)[lineOf(f.span.start)])} ${f.message}`).sort();
}

for (const eol of ['\n', '\r\n']) {
  const text = FILE.replace(/\n/g, eol);
  const name = eol === '\n' ? 'LF' : 'CRLF';

  test(`${name}: every "for this line" comment silences its finding and changes nothing else`, async () => {
    const before = await lintText(text, { template: 'cncf-2019' });
    assert.ok(before.findings.length >= 4, `findings: ${findingsOf(before).join('\n')}`);
    let offered = 0;
    for (const finding of before.findings) {
      const line = before.doc.lines.positionAt(finding.span.start).line;
      const fix = disableForLineFix(before.doc, finding.rule, line);
      if (!fix) continue;
      offered++;
      const fixed = applyFixes(text, [fix]).text;
      assert.equal(fixed.replace(/<!-- soc-ideas-disable-next-line [a-z- ]+ -->(\r\n|\n)/, ''), text, 'only a comment line is added');
      assert.ok(!/[^\r]\n/.test(fixed) || eol === '\n', 'CRLF stays CRLF');
      const after = await lintText(fixed, { template: 'cncf-2019' });
      assert.deepEqual(structure(after), structure(before), `${fix.title}: the ideas and fields are the same`);
      const expected = findingsOf(before).filter((f) => f !== findingsOf({ ...before, findings: [finding] })[0]);
      assert.deepEqual(findingsOf(after), expected, `${fix.title} on line ${line + 1}: only that finding goes`);
    }
    assert.ok(offered >= 2, 'headings and the first block after one are offered');
  });

  test(`${name}: "for this file" silences the rule everywhere and nothing else; a second rule joins the same comment`, async () => {
    const before = await lintText(text, { template: 'cncf-2019' });
    const rules = [...new Set(before.findings.map((f) => f.rule))];
    for (const rule of rules) {
      const fix = disableForFileFix(before.doc, rule);
      assert.ok(fix);
      const fixed = applyFixes(text, [fix]).text;
      assert.equal(fixed, `<!-- soc-ideas-disable ${rule} -->${eol}${text}`);
      const after = await lintText(fixed, { template: 'cncf-2019' });
      assert.deepEqual(structure(after), structure(before));
      assert.deepEqual(findingsOf(after), findingsOf(before).filter((f) => !f.startsWith(`${rule} `)));
    }
    const [first, second] = rules;
    const once = applyFixes(text, [disableForFileFix(before.doc, first!)!]).text;
    const onceChecked = await lintText(once, { template: 'cncf-2019' });
    const twice = applyFixes(once, [disableForFileFix(onceChecked.doc, second!)!]).text;
    assert.equal(twice, `<!-- soc-ideas-disable ${first} ${second} -->${eol}${text}`);
    assert.equal(disableForFileFix((await lintText(twice, { template: 'cncf-2019' })).doc, first!), undefined, 'a rule already named is not offered again');
  });
}

test('"for this line" is not offered inside a list or a value (a comment line would end it)', async () => {
  const r = await lintText(FILE, { template: 'cncf-2019' });
  const lineOf = (needle: string) => FILE.split('\n').findIndex((l) => l.includes(needle));
  for (const needle of ['* Mentor(s): Ana Souza', '- Mentors: Ana Souza', '  over two lines.', '- Recommended Skills: golang']) {
    assert.equal(disableForLineFix(r.doc, 'list-marker', lineOf(needle)), undefined, needle);
  }
  assert.ok(disableForLineFix(r.doc, 'missing-field', lineOf('#### Web UI')), 'on a heading');
  assert.ok(disableForLineFix(r.doc, 'list-marker', lineOf('* Description: Budgets.')), 'on the first block after a heading');
});

test('an existing disable-next-line comment above gets the rule added', async () => {
  const text = FILE.replace('#### Web UI', '<!-- soc-ideas-disable-next-line idea-heading -->\n#### Web UI');
  const r = await lintText(text, { template: 'cncf-2019' });
  const line = text.split('\n').findIndex((l) => l.startsWith('#### Web UI'));
  const fix = disableForLineFix(r.doc, 'missing-field', line);
  assert.ok(fix);
  assert.equal(applyFixes(text, [fix]).text, FILE.replace('#### Web UI', '<!-- soc-ideas-disable-next-line idea-heading missing-field -->\n#### Web UI'));
});

test('"for this file" goes after a byte-order mark and YAML front matter', async () => {
  const text = `\uFEFF---\ntitle: Ideas\n---\n${FILE}`;
  const r = await lintText(text, { template: 'cncf-2019' });
  const fix = disableForFileFix(r.doc, 'list-marker');
  assert.ok(fix);
  assert.equal(applyFixes(text, [fix]).text, `\uFEFF---\ntitle: Ideas\n---\n<!-- soc-ideas-disable list-marker -->\n${FILE}`);
});
