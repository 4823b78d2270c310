// `soc-ideas outline`: what the tree view shows, as text or JSON, with 1-based lines.
import { checkDocument } from '../engine/check';
import { buildOutline } from '../engine/features/outline';
import { parseDocument } from '../engine/parse/parse';
import { singleDocumentVocabulary } from '../engine/workspace/workspace';
import { fileUri } from '../node/nodeHost';
import type { Outline, OutlineIdea, OutlineTemplate } from '../protocol';
import type { OutlineCommand } from './args';
import { escapeControls } from './controls';
import { expandPaths, FileError, readText } from './files';
import { reportOnce, type CliIo } from './lint';
import { checkNotes } from './report';
import { cliEnvironment } from './settings';

export interface CliOutlineIdea {
  readonly title: string;
  readonly line: number;
  /** Sub-project and theme headings between the project and the idea (absent when none). */
  readonly path?: readonly string[];
  readonly fields: ReadonlyArray<{ readonly name: string; readonly label: string; readonly line: number; readonly value: string }>;
  readonly mentors: OutlineIdea['mentors'];
  readonly skills: readonly string[];
  readonly issues: OutlineIdea['issues'];
}

export interface CliOutline {
  readonly file: string;
  readonly template: OutlineTemplate | null;
  readonly projects: ReadonlyArray<{ readonly title: string; readonly line: number; readonly ideas: readonly CliOutlineIdea[] }>;
  /** Ideas outside any project; present only when there are some. */
  readonly orphans?: readonly CliOutlineIdea[];
}

export async function runOutline(command: OutlineCommand, io: CliIo): Promise<number> {
  const env = cliEnvironment(command, io.cwd);
  for (const w of env.warnings) io.stderr(`soc-ideas: ${w}`);
  const [file] = expandPaths([command.file]);
  if (!file || !file.explicit) throw new FileError(`${command.file}: is a directory (outline takes one file)`);
  const { text } = readText(file);
  const uri = fileUri(file.path);
  const doc = parseDocument(text);
  const workspace = singleDocumentVocabulary(uri, doc);
  const result = await checkDocument({ uri, text, doc, host: env.host, settings: env.settings, workspace });
  reportOnce(checkNotes(result), file.display, new Set(), io);
  const outline = toCliOutline(file.display, buildOutline(uri, result.doc, result.resolved, result.findings));
  io.stdout(command.format === 'json' ? `${JSON.stringify(outline, null, 2)}\n` : outlineText(outline));
  return 0;
}

/** The protocol's outline (0-based lines) in the CLI's shape (1-based lines). */
export function toCliOutline(file: string, outline: Outline): CliOutline {
  const idea = (i: OutlineIdea): CliOutlineIdea => ({
    title: i.title,
    line: i.line + 1,
    ...(i.path ? { path: i.path } : {}),
    fields: i.fields.map((f) => ({ name: f.name, label: f.label, line: f.line + 1, value: f.value })),
    mentors: i.mentors,
    skills: i.skills,
    issues: i.issues,
  });
  const orphans = outline.orphans ?? [];
  return {
    file,
    template: outline.template,
    projects: outline.projects.map((p) => ({ title: p.title, line: p.line + 1, ideas: p.ideas.map(idea) })),
    ...(orphans.length > 0 ? { orphans: orphans.map(idea) } : {}),
  };
}

/** Every value in it comes from the file, so all of it is made safe for a terminal. */
export function outlineText(outline: CliOutline): string {
  const out: string[] = [outline.file];
  const t = outline.template;
  out.push(t ? `template: ${t.name} [${t.id}], ${t.source}: ${t.reason}` : 'template: none');
  const ideaLines = (idea: CliOutlineIdea, indent: string): void => {
    out.push(`${indent}${idea.path ? `${idea.path.join(' › ')} › ` : ''}${idea.title}  line:${idea.line}`);
    const inner = `${indent}  `;
    if (idea.mentors.length > 0) out.push(`${inner}mentors: ${idea.mentors.map(mentorText).join('; ')}`);
    if (idea.skills.length > 0) out.push(`${inner}skills: ${idea.skills.join(', ')}`);
    for (const issue of idea.issues) out.push(`${inner}issue: ${issue.url}`);
  };
  for (const project of outline.projects) {
    out.push(`  ${project.title}  line:${project.line}`);
    for (const idea of project.ideas) ideaLines(idea, '    ');
  }
  if (outline.orphans) {
    out.push('  (ideas outside any project)');
    for (const idea of outline.orphans) ideaLines(idea, '    ');
  }
  if (outline.projects.length === 0 && !outline.orphans) out.push('  (no ideas: not an idea file)');
  return `${escapeControls(out.join('\n'))}\n`;
}

function mentorText(m: CliOutlineIdea['mentors'][number]): string {
  const parts = [m.handle ? `@${m.handle}` : undefined, m.email].filter((p): p is string => !!p);
  const role = m.role ? ` [${m.role}]` : '';
  if (m.name) return `${parts.length > 0 ? `${m.name} (${parts.join(', ')})` : m.name}${role}`;
  return `${parts.join(', ') || '?'}${role}`;
}
