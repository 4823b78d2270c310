// PROJECT_IDEA_TEMPLATE.md read as data. Since 2020 the template is a fenced block under
// "### Template"; in 2019 it was plain markdown under that heading, followed by "### Sample:"
// (a filled-in example, never the template).
import { looksLikeTemplate, templateFromMarkdown, type TemplateMeta } from './fromMarkdown';
import type { Template } from './types';

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const TEMPLATE_HEADING = /\b(template|modelo)\b/i;
const SAMPLE_HEADING = /\b(sample|example|exemplo)s?\b/i;

export interface FencedText {
  readonly value: string;
  /** 0-based line of the opening fence. */
  readonly line: number;
}

/**
 * The last reading of each template file, by its text: the file is read again for every check
 * (each keystroke in the server, each file of the CLI), and a template of 3,000 fields cost a
 * quarter of the check of a 56 KB file against it (issue 16). The same text gives the same objects,
 * so caches keyed on the template keep hitting.
 */
const READ = new Map<string, { readonly text: string; readonly template: Template | undefined }>();
const READ_MAX = 64;

export function templateFromProjectIdeaFile(text: string, uri: string): Template | undefined {
  const known = READ.get(uri);
  if (known?.text === text) return known.template;
  const template = readTemplateFile(text, uri);
  if (READ.size >= READ_MAX) READ.clear();
  READ.set(uri, { text, template });
  return template;
}

function readTemplateFile(text: string, uri: string): Template | undefined {
  const meta = metaFor(uri);
  const lines = text.split(/\r\n|\r|\n/);
  for (const block of fencedBlocks(lines)) {
    if (looksLikeTemplate(block.value)) {
      const template = templateFromMarkdown(block.value, meta);
      if (template) return template;
    }
  }
  const section = templateSection(lines);
  return section === undefined ? undefined : templateFromMarkdown(section, meta);
}

function metaFor(uri: string): TemplateMeta {
  const name = decodeSafely(uri.slice(uri.lastIndexOf('/') + 1)) || uri;
  return { id: uri, name };
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Fenced code blocks of a markdown text (an unclosed fence runs to the end). */
export function fencedBlocks(lines: readonly string[]): FencedText[] {
  const blocks: FencedText[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    if (fence[0] === '`' && open[2]!.includes('`')) continue; // inline code, not a fence
    let end = i + 1;
    while (end < lines.length && !isClosingFence(lines[end]!, fence)) end++;
    blocks.push({ value: lines.slice(i + 1, end).join('\n'), line: i });
    i = end;
  }
  return blocks;
}

function isClosingFence(line: string, fence: string): boolean {
  const t = line.trim();
  return t.length >= fence.length && t[0] === fence[0] && /^(`+|~+)$/.test(t) && line.search(/\S/) <= 3;
}

/**
 * The lines from a "Template" heading up to the next heading at its level or above (the sample);
 * without such a heading, everything before the first "Sample" heading.
 */
function templateSection(lines: readonly string[]): string | undefined {
  let start = -1;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const h = HEADING.exec(lines[i]!);
    if (!h) continue;
    const hLevel = h[1]!.length;
    const title = h[2] ?? '';
    if (start < 0) {
      if (TEMPLATE_HEADING.test(title)) {
        start = i;
        level = hLevel;
      } else if (SAMPLE_HEADING.test(title)) {
        return lines.slice(0, i).join('\n');
      }
    } else if (hLevel <= level || SAMPLE_HEADING.test(title)) {
      return lines.slice(start, i).join('\n');
    }
  }
  if (start >= 0) return lines.slice(start).join('\n');
  // No Template heading: the whole file, but only when it reads as a blank template.
  const whole = lines.join('\n');
  return looksLikeTemplate(whole) ? whole : undefined;
}
