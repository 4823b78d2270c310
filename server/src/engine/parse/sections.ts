// Splits a document into sections that remark can parse independently.
//
// An idea file is a list of independent heading sections: a cheap line scan proposes a section
// start at every ATX heading in column 0, and each section is parsed on its own and cached by its
// text, so an edit re-parses only the sections it touched.
//
// Why this equals a whole-document parse: a heading in column 0 closes every container (lists,
// block quotes) and interrupts paragraphs, so the only blocks that can run across it are a fenced
// code block or an HTML block still open at the end of the previous section. Each section is
// parsed with the next section's heading line after it: when that line does not come out as a
// heading, `parse.ts` merges the two sections and parses again (and the line also closes the
// section's lists exactly as in the whole document). Link reference
// definitions can be used across sections: `parse.ts` collects them from the sections' trees and
// parses the sections that may use one again with all of them. The scan below skips headings
// inside obvious fences only to save work; it may be wrong without harm, because merging is
// always correct.

const HEADING_AT_COLUMN_0 = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The proposed section starts after `from`, one at a time, scanning no further than asked. `from`
 * must be a section start (or 0): no fence is open there, so a scan may begin at any earlier start
 * and proposes the same starts after it as a scan of the whole text (an edit re-scans only from the
 * section it touched).
 */
export class SectionScanner {
  private fence: { char: string; size: number } | null = null;
  private lineStart: number;
  private readonly lineBreak = /\r\n|\r|\n/g;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.lineStart = from;
    this.advance(); // the line at `from` starts the section, it does not propose one
  }

  /** The next proposed start, or undefined at the end of the text. */
  next(): number | undefined {
    while (this.lineStart >= 0) {
      const start = this.lineStart;
      if (this.advance()) return start;
    }
    return undefined;
  }

  /** Reads the line at `lineStart`, moves past it; true when the line proposes a section start. */
  private advance(): boolean {
    const { text } = this;
    const lineStart = this.lineStart;
    this.lineBreak.lastIndex = lineStart;
    const m = this.lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    this.lineStart = m ? m.index + m[0].length : -1;
    // Only a line starting with a space, a fence character or `#` can matter: most need no slice.
    const c = text.charCodeAt(lineStart);
    if (c !== 32 && c !== 96 && c !== 126 && (this.fence || c !== 35)) return false;
    const line = text.slice(lineStart, lineEnd);
    if (this.fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === this.fence.char && close[1]!.length >= this.fence.size && /^[`~]+[ \t]*$/.test(line.trim())) {
        this.fence = null;
      }
      return false;
    }
    const open = FENCE.exec(line);
    if (open) {
      this.fence = { char: open[1]![0]!, size: open[1]!.length };
      return false;
    }
    return lineStart > 0 && HEADING_AT_COLUMN_0.test(line);
  }
}
