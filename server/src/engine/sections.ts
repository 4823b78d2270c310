// Splits a document into sections that remark can parse independently.
//
// An idea file is a list of independent heading sections: a cheap line scan proposes a section
// start at every ATX heading in column 0, and each section is parsed on its own and cached by its
// text, so an edit re-parses only the sections it touched.
//
// Why this equals a whole-document parse: a heading in column 0 closes every container (lists,
// block quotes) and interrupts paragraphs, so the only blocks that can run across it are a fenced
// code block or an HTML block still open at the end of the previous section. `parse.ts` sees that
// in the previous section's own tree (its last block is an unclosed fence or an HTML block with no
// blank line after it) and then merges the two sections and parses again. Link reference
// definitions can be used across sections, so every section is parsed with the document's
// definitions appended. The scan below skips headings inside obvious fences only to save work;
// it may be wrong without harm, because merging is always correct.

const HEADING_AT_COLUMN_0 = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DEFINITION = /^ {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:[ \t]*\S/;

export interface SectionScan {
  /** Start offsets of the proposed sections; the first is always 0. */
  readonly starts: number[];
  /** Link reference definition lines of the whole document, joined, or ''. */
  readonly definitions: string;
}

export function scanSections(text: string): SectionScan {
  const starts = [0];
  const definitions: string[] = [];
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
      else if (line.charCodeAt(0) !== 35 /* # */ && DEFINITION.test(line)) definitions.push(line);
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  return { starts, definitions: definitions.length ? `\n\n${definitions.join('\n')}\n` : '' };
}
