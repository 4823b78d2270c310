// `--changed-since`: which findings a reviewer of the change should see.
//
// A finding is kept when
//   1. the line it starts on was added or changed, or
//   2. it starts on an idea's heading (a missing field, a duplicate idea: the idea as a whole) and any
//      line of that idea was added or changed, or lines were deleted right below one of its lines.
// A new or untracked file counts as wholly added; a file that did not change keeps nothing.
import type { Finding } from '../engine/findings/findings';
import type { IdeaDocument } from '../engine/parse/model';
import type { FileChanges } from './git';

export function findingsOnChanges(doc: IdeaDocument, findings: readonly Finding[], changes: FileChanges | undefined): Finding[] {
  if (!changes) return [];
  if (changes.all) return [...findings];
  return findings.filter((f) => {
    const line = doc.lines.positionAt(f.span.start).line + 1;
    if (changes.added.has(line)) return true;
    const idea = doc.ideas.find((i) => f.span.start >= i.heading.span.start && f.span.start < i.heading.span.end);
    return idea !== undefined && ideaChanged(doc, idea.span, changes);
  });
}

function ideaChanged(doc: IdeaDocument, span: { start: number; end: number }, changes: FileChanges): boolean {
  const first = doc.lines.positionAt(span.start).line + 1;
  const last = doc.lines.positionAt(Math.max(span.start, span.end - 1)).line + 1;
  for (let line = first; line <= last; line++) {
    if (changes.added.has(line) || changes.deletedAfter.has(line)) return true;
  }
  return false;
}
