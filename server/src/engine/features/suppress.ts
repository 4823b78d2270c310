// "Disable RULE for this line / for this file": the inline comments the rule runner reads
// (`<!-- soc-ideas-disable-next-line RULE -->`, `<!-- soc-ideas-disable RULE -->`, DESIGN.md), written
// on a line of their own. The parser reads such a comment only as a block of its own, and a comment
// line inside a list or a paragraph would end it there (GitHub would show two lists, and a value's
// next lines would leave its field). So "for this line" is offered only where a block starts anyway:
// on a heading, or on the first block after a heading, a comment or the start of the file.
import type { Fix } from '../findings/findings';
import type { HtmlComment, IdeaDocument } from '../parse/model';

/** Extend the comment on the line above instead of writing a second one. */
const NEXT_LINE = /^soc-ideas-disable-next-line\b([\s\S]*)$/;
const WHOLE_FILE = /^soc-ideas-disable(?![-\w])([\s\S]*)$/;

export function disableForLineFix(doc: IdeaDocument, rule: string, line: number): Fix | undefined {
  if (line < 0 || line >= doc.lines.lineCount) return undefined;
  const title = `Disable ${rule} for this line`;
  const above = line > 0 ? commentAloneOn(doc, line - 1) : undefined;
  const named = above && NEXT_LINE.exec(above.text);
  if (above && named) return extended(above, 'disable-next-line', named[1]!, rule, title);
  if (!startsBlockAnyway(doc, line)) return undefined;
  const at = doc.lines.lineStart(line);
  return { title, edits: [{ span: { start: at, end: at }, newText: `${comment('disable-next-line', [rule])}${lineBreakOf(doc.text)}` }] };
}

export function disableForFileFix(doc: IdeaDocument, rule: string): Fix | undefined {
  const title = `Disable ${rule} for this file`;
  const at = afterFrontMatter(doc.text);
  const line = doc.lines.positionAt(at).line;
  const first = doc.lines.lineStart(line) === at ? commentAloneOn(doc, line) : undefined;
  const named = first && WHOLE_FILE.exec(first.text);
  if (first && named) return extended(first, 'disable', named[1]!, rule, title);
  return { title, edits: [{ span: { start: at, end: at }, newText: `${comment('disable', [rule])}${lineBreakOf(doc.text)}` }] };
}

/** The comment with `rule` added to those it names; undefined when it names none (it disables every rule). */
function extended(existing: HtmlComment, kind: string, named: string, rule: string, title: string): Fix | undefined {
  const rules = named.split(/[\s,]+/).filter(Boolean);
  if (rules.length === 0 || rules.includes(rule)) return undefined;
  return { title, edits: [{ span: existing.span, newText: comment(kind, [...rules, rule]) }] };
}

function comment(kind: string, rules: readonly string[]): string {
  return `<!-- soc-ideas-${kind} ${rules.join(' ')} -->`;
}

/** A block starts on the line whatever comes before it: a comment line above it ends nothing else. */
function startsBlockAnyway(doc: IdeaDocument, line: number): boolean {
  if (isBlank(doc, line)) return false;
  if (headingAt(doc, line, 'start')) return true;
  let previous = line - 1;
  while (previous >= 0 && isBlank(doc, previous)) previous--;
  return previous < 0 || headingAt(doc, previous, 'end') || commentAloneOn(doc, previous) !== undefined;
}

/** A heading of the file (not one inside a list item or a quote: it starts in the first column) starting or ending on the line. */
function headingAt(doc: IdeaDocument, line: number, edge: 'start' | 'end'): boolean {
  const { lines, text } = doc;
  return doc.headings.some((h) => {
    if (lines.positionAt(edge === 'start' ? h.span.start : Math.max(h.span.start, h.span.end - 1)).line !== line) return false;
    const first = text[lines.lineStart(lines.positionAt(h.span.start).line)];
    return first !== ' ' && first !== '\t' && first !== '>';
  });
}

/** A comment that is the whole line (white space aside). */
function commentAloneOn(doc: IdeaDocument, line: number): HtmlComment | undefined {
  const start = doc.lines.lineStart(line);
  const content = doc.text.slice(start, doc.lines.lineEnd(line));
  if (!content.trimStart().startsWith('<!--')) return undefined;
  const found = doc.comments.find((c) => c.span.start >= start && c.span.start <= doc.lines.lineEnd(line));
  return found && doc.text.slice(found.span.start, found.span.end) === content.trim() ? found : undefined;
}

function isBlank(doc: IdeaDocument, line: number): boolean {
  return doc.text.slice(doc.lines.lineStart(line), doc.lines.lineEnd(line)).trim() === '';
}

/** Where the file's text starts: after a byte-order mark and a YAML front matter block. */
function afterFrontMatter(text: string): number {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text.slice(bom, bom + 8));
  if (!open) return bom;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|$)/m.exec(text.slice(bom + open[0].length));
  return close ? bom + open[0].length + close.index + close[0].length : bom;
}

/** The file's own line break (its first one), so a CRLF file stays CRLF. */
function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
