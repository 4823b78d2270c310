// The language server re-uses parsed sections and unchanged ideas' findings: after any edit the
// result must equal checking the new text from scratch.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/findings/findings';
import { LintCache } from '../../server/src/engine/rules/lint';
import { SectionCache, parseDocument } from '../../server/src/engine/parse/parse';
import { WorkspaceIndex } from '../../server/src/engine/workspace/workspace';
import { memoryHost } from './rules/harness';

const base = readFileSync(join(__dirname, '..', 'fixtures', 'workspace', 'ideas-2019.md'), 'utf8');
const host = memoryHost();
const uri = 'file:///w/ideas.md';
const show = (fs: readonly Finding[]) => fs.map((f) => `${f.span.start}-${f.span.end} ${f.rule} ${f.severity} ${f.message} ${JSON.stringify(f.fix ?? null)}`);

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SNIPPETS = ['\n', '#### ', '- Mentors: Jo (@jo)\n', '*', 'x', '\n### New project\n\n', '- Issue: https://github.com/a/b/issues/1\n', '`', '\r\n', ' ', 'Golang, '];

test('incremental check after random edits equals a fresh check', async () => {
  const random = prng(Number(process.env.FUZZ_SEED ?? 7));
  const sections = new SectionCache();
  const lintCache = new LintCache();
  let text = base.repeat(3);
  let reused = 0;
  for (let step = 0; step < 60; step++) {
    const at = Math.floor(random() * text.length);
    if (random() < 0.5) {
      text = text.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + text.slice(at);
    } else {
      text = text.slice(0, at) + text.slice(at + Math.floor(random() * 40));
    }
    const incremental = await checkDocument({ uri, text, host, cache: sections, lintCache });
    const fresh = await checkDocument({ uri, text, host });
    assert.deepEqual(show(incremental.findings), show(fresh.findings), `step ${step}`);
    reused += incremental.doc.ideas.length - lintCache.checkedInLastRun;
  }
  assert.ok(reused > 0, 'unchanged ideas were re-used');
});

test('an edit in one idea re-checks only that idea', async () => {
  const sections = new SectionCache();
  const lintCache = new LintCache();
  const text = base.repeat(4);
  await checkDocument({ uri, text, host, cache: sections, lintCache });
  const edited = text.replace('Description:', 'Description: x');
  const result = await checkDocument({ uri, text: edited, host, cache: sections, lintCache });
  assert.equal(sections.parsedInLastRun, 1);
  assert.equal(lintCache.checkedInLastRun, 1);
  // Document rules judge the file anew, but their findings per idea are kept: only the edited idea's
  // are computed again, by each of the rules with a per-idea part that has something to say of it.
  assert.ok(lintCache.ideaPartsInLastRun >= 1 && lintCache.ideaPartsInLastRun <= 5, `${lintCache.ideaPartsInLastRun} ideas' parts computed`);
  assert.ok(result.doc.ideas.length > 10);
});

test('a file over the size limit gets its outline, no findings, and a notice saying so', async () => {
  const result = await checkDocument({ uri, text: base, host, rulesSizeLimit: 100 });
  assert.ok(result.doc.ideas.length > 0, 'the outline is still built');
  assert.deepEqual(result.findings, []);
  assert.match(result.notice ?? '', /checks limited: this file has \d+ characters and rules run on files up to 100/);
  assert.equal((await checkDocument({ uri, text: base, host })).notice, undefined);
});

test('findings that depend on the workspace follow it: a re-used idea is checked again when another file changes the vocabulary', async () => {
  const sections = new SectionCache();
  const lintCache = new LintCache();
  const index = new WorkspaceIndex();
  const other = 'file:///w/other.md';
  const otherText = (name: string) => `### Other\n\n#### Idea\n\n- Description: d\n- Mentor(s): ${name} (@ada)\n- Recommended Skills: GoLang\n`;
  const mine = '### Mine\n\n#### First\n\n- Description: d\n- Mentor(s): Ada Lovelace (@ada)\n- Recommended Skills: Golang\n';
  const check = async (text: string) => {
    const doc = parseDocument(text, { cache: sections });
    index.update(uri, doc);
    return (await checkDocument({ uri, text, doc, host, workspace: index, lintCache })).findings.filter((f) => f.rule === 'mentor-identity' || f.rule === 'skill-spelling');
  };
  index.update(other, parseDocument(otherText('Ada Lovelace')));
  const agreed = await check(mine);
  assert.deepEqual(agreed.map((f) => f.rule), [], 'one name for @ada; GoLang vs Golang is a tie: no evidence either way');
  index.update(other, parseDocument(otherText('Ada King')));
  const after = await check(mine);
  const fresh = await checkDocument({ uri, text: mine, host, workspace: index });
  assert.deepEqual(show(after), show(fresh.findings.filter((f) => f.rule === 'mentor-identity' || f.rule === 'skill-spelling')));
  assert.ok(after.some((f) => f.rule === 'mentor-identity' && /Ada King/.test(f.message)), 'the other spelling is reported');
  // Now the skills: two uses of `GoLang` elsewhere make it the dominant spelling, so `Golang` here is reported.
  index.update(other, parseDocument(`${otherText('Ada King')}\n#### Second\n\n- Description: d\n- Recommended Skills: GoLang\n`));
  const skills = await check(mine);
  const freshSkills = await checkDocument({ uri, text: mine, host, workspace: index });
  assert.deepEqual(show(skills), show(freshSkills.findings.filter((f) => f.rule === 'mentor-identity' || f.rule === 'skill-spelling')));
  assert.ok(skills.some((f) => f.rule === 'skill-spelling' && /as `GoLang`/.test(f.message)), 'the workspace spelling wins');
});

test('related places in the same file follow it when lines are added above (they are never taken from the cache)', async () => {
  const sections = new SectionCache();
  const lintCache = new LintCache();
  const index = new WorkspaceIndex();
  const idea = (title: string, name: string) => `#### ${title}\n\n- Description: d\n- Mentor(s): ${name} (@ada)\n\n`;
  const text = `### P\n\n${idea('One', 'Ada Lovelace')}${idea('Two', 'Ada King')}`;
  const related = async (t: string) => {
    const doc = parseDocument(t, { cache: sections });
    index.update(uri, doc);
    const { findings } = await checkDocument({ uri, text: t, doc, host, workspace: index, lintCache });
    return findings.filter((f) => f.rule === 'mentor-identity').map((f) => ({ span: f.span, related: f.related }));
  };
  const before = await related(text);
  assert.equal(before.length, 1, 'one note for @ada, at its first place');
  const edited = `Intro line.\n\n${text}`;
  const after = await related(edited);
  const freshIndex = new WorkspaceIndex();
  freshIndex.update(uri, parseDocument(edited));
  const fresh = await checkDocument({ uri, text: edited, host, workspace: freshIndex });
  assert.deepEqual(after, fresh.findings.filter((f) => f.rule === 'mentor-identity').map((f) => ({ span: f.span, related: f.related })));
  assert.equal(after[0]!.related![0]!.range.start.line, before[0]!.related![0]!.range.start.line + 2);
});

test('an edit to one idea\'s skills re-checks the spelling of the others (their findings depend on the file\'s skills)', async () => {
  const sections = new SectionCache();
  const lintCache = new LintCache();
  const index = new WorkspaceIndex();
  const idea = (title: string, skill: string) => `#### ${title}\n\n- Description: d\n- Recommended Skills: ${skill}\n\n`;
  const text = (third: string) => `### P\n\n${idea('One', 'Golang')}${idea('Two', 'GoLang')}${idea('Three', third)}`;
  const spelling = async (t: string, cached: boolean) => {
    const doc = parseDocument(t, cached ? { cache: sections } : {});
    const vocabulary = cached ? index : new WorkspaceIndex();
    vocabulary.update(uri, doc);
    const { findings } = await checkDocument({ uri, text: t, doc, host, workspace: vocabulary, ...(cached ? { lintCache } : {}) });
    return show(findings.filter((f) => f.rule === 'skill-spelling'));
  };
  const before = await spelling(text('GoLang'), true);
  assert.equal(before.length, 1, 'One is told to write GoLang');
  const after = await spelling(text('Golang'), true);
  assert.deepEqual(after, await spelling(text('Golang'), false));
  assert.equal(after.length, 1);
  assert.match(after[0]!, /Spell `GoLang` as `Golang`/, 'now Two is told to write Golang, and One is not told anything');
});

/** Check `edited` after `text` through one SectionCache and LintCache, and from scratch: the same findings of `rule`. */
async function afterEdit(text: string, edited: string, rule: string) {
  const sections = new SectionCache();
  const lintCache = new LintCache();
  const ofRule = (fs: readonly Finding[]) => show(fs.filter((f) => f.rule === rule));
  const before = ofRule((await checkDocument({ uri, text, host, cache: sections, lintCache })).findings);
  const incremental = ofRule((await checkDocument({ uri, text: edited, host, cache: sections, lintCache })).findings);
  assert.deepEqual(incremental, ofRule((await checkDocument({ uri: 'file:///w/fresh.md', text: edited, host })).findings));
  return { before, after: incremental, reusedIdeas: lintCache };
}

test("issue-project: renaming the project a link belongs to re-judges the ideas that link it, unchanged as they are", async () => {
  const idea = (title: string, repo: string) => `#### ${title}\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Jo Bloggs (@jo)\n- Issue: https://github.com/${repo}/issues/1\n\n`;
  const text = `### Harborline\n\n${idea('Registry mirror', 'harborline/harborline')}### Tidepool\n\n${idea('Metrics export', 'tidepool-io/tidepool')}${idea('Copied over', 'harborline/harborline')}`;
  const { before, after } = await afterEdit(text, text.replace('### Harborline', '### Driftwood'), 'issue-project');
  assert.equal(before.length, 1, 'the Tidepool idea links a Harborline issue');
  assert.deepEqual(after, [], 'no project of the file is Harborline now');
});

test("missing-field: an idea added elsewhere changes the share an unchanged idea's finding quotes, or makes it one note for the file", async () => {
  // Some of the 2019 template's fields, not enough to be sure of it: a guessed template, judged by the file's share.
  const idea = (title: string, issue: boolean) => `#### ${title}\n\n- Description: d\n- Mentor(s): Jo Bloggs (@jo)\n${issue ? '- Issue: https://github.com/a/b/issues/1\n' : ''}\n`;
  const text = `### P\n\n${['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven'].map((t) => idea(t, t !== 'Four')).join('')}`;
  const withIssue = await afterEdit(text, text + idea('Eight', true), 'missing-field');
  assert.match(withIssue.before.join('\n'), /^\S+ missing-field warning Add the "Issue" field to this idea: 86 % of this file's ideas have it/);
  assert.match(withIssue.after.join('\n'), /^\S+ missing-field warning Add the "Issue" field to this idea: 88 % of this file's ideas have it/);
  const without = await afterEdit(text, text + idea('Eight', false), 'missing-field');
  assert.match(without.after.join('\n'), /^\S+ missing-field info 2 of 8 ideas have no "Issue" field/);
});

test('with a maintainers list, an incremental check equals a fresh one, and a new list is not served from the cache', async () => {
  const files: Record<string, string> = {
    'file:///w/.soc-ideas.json': '{ "maintainers": "m.csv" }',
    'file:///w/m.csv': 'Project,Github Name\nHarborline,rkumar\nKestrel Mesh,jdoe\n',
  };
  const listHost = { readFile: async (u: string) => files[u] };
  const sections = new SectionCache();
  const lintCache = new LintCache();
  const text = base.repeat(2);
  const count = (fs: readonly Finding[]) => fs.filter((f) => f.rule === 'mentor-maintainer').length;
  const before = await checkDocument({ uri, text, host: listHost, cache: sections, lintCache });
  assert.ok(count(before.findings) > 0, 'the list has something to say');
  // Everyone listed everywhere: the same text, a new list, no finding left from the cache.
  files['file:///w/m.csv'] = `Project,Github Name\n${['Harborline', 'Kestrel Mesh', 'Tidepool', 'New project'].flatMap((p) => ['rkumar', 'jdoe', 'asouza', 'liwei-dev', 'tbecker', 'jo'].map((h) => `${p},${h}`)).join('\n')}\n`;
  const after = await checkDocument({ uri, text, host: listHost, cache: sections, lintCache });
  assert.deepEqual(show(after.findings), show((await checkDocument({ uri, text, host: listHost })).findings));
  assert.ok(count(after.findings) < count(before.findings));
  // Back to the first list, then random edits.
  files['file:///w/m.csv'] = 'Project,Github Name\nHarborline,rkumar\nKestrel Mesh,jdoe\n';
  let seen = 0;
  const random = prng(Number(process.env.FUZZ_SEED ?? 11));
  let edited = text;
  for (let step = 0; step < 30; step++) {
    const at = Math.floor(random() * edited.length);
    edited = random() < 0.5 ? edited.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)]! + edited.slice(at) : edited.slice(0, at) + edited.slice(at + Math.floor(random() * 40));
    const incremental = await checkDocument({ uri, text: edited, host: listHost, cache: sections, lintCache });
    const fresh = await checkDocument({ uri, text: edited, host: listHost });
    assert.deepEqual(show(incremental.findings), show(fresh.findings), `step ${step}`);
    seen += count(fresh.findings);
  }
  assert.ok(seen > 0, 'the edits were checked against the list');
});
