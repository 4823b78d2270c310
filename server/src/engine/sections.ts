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

/** Start offsets of the proposed sections; the first is always 0. */
export function scanSections(text: string): number[] {
  const starts = [0];
  let fence: { char: string; size: number } | null = null;
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.size && /^[`~]+[ \t]*$/.test(line.trim())) {
        fence = null;
      }
    } else {
      const open = FENCE.exec(line);
      if (open) fence = { char: open[1]![0]!, size: open[1]!.length };
      else if (lineStart > 0 && HEADING_AT_COLUMN_0.test(line)) starts.push(lineStart);
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return starts;
}
