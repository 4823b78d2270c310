import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import { expectFixture, lintFixture, lintText } from './harness';

const fixture = join(import.meta.dirname, '../../fixtures/rules/toc.md');
const options = { template: 'cncf-2019' };

test('toc: fires exactly on the expected lines', async () => {
  await expectFixture(fixture, ['toc'], options);
});

test('toc: the fix rewrites the table in the file\'s style, after which nothing is left', async () => {
  const { text, findings } = await lintFixture(fixture, options);
  const fixed = applyFixes(text, automaticFixes(findings.filter((f) => f.rule === 'toc'))).text;
  const table = fixed.slice(fixed.indexOf('## Table of Contents'), fixed.indexOf('## Ideas'));
  assert.equal(
    table,
    [
      '## Table of Contents',
      '',
      '- [Alpha & Beta](#alpha--beta)',
      '  - [Support `zlib` compression](#support-zlib-compression)',
      '  - [Speed up the CLI](#speed-up-the-cli)',
      '- [Gamma](#gamma)',
      '  - [An idea whose heading was renamed II](#an-idea-whose-heading-was-renamed-ii)',
      '  - [A new idea nobody listed](#a-new-idea-nobody-listed)',
      '- [Delta 🚀](#delta-)',
      '  - [Speed up the CLI](#speed-up-the-cli-1)',
      '',
      '',
    ].join('\n'),
  );
  const again = await lintText(fixed, options);
  // Only the prose link to a heading that never existed is left: no fix can know where it meant to go.
  assert.deepEqual(again.findings.filter((f) => f.rule === 'toc').map((f) => f.message), ['"#nowhere-to-be-found" names no heading of this file.']);
  assert.equal(fixed.slice(fixed.indexOf('## Ideas')), text.slice(text.indexOf('## Ideas')), 'nothing below the table changes');
});

test('toc: anchors are GitHub\'s (github-slugger), checked against anchors GitHub rendered', () => {
  // Each expected anchor is one GitHub itself rendered: links in cncf/mentoring's term READMEs, whose
  // tables of contents are followed on github.com (2023-2025), and github-slugger's README for repeats.
  const cases: Array<[string, string, string]> = [
    ['Developer Relations & Community Growth for KubeStellar UI', 'developer-relations--community-growth-for-kubestellar-ui', 'cncf/mentoring lfx-mentorship 2025/03 README'],
    ['Support OpenMetrics _created timestamp in Prometheus', 'support-openmetrics-_created-timestamp-in-prometheus', 'cncf/mentoring summerofcode 2023.md (heading has `_created` in code)'],
    ['zlib Plugin Support', 'zlib-plugin-support', 'cncf/mentoring summerofcode 2023.md (heading `zlib` in code)'],
    ['Harbor CLI - System Settings and Configuration', 'harbor-cli---system-settings-and-configuration', 'cncf/mentoring lfx-mentorship 2025/03 README'],
    ["Extend Harbor's Pluggable Scanner API for Runtime Behavior Profiles", 'extend-harbors-pluggable-scanner-api-for-runtime-behavior-profiles', 'cncf/mentoring lfx-mentorship 2025/03 README'],
    ['Harbor Satellite: Q&A and Docs', 'harbor-satellite-qa-and-docs', 'cncf/mentoring lfx-mentorship 2025/03 README'],
    ['Promote kruise api version from v1alphal1 to v1beta1', 'promote-kruise-api-version-from-v1alphal1-to-v1beta1', 'cncf/mentoring lfx-mentorship 2025/03 README'],
  ];
  for (const [heading, anchor, source] of cases) assert.equal(new GithubSlugger().slug(heading), anchor, source);
  // Repeats: `foo`, `foo-1`, `foo-2` (github-slugger's README, as GitHub numbers them).
  const slugger = new GithubSlugger();
  assert.deepEqual(['Speed up', 'Speed up', 'Speed up'].map((h) => slugger.slug(h)), ['speed-up', 'speed-up-1', 'speed-up-2']);
});

test('toc: a file without a table of contents, or with a few unrelated links, gets nothing from it', async () => {
  const text = `## Links\n\n- [Timeline](#timeline)\n- [Ideas](#ideas)\n\n## Timeline\n\nSoon.\n\n## Ideas\n\n### P\n\n#### I\n\n- Description: d\n- Recommended Skills: Go\n- Mentor(s): Jane Doe (@jane-doe)\n- Issue: https://github.com/a/b/issues/1\n`;
  const r = await lintText(text, options);
  assert.deepEqual(r.findings.filter((f) => f.rule === 'toc'), []);
});
