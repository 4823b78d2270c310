// textDocument/hover: the engine's hover text for a mentor, skill, field label or issue link.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { hoverAt } from '../engine/features/hover';
import type { IdeaDocument } from '../engine/parse/model';
import type { ResolvedTemplate } from '../engine/template/types';
import type { KnownIssues } from '../engine/upstream/issues';
import type { MaintainersList } from '../engine/config/maintainers';
import type { IdeaFileIndex } from './workspaceIndex';

/** What the hover may say besides the document's own text (each part optional). */
export interface HoverContext {
  /** What is known online of linked issues. */
  readonly upstream?: KnownIssues;
  /** Names the files the hover lists (relative to the workspace). */
  readonly pathOf?: (uri: string) => string;
  /** The configured maintainers list, if any. */
  readonly maintainers?: MaintainersList;
}

export function hover(doc: IdeaDocument, resolved: ResolvedTemplate, position: Position, index: IdeaFileIndex, context: HoverContext = {}): Hover | null {
  const found = hoverAt({
    doc,
    offset: doc.lines.offsetAt(position),
    resolved,
    workspace: index.vocabulary,
    ...(context.upstream ? { upstream: context.upstream } : {}),
    ...(context.pathOf ? { fileName: context.pathOf } : {}),
    ...(context.maintainers ? { maintainers: context.maintainers } : {}),
  });
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: { start: doc.lines.positionAt(found.span.start), end: doc.lines.positionAt(found.span.end) },
  };
}
