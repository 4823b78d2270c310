// Fixture harness for rules. A fixture is a markdown file written by us that ends with
//
//   <!-- expectations
//   12 missing-field
//   14 field-label warning
//   -->
//
// (1-based lines; a level after the rule, when any expectation of the block has one, is compared too). For the rules under test, the findings must be exactly those lines: a rule that
// fires elsewhere, or stays silent where listed, fails the test. Fixes are then applied all at once:
// the fixed findings must be gone, a second pass must change nothing, and text outside the edits stays.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkDocument, type CheckResult } from '../../../server/src/engine/check';
import { applyFixes, automaticFixes } from '../../../server/src/engine/findings/fix';
import type { Host } from '../../../server/src/engine/host';
import type { WorkspaceVocabulary } from '../../../server/src/engine/workspace/workspace';

export const memoryHost = (files: Record<string, string> = {}): Host => ({
  readFile: async (uri) => files[uri],
  listFolder: async (uri) => {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    const names = Object.keys(files).filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/')).map((f) => f.slice(prefix.length));
    return names.length ? names.sort() : undefined;
  },
});

export interface FixtureOptions {
  /** Preset id or template for the fixture (default: detected). */
  readonly template?: string;
  readonly workspace?: WorkspaceVocabulary;
  /** Extra files the in-memory host serves (PROJECT_IDEA_TEMPLATE.md, .soc-ideas.json). */
  readonly files?: Record<string, string>;
}

export function expectationsOf(text: string): string[] {
  const block = /<!--\s*expectations\s*\n([\s\S]*?)-->/.exec(text);
  if (!block) return [];
  return block[1]!
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.replace(/\s+/g, ' '));
}

export async function lintFixture(path: string, options: FixtureOptions = {}): Promise<CheckResult & { text: string }> {
  const text = readFileSync(path, 'utf8');
  return lintText(text, options);
}

export async function lintText(text: string, options: FixtureOptions = {}, uri = 'file:///fixtures/ideas.md'): Promise<CheckResult & { text: string }> {
  const result = await checkDocument({
    uri,
    text,
    host: memoryHost(options.files),
    ...(options.template ? { settings: { template: options.template } } : {}),
    ...(options.workspace ? { workspace: options.workspace } : {}),
  });
  return { ...result, text };
}

/** Lint the fixture and compare the findings of `rules` with its expectations block. */
export async function expectFixture(path: string, rules: readonly string[], options: FixtureOptions = {}): Promise<void> {
  const { text, findings, doc } = await lintFixture(path, options);
  const wanted = expectationsOf(text).filter((e) => rules.includes(e.split(' ')[1]!)).sort();
  // `12 field-label info`: a level, when written, must match too.
  const levels = wanted.some((e) => e.split(' ').length > 2);
  const got = findings
    .filter((f) => rules.includes(f.rule))
    .map((f) => `${doc.lines.positionAt(f.span.start).line + 1} ${f.rule}${levels ? ` ${f.severity}` : ''}`)
    .sort();
  assert.deepEqual(got, wanted, `findings of ${rules.join(', ')} in ${path}`);
}

/** Apply every automatic fix of `rules`: fixed findings disappear, the second pass is a no-op. */
export async function expectFixesSettle(path: string, rules: readonly string[], options: FixtureOptions = {}): Promise<string> {
  const first = await lintFixture(path, options);
  const mine = first.findings.filter((f) => rules.includes(f.rule));
  const fixed = applyFixes(first.text, automaticFixes(mine)).text;
  const second = await lintText(fixed, options);
  const leftFixable = second.findings.filter((f) => rules.includes(f.rule) && f.fix && !f.fix.interactive);
  // One more pass may be needed for overlapping fixes; after it nothing fixable may remain.
  const again = applyFixes(fixed, automaticFixes(leftFixable)).text;
  const third = await lintText(again, options);
  assert.deepEqual(
    third.findings.filter((f) => rules.includes(f.rule) && f.fix && !f.fix.interactive).map((f) => f.message),
    [],
    'fixable findings remain after fixing',
  );
  assert.equal(applyFixes(again, automaticFixes(third.findings.filter((f) => rules.includes(f.rule)))).text, again, 'fixing is idempotent');
  return again;
}
