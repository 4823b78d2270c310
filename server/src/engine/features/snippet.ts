// A new idea in a template's own form: as VS Code / LSP snippet text (tab stops, choices) for
// completion and the "Insert idea" command, or as plain text for clients without snippet support.
// Both are rendered from one list of parts, so the plain text is exactly the snippet without its syntax.
import type { Template, TemplateField } from '../template/types';

type Part =
  | { readonly kind: 'text'; readonly text: string }
  /** A tab stop; `placeholder` is the text it holds ('' for an empty stop). */
  | { readonly kind: 'stop'; readonly placeholder: string }
  /** A tab stop offering the template's allowed values; plain text leaves it empty. */
  | { readonly kind: 'choice'; readonly choices: readonly string[] };

/** Snippet syntax for one idea: heading at `ideaLevel`, then every field in template order. */
export function templateToSnippet(template: Template): string {
  let next = 1;
  return ideaParts(template)
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

/**
 * The same idea as plain text: placeholders kept as written, empty stops and choices left empty,
 * and no white space left at line ends (where an empty value would leave the space after its colon).
 */
export function templateToText(template: Template): string {
  return ideaParts(template)
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'stop' ? part.placeholder : ''))
    .join('')
    .replace(/[ \t]+$/gm, '');
}

function ideaParts(template: Template): Part[] {
  const parts: Part[] = [text(`${'#'.repeat(clampLevel(template.ideaLevel))} `), stop('Title'), text('\n')];
  const bullet = `${template.bullet.marker}${template.bullet.gap}`;
  for (const field of template.fields) {
    parts.push(text(`\n${bullet}${field.label}:`));
    if (field.key === 'mentors') parts.push(...mentorParts(template));
    else parts.push(text(' '), valuePart(field));
  }
  return parts;
}

function valuePart(field: TemplateField): Part {
  const choices = (field.choices ?? []).filter((c) => c.trim() !== '');
  return choices.length > 0 ? { kind: 'choice', choices } : stop('');
}

/** `Name (@handle[, email])` entries: on the label's line, or one sub-list item each. */
function mentorParts(template: Template): Part[] {
  const count = Math.max(1, template.mentors.min);
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (template.mentors.layout === 'sublist') parts.push(text(`\n${subListIndent(template)}${template.bullet.marker} `));
    else parts.push(text(i === 0 ? ' ' : ', '));
    parts.push(stop('Name'), text(' (@'), stop('handle'));
    if (template.mentors.email) parts.push(text(', '), stop('email'));
    parts.push(text(')'));
  }
  return parts;
}

/** Indent that nests a sub-list under the field's item: a tab after a tab gap, else the marker's width. */
function subListIndent(template: Template): string {
  const { marker, gap } = template.bullet;
  return gap.includes('\t') ? '\t' : ' '.repeat(marker.length + Math.max(1, gap.length));
}

function clampLevel(level: number): number {
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 4;
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
