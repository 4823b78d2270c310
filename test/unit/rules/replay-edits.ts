// Random edits (seeded) replayed on a fixture: after each, a rule checked on the incremental parse
// (origins re-used, the language server's way) and on a fresh parse must report what a reference
// rule reports on the text from scratch. Shared by the term-spelling tests.
import assert from 'node:assert/strict';
import type { IdeaDocument } from '../../../server/src/engine/parse/model';
import { SectionCache, parseDocument } from '../../../server/src/engine/parse/parse';
import type { Rule } from '../../../server/src/engine/rules/rule';

/** A small seeded PRNG (a linear congruential generator), so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface Replay {
  readonly seed: number;
  readonly fixture: string;
  readonly snippets: readonly string[];
  readonly rule: Rule;
  readonly reference: Rule;
  /** The findings of `rule` on `doc`, as compared strings. */
  readonly findings: (rule: Rule, doc: IdeaDocument, uri: string) => string[];
  readonly uri: string;
  /** What the edits must keep around (the assertion's message): more than 20 steps with findings. */
  readonly keeps: string;
}

export function replayRandomEdits({ seed, fixture, snippets, rule, reference, findings, uri, keeps }: Replay): void {
  const random = prng(seed);
  const sections = new SectionCache();
  let text = fixture.repeat(1 + (seed % 3));
  let nonEmpty = 0;
  for (let step = 0; step < 150; step++) {
    const at = Math.floor(random() * text.length);
    if (random() < 0.6) text = text.slice(0, at) + snippets[Math.floor(random() * snippets.length)]! + text.slice(at);
    else text = text.slice(0, at) + text.slice(at + Math.floor(random() * 30));
    const expected = findings(reference, parseDocument(text), uri);
    assert.deepEqual(findings(rule, parseDocument(text, { cache: sections }), uri), expected, `step ${step}`);
    assert.deepEqual(findings(rule, parseDocument(text), `${uri}.fresh`), expected, `step ${step} (fresh)`);
    if (expected.length) nonEmpty++;
  }
  assert.ok(nonEmpty > 20, keeps);
}
