// textDocument/completion: the engine's candidates as LSP items (text edits over the typed prefix;
// snippets as snippets where the client takes them, else as their plain text).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { completionsAt, type CandidateKind } from '../engine/features/completion';
import type { IdeaDocument } from '../engine/parse/model';
import type { Template } from '../engine/template/types';
import type { IdeaFileIndex } from './workspaceIndex';

export const COMPLETION_TRIGGERS = [' ', ',', '@', ':', '-', '*', '#', '\t'];

const KIND: Record<CandidateKind, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  skill: CompletionItemKind.Keyword,
  mentor: CompletionItemKind.Reference,
  value: CompletionItemKind.EnumMember,
  project: CompletionItemKind.Module,
  snippet: CompletionItemKind.Snippet,
};

export function completionList(uri: string, doc: IdeaDocument, position: Position, template: Template, index: IdeaFileIndex, snippetSupport: boolean): CompletionList {
  const offset = doc.lines.offsetAt(position);
  const { candidates, incomplete } = completionsAt({
    uri,
    doc,
    offset,
    template,
    workspace: index.vocabulary,
    projectTitles: index.projectTitles(),
  });
  const items = candidates.map((c): CompletionItem => {
    const range = { start: doc.lines.positionAt(c.replace.start), end: doc.lines.positionAt(c.replace.end) };
    const snippet = c.plainText !== undefined && snippetSupport;
    return {
      label: c.label,
      kind: KIND[c.kind],
      sortText: c.sortText,
      filterText: c.filterText,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: snippet || c.plainText === undefined ? c.insertText : c.plainText },
      ...(c.detail ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    };
  });
  return { isIncomplete: incomplete, items };
}
