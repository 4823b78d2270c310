// Acceptance on the real corpus in ../shared/corpus (present in CI, absent on a bare clone: then
// every test here says so and skips). The seed, cncf-soc-README-2019-02-06.md, is the reference case.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { applyFixes, automaticFixes } from '../../server/src/engine/findings/fix';
import { buildOutline } from '../../server/src/engine/features/outline';
import type { Finding } from '../../server/src/engine/findings/findings';
import type { IdeaDocument } from '../../server/src/engine/parse/model';
import { memoryHost } from '../unit/rules/harness';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const SEED = 'cncf-soc-README-2019-02-06.md';
const present = existsSync(join(CORPUS, SEED));
const skip = present ? false : `../shared/corpus not found at ${CORPUS}: corpus checks skipped`;

async function check(name: string, text = readFileSync(join(CORPUS, name), 'utf8')) {
  return checkDocument({ uri: `file:///corpus/${name}`, text, host: memoryHost() });
}

const lineOf = (doc: IdeaDocument, f: Finding) => doc.lines.positionAt(f.span.start).line + 1;
const at = (doc: IdeaDocument, findings: readonly Finding[], rule: string) =>
  [...new Set(findings.filter((f) => f.rule === rule).map((f) => lineOf(doc, f)))].sort((a, b) => a - b);

describe('the seed (2019 template)', { skip }, () => {
  test('outline: exactly 11 projects and 37 ideas, nothing from Timeline, Students or Mentors', async () => {
    const { doc, resolved, findings } = await check(SEED);
    const outline = buildOutline('seed', doc, resolved, findings);
    assert.deepEqual(
      outline.projects.map((p) => p.title),
      ['Kubernetes', 'Prometheus', 'Open Policy Agent (OPA)', 'CoreDNS', 'TiKV', 'Rook', 'Linkerd and Envoy', 'Virtual Kubelet', 'Linkerd', 'rkt', 'containerd'],
    );
    const ideas = outline.projects.flatMap((p) => p.ideas);
    assert.equal(ideas.length, 37);
    assert.equal(outline.orphans, undefined);
    assert.equal(ideas[0]!.title, 'Integrate kube-batch with pytorch-operator/mxnet-operator');
    assert.equal(ideas[36]!.title, 'p2p or remote blob store implementation');
    for (const title of ['Timeline', 'Students', 'Mentors']) {
      assert.ok(!outline.projects.some((p) => p.title === title) && !ideas.some((i) => i.title === title), title);
    }
    assert.equal(resolved.template.id, 'cncf-2019');
  });

  test('lint: every finding the issue names, and no error anywhere else', async () => {
    const { doc, findings } = await check(SEED);
    const expect = (rule: string, lines: number[]) => {
      const got = at(doc, findings, rule);
      for (const line of lines) assert.ok(got.includes(line), `${rule} at ${line} (got ${got.join(', ')})`);
    };
    expect('missing-field', [153, 159, 165, 369, 386, 392]);
    expect('field-label', [298]);
    expect('issue-project', [380]);
    expect('issue-link', [124]);
    expect('mentor-format', [218, 230, 240, 252, 262, 273, 298]);
    expect('list-marker', [295, 296, 297, 298]);
    expect('term-spelling', [291, 295]);
    expect('skill-spelling', [53, 372]);
    // field-order: reported inside the idea headed at 293 (lines 293–298)
    assert.ok(at(doc, findings, 'field-order').some((l) => l >= 293 && l <= 298), 'field-order in the idea at 293');
    // missing-field is about the Issue field, on the heading line
    for (const f of findings.filter((f) => f.rule === 'missing-field')) assert.match(f.message, /Issue/);
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${lineOf(doc, f)} ${f.rule}`);
    assert.deepEqual(errors.sort(), ['153 missing-field', '159 missing-field', '165 missing-field', '369 missing-field', '386 missing-field', '392 missing-field'].sort());
  });

  test('fixing: the fixable findings go, the others stay, a second pass changes nothing', async () => {
    const before = await check(SEED);
    let text = before.doc.text;
    for (let pass = 0; pass < 10; pass++) {
      const { findings } = await check(SEED, text);
      const next = applyFixes(text, automaticFixes(findings)).text;
      if (next === text) break;
      text = next;
    }
    const after = await check(SEED, text);
    assert.deepEqual(after.findings.filter((f) => f.fix && !f.fix.interactive).map((f) => `${f.rule}: ${f.message}`), []);
    const unfixable = (fs: readonly Finding[]) => fs.filter((f) => !f.fix || f.fix.interactive).map((f) => `${f.rule}: ${f.message}`).sort();
    assert.deepEqual(unfixable(after.findings), unfixable(before.findings));
    assert.equal(applyFixes(text, automaticFixes(after.findings)).text, text);
    // Nothing else changed: same ideas, same titles, same values apart from what fixes rewrite.
    assert.deepEqual(after.doc.ideas.map((i) => i.title), before.doc.ideas.map((i) => i.title));
    assert.equal(after.doc.ideas.flatMap((i) => i.fields).length, before.doc.ideas.flatMap((i) => i.fields).length);
  });
});

describe('every corpus file', { skip }, () => {
  const manifest = present
    ? new Map(
        readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split('\t'))
          .map((c) => [c[0]!, Number(c[6])] as const),
      )
    : new Map<string, number>();
  const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.md') && manifest.has(f)) : [];
  test('the manifest lists files', () => assert.ok(files.length >= 30, `${files.length} files`));
  for (const file of files) {
    test(`${file}: lints without a crash, idea count ${manifest.get(file)} as in MANIFEST.tsv`, async () => {
      const { doc, findings } = await check(file);
      // MANIFEST counts idea headings; an idea whose heading was lost (a second field block) is found too.
      assert.equal(doc.ideas.filter((i) => !i.headless).length, manifest.get(file));
      for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end <= doc.text.length && f.span.start <= f.span.end);
    });
  }
});
