// What must hold for every input, however broken: the checks the property tests run.
import assert from 'node:assert/strict';
import { checkDocument } from '../../server/src/engine/check';
import type { Finding } from '../../server/src/engine/findings/findings';
import { applyFixes, automaticFixes } from '../../server/src/engine/findings/fix';
import type { IdeaDocument } from '../../server/src/engine/parse/model';
import { parseDocument, type SectionCache } from '../../server/src/engine/parse/parse';
import { memoryHost } from '../unit/rules/harness';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Nodes } from 'mdast';
import { findingsOf, modelOf } from './snapshot';

const URI = 'file:///fuzz/ideas.md';
const host = memoryHost();

/** Parse without swallowing a failure: the parser's own fallback hides bugs from tests. */
export function parseStrict(text: string, options: { cache?: SectionCache; wholeDocument?: boolean } = {}): IdeaDocument {
  let failure: unknown;
  const doc = parseDocument(text, { ...options, onError: (e) => (failure = e) });
  if (failure !== undefined) throw failure;
  return doc;
}

/** Sectional parse (with or without a warm cache) equals a whole-document remark parse. */
export function assertParsesAlike(text: string, cache?: SectionCache): IdeaDocument {
  const sectional = parseStrict(text, cache ? { cache } : { wholeDocument: false });
  const whole = parseStrict(text, { wholeDocument: true });
  assert.deepEqual(modelOf(sectional), modelOf(whole), `${cache ? 'cached ' : ''}sectional parse differs from the whole-document parse`);
  if (text.length <= 100_000) assertHeadingsLikeFullParse(text, whole);
  return sectional;
}

/** Heading texts as a full (inline included) remark parse of the whole text gives them, reading GFM tables as GitHub does. */
export function referenceHeadings(text: string): Array<{ text: string; textSpan: { start: number; end: number } }> {
  // As the engine reads a byte-order mark: a space (then no front matter: it must start the file).
  const bom = 0;
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const plain = (node: Nodes): string =>
    'value' in node && typeof node.value === 'string' ? (node.type === 'html' ? '' : node.value) : 'children' in node ? (node.children as Nodes[]).map(plain).join('') : '';
  // The front matter as remark's extension reads it; the body without it: loaded, the extension
  // changes more than the first lines (a list no longer interrupts a paragraph anywhere), unlike GitHub.
  const matter = fromMarkdown(source.slice(0, 100_000), { extensions: [frontmatter('yaml')], mdastExtensions: [frontmatterFromMarkdown('yaml')] }).children[0];
  const bodyStart = matter?.type === 'yaml' ? matter.position!.end.offset! : 0;
  const at = bom + bodyStart;
  return fromMarkdown(source.slice(bodyStart), { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }).children.flatMap((node) => {
    if (node.type !== 'heading') return [];
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    const p = node.position!;
    const textSpan = first && last ? { start: first.position!.start.offset! + at, end: last.position!.end.offset! + at } : null;
    return [{ text: plain(node).replace(/\s+/g, ' ').trim(), textSpan: textSpan ?? { start: -1, end: -1 }, span: { start: p.start.offset! + at, end: p.end.offset! + at } }];
  });
}

/** The engine parses blocks only and each heading's inline content on its own: same headings as a full parse. */
export function assertHeadingsLikeFullParse(text: string, doc: IdeaDocument): void {
  const wanted = referenceHeadings(text);
  // An empty heading has no text nodes to take a span from: the engine's own choice is not compared.
  const got = doc.headings.map((h, i) => ({ text: h.text, textSpan: wanted[i]?.textSpan.start === -1 ? wanted[i]!.textSpan : h.textSpan, span: h.span }));
  assert.deepEqual(got, wanted, 'headings differ from a full remark parse');
}

/** Every position the model and the findings hold is inside the document. */
export function assertSpansInside(doc: IdeaDocument, findings: readonly Finding[]): void {
  const n = doc.text.length;
  const inside = (span: { start: number; end: number }, what: string) => {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer span ${JSON.stringify(span)}`);
    assert.ok(0 <= span.start && span.start <= span.end && span.end <= n, `${what}: span ${JSON.stringify(span)} outside [0, ${n}]`);
    for (const offset of [span.start, span.end]) {
      const p = doc.lines.positionAt(offset);
      assert.ok(p.line >= 0 && p.line < doc.lines.lineCount, `${what}: line ${p.line} of ${doc.lines.lineCount}`);
      const lineLength = doc.lines.lineEnd(p.line) - doc.lines.lineStart(p.line);
      assert.ok(p.character >= 0 && p.character <= lineLength, `${what}: character ${p.character} past line length ${lineLength}`);
      assert.equal(doc.lines.offsetAt(p) <= offset, true, `${what}: offsetAt(positionAt(${offset})) moved forward`);
    }
    for (const offset of [span.start, span.end]) {
      const splitsPair = isHighSurrogate(doc.text.charCodeAt(offset - 1)) && isLowSurrogate(doc.text.charCodeAt(offset));
      assert.ok(!splitsPair, `${what}: offset ${offset} splits a surrogate pair`);
    }
    const a = doc.lines.positionAt(span.start);
    const b = doc.lines.positionAt(span.end);
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character), `${what}: range ends before it starts`);
  };
  for (const h of doc.headings) {
    inside(h.span, 'heading');
    inside(h.textSpan, 'heading text');
  }
  for (const idea of [...doc.ideas, ...doc.samples]) {
    inside(idea.span, 'idea');
    for (const f of idea.fields) {
      for (const key of ['labelSpan', 'valueSpan', 'inlineValueSpan', 'itemSpan', 'linesSpan', 'markerSpan'] as const) inside(f[key], `field ${key}`);
      for (const s of f.subItems) inside(s.itemSpan, 'sub-item');
    }
    for (const m of idea.mentors) inside(m.span, 'mentor');
    for (const s of idea.skills) inside(s.span, 'skill');
    for (const i of idea.issues) inside(i.span, 'issue');
  }
  for (const c of [...doc.comments, ...doc.codeBlocks]) inside(c.span, 'comment/code');
  for (const f of findings) {
    inside(f.span, `finding ${f.rule}`);
    for (const e of f.fix?.edits ?? []) inside(e.span, `fix edit of ${f.rule}`);
    for (const r of f.related ?? []) {
      if (r.uri !== undefined) continue;
      assert.ok(r.range.start.line < doc.lines.lineCount && r.range.end.line < doc.lines.lineCount, `related range of ${f.rule} outside the document`);
    }
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface LintOutcome {
  readonly doc: IdeaDocument;
  readonly findings: Finding[];
  readonly ruleErrors: string[];
}

export async function lintStrict(text: string, doc?: IdeaDocument): Promise<LintOutcome> {
  const ruleErrors: string[] = [];
  const result = await checkDocument({ uri: URI, text, host, logger: { log: (m) => ruleErrors.push(m) }, ...(doc ? { doc } : {}) });
  return { doc: result.doc, findings: result.findings, ruleErrors };
}

/**
 * Every text outside the spans the fixes named is still there, in order: the new text is
 * gap₀ · anything · gap₁ · anything · … · gapₙ, where the gaps are the text between the named spans.
 */
export function assertOnlyNamedRangesChanged(before: string, after: string, fixes: ReadonlyArray<{ edits: ReadonlyArray<{ span: { start: number; end: number } }> }>): void {
  const spans = fixes.flatMap((f) => f.edits.map((e) => e.span)).sort((a, b) => a.start - b.start);
  if (!spans.length) {
    assert.equal(after, before, 'text changed without any fix');
    return;
  }
  const gaps: string[] = [];
  let cursor = 0;
  for (const s of spans) {
    gaps.push(before.slice(cursor, Math.max(cursor, s.start)));
    cursor = Math.max(cursor, s.end);
  }
  const head = gaps.shift()!;
  const tail = before.slice(cursor);
  assert.ok(after.startsWith(head), 'a fix changed text before its first edit');
  assert.ok(after.endsWith(tail) && after.length - tail.length >= head.length, 'a fix changed text after its last edit');
  let at = head.length;
  for (const gap of gaps) {
    const found = after.indexOf(gap, at);
    assert.ok(found >= 0 && found + gap.length <= after.length - tail.length, `a fix changed text between edits: ${JSON.stringify(gap.slice(0, 40))}`);
    at = found + gap.length;
  }
}

/** Apply the automatic fixes until nothing changes (at most 10 passes); each pass only touches named spans. */
export async function assertFixesSettle(text: string, first: Finding[]): Promise<string> {
  let current = text;
  let findings = first;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = automaticFixes(findings);
    const { text: next } = applyFixes(current, fixes);
    assertOnlyNamedRangesChanged(current, next, fixes);
    if (next === current) return current;
    current = next;
    findings = (await lintStrict(current)).findings;
  }
  assert.fail(`automatic fixes did not settle after 10 passes:\n${JSON.stringify(findingsOf(automaticFixesOwners(findings)), null, 1).slice(0, 2000)}`);
}

function automaticFixesOwners(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix && !f.fix.interactive);
}

/** All the per-input checks: parse alike, spans inside, lint deterministic, fixes settle. */
export async function assertEngineInvariants(text: string, options: { fixes?: boolean; cache?: SectionCache } = {}): Promise<LintOutcome> {
  const doc = assertParsesAlike(text, options.cache);
  const once = await lintStrict(text, doc);
  assertSpansInside(once.doc, once.findings);
  const twice = await lintStrict(text);
  assert.deepEqual(findingsOf(twice.findings), findingsOf(once.findings), 'linting twice gave different findings');
  assert.deepEqual(once.ruleErrors, [], 'a rule threw');
  if (options.fixes !== false) await assertFixesSettle(text, once.findings);
  return once;
}
