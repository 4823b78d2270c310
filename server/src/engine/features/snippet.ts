// A new idea in the template in force, written as the file writes its ideas: its heading level, its
// labels, bullets and bold, blank lines after the heading and between fields (from the idea before the
// cursor), the template's fields in order and mentor form. As VS Code / LSP snippet text (tab stops,
// choices) for completion and "Insert idea", or as plain text for clients without snippet support. Both
// are rendered from one list of parts, so the plain text is exactly the snippet without its syntax.
import type { Idea, IdeaDocument } from '../parse/model';
import { INSERTED_PLACEHOLDERS } from '../template/inserted';
import type { Template, TemplateField } from '../template/types';
import { partitionPoint } from '../sorted';

type Part =
  | { readonly kind: 'text'; readonly text: string }
  /** A tab stop; `placeholder` is the text it holds ('' for an empty stop). */
  | { readonly kind: 'stop'; readonly placeholder: string }
  /** A tab stop offering the template's allowed values; plain text leaves it empty. */
  | { readonly kind: 'choice'; readonly choices: readonly string[] };

/** How the file writes an idea (the template's own form where the file shows none). */
export interface IdeaStyle {
  /** null: the file's ideas have no project heading. */
  readonly projectLevel: number | null;
  readonly ideaLevel: number;
  /** Marker and the white space after it (`-\t`, `* `); '' for fields written as paragraphs. */
  readonly bullet: string;
  readonly bold: boolean;
  /** Label per field key, as the file mostly writes it. */
  readonly labels: ReadonlyMap<string, string>;
  readonly blankAfterHeading: boolean;
  readonly blankBetweenFields: boolean;
}

/** Snippet syntax for one idea in the template's own form. */
export function templateToSnippet(template: Template): string {
  return toSnippet(ideaParts(template, templateStyle(template)));
}

/** The same idea as plain text (placeholders kept, empty stops and choices left empty, no white space at line ends). */
export function templateToText(template: Template): string {
  return toText(ideaParts(template, templateStyle(template)));
}

export type SnippetKind = 'idea' | 'project';

/**
 * A new idea (or a project with its first idea) for insertion at `offset` (an empty line, or the end of
 * a line with text), in the file's own style, with blank lines between it and the text around it.
 */
export function ideaSnippetAt(doc: IdeaDocument, template: Template, offset: number, kind: SnippetKind = 'idea'): { snippet: string; text: string } {
  const style = styleAt(doc, template, offset);
  const parts = ideaParts(template, style);
  if (kind === 'project') parts.unshift(text(`${'#'.repeat(clampLevel(style.projectLevel ?? style.ideaLevel - 1))} `), stop('Project name'), text('\n\n'));
  const { lines } = doc;
  const line = lines.positionAt(offset).line;
  const before = doc.text.slice(lines.lineStart(line), offset);
  const blank = (l: number) => l < 0 || l >= lines.lineCount || doc.text.slice(lines.lineStart(l), lines.lineEnd(l)).trim() === '';
  // Line breaks are \n: editors write a snippet's line breaks as the document's own.
  if (before.trim() !== '') parts.unshift(text('\n\n'));
  else if (!blank(line - 1)) parts.unshift(text('\n'));
  if (!blank(line + 1)) parts.push(text('\n'));
  return { snippet: toSnippet(parts), text: toText(parts) };
}

/** The template's own form: its level, labels and bullet, a blank line after the heading. */
export function templateStyle(template: Template): IdeaStyle {
  return {
    projectLevel: template.projectLevel,
    ideaLevel: clampLevel(template.ideaLevel),
    bullet: `${template.bullet.marker}${template.bullet.gap}`,
    bold: false,
    labels: new Map(),
    blankAfterHeading: true,
    blankBetweenFields: false,
  };
}

/** Ideas on each side of the cursor whose writing is the file's style. */
const NEARBY = 25;

/** How the file writes ideas at `offset`: see IdeaStyle. */
export function styleAt(doc: IdeaDocument, template: Template, offset: number): IdeaStyle {
  // The ideas around the cursor stand for the file: a completion costs the same in a file of any size
  // (and leaves the ideas far from an edit unmoved: they move when first read).
  const ideas = doc.ideas;
  const lo = partitionPoint(ideas.length, (i) => ideas[i]!.span.start <= offset);
  const written = ideas.slice(Math.max(0, lo - NEARBY), lo + NEARBY).filter((i) => !i.headless && i.fields.length > 0);
  const model = written.filter((i) => i.span.start <= offset).pop() ?? written[0];
  if (!model) return templateStyle(template);
  const first = model.fields[0]!;
  const text = doc.text;
  const between = (a: number, b: number) => /\n[ \t]*\r?\n|\r[ \t]*\r/.test(text.slice(a, b));
  const fields = model.fields;
  const usual = usualForm(text, written);
  const project = model.project?.heading;
  // Levels and spacing from the idea before the cursor (its project may nest deeper); bullets, bold
  // and labels as most of the file writes them (one odd idea is not the file's style).
  return {
    projectLevel: project && !project.setext ? project.level : template.projectLevel,
    ideaLevel: model.heading.setext ? clampLevel(template.ideaLevel) : clampLevel(model.heading.level),
    bullet: usual.bullet,
    bold: usual.bold,
    labels: usual.labels,
    blankAfterHeading: between(model.heading.span.end, first.linesSpan.start),
    blankBetweenFields: usual.bullet === '' || fields.some((f, i) => i > 0 && between(fields[i - 1]!.itemSpan.end, f.itemSpan.start)),
  };
}

/** The bullet (marker and gap), bold and label per key that most of the file's fields have. */
function usualForm(text: string, ideas: readonly Idea[]): { bullet: string; bold: boolean; labels: Map<string, string> } {
  const bullets = new Map<string, number>();
  const labels = new Map<string, Map<string, number>>();
  let bold = 0;
  let all = 0;
  for (const idea of ideas) {
    for (const f of idea.fields) {
      all++;
      if (f.bold) bold++;
      count(bullets, text.slice(f.markerSpan.start, f.markerSpan.end));
      if (f.key === null) continue;
      const byLabel = labels.get(f.key) ?? new Map<string, number>();
      count(byLabel, f.label);
      labels.set(f.key, byLabel);
    }
  }
  return { bullet: most(bullets) ?? '- ', bold: bold * 2 > all, labels: new Map([...labels].map(([key, byLabel]) => [key, most(byLabel)!])) };
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The most frequent key (the first seen among equals). */
function most(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [key, c] of counts) {
    if (c > n) {
      best = key;
      n = c;
    }
  }
  return best;
}

function ideaParts(template: Template, style: IdeaStyle): Part[] {
  const parts: Part[] = [text(`${'#'.repeat(style.ideaLevel)} `), stop(INSERTED_PLACEHOLDERS.title), text(style.blankAfterHeading ? '\n' : '')];
  template.fields.forEach((field, i) => {
    const label = style.labels.get(field.key) ?? field.label;
    const written = style.bold ? `**${label}:**` : `${label}:`;
    parts.push(text(`${i > 0 && style.blankBetweenFields ? '\n' : ''}\n${style.bullet}${written}`));
    if (field.key === 'mentors') parts.push(...mentorParts(template, style));
    else parts.push(text(' '), valuePart(field));
  });
  return parts;
}

function valuePart(field: TemplateField): Part {
  const choices = (field.choices ?? []).filter((c) => c.trim() !== '');
  return choices.length > 0 ? { kind: 'choice', choices } : stop('');
}

/** `Name (@handle[, email])` entries: on the label's line, or one sub-list item each. */
function mentorParts(template: Template, style: IdeaStyle): Part[] {
  const count = Math.max(1, template.mentors.min);
  const { name, handle, email } = INSERTED_PLACEHOLDERS.mentor;
  const sublist = template.mentors.layout === 'sublist' && style.bullet !== '';
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (sublist) parts.push(text(`\n${subListIndent(style.bullet)}${style.bullet.trim()} `));
    else parts.push(text(i === 0 ? ' ' : ', '));
    parts.push(stop(name), text(' (@'), stop(handle));
    if (template.mentors.email) parts.push(text(', '), stop(email));
    parts.push(text(')'));
  }
  return parts;
}

/** Indent that nests a sub-list under the field's item: a tab after a tab gap, else the marker's width. */
function subListIndent(bullet: string): string {
  const marker = bullet.trim();
  const gap = bullet.slice(marker.length);
  return gap.includes('\t') ? '\t' : ' '.repeat(marker.length + Math.max(1, gap.length));
}

function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 4;
}

function toSnippet(parts: readonly Part[]): string {
  let next = 1;
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return escapeText(part.text);
        case 'stop':
          return part.placeholder === '' ? `\${${next++}}` : `\${${next++}:${escapeText(part.placeholder)}}`;
        case 'choice':
          return `\${${next++}|${part.choices.map(escapeChoice).join(',')}|}`;
      }
    })
    .join('');
}

function toText(parts: readonly Part[]): string {
  return parts
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'stop' ? part.placeholder : ''))
    .join('')
    .replace(/[ \t]+$/gm, '');
}

function text(value: string): Part {
  return { kind: 'text', text: value };
}

function stop(placeholder: string): Part {
  return { kind: 'stop', placeholder };
}

/** Outside and inside placeholders, `$`, `}` and `\` are literal only when escaped. */
function escapeText(value: string): string {
  return value.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** Inside a choice only `,`, `|` and `\` are escapes (a `\$` there would stay two characters). */
function escapeChoice(value: string): string {
  return value.replace(/[,|\\]/g, (c) => `\\${c}`);
}
