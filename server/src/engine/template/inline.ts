// A template pasted into the idea file itself: many year files carry the template, fenced,
// near the top, often next to a fenced "Sample" — which is filled in and so is not the template.
import type { IdeaDocument } from '../parse/model';
import { looksLikeTemplate, templateFromMarkdown } from './fromMarkdown';
import type { Template } from './types';

const MARKDOWN_LANGS = /^(|text|txt|plain|plaintext|md|markdown)$/i;
const TEMPLATE_HEADING = /\b(template|modelo)\b/i;

export function findInlineTemplate(doc: IdeaDocument): { template: Template; line: number } | undefined {
  for (const block of doc.codeBlocks) {
    if (!MARKDOWN_LANGS.test(block.lang.trim()) || !looksLikeTemplate(block.value)) continue;
    const above = headingAbove(doc, block.span.start);
    const template = templateFromMarkdown(block.value, {
      id: 'inline',
      name: 'template block in this file',
      ...(above && TEMPLATE_HEADING.test(above.text) ? { templateHeadingLevel: above.level } : {}),
    });
    if (template) return { template, line: doc.lines.positionAt(block.span.start).line };
  }
  return undefined;
}

function headingAbove(doc: IdeaDocument, offset: number): { level: number; text: string } | undefined {
  let found: { level: number; text: string } | undefined;
  for (const h of doc.headings) {
    if (h.span.start >= offset) break;
    found = h;
  }
  return found;
}
