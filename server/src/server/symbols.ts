// Document symbols (project → idea, for the outline and breadcrumbs) and workspace symbols (every
// idea of every indexed idea file).
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Idea, IdeaDocument, Span } from '../engine/parse/model';
import type { IdeaFileIndex } from './workspaceIndex';

const MAX_WORKSPACE_SYMBOLS = 500;

export function documentSymbols(doc: IdeaDocument): DocumentSymbol[] {
  if (!doc.isIdeaFile) return [];
  const range = (span: Span) => ({ start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) });
  const ideaSymbol = (idea: Idea): DocumentSymbol => ({
    name: idea.title || '(untitled idea)',
    kind: SymbolKind.Class,
    range: range(idea.span),
    selectionRange: range(idea.heading.textSpan),
    ...(idea.mentors.length ? { detail: idea.mentors.map((m) => (m.handle ? `@${m.handle}` : m.name ?? m.raw)).join(', ') } : {}),
  });
  const symbols: DocumentSymbol[] = doc.projects.map((p) => ({
    name: p.title || '(untitled project)',
    kind: SymbolKind.Module,
    range: range(p.span),
    selectionRange: range(p.heading.textSpan),
    detail: `${p.ideas.length} ${p.ideas.length === 1 ? 'idea' : 'ideas'}`,
    children: p.ideas.map(ideaSymbol),
  }));
  for (const idea of doc.ideas) if (!idea.project) symbols.push(ideaSymbol(idea));
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line);
}

export function workspaceSymbols(index: IdeaFileIndex, query: string): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const idea of index.ideas()) {
    const haystack = `${idea.title} ${idea.project ?? ''}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w) || fuzzy(haystack, w))) continue;
    out.push({
      name: idea.title,
      kind: SymbolKind.Class,
      location: { uri: idea.uri, range: idea.range },
      ...(idea.project ? { containerName: idea.project } : {}),
    });
    if (out.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return out;
}

/** The query's characters in order (clients filter again; this keeps answers short). */
function fuzzy(text: string, query: string): boolean {
  let i = 0;
  for (const c of text) if (c === query[i]) i++;
  return i === query.length;
}
