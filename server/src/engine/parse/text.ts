// Offsets ↔ line/character. Lines end at \n, \r\n or a lone \r, as LSP counts them.
import type { LineIndexLike, Position, Range, Span } from './model';

export class LineIndex implements LineIndexLike {
  /** Offset where each line starts. */
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    this.starts = starts ?? [0];
    if (!starts) pushLineStarts(text, 1, text.length, this.starts);
  }

  /**
   * The index of `text`, which equals this index's text but for the middle: the first `prefix` and
   * the last `suffix` characters are unchanged. Costs the lines, not the characters, of the text.
   */
  edited(text: string, prefix: number, suffix: number): LineIndex {
    const old = this.starts;
    const delta = text.length - this.text.length;
    // Whether a line starts at s depends on the characters at s - 1 and s only.
    let i = 1;
    while (i < old.length && old[i]! < prefix) i++;
    const starts = old.slice(0, i);
    const middleEnd = text.length - suffix; // new starts s ≤ middleEnd look at changed characters
    pushLineStarts(text, Math.max(1, prefix), middleEnd, starts);
    let j = i;
    while (j < old.length && old[j]! + delta <= middleEnd) j++;
    for (; j < old.length; j++) starts.push(old[j]! + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return this.starts[line]!;
  }

  lineEnd(line: number): number {
    if (line >= this.starts.length - 1) return this.text.length;
    let end = this.starts[line + 1]!;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    // Never point between the \r and \n of a CRLF, nor past the line's content.
    const character = Math.min(clamped, this.lineEnd(line)) - this.starts[line]!;
    return { line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** Appends the offsets s in [from, to] (from ≥ 1) where a line starts: after \n, or after a \r not followed by \n. */
function pushLineStarts(text: string, from: number, to: number, out: number[]): void {
  const last = Math.min(to, text.length);
  if (last - from < 256) {
    // A few characters (an edit's middle): a scan of them, not a search that may run to the end.
    for (let s = from; s <= last; s++) {
      const c = text.charCodeAt(s - 1);
      if (c === 10 /* \n */ || (c === 13 /* \r */ && text.charCodeAt(s) !== 10)) out.push(s);
    }
    return;
  }
  // The line breaks found by the string search (native, much faster than a loop over characters).
  LINE_BREAK.lastIndex = from - 1;
  while (LINE_BREAK.test(text)) {
    const s = LINE_BREAK.lastIndex; // after the break: \n, \r\n or a lone \r
    if (s > last) break;
    out.push(s);
  }
}

const LINE_BREAK = /\r\n?|\n/g;
const LINE_END = /[\r\n]/g;

/** Where the line holding `from` ends (its line break, or the end of the text). */
export function lineEndAt(text: string, from: number): number {
  LINE_END.lastIndex = from;
  return LINE_END.test(text) ? LINE_END.lastIndex - 1 : text.length;
}

/** Where the line after the one ending at `end` starts (past \n, \r\n or \r). */
export function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/**
 * `s`, copied so that it does not keep alive the string it was cut from. A slice of a string refers
 * to the whole (in V8, from 13 characters up): a field value cached across edits would keep every
 * version of a 3 MB document it was cut from. Whatever outlives one parse is detached.
 */
export function detach(s: string): string {
  // Concatenating makes a new string; slicing that flattens it into a fresh copy first.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export function span(start: number, end: number): { start: number; end: number } {
  return { start, end };
}

/** `span` without the white space at its ends. */
export function trimSpan(text: string, span: Span): Span {
  let s = span.start;
  let e = span.end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
