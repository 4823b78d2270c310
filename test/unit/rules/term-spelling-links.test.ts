// term-spelling's GitHub account typos (`github.com/keplopy` where the file links `keploy`), checked
// with the counts the rule keeps across checks: after any edit they must equal those of the rule as
// first written (one scan of the whole text, copied below), a tie between two names included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../server/src/engine/findings/findings';
import { editDistance } from '../../../server/src/engine/parse/labels';
import { lint } from '../../../server/src/engine/rules/lint';
import type { IdeaDocument } from '../../../server/src/engine/parse/model';
import { parseDocument } from '../../../server/src/engine/parse/parse';
import { replayRandomEdits } from './replay-edits';
import type { Rule } from '../../../server/src/engine/rules/rule';
import { termSpelling } from '../../../server/src/engine/rules/term-spelling';
import { presetById } from '../../../server/src/engine/template/presets';

const template = presetById('cncf-2019')!;
const links = (fs: readonly Finding[]) => fs.filter((f) => f.message.includes('github.com/')).map((f) => `${f.span.start}-${f.span.end} ${f.message}`);
const findings = (rule: Rule, doc: IdeaDocument, uri: string) => links(lint(doc, { uri, template, rules: [rule] }));

const FIXTURE = `# Ideas

See github.com/keplopy and https://github.com/keploy/keploy before the first project.

### Keploy

Keploy records tests: https://github.com/keploy/docs, https://github.com/keploy/a and https://github.com/keploy/b.

#### Mocks

-	Description: Mocks for https://github.com/keploy/keploy/issues/1 and https://github.com/keplopy/keploy/issues/2.
-	Recommended Skills: Go
-	Mentor(s): Jane Doe (@janedoe)
-	Issue: https://github.com/Keploy/keploy/issues/3

#### Ties

-	Description: github.com/kepley is one slip from keploy and from keplee: github.com/keplee/a github.com/keplee/b github.com/keplee/c.
-	Mentors: Jo (@jo)
`;

const SNIPPETS = [
  '\n', ' ', 'x', '/', '-', '.', 'github.com/keploy ', 'github.com/keplopy ', 'github.com/keplee ', 'https://github.com/',
  '\n#### Another idea\n\n- Description: https://github.com/keploy/x\n- Mentors: Al (@al)\n',
  '\n### Other project\n\ngithub.com/keplpoy\n',
  '\n#### github.com/keploy in a title\n\n',
  // Line breaks of every kind, and headings after list and quote markers or right after a link.
  '\r', '\r\n', '\n- ## github.com/keplopy\n', '\n> ### A quote\n', 'github.com/keplo\n#### x\n', '\nTitle\n---\n',
];


test('term-spelling finds the GitHub account typos of the fixture', () => {
  const doc = parseDocument(FIXTURE);
  const got = findings(termSpelling, doc, 'file:///w/links.md');
  assert.deepEqual(got, findings(referenceLinks, doc, 'file:///w/links.md'));
  assert.ok(got.some((f) => f.includes('`github.com/keplopy`')), got.join('\n'));
});

for (const seed of [1, 2, 3]) {
  test(`term-spelling's account typos after random edits equal a check from scratch (seed ${seed})`, () => {
    replayRandomEdits({ seed, fixture: FIXTURE, snippets: SNIPPETS, rule: termSpelling, reference: referenceLinks, findings, uri: `file:///w/links-${seed}.md`, keeps: 'the edits keep typos around' });
  });
}

/** The account-typo part of term-spelling as first written: one scan of the whole text per check. */
const referenceLinks: Rule = {
  id: 'term-spelling',
  defaultSeverity: 'warning',
  description: 'reference',
  fixable: true,
  check({ doc, report }) {
    const uses: Array<{ owner: string; at: number }> = [];
    const counts = new Map<string, number>();
    for (const m of doc.text.matchAll(/github\.com\/([A-Za-z0-9][A-Za-z0-9-]*)/gi)) {
      const owner = m[1]!.toLowerCase();
      uses.push({ owner: m[1]!, at: m.index + m[0].length - m[1]!.length });
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
    const names = [...counts].filter(([, n]) => n >= 3).map(([owner]) => owner);
    if (!names.length) return;
    const most = Math.max(...names.map((n) => counts.get(n)!));
    const misses = new Map<string, string>();
    for (const [lower, n] of counts) {
      if (lower.length < 5 || n * 3 > most) continue;
      const name = names.find((x) => x !== lower && editDistance(lower, x, 1) <= 1);
      if (name) misses.set(lower, name);
    }
    for (const { owner, at } of uses) {
      const name = misses.get(owner.toLowerCase());
      if (!name || !doc.ideas.some((i) => at >= i.span.start && at < i.span.end)) continue;
      const span = { start: at, end: at + owner.length };
      report({
        span,
        message: `\`github.com/${owner}\` looks like a misspelling of \`github.com/${name}\`, linked elsewhere in this file: the link is broken.`,
        fix: { title: `Write \`${name}\``, edits: [{ span, newText: name }], interactive: true },
      });
    }
  },
};
