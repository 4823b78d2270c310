// Values computed from one idea's own section, kept for as long as that section's text is unchanged.
//
// After an edit, most ideas are the ones of the last check, moved (see Idea.origin): whatever a
// rule, the index or template detection derives from an idea's own text alone can be re-used, so a
// keystroke costs what it changed and not the size of the file. A value must not depend on where
// the idea is (offsets go in relative to `idea.origin.base`, see `relativeSpan`), nor on anything
// outside the idea's section (its project, its end, the rest of the document), nor hold strings cut
// from the document's text (they would keep that version alive: see text.ts `detach`; the idea's
// parts are detached already).
import type { Idea, Span } from './model';

/** What a memo is for: one object per kind of value (a rule's, the index's…). */
export type MemoSlot<T> = { readonly name: string; readonly __value?: T };

export function memoSlot<T>(name: string): MemoSlot<T> {
  return { name };
}

/**
 * The origin key of the ideas of one heading of one parsed section (see Idea.origin); it carries
 * their memos, so reading one costs a property and a small map, not a weak-map lookup.
 */
export class IdeaKey {
  readonly memos = new Map<MemoSlot<unknown>, unknown>();
}

/** `compute(idea)`, re-used for every idea with the same origin key. */
export function perIdea<T>(idea: Idea, slot: MemoSlot<T>, compute: (idea: Idea) => T): T {
  const key = idea.origin?.key;
  if (!(key instanceof IdeaKey)) return compute(idea);
  const memos = key.memos;
  const known = memos.get(slot);
  if (known !== undefined || memos.has(slot)) return known as T;
  const value = compute(idea);
  memos.set(slot, value);
  return value;
}

/** A span of the idea, relative to where its section starts (what a memo may keep). */
export function relativeSpan(idea: Idea, span: Span): Span {
  const base = idea.origin?.base ?? 0;
  return { start: span.start - base, end: span.end - base };
}

/** A relative span (see `relativeSpan`) back at document offsets, for the idea as it is now. */
export function absoluteSpan(idea: Idea, span: Span): Span {
  const base = idea.origin?.base ?? 0;
  return { start: span.start + base, end: span.end + base };
}
