// The model as the tree view and `soc-ideas outline` show it (protocol.ts types; 0-based lines).
import type { Outline, OutlineIdea, OutlineTemplate } from '../../protocol';
import type { Finding } from '../findings/findings';
import type { Idea, IdeaDocument } from '../parse/model';
import type { ResolvedTemplate } from '../template/types';
import { partitionPoint } from '../sorted';

export function outlineTemplate(resolved: ResolvedTemplate | null): OutlineTemplate | null {
  if (!resolved) return null;
  return {
    id: resolved.template.id,
    name: resolved.template.name,
    source: resolved.source.kind,
    ...(resolved.source.uri ? { uri: resolved.source.uri } : {}),
    reason: resolved.source.reason,
  };
}

export function buildOutline(uri: string, doc: IdeaDocument, resolved: ResolvedTemplate | null, findings: readonly Finding[] = []): Outline {
  const lineOf = (offset: number) => doc.lines.positionAt(offset).line;
  // Findings by start, so each idea counts its own with a binary search (not a pass over all).
  const sorted = [...findings].sort((a, b) => a.span.start - b.span.start);
  const firstAtOrAfter = (offset: number) => partitionPoint(sorted.length, (i) => sorted[i]!.span.start < offset);
  const ideaOutline = (idea: Idea): OutlineIdea => {
    const problems = { error: 0, warning: 0, info: 0 };
    for (let k = firstAtOrAfter(idea.span.start); k < sorted.length && sorted[k]!.span.start < idea.span.end; k++) {
      const severity = sorted[k]!.severity;
      if (severity === 'error') problems.error++;
      else if (severity === 'warning') problems.warning++;
      else problems.info++;
    }
    return {
      title: idea.title,
      line: lineOf(idea.heading.span.start),
      ...(idea.path.length ? { path: idea.path } : {}),
      fields: idea.fields.map((f) => ({ name: f.key ?? '', label: f.label, line: lineOf(f.itemSpan.start), value: f.value })),
      mentors: idea.mentors.map((m) => ({
        ...(m.name !== undefined ? { name: m.name } : {}),
        ...(m.handle !== undefined ? { handle: m.handle } : {}),
        ...(m.email !== undefined ? { email: m.email } : {}),
        ...(m.role !== undefined ? { role: m.role } : {}),
      })),
      skills: idea.skills.map((s) => s.name),
      issues: idea.issues.map((i) => ({
        url: i.url,
        ...(i.owner !== undefined ? { owner: i.owner } : {}),
        ...(i.repo !== undefined ? { repo: i.repo } : {}),
        ...(i.number !== undefined ? { number: i.number } : {}),
      })),
      problems,
    };
  };
  const orphans = doc.ideas.filter((i) => !i.project).map(ideaOutline);
  return {
    file: uri,
    template: outlineTemplate(resolved),
    projects: doc.projects.map((p) => ({ title: p.title, line: lineOf(p.heading.span.start), ideas: p.ideas.map(ideaOutline) })),
    ...(orphans.length ? { orphans } : {}),
    isIdeaFile: doc.isIdeaFile,
  };
}

/** Another file's idea, as the workspace index knows it. */
export interface SiblingIdea {
  readonly uri: string;
  readonly title: string;
  readonly line: number;
}

/**
 * The outline of a file that is one idea of a folder of front-matter files (its template read from
 * them): the folder is the list, shown as one group, this file's idea with its parts and the others'
 * by title, each opening its own file. Other outlines are returned as they are.
 */
export function folderOutline(outline: Outline, doc: IdeaDocument, resolved: ResolvedTemplate | null, siblings: readonly SiblingIdea[]): Outline {
  const own = outline.orphans;
  if (!doc.frontMatter?.idea || resolved?.template.acrossFiles === undefined || !own?.length || !resolved.source.uri) return outline;
  const dir = resolved.source.uri;
  const folder = decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1));
  const others = siblings
    .filter((s) => s.uri !== outline.file && s.uri.startsWith(`${dir}/`) && !s.uri.slice(dir.length + 1).includes('/'))
    .map((s): OutlineIdea => ({ title: s.title, line: s.line, fields: [], mentors: [], skills: [], issues: [], uri: s.uri }));
  const ideas = [...own, ...others].sort((a, b) => (a.uri ?? outline.file).localeCompare(b.uri ?? outline.file));
  const { orphans: _orphans, ...rest } = outline;
  return { ...rest, projects: [{ title: `${folder}/`, line: 0, ideas }] };
}
