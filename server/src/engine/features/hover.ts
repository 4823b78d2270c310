// Hover text (markdown) for what is under the cursor: a mentor, a skill, a field label, an issue link.
// Pure: the language server wraps the result in an LSP Hover.
import { ideaAt } from './completion';
import { normaliseLabel } from '../parse/labels';
import type { Idea, IdeaDocument, Mentor, Span } from '../parse/model';
import type { ResolvedTemplate } from '../template/types';
import type { IssueAnswer, KnownIssues } from '../upstream/issues';
import { skillKey, type WorkspaceVocabulary } from '../workspace/workspace';
import { type MaintainersList, maintainersOf, projectNames, projectsOfHandle, standingOf } from '../config/maintainers';

export interface HoverInput {
  readonly doc: IdeaDocument;
  readonly offset: number;
  readonly resolved: ResolvedTemplate;
  readonly workspace: WorkspaceVocabulary;
  /** Short name of a file for the user (`2019.md`); defaults to the URI's last segment. */
  readonly fileName?: (uri: string) => string;
  /** What GitHub said of linked issues, when the online check is on. */
  readonly upstream?: KnownIssues;
  /** The config's maintainers list: a mentor's hover says what it says of them. */
  readonly maintainers?: MaintainersList;
}

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

const within = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export function hoverAt(input: HoverInput): HoverResult | undefined {
  const { doc, offset } = input;
  if (!doc.isIdeaFile) return undefined;
  const idea = ideaAt(doc, offset);
  if (!idea) return undefined;
  const fileName = input.fileName ?? lastSegment;

  const mentor = idea.mentors.find((m) => within(m.span, offset));
  if (mentor) {
    const lines: string[] = [`**${escape(mentor.name ?? mentor.handle ?? mentor.raw)}**`];
    if (mentor.handle) lines.push(`GitHub: [@${mentor.handle}](https://github.com/${mentor.handle})`);
    if (mentor.email) lines.push(`E-mail: ${escape(mentor.email)}`);
    if (mentor.role) lines.push(`Role: ${escape(mentor.role)}`);
    if (input.maintainers) lines.push(maintainerLine(input.maintainers, idea, mentor));
    const handle = mentor.handle?.toLowerCase();
    const name = mentor.name?.toLowerCase();
    const uses = input.workspace
      .mentorUses()
      .filter((u) => (handle ? u.handle?.toLowerCase() === handle : name !== undefined && u.name?.toLowerCase() === name));
    const list: string[] = [];
    if (uses.length) {
      const names = [...new Set(uses.map((u) => u.name).filter((n): n is string => !!n))];
      if (names.length > 1) lines.push(`Written as: ${names.map(escape).join(', ')}`);
      lines.push(`Mentors ${uses.length} ${uses.length === 1 ? 'idea' : 'ideas'} in the workspace:`);
      for (const u of uses.slice(0, 30)) list.push(`- ${escape(u.ideaTitle)} — ${escape(fileName(u.uri))}:${u.range.start.line + 1}`);
      if (uses.length > 30) list.push(`- … and ${uses.length - 30} more`);
    }
    const markdown = lines.join('\n\n') + (list.length ? `\n\n${list.join('\n')}` : '');
    return { markdown, span: mentor.span };
  }

  const skill = idea.skills.find((s) => within(s.span, offset));
  if (skill) {
    const use = input.workspace.skills().get(skillKey(skill.name));
    const total = use?.total ?? 0;
    const lines = [`**${escape(skill.name)}**: used by ${total} ${total === 1 ? 'idea' : 'ideas'} in the workspace`];
    if (use && use.spellings.size > 1) {
      const spellings = [...use.spellings].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${escape(s)} (${n})`);
      lines.push(`Spelt: ${spellings.join(', ')}`);
    }
    return { markdown: lines.join('\n\n'), span: skill.span };
  }

  const field = idea.fields.find((f) => within(f.labelSpan, offset));
  if (field) {
    const { template, source } = input.resolved;
    // An unknown label is the template's field written with the same label (a convention's own keys).
    const spec = template.fields.find((f) => (field.key !== null ? f.key === field.key : normaliseLabel(f.label) === normaliseLabel(field.label)));
    const lines: string[] = [];
    if (spec) {
      lines.push(`**${escape(spec.label)}** — ${spec.required ? 'required' : 'optional'} field`);
      if (spec.hint) lines.push(asText(spec.hint));
      if (spec.choices?.length) lines.push(`Allowed values: ${spec.choices.map(asText).join(', ')}`);
    } else {
      lines.push(`**${escape(field.label)}** is not a field of this template`);
    }
    lines.push(`Template: ${escape(template.name)} — ${escape(source.reason)}${source.uri ? ` (${escape(fileName(source.uri))})` : ''}`);
    return { markdown: lines.join('\n\n'), span: field.labelSpan };
  }

  const issue = idea.issues.find((i) => within(i.span, offset));
  if (issue) {
    const kindText: Record<string, string> = {
      issue: 'issue',
      pull: 'pull request',
      'issue-list': 'list of issues (not one issue)',
      repo: 'repository (not an issue)',
      'github-other': 'GitHub page (not an issue)',
      url: 'web page (not a GitHub issue)',
      text: 'text (no link)',
    };
    const ref = issue.owner && issue.repo ? `${issue.owner}/${issue.repo}${issue.number !== undefined ? `#${issue.number}` : ''}` : issue.url;
    const head = `**${escape(ref)}** — ${kindText[issue.kind] ?? issue.kind}`;
    const answer =
      input.upstream && issue.owner && issue.repo && issue.number !== undefined && (issue.kind === 'issue' || issue.kind === 'pull')
        ? input.upstream({ owner: issue.owner, repo: issue.repo, number: issue.number })
        : undefined;
    return { markdown: answer ? `${head}\n\n${upstreamLines(answer).join('\n\n')}` : head, span: issue.span };
  }
  return undefined;
}

/** What the maintainers list says of a mentor of an idea. */
function maintainerLine(list: MaintainersList, idea: Idea, mentor: Mentor): string {
  const file = escape(list.fileName);
  const headings = idea.project ? [idea.project.title, ...idea.path] : [];
  const project = maintainersOf(list, headings);
  if (!project) {
    return headings.length ? `Maintainers: ${file} lists no project named ${escape(headings.join(' › '))}` : `Maintainers: this idea has no project heading to look up in ${file}`;
  }
  const names = `${escape(project.named.join(' › '))} (${escape(projectNames(project))})`;
  const standing = standingOf(project, mentor);
  if (standing.kind === 'not-listed') {
    const elsewhere = mentor.handle ? projectsOfHandle(list, mentor.handle).map((p) => p.name.trim()) : [];
    const also = elsewhere.length ? `; listed for ${escape(elsewhere.slice(0, 5).join(', '))}${elsewhere.length > 5 ? ', …' : ''}` : '';
    return `Maintainers: not listed among the maintainers of ${names} in ${file} (${project.count} listed)${also}`;
  }
  const as = standing.as;
  if (standing.by === 'name' && standing.sameWords && mentor.handle && as.handle && as.handle.toLowerCase() !== mentor.handle.toLowerCase()) {
    return `Maintainers: ${escape(as.name ?? '')} is a maintainer of ${names} per ${file}, as @${escape(as.handle)}, not @${escape(mentor.handle)}`;
  }
  const differs = as.handle !== undefined && as.handle.toLowerCase() !== mentor.handle?.toLowerCase();
  const shown = differs ? ` (listed as ${as.name ? `${escape(as.name)}, ` : ''}@${escape(as.handle!)})` : standing.by === 'name' && as.name && as.name !== mentor.name ? ` (listed as ${escape(as.name)})` : '';
  return `Maintainers: a maintainer of ${names} per ${file}${shown}`;
}

/** What GitHub said: title, state, labels, assignees (or why nothing is known). */
function upstreamLines(answer: IssueAnswer): string[] {
  if (answer.status === 'unknown') return [`On GitHub: not known (${escape(answer.reason)})`];
  if (answer.status === 'missing') return [answer.code === 410 ? 'On GitHub: deleted' : 'On GitHub: not found (or in a private repository)'];
  const { issue } = answer;
  const state = issue.pull && issue.merged ? 'merged' : issue.state === 'closed' && issue.stateReason === 'not_planned' ? 'closed as not planned' : issue.state;
  const lines = [`“${escape(issue.title)}” — ${state}`];
  if (issue.labels.length) lines.push(`Labels: ${issue.labels.map(escape).join(', ')}`);
  lines.push(issue.assignees.length ? `Assigned to: ${issue.assignees.map((a) => `@${escape(a)}`).join(', ')}` : 'Not assigned');
  return lines;
}

function lastSegment(uri: string): string {
  const s = uri.replace(/\/+$/, '');
  try {
    return decodeURIComponent(s.slice(s.lastIndexOf('/') + 1));
  } catch {
    return s.slice(s.lastIndexOf('/') + 1);
  }
}

/**
 * The template's own words, shown as they are written: every ASCII punctuation mark escaped (so a
 * `# comment` is no heading, `**required**` no emphasis) and white space runs joined (so no line
 * break starts a list or code block).
 */
function asText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[!-\/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Markdown-escape text shown in a hover. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
