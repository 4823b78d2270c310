// Completion candidates at an offset: the template's missing fields on a new bullet, workspace skills
// and mentors in field values, allowed values, project names on a project heading. Pure: the language
// server turns candidates into LSP items. Contexts are read from the line's text up to the cursor (the
// parse of a half-typed line is not to be trusted); the idea around the cursor comes from the model.
import { frontMatterKeyOf } from '../parse/frontMatter';
import { fieldKeyOf } from '../parse/labels';
import type { Idea, IdeaDocument, Span } from '../parse/model';
import type { Template } from '../template/types';
import { ideaSnippetAt, type SnippetKind } from './snippet';
import { skillKey, type WorkspaceVocabulary } from '../workspace/workspace';

export type CandidateKind = 'field' | 'skill' | 'mentor' | 'value' | 'project' | 'snippet';

export interface CompletionCandidate {
  readonly kind: CandidateKind;
  /** What the list shows. */
  readonly label: string;
  /** Text that replaces `replace`. */
  readonly insertText: string;
  readonly replace: Span;
  /** What the client filters on (the typed text in `replace` must match it). */
  readonly filterText: string;
  /** Lower sorts first. */
  readonly sortText: string;
  readonly detail?: string;
  readonly documentation?: string;
  /** `insertText` is snippet syntax (tab stops); this is the same text for clients without snippets. */
  readonly plainText?: string;
}

export interface CompletionResult {
  readonly candidates: CompletionCandidate[];
  /** Candidates were left out by the typed prefix or the cap: ask again as the user types. */
  readonly incomplete: boolean;
}

export interface CompletionInput {
  /** The document's URI: what is being typed on the cursor's line is not offered back. */
  readonly uri?: string;
  readonly doc: IdeaDocument;
  readonly offset: number;
  readonly template: Template;
  readonly workspace: WorkspaceVocabulary;
  /** Project titles known in the workspace, with how many files use each. */
  readonly projectTitles?: ReadonlyMap<string, number>;
}

/** Longest list sent for skills and mentors; the client asks again as the prefix grows. */
const MAX_ITEMS = 100;
const EMPTY: CompletionResult = { candidates: [], incomplete: false };

const FIELD_LINE = /^([ \t]*)(?:([-*+])([ \t]+))?(\*\*|__)?([^:*_\n]{1,60}?)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?([ \t]*)(.*)$/;
const BULLET_START = /^([ \t]*)([-*+])([ \t]+)([^\s:]*(?: [^\s:]*)*)$/;
const SUB_ITEM = /^([ \t]+)([-*+])([ \t]+)(.*)$/;
const AT_HANDLE = /@([A-Za-z0-9-]*)$/;

export function completionsAt(input: CompletionInput): CompletionResult {
  const { doc, offset } = input;
  const lines = doc.lines;
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStart(line);
  const before = doc.text.slice(lineStart, offset);

  const matter = doc.frontMatter;
  if (matter && offset >= matter.contentSpan.start && offset <= matter.contentSpan.end) return inFrontMatter(input, before, lineStart, offset);

  // On an empty line, a word or a run of `#` at its start: a new idea (or project) in the file's form.
  if (doc.isIdeaFile && /^(?:#{1,6}|[A-Za-z]{0,12})$/.test(before) && doc.text.slice(offset, lines.lineEnd(line)).trim() === '') {
    return newIdeaSnippets(input, before, lineStart, offset);
  }
  const heading = /^(#{1,6})[ \t]+(.*)$/.exec(before);
  if (heading) {
    if (input.template.projectLevel !== null && heading[1]!.length === input.template.projectLevel) {
      return projectNames(input, heading[2]!, offset);
    }
    return EMPTY;
  }
  if (!doc.isIdeaFile) return EMPTY;
  const idea = ideaAt(doc, offset);

  const field = FIELD_LINE.exec(before);
  if (field) {
    const key = fieldKeyOf(field[5]!);
    const value = field[7]!;
    const valueStart = offset - value.length;
    if (key === 'skills') return skills(input, value, valueStart, offset);
    if (key === 'mentors') return mentors(input, value, valueStart, offset, false);
    const spec = input.template.fields.find((f) => f.key === key);
    if (spec?.choices?.length) return choices(spec.choices, value, valueStart, offset);
    if (key === 'issue' && idea) {
      const prefixes = issuePrefixes(input.doc, idea, value, valueStart, offset);
      if (prefixes.candidates.length) return prefixes;
    }
    const at = AT_HANDLE.exec(value);
    if (at) return mentors(input, at[0], offset - at[0].length, offset, true);
    return EMPTY;
  }

  if (idea) {
    const sub = SUB_ITEM.exec(before);
    if (sub && fieldAbove(idea, lineStart)?.key === 'mentors') {
      return mentors(input, sub[4]!, offset - sub[4]!.length, offset, false);
    }
    const bullet = BULLET_START.exec(before);
    if (bullet && !AT_HANDLE.test(before)) return missingFields(input, idea, bullet, lineStart, offset);
  }
  const at = AT_HANDLE.exec(before);
  if (at) return mentors(input, at[0], offset - at[0].length, offset, true);
  return EMPTY;
}

const FRONT_MATTER_KEY = /^([A-Za-z_][\w-]*)?$/;
const FRONT_MATTER_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;
const FRONT_MATTER_ITEM = /^[ \t]*-[ \t]+(.*)$/;

/**
 * In a front matter whose keys are an idea's fields: a key the idea lacks at the start of a line,
 * allowed values after `key: `, mentors (as handles, as the list writes them) and skills on a list
 * item under their key.
 */
function inFrontMatter(input: CompletionInput, before: string, lineStart: number, offset: number): CompletionResult {
  const { doc } = input;
  const idea = doc.frontMatter?.idea;
  if (!idea) return EMPTY;
  const key = FRONT_MATTER_KEY.exec(before);
  if (key && doc.text.slice(offset, doc.lines.lineEnd(doc.lines.positionAt(offset).line)).trim() === '') {
    const typed = key[1] ?? '';
    const present = new Set(idea.fields.filter((f) => f.labelSpan.start !== lineStart).map((f) => f.label.toLowerCase()));
    const candidates: CompletionCandidate[] = [];
    input.template.fields.forEach((spec, order) => {
      if (present.has(spec.label.toLowerCase()) || !matchesPrefix(spec.label, typed)) return;
      candidates.push({
        kind: 'field',
        label: spec.label,
        insertText: `${spec.label}: `,
        replace: { start: lineStart, end: offset },
        filterText: spec.label,
        sortText: String(order).padStart(3, '0'),
        detail: `${spec.required ? 'required' : 'optional'} field of ${input.template.name}`,
        ...(spec.hint || spec.choices ? { documentation: fieldDocumentation(spec.hint, spec.choices) } : {}),
      });
    });
    return { candidates, incomplete: typed.length > 0 };
  }
  const value = FRONT_MATTER_VALUE.exec(before);
  const item = value ? null : FRONT_MATTER_ITEM.exec(before);
  const label = value ? value[1]! : item ? fieldAbove(idea, lineStart)?.label : undefined;
  if (label === undefined) return EMPTY;
  const typed = value ? value[2]! : item![1]!;
  const field = idea.fields.find((f) => f.label === label);
  const fieldKey = field?.key ?? frontMatterKeyOf(label);
  if (fieldKey === 'mentors') {
    const result = mentors(input, typed, offset - typed.length, offset, false);
    // A front-matter list of mentors is a list of handles.
    return { ...result, candidates: result.candidates.filter((c) => c.insertText.includes('@')).map((c) => ({ ...c, insertText: c.insertText.replace(/^.*@([A-Za-z0-9-]+).*$/, '$1') })) };
  }
  if (fieldKey === 'skills') return skills(input, typed, offset - typed.length, offset);
  const spec = input.template.fields.find((f) => f.label === label || (fieldKey !== null && f.key === fieldKey));
  if (spec?.choices?.length) return choices(spec.choices, typed, offset - typed.length, offset);
  return EMPTY;
}

/** `idea` and `project` snippets in the file's own form, replacing what is typed at the line's start. */
function newIdeaSnippets(input: CompletionInput, typed: string, lineStart: number, offset: number): CompletionResult {
  const { doc, template } = input;
  // Ideas written as table rows or front matter are not headings with fields: no snippet writes those.
  const near = ideaAt(doc, offset) ?? doc.ideas[doc.ideas.length - 1];
  if (near?.syntax !== undefined) return EMPTY;
  const kinds: SnippetKind[] = doc.projects.length > 0 && template.projectLevel !== null ? ['idea', 'project'] : ['idea'];
  const candidates = kinds.map((kind, rank): CompletionCandidate => {
    const { snippet, text } = ideaSnippetAt(doc, template, lineStart, kind);
    // A typed `####` is matched against the heading the snippet writes.
    const heading = /^\n*(#+) /.exec(text)?.[1] ?? '';
    return {
      kind: 'snippet',
      label: kind,
      insertText: snippet,
      plainText: text,
      replace: { start: lineStart, end: offset },
      filterText: typed.startsWith('#') ? `${heading} ${kind}` : kind,
      sortText: `~${rank}`,
      detail: kind === 'idea' ? `a new idea as this file writes them (${template.name})` : `a new project with its first idea (${template.name})`,
      documentation: `\`\`\`markdown\n${text.replace(/^\n+/, '').replace(/`{3,}/g, (m) => m.replace(/`/g, "'"))}\n\`\`\``,
    };
  });
  return { candidates, incomplete: false };
}

/** The idea whose section holds the offset. */
export function ideaAt(doc: IdeaDocument, offset: number): Idea | undefined {
  const ideas = doc.ideas;
  let lo = 0;
  let hi = ideas.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const idea = ideas[mid]!;
    if (offset < idea.span.start) hi = mid - 1;
    else if (offset > idea.span.end || (offset === idea.span.end && offset < doc.text.length)) lo = mid + 1;
    else return idea;
  }
  return doc.samples.find((s) => offset >= s.span.start && offset <= s.span.end);
}

function fieldAbove(idea: Idea, lineStart: number) {
  let found: Idea['fields'][number] | undefined;
  for (const f of idea.fields) if (f.itemSpan.start < lineStart) found = f;
  return found;
}

function missingFields(input: CompletionInput, idea: Idea, bullet: RegExpExecArray, lineStart: number, offset: number): CompletionResult {
  const indent = bullet[1]!;
  if (indent.replace(/\t/g, '    ').length >= 2) return EMPTY; // a nested item, not a field
  const typed = bullet[4]!;
  const present = new Set(idea.fields.filter((f) => f.itemSpan.start < lineStart || f.itemSpan.start > offset).map((f) => f.key));
  const { marker, gap } = input.template.bullet;
  const markerStart = lineStart + indent.length;
  const typedPrefix = `${bullet[2]}${bullet[3]}`;
  const candidates: CompletionCandidate[] = [];
  input.template.fields.forEach((spec, order) => {
    if (present.has(spec.key)) return;
    if (!matchesPrefix(spec.label, typed)) return;
    const required = spec.required ? 'required' : 'optional';
    candidates.push({
      kind: 'field',
      label: spec.label,
      insertText: `${marker}${gap}${spec.label}: `,
      replace: { start: markerStart, end: offset },
      filterText: `${typedPrefix}${spec.label}`,
      sortText: String(order).padStart(3, '0'),
      detail: `${required} field of ${input.template.name}`,
      ...(spec.hint || spec.choices ? { documentation: fieldDocumentation(spec.hint, spec.choices) } : {}),
    });
  });
  return { candidates, incomplete: typed.length > 0 };
}

function fieldDocumentation(hint: string | undefined, choices: readonly string[] | undefined): string {
  const parts: string[] = [];
  if (hint) parts.push(hint);
  if (choices?.length) parts.push(`One of: ${choices.join(', ')}`);
  return parts.join('\n\n');
}

function skills(input: CompletionInput, value: string, valueStart: number, offset: number): CompletionResult {
  const comma = value.lastIndexOf(',');
  const segment = value.slice(comma + 1);
  const typed = segment.replace(/^\s+/, '');
  const typedStart = offset - typed.length;
  const used = new Set(
    value
      .slice(0, Math.max(0, comma))
      .split(',')
      .map((s) => skillKey(s))
      .filter(Boolean),
  );
  const all: Array<{ name: string; total: number; spellings: number }> = [];
  const typing = skillKey(typed);
  for (const [key, use] of input.workspace.skills()) {
    // The half-typed word is in the vocabulary too (the open text is indexed): not a suggestion.
    if (used.has(key) || (key === typing && use.total === 1)) continue;
    let name = '';
    let most = -1;
    for (const [spelling, count] of use.spellings) {
      if (count > most) {
        name = spelling;
        most = count;
      }
    }
    if (!name || !matchesPrefix(name, typed)) continue;
    all.push({ name, total: use.total, spellings: use.spellings.size });
  }
  all.sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const shown = all.slice(0, MAX_ITEMS);
  void valueStart;
  return {
    candidates: shown.map((s, rank) => ({
      kind: 'skill',
      label: s.name,
      insertText: s.name,
      replace: { start: typedStart, end: offset },
      filterText: s.name,
      sortText: String(rank).padStart(4, '0'),
      detail: `${s.total} ${s.total === 1 ? 'use' : 'uses'} in the workspace`,
    })),
    incomplete: typed.length > 0 || all.length > shown.length,
  };
}

interface KnownMentor {
  name?: string;
  handle?: string;
  email?: string;
  uses: number;
  names: Map<string, number>;
}

/** Mentors of the workspace by handle (or by name when they have none), most used first. */
export function knownMentors(workspace: WorkspaceVocabulary, skip?: { uri: string; line: number }): KnownMentor[] {
  const byKey = new Map<string, KnownMentor>();
  for (const use of workspace.mentorUses()) {
    if (skip && use.uri === skip.uri && use.range.start.line <= skip.line && use.range.end.line >= skip.line) continue;
    const key = use.handle ? `@${use.handle.toLowerCase()}` : use.name ? use.name.toLowerCase() : '';
    if (!key) continue;
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = { uses: 0, names: new Map(), ...(use.handle ? { handle: use.handle } : {}) }));
    m.uses++;
    if (use.name) m.names.set(use.name, (m.names.get(use.name) ?? 0) + 1);
    if (use.email && !m.email) m.email = use.email;
  }
  const out = [...byKey.values()];
  for (const m of out) {
    let most = 0;
    for (const [name, count] of m.names) {
      if (count > most) {
        m.name = name;
        most = count;
      }
    }
  }
  return out.sort((a, b) => b.uses - a.uses || (a.name ?? a.handle ?? '').localeCompare(b.name ?? b.handle ?? ''));
}

/** `Name (@handle)` or `Name (@handle, email)`, as the template writes mentors. */
export function mentorText(template: Template, m: { name?: string; handle?: string; email?: string }): string {
  if (!m.handle) return m.name ?? '';
  const email = template.mentors.email && m.email ? `, ${m.email}` : '';
  return m.name ? `${m.name} (@${m.handle}${email})` : `@${m.handle}`;
}

function mentors(input: CompletionInput, value: string, _valueStart: number, offset: number, atOnly: boolean): CompletionResult {
  const separator = Math.max(value.lastIndexOf(','), value.lastIndexOf(';'));
  let typed = atOnly ? value : value.slice(separator + 1).replace(/^\s+/, '');
  const at = AT_HANDLE.exec(typed);
  // After `Name (@` only the handle is wanted.
  const handleOnly = at !== null && /\(\s*@[A-Za-z0-9-]*$/.test(typed);
  if (at && (handleOnly || atOnly || typed.startsWith('@'))) typed = at[0];
  const typedStart = offset - typed.length;
  const query = typed.replace(/^@/, '').toLowerCase();
  const line = input.doc.lines.positionAt(offset).line;
  const matched = knownMentors(input.workspace, input.uri !== undefined ? { uri: input.uri, line } : undefined).filter((m) => {
    if (!m.handle && !m.name) return false;
    if (!query) return true;
    if (m.handle?.toLowerCase().startsWith(query)) return true;
    return !typed.startsWith('@') && m.name !== undefined && matchesPrefix(m.name, query);
  });
  const shown = matched.slice(0, MAX_ITEMS);
  return {
    candidates: shown.map((m, rank) => {
      const insertText = handleOnly ? `@${m.handle ?? ''}` : mentorText(input.template, m);
      const label = mentorText({ ...input.template, mentors: { ...input.template.mentors, email: true } }, m);
      return {
        kind: 'mentor' as const,
        label,
        insertText,
        replace: { start: typedStart, end: offset },
        filterText: typed.startsWith('@') ? `@${m.handle ?? ''}` : `${m.name ?? ''} @${m.handle ?? ''}`,
        sortText: String(rank).padStart(4, '0'),
        detail: `mentor of ${m.uses} ${m.uses === 1 ? 'idea' : 'ideas'} in the workspace`,
      };
    }).filter((c) => c.insertText !== '' && c.insertText !== '@'),
    incomplete: query.length > 0 || matched.length > shown.length,
  };
}

function choices(values: readonly string[], value: string, valueStart: number, offset: number): CompletionResult {
  const typed = value.trimStart();
  const start = Math.max(valueStart, offset - typed.length);
  const candidates = values
    .filter((c) => c.trim() !== '' && matchesPrefix(c, typed))
    .map((c, rank) => valueCandidate(c, rank, { start, end: offset }, 'allowed value'));
  return { candidates, incomplete: typed.length > 0 };
}

/** A field value offered as it is, in rank order. */
function valueCandidate(value: string, rank: number, replace: Span, detail: string): CompletionCandidate {
  return { kind: 'value', label: value, insertText: value, replace, filterText: value, sortText: String(rank).padStart(3, '0'), detail };
}

/**
 * The issue URL prefixes of the repositories the idea's project links from its other ideas (the whole
 * file when the idea has no project), most linked first: the number is the one part left to type.
 */
function issuePrefixes(doc: IdeaDocument, idea: Idea, value: string, valueStart: number, offset: number): CompletionResult {
  const typed = value.trimStart();
  const counts = new Map<string, number>();
  for (const other of doc.ideas) {
    if (other === idea || other.project !== idea.project) continue;
    for (const ref of other.issues) {
      if ((ref.kind !== 'issue' && ref.kind !== 'pull') || !ref.owner || !ref.repo) continue;
      const prefix = `https://github.com/${ref.owner}/${ref.repo}/issues/`;
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  const start = Math.max(valueStart, offset - typed.length);
  const ranked = [...counts]
    .filter(([prefix]) => prefix.toLowerCase().startsWith(typed.toLowerCase()) && prefix.length > typed.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ITEMS);
  return {
    candidates: ranked.map(([prefix, links], rank) =>
      valueCandidate(prefix, rank, { start, end: offset }, `issues of ${idea.project ? idea.project.title : 'this file'}'s repository (${links} ${links === 1 ? 'link' : 'links'} in its other ideas)`),
    ),
    incomplete: false,
  };
}

function projectNames(input: CompletionInput, typed: string, offset: number): CompletionResult {
  const inFile = new Set(input.doc.projects.map((p) => p.title.toLowerCase()));
  const all = [...(input.projectTitles ?? new Map<string, number>())]
    .filter(([title]) => !inFile.has(title.toLowerCase()) && matchesPrefix(title, typed.trim()))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = all.slice(0, MAX_ITEMS);
  return {
    candidates: shown.map(([title, files], rank) => ({
      kind: 'project',
      label: title,
      insertText: title,
      replace: { start: offset - typed.length, end: offset },
      filterText: title,
      sortText: String(rank).padStart(4, '0'),
      detail: `project in ${files} ${files === 1 ? 'file' : 'files'} of the workspace`,
    })),
    incomplete: typed.length > 0 || all.length > shown.length,
  };
}

/** Case-insensitive prefix of the text or of one of its words. */
function matchesPrefix(text: string, typed: string): boolean {
  const t = typed.trim().toLowerCase();
  if (!t) return true;
  const l = text.toLowerCase();
  if (l.startsWith(t)) return true;
  return l.split(/[\s()/.,-]+/).some((w) => w.startsWith(t));
}
