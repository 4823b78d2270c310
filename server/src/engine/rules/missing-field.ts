// A required template field absent from an idea. The fix inserts an empty field line in template
// order; the user has to fill it in, so it is interactive (never applied by fix-all).
import type { Fix } from '../findings/findings';
import type { Field, Idea, IdeaDocument } from '../parse/model';
import { normaliseLabel } from '../parse/labels';
import { memoSlot, perIdea } from '../parse/perIdea';
import { detach } from '../parse/text';
import type { Template, TemplateField } from '../template/types';
import { fieldLines, ideaGap, keyOf, keyOfLabel, lineBreakAt, templateIndexOf } from './field-support';
import type { Rule } from './rule';

/** Files with fewer ideas than this have no convention of their own to judge by. */
const CONVENTION_MIN_IDEAS = 3;
/** A required field fewer ideas than this share have is the file's convention, not each idea's slip. */
const RARE = 0.2;
/** Where the template is only guessed, the fields this share of ideas have form the file's template. */
const CONVENTION = 0.8;
/** More file notes than this (a template far newer than the file, or one of thousands of fields) are one note. */
const NOTES_MAX = 3;
/** The fields one grouped note names; the rest are counted. */
const NOTE_NAMES = 5;

/** The keys an idea's fields have, and the labels of those the parser does not know (kept per section). */
interface WrittenKeys {
  readonly keys: ReadonlySet<string>;
  readonly unknownLabels: readonly string[];
}

const WRITTEN = memoSlot<WrittenKeys>('missing-field');

function writtenKeys(idea: Idea): WrittenKeys {
  const keys = new Set<string>();
  const unknownLabels: string[] = [];
  for (const f of idea.fields) {
    if (f.key !== null) keys.add(f.key);
    else unknownLabels.push(detach(normaliseLabel(f.label)));
  }
  return { keys, unknownLabels };
}

/**
 * The keys an idea has, as `keyOf` reads a field: one the parser knows, or one written with exactly a
 * template field's label (its unknown labels). Kept per idea section and template.
 */
const WITH_TEMPLATE = new WeakMap<WrittenKeys, { readonly template: Template; readonly keys: ReadonlySet<string> }>();

function keysWith(template: Template, written: WrittenKeys): ReadonlySet<string> {
  if (!written.unknownLabels.length) return written.keys;
  const known = WITH_TEMPLATE.get(written);
  if (known?.template === template) return known.keys;
  const keys = new Set<string>(written.keys);
  for (const l of written.unknownLabels) {
    const key = keyOfLabel(template, l);
    if (key !== null) keys.add(key);
  }
  WITH_TEMPLATE.set(written, { template, keys });
  return keys;
}

export const missingField: Rule = {
  id: 'missing-field',
  defaultSeverity: 'error',
  description: 'A field the template requires is missing from an idea.',
  fixable: true,
  structural: true,
  // Judged against the whole file's convention (FINDINGS-POLICY): document scope. Each idea's
  // findings are kept per idea while the fields judged per idea (and their shares) are unchanged.
  check(context) {
    const { doc, template } = context;
    const ideas = doc.ideas;
    const written = ideas.map((idea) => perIdea(idea, WRITTEN, writtenKeys));
    // The keys each idea has, counted once over its fields: not every template field asked of
    // every idea (3,000 template fields × the ideas was the cost of a check).
    const has = written.map((w) => keysWith(template, w));
    const having = new Map<string, number>();
    for (const keys of has) for (const key of keys) having.set(key, (having.get(key) ?? 0) + 1);
    const perIdeaFields: Array<{ readonly wanted: TemplateField; readonly share: number }> = [];
    // One note for the file per field almost no idea has (the template is newer than the file).
    const notes: Array<{ readonly wanted: TemplateField; readonly lacking: number; readonly first: number }> = [];
    for (const wanted of template.fields) {
      if (!wanted.required) continue;
      const lacking = ideas.length - (having.get(wanted.key) ?? 0);
      if (!lacking) continue;
      // The first idea without it: every idea passed on the way has the field (at most the fields written).
      let first = 0;
      while (has[first]!.has(wanted.key)) first++;
      const share = (ideas.length - lacking) / ideas.length;
      const convention = ideas.length >= CONVENTION_MIN_IDEAS;
      // A folder's convention (one idea per file) was read from the other files: each file lacking it is a slip.
      if (template.acrossFiles === undefined && ((convention && share < RARE) || (template.guessed && (!convention || share < CONVENTION)))) {
        // The template may be newer than the file (or only guessed): one note for the file.
        if (template.guessed && share < RARE) continue;
        notes.push({ wanted, lacking, first });
        continue;
      }
      perIdeaFields.push({ wanted, share });
    }
    if (notes.length > NOTES_MAX) {
      // A loop, not Math.min(...): a template of a few hundred thousand fields would overflow the call's arguments.
      let first = notes[0]!.first;
      for (const n of notes) first = Math.min(first, n.first);
      const named = notes.slice(0, NOTE_NAMES).map((n) => `"${n.wanted.label}" (${n.lacking})`).join(', ');
      const more = notes.length > NOTE_NAMES ? ` and ${(notes.length - NOTE_NAMES).toLocaleString('en-US')} more` : '';
      // A guessed template's notes cover fields that a fifth to four fifths of the ideas lack: not always most.
      const most = notes.every((n) => n.lacking * 2 > ideas.length);
      context.report({
        span: ideas[first]!.heading.textSpan,
        message: `${notes.length.toLocaleString('en-US')} fields the ${template.name} requires are missing from ${most ? 'most' : 'some'} of the ${ideas.length} ideas: ${named}${more} (how many ideas lack each).`,
        atMost: 'info',
        once: 'missing-fields',
      });
    } else {
      for (const { wanted, lacking, first } of notes) {
        context.report({
          span: ideas[first]!.heading.textSpan,
          message: `${lacking} of ${ideas.length} ideas have no "${wanted.label}" field, which the ${template.name} requires.`,
          atMost: 'info',
          once: wanted.key,
        });
      }
    }
    if (!perIdeaFields.length) return;
    // A guessed template's message quotes the share: part of the facts then.
    const facts = perIdeaFields.map(({ wanted, share }) => (template.guessed ? `${wanted.key}=${Math.round(share * 100)}` : wanted.key)).join(',');
    const lackingAny = ideas.filter((_, i) => perIdeaFields.some(({ wanted }) => !has[i]!.has(wanted.key)));
    context.eachIdea(lackingAny, facts, (idea) => {
      const own = perIdea(idea, WRITTEN, writtenKeys);
      for (const { wanted, share } of perIdeaFields) {
        if (keysWith(template, own).has(wanted.key)) continue;
        const fix = insertFieldFix(doc, template, idea, wanted);
        context.report({
          span: idea.heading.textSpan,
          message: template.acrossFiles !== undefined
            ? `Add the "${wanted.label}" key to this idea: the other files of this folder have it.`
            : template.guessed
            ? `Add the "${wanted.label}" field to this idea: ${Math.round(share * 100)} % of this file's ideas have it.`
            : `Add the "${wanted.label}" field to this idea: the template requires it.`,
          ...(fix ? { fix } : {}),
          ...(template.guessed ? { atMost: 'warning' as const } : {}),
        });
      }
    });
  },
};

function insertFieldFix(doc: IdeaDocument, template: Template, idea: Idea, wanted: TemplateField): Fix | undefined {
  const text = doc.text;
  const order = templateIndexOf(template, wanted.key);
  // After the last present field that comes earlier in the template, else before the first later one.
  let after: Field | undefined;
  let before: Field | undefined;
  for (const f of idea.fields) {
    const i = templateIndexOf(template, keyOf(template, f));
    if (i >= 0 && i < order) after = f;
    if (i > order && !before) before = f;
  }
  const anchor = after ?? before ?? idea.fields[idea.fields.length - 1];
  // A table row or front matter has no line a field could be inserted on.
  if (!anchor || idea.syntax) return undefined;
  const lines = fieldLines(doc, anchor);
  const indent = text.slice(lines.start, anchor.itemSpan.start);
  const marker = anchor.bullet === '' ? '' : template.bullet.marker + (ideaGap(idea, template) ?? template.bullet.gap);
  const line = `${/^[ \t]*$/.test(indent) ? indent : ''}${marker}${wanted.label}: `;
  const eol = lineBreakAt(text, anchor.itemSpan.end);
  let at: number;
  let newText: string;
  let cursor = line.length;
  if (after || !before) {
    at = lines.end;
    // The anchor may be the file's last line, with no line break after it.
    const endsWithBreak = /[\r\n]$/.test(text.slice(lines.start, lines.end));
    newText = endsWithBreak ? line + eol : eol + line;
    if (!endsWithBreak) cursor += eol.length;
  } else {
    at = lines.start;
    newText = line + eol;
  }
  // The cursor in the new value: the user types it at once.
  return { title: `Insert "${wanted.label}:"`, edits: [{ span: { start: at, end: at }, newText }], interactive: true, cursor: { edit: 0, offset: cursor } };
}
