// textDocument/hover: the engine's hover text for a mentor, skill, field label or issue link.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { CheckResult } from '../engine/check';
import { hoverAt } from '../engine/hover';
import type { IdeaFileIndex } from './workspaceIndex';

export function hover(result: CheckResult, position: Position, index: IdeaFileIndex): Hover | null {
  const { doc } = result;
  const found = hoverAt({ doc, offset: doc.lines.offsetAt(position), resolved: result.resolved, workspace: index.vocabulary });
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: { start: doc.lines.positionAt(found.span.start), end: doc.lines.positionAt(found.span.end) },
  };
}
