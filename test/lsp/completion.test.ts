// Completion and hover contexts, on the engine directly (the protocol tests cover the wiring).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt } from '../../server/src/engine/features/completion';
import { hoverAt } from '../../server/src/engine/features/hover';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { presetById } from '../../server/src/engine/template/presets';
import type { Template } from '../../server/src/engine/template/types';
import { WorkspaceIndex } from '../../server/src/engine/workspace/workspace';

const OTHER = `### Tidepool

#### Export metrics

- Description: d
- Recommended Skills: Golang, Prometheus
- Mentor(s):
  - Priya Natarajan (@pnatarajan, priya@example.org)
  - Tom Becker (@tbecker, tom@example.org)
- Upstream Issue (URL): https://github.com/tidepool-io/tidepool/issues/12
`;

function preset(id: string): Template {
  const t = presetById(id);
  assert.ok(t, id);
  return t;
}

/** Text with a `|` where the cursor is. */
function at(textWithCursor: string, template: Template) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const doc = parseDocument(text);
  const workspace = new WorkspaceIndex();
  workspace.update('file:///other.md', parseDocument(OTHER));
  workspace.update('file:///this.md', doc);
  return { text, doc, result: completionsAt({ uri: 'file:///this.md', doc, offset, template, workspace, projectTitles: new Map([['Tidepool', 1], ['Harborline', 2]]) }) };
}

test('allowed values after Difficulty, filtered by what is typed', () => {
  const { result, text } = at('### P\n\n#### I\n\n- Description: d\n- Difficulty: M|\n', preset('gsoc-2023'));
  assert.deepEqual(result.candidates.map((c) => c.label), ['Medium']);
  const c = result.candidates[0]!;
  assert.equal(text.slice(c.replace.start, c.replace.end), 'M');
});

test('mentor sub-list items insert the template form with e-mail', () => {
  const { result, text } = at('### P\n\n#### I\n\n- Description: d\n- Mentor(s):\n  - Pri|\n', preset('cncf-2024'));
  assert.deepEqual(result.candidates.map((c) => c.insertText), ['Priya Natarajan (@pnatarajan, priya@example.org)']);
  assert.equal(text.slice(result.candidates[0]!.replace.start, result.candidates[0]!.replace.end), 'Pri');
});

test('an @ in a description offers mentors; after "Name (@" only the handle', () => {
  const description = at('### P\n\n#### I\n\n- Description: ask @tb|\n- Mentor(s): A B (@ab)\n', preset('cncf-2019'));
  assert.deepEqual(description.result.candidates.map((c) => c.insertText), ['Tom Becker (@tbecker)']);
  const handle = at('### P\n\n#### I\n\n- Description: d\n- Mentor(s): Tom Becker (@t|\n', preset('cncf-2019'));
  assert.deepEqual(handle.result.candidates.map((c) => c.insertText), ['@tbecker']);
});

test('project names from the workspace on a new project heading, not those already in the file', () => {
  const { result } = at('### Harborline\n\n#### I\n\n- Description: d\n\n### |\n', preset('cncf-2019'));
  assert.deepEqual(result.candidates.map((c) => c.label), ['Tidepool']);
  const idea = at('### Harborline\n\n#### I\n\n- Description: d\n\n#### |\n', preset('cncf-2019'));
  assert.equal(idea.result.candidates.length, 0, 'not on an idea heading');
});

test('missing fields on a new bullet, in order, in the template bullet form', () => {
  const { result } = at('### P\n\n#### I\n\n- Description: d\n- Mentor(s): A B (@ab)\n- |\n', preset('cncf-2019'));
  assert.deepEqual(result.candidates.map((c) => c.label), ['Recommended Skills', 'Issue']);
  assert.deepEqual(result.candidates.map((c) => c.insertText), ['-\tRecommended Skills: ', '-\tIssue: ']);
  const typed = at('### P\n\n#### I\n\n- Description: d\n- Is|\n', preset('cncf-2019'));
  assert.deepEqual(typed.result.candidates.map((c) => c.filterText), ['- Issue']);
});

test('nothing outside an idea file', () => {
  const { result } = at('# Notes\n\n- |\n', preset('cncf-2019'));
  assert.equal(result.candidates.length, 0);
});

test('hover on a skill counts its uses; on an issue link names owner/repo#n', () => {
  const text = '### Tidepool\n\n#### I\n\n- Description: d\n- Recommended Skills: golang\n- Mentor(s): A B (@ab)\n- Issue: https://github.com/tidepool-io/tidepool/issues/15\n';
  const doc = parseDocument(text);
  const workspace = new WorkspaceIndex();
  workspace.update('file:///other.md', parseDocument(OTHER));
  workspace.update('file:///this.md', doc);
  const resolved = { template: preset('cncf-2019'), source: { kind: 'preset' as const, reason: 'test' }, notes: [] };
  const skill = hoverAt({ doc, offset: text.indexOf('golang') + 1, resolved, workspace });
  assert.match(skill!.markdown, /used by 2 ideas/);
  assert.match(skill!.markdown, /Golang \(1\), golang \(1\)|golang \(1\), Golang \(1\)/);
  const issue = hoverAt({ doc, offset: text.indexOf('issues/15'), resolved, workspace });
  assert.match(issue!.markdown, /tidepool-io\/tidepool#15\*\* — issue/);
});

test('the issue value offers the issue URL prefix of the repositories its project links from its other ideas, most linked first', () => {
  const idea = (title: string, issue: string) => `#### ${title}\n\n- Description: d\n- Mentor(s): Jo (@jo)\n- Issue: ${issue}\n\n`;
  const file =
    '### Harborline\n\n' +
    idea('One', 'https://github.com/harborline/registry/issues/3') +
    idea('Two', 'https://github.com/harborline/registry/pull/9') +
    idea('Three', 'https://github.com/harborline/ui/issues/1') +
    '### Kestrel\n\n' +
    idea('Four', 'https://github.com/kestrel/mesh/issues/5') +
    '### Harborline again\n\n';
  const inHarborline = at(`${file.replace('### Kestrel', '#### New\n\n- Issue: |\n\n### Kestrel')}`, preset('cncf-2019'));
  assert.deepEqual(
    inHarborline.result.candidates.map((c) => c.insertText),
    ['https://github.com/harborline/registry/issues/', 'https://github.com/harborline/ui/issues/'],
    'the project’s repositories, the registry (two links) first; not another project’s',
  );
  const replace = inHarborline.result.candidates[0]!.replace;
  assert.equal(inHarborline.text.slice(replace.start, replace.end), '');

  const typed = at(`${file.replace('### Kestrel', '#### New\n\n- Issue: https://github.com/harborline/u|\n\n### Kestrel')}`, preset('cncf-2019'));
  assert.deepEqual(typed.result.candidates.map((c) => c.insertText), ['https://github.com/harborline/ui/issues/']);
  const span = typed.result.candidates[0]!.replace;
  assert.equal(typed.text.slice(span.start, span.end), 'https://github.com/harborline/u', 'the typed URL is replaced');

  const done = at(`${file.replace('### Kestrel', '#### New\n\n- Issue: https://github.com/harborline/ui/issues/|\n\n### Kestrel')}`, preset('cncf-2019'));
  assert.deepEqual(done.result.candidates, [], 'nothing once the prefix is written');
  const alone = at(`${file}#### Lonely\n\n- Issue: |\n`, preset('cncf-2019'));
  assert.deepEqual(alone.result.candidates, [], 'a project that links no issue yet offers none');
});
