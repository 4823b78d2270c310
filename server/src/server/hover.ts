// textDocument/hover: the engine's hover text for a mentor, skill, field label or issue link.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { hoverAt } from '../engine/features/hover';
import type { IdeaDocument } from '../engine/parse/model';
import type { ResolvedTemplate } from '../engine/template/types';
import type { KnownIssues } from '../engine/upstream/issues';
import type { MaintainersList } from '../engine/config/maintainers';
import type { IdeaFileIndex } from './workspaceIndex';

export function hover(doc: IdeaDocument, resolved: ResolvedTemplate, position: Position, index: IdeaFileIndex, upstream?: KnownIssues, maintainers?: MaintainersList): Hover | null {
  const found = hoverAt({
    doc,
    offset: doc.lines.offsetAt(position),
    resolved,
    workspace: index.vocabulary,
    ...(upstream ? { upstream } : {}),
    ...(maintainers ? { maintainers } : {}),
  });
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: { start: doc.lines.positionAt(found.span.start), end: doc.lines.positionAt(found.span.end) },
  };
}
