import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { IdeaDocument, Span } from '../../server/src/engine/parse/model';
import { SectionCache, parseDocument } from '../../server/src/engine/parse/parse';
import { modelOf } from '../fuzz/snapshot';

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'parse', 'tolerant.md'), 'utf8');
const slice = (doc: IdeaDocument, s: Span) => doc.text.slice(s.start, s.end);
const line = (doc: IdeaDocument, offset: number) => doc.lines.positionAt(offset).line + 1;

test('projects and ideas: containers, timelines, templates and comments are not ideas', () => {
  const doc = parseDocument(fixture);
  assert.deepEqual(doc.projects.map((p) => p.title), ['Harbourmaster', 'Lighthouse']);
  assert.deepEqual(doc.ideas.map((i) => [i.title, line(doc, i.heading.span.start), i.project?.title]), [
    ['Tab bullets and a multi-line value', 30, 'Harbourmaster'],
    ['Bold labels, star bullets and blank lines', 38, 'Harbourmaster'],
    ['A label without a colon', 47, 'Harbourmaster'],
    ['Sub-list after a tab bullet', 63, 'Lighthouse'],
    ['Fields without bullets', 71, 'Lighthouse'],
  ]);
  assert.ok(doc.isIdeaFile);
  assert.equal(doc.codeBlocks.length, 1);
  assert.equal(doc.comments.length, 1);
  assert.ok(doc.headings.some((h) => h.setext && h.level === 1 && h.text === 'Tidepool Summer of Code'));
});

test('fields: tab bullets, multi-line values, bold labels, star bullets, a label without a colon', () => {
  const doc = parseDocument(fixture);
  const [tabs, bold, noColon, subList, bare] = doc.ideas;
  const description = tabs!.fields[0]!;
  assert.equal(description.key, 'description');
  assert.equal(description.bullet, '-');
  assert.equal(description.markerGap, '\t');
  assert.equal(description.value, 'Teach the scheduler about tides.\n  It should also handle storms.');
  assert.equal(slice(doc, description.labelSpan), 'Description');

  assert.deepEqual(bold!.fields.map((f) => [f.key, f.label, f.bold, f.bullet]), [
    ['description', 'Description', true, '*'],
    ['skills', 'Recommended Skills', true, '*'],
    ['mentors', 'Mentors', false, '*'],
    ['issue', 'Issue', false, '*'],
  ]);
  assert.equal(bold!.fields[0]!.value, 'Bold labels are common.');

  const mentors = noColon!.fields[1]!;
  assert.equal(mentors.hasColon, false);
  assert.equal(mentors.subItems.length, 2);
  assert.deepEqual(noColon!.mentors.map((m) => [m.name, m.handle, m.email, m.form, m.role]), [
    ['Edsger Dijkstra', 'edsger', 'edsger@example.org', 'name-handle-email', 'primary'],
    ['Barbara Liskov', 'bliskov', undefined, 'name-handle', undefined],
  ]);
  // A sub-list indented less than a tab bullet's content is still the mentors field's list.
  assert.deepEqual(subList!.mentors.map((m) => m.handle), ['kjohnson', 'dvaughan']);
  assert.deepEqual(subList!.skills.map((s) => s.name), ['Python', 'SQL', 'Linux']);
  assert.deepEqual(bare!.fields.map((f) => [f.key, f.bullet, f.value]), [
    ['description', '', 'A field line without a bullet'],
    ['skills', '', 'C'],
  ]);
});

test('mentors, skills and issue links are parsed with exact spans', () => {
  const doc = parseDocument(fixture);
  const [tabs, bold, noColon] = doc.ideas;
  assert.deepEqual(tabs!.mentors.map((m) => [m.name, m.handle, m.form, slice(doc, m.span)]), [
    ['Ada Lovelace', 'ada', 'name-handle', 'Ada Lovelace (@ada)'],
    ['Grace Hopper', 'grace-h', 'name-handle', 'Grace Hopper (@grace-h)'],
  ]);
  assert.deepEqual(tabs!.skills.map((s) => slice(doc, s.span)), ['Go', 'Kubernetes']);
  assert.deepEqual(tabs!.issues.map((i) => [i.kind, i.owner, i.repo, i.number]), [['issue', 'harbour', 'master', 12]]);
  assert.deepEqual(bold!.mentors.map((m) => [m.name, m.handle, m.form]), [['Alan Turing', 'aturing', 'link']]);
  assert.deepEqual(bold!.issues.map((i) => [i.kind, i.number, slice(doc, i.span)]), [['pull', 7, 'https://github.com/harbour/master/pull/7']]);
  assert.deepEqual(noColon!.issues.map((i) => i.kind), ['issue', 'url']);
});

test('CRLF, tabs and emoji: spans and positions are exact', () => {
  const text = '### Proj 🚀\r\n\r\n#### Idea 👩‍💻 one\r\n\r\n-\tDescription: 🎉 party\r\n-\tMentor(s): Zoë 😀 Ünal (@zoe)\r\n';
  const doc = parseDocument(text);
  const idea = doc.ideas[0]!;
  assert.equal(idea.title, 'Idea 👩‍💻 one');
  const mentor = idea.mentors[0]!;
  assert.equal(slice(doc, mentor.span), 'Zoë 😀 Ünal (@zoe)');
  // Line 5 (0-based): "-\tMentor(s): " is 13 UTF-16 units.
  assert.deepEqual(doc.lines.positionAt(mentor.span.start), { line: 5, character: 13 });
  assert.deepEqual(doc.lines.positionAt(mentor.span.end), { line: 5, character: 13 + 'Zoë 😀 Ünal (@zoe)'.length });
  assert.equal(idea.fields[0]!.value, '🎉 party');
  // No position ever lands between \r and \n.
  assert.deepEqual(doc.lines.positionAt(text.indexOf('\r\n') + 1), { line: 0, character: '### Proj 🚀'.length });
});

test('sectional parsing with a cache equals a fresh parse, and re-parses only touched sections', () => {
  const cache = new SectionCache();
  parseDocument(fixture, { cache });
  const edited = fixture.replace('Teach the scheduler', 'Teach the new scheduler');
  const incremental = parseDocument(edited, { cache });
  assert.equal(cache.parsedInLastRun, 1);
  const fresh = parseDocument(edited);
  assert.deepEqual(modelOf(incremental), modelOf(fresh));
});

test('a fence or comment left open swallows the headings after it, as in a whole-document parse', () => {
  const text = '### P\n\n#### A\n\n- Description: a\n\n```\n#### Not an idea\n\n- Description: code\n';
  const doc = parseDocument(text, { cache: new SectionCache() });
  assert.deepEqual(doc.ideas.map((i) => i.title), ['A']);
  const comment = '### P\n\n#### A\n\n- Description: a\n\n<!--\n#### Hidden\n\n- Description: x\n-->\n\n#### B\n\n- Description: b\n';
  assert.deepEqual(parseDocument(comment).ideas.map((i) => i.title), ['A', 'B']);
});

test('never throws and never reports an idea in non-idea markdown', () => {
  for (const text of ['', '\uFEFF', '\0\0#', '# Notes\n\nJust prose: with a colon.\n', '- a: b\n- c: d\n', '\r\r\r####', '```']) {
    const doc = parseDocument(text);
    assert.equal(doc.isIdeaFile, false, JSON.stringify(text));
  }
});

test('a "Sample" heading holds one sample project; a title that merely starts with "Example" is real', () => {
  const sample = '## Sample\n\n### Prometheus\n\n#### Refactor\n\n- Description: x\n\n### Cilium\n\n#### Real one\n\n- Description: y\n';
  const doc = parseDocument(sample);
  assert.deepEqual(doc.samples.map((i) => i.title), ['Refactor']);
  assert.deepEqual(doc.ideas.map((i) => [i.title, i.project?.title]), [['Real one', 'Cilium']]);
  const titled = '# Example Foundation ideas\n\n### Northwind\n\n#### First\n\n- Description: a\n\n### Southwind\n\n#### Second\n\n- Description: b\n';
  assert.deepEqual(parseDocument(titled).ideas.map((i) => i.title), ['First', 'Second']);
});

test('a report that lists `- mentors: …` is not an idea file; a half-typed idea next to real ones is an idea', () => {
  const report = '# Census\n\n## Per file\n\n### a.md\n\n- mentors: 12 entries\n- issue values: 30 URLs\n\n### b.md\n\n- mentor formats: 3\n- issue values: 4\n';
  assert.equal(parseDocument(report).isIdeaFile, false);
  const typing = '### P\n\n#### Done\n\n- Description: d\n- Mentors: Ada (@ada)\n\n#### Being typed\n\n- Mentors: Bo\n';
  assert.deepEqual(parseDocument(typing).ideas.map((i) => i.title), ['Done', 'Being typed']);
  // Alone, one field spelt as no template spells it is not enough to make a file an idea file.
  assert.equal(parseDocument('#### Being typed\n\n- Mentors: Bo\n').isIdeaFile, false);
});

test('edits noted as an editor sends them (several per change, any order) give the parse a fresh parse gives', () => {
  let seed = 11;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pieces = ['\n', '#### New idea\n\n- Description: d\n- Mentor(s): Jo (@jo)\n', '```\n', 'x', '\r\n', '[link]: #\n', '- '];
  const cache = new SectionCache();
  let text = fixture.repeat(3);
  parseDocument(text, { cache });
  for (let step = 0; step < 80; step++) {
    // One to three changes, each on the text as the changes before it left it.
    for (let c = 1 + Math.floor(random() * 3); c > 0; c--) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(random() * 30));
      const inserted = random() < 0.6 ? pieces[Math.floor(random() * pieces.length)]! : '';
      cache.noteEdit(start, end, inserted.length, text.length);
      text = text.slice(0, start) + inserted + text.slice(end);
    }
    if (random() < 0.3) continue; // edits pile up between parses, as when typing outruns checking
    assert.deepEqual(modelOf(parseDocument(text, { cache })), modelOf(parseDocument(text, { wholeDocument: true })), `step ${step}`);
  }
});
