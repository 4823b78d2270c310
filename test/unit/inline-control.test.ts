// `<!-- soc-ideas-disable RULE… -->`, `-enable` and `-disable-next-line`, as markdownlint users expect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintText } from './rules/harness';

const idea = (title: string, label = 'Mentor(s)') =>
  `#### ${title}\n\n- Description: d\n- Recommended Skills: Go\n- ${label}: Ada Lovelace (@ada)\n`;

/** 1-based line of the first line containing `needle` (after `from`). */
function lineOf(text: string, needle: string, from = 0): number {
  return text.slice(0, text.indexOf(needle, from)).split('\n').length;
}

/** Two complete ideas after the text: a field most ideas lack is the file's convention, not an error (missing-field). */
const COMPLETE = ['Four', 'Five'].map((t) => `\n#### ${t}\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Ada Lovelace (@ada)\n- Issue: https://github.com/a/b/issues/1\n`).join('');

async function lines(text: string, rule: string): Promise<number[]> {
  const { findings, doc } = await lintText(text + COMPLETE, { template: 'cncf-2019' });
  return findings.filter((f) => f.rule === rule).map((f) => doc.lines.positionAt(f.span.start).line + 1);
}

test('without controls every idea without an Issue is reported', async () => {
  const text = `### P\n\n${idea('One')}\n${idea('Two')}\n${idea('Three')}`;
  assert.deepEqual(await lines(text, 'missing-field'), [lineOf(text, 'One'), lineOf(text, 'Two'), lineOf(text, 'Three')]);
});

test('disable … enable silences the named rule in between, and only that rule', async () => {
  const text = `### P\n\n<!-- soc-ideas-disable missing-field -->\n\n${idea('One', 'Mentors')}\n<!-- soc-ideas-enable missing-field -->\n\n${idea('Two')}`;
  assert.deepEqual(await lines(text, 'missing-field'), [lineOf(text, 'Two')]);
  assert.deepEqual(await lines(text, 'field-label'), [lineOf(text, 'Mentors:')], 'field-label still fires inside the disabled region');
});

test('disable with no rule silences every rule until enable', async () => {
  const text = `### P\n\n<!-- soc-ideas-disable -->\n\n${idea('One', 'Mentors')}\n<!-- soc-ideas-enable -->\n\n${idea('Two', 'Mentors')}`;
  assert.deepEqual(await lines(text, 'missing-field'), [lineOf(text, 'Two')]);
  assert.deepEqual(await lines(text, 'field-label'), [lineOf(text, 'Mentors:', text.indexOf('Two'))]);
});

test('disable-next-line silences only the next line, for the named rules', async () => {
  const text = `### P\n\n<!-- soc-ideas-disable-next-line missing-field -->\n${idea('One')}\n${idea('Two')}`;
  assert.deepEqual(await lines(text, 'missing-field'), [lineOf(text, 'Two')]);
  const several = `### P\n\n#### One\n\n- Description: d\n- Recommended Skills: Go\n<!-- soc-ideas-disable-next-line field-label list-marker -->\n* Mentors: Ada Lovelace (@ada)\n* Mentors: Ada Lovelace (@ada)\n`;
  assert.deepEqual(await lines(several, 'field-label'), [9]);
  assert.deepEqual(await lines(several, 'list-marker'), [9]);
  assert.equal(lineOf(several, '* Mentors'), 8);
});
