// textDocument/foldingRange: one range per project and per idea, from the heading to the section's
// last non-blank line.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { IdeaDocument, Span } from '../engine/parse/model';

export function foldingRanges(doc: IdeaDocument): FoldingRange[] {
  if (!doc.isIdeaFile) return [];
  const ranges: FoldingRange[] = [];
  const add = (span: Span) => {
    const startLine = doc.lines.positionAt(span.start).line;
    let end = span.end;
    while (end > span.start && /\s/.test(doc.text[end - 1]!)) end--;
    const endLine = doc.lines.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const project of doc.projects) add(project.span);
  for (const idea of doc.ideas) add(idea.span);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
