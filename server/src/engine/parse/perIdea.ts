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
export type MemoSlot<T> = { readonly name: string; readonly index: number; readonly __value?: T };

let slots = 0;

export function memoSlot<T>(name: string): MemoSlot<T> {
  return { name, index: slots++ };
}

/** A memo whose value is undefined (a hole in `IdeaKey`'s array is no memo). */
const UNDEFINED = Symbol('undefined');

/**
 * The origin key of the ideas of one heading of one parsed section (see Idea.origin); it carries
 * their memos, by slot index, so reading one costs a property and an array element (every check
 * reads several per idea: a map or a weak-map lookup each was a visible part of a keystroke).
 */
export class IdeaKey {
  private readonly values: unknown[] = [];

  has(slot: MemoSlot<unknown>): boolean {
    return this.values[slot.index] !== undefined;
  }

  get<T>(slot: MemoSlot<T>): T | undefined {
    const value = this.values[slot.index];
    return value === UNDEFINED ? undefined : (value as T | undefined);
  }

  set<T>(slot: MemoSlot<T>, value: T): void {
    this.values[slot.index] = value === undefined ? UNDEFINED : value;
  }
}

/** `compute(idea)`, re-used for every idea with the same origin key. */
export function perIdea<T>(idea: Idea, slot: MemoSlot<T>, compute: (idea: Idea) => T): T {
  const key = idea.origin?.key;
  if (!(key instanceof IdeaKey)) return compute(idea);
  if (key.has(slot)) return key.get(slot) as T;
  const value = compute(idea);
  key.set(slot, value);
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
