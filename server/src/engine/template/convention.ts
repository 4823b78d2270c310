// A file that states no template and fits no preset is judged by its own convention
// (FINDINGS-POLICY): its fields are the labels its ideas write, and a field four in five ideas
// carry is required (a warning where missing, never an error: the template is `guessed`).
import { normaliseLabel } from '../parse/labels';
import type { Idea, IdeaDocument } from '../parse/model';
import type { Template, TemplateField } from './types';

/** Share of ideas a field must be in to be the file's convention. */
const CONVENTION = 0.8;
/** Templates built lately, by content: an unchanged file gets the same object (caches key on it). */
const RECENT = new Map<string, Template>();
const RECENT_MAX = 8;

/** True when most of the file's fields are written outside lists (paragraph, emphasis or quote labels), as no preset writes them. */
export function writesOwnFields(doc: IdeaDocument): boolean {
  let outside = 0;
  let all = 0;
  for (const idea of doc.ideas) for (const f of idea.fields) {
    all++;
    if (f.bullet === '') outside++;
  }
  return all > 0 && outside * 2 > all;
}

/** The identity of a field across ideas: its key, else its label. */
function fieldId(key: string | null, label: string): string {
  return key ?? `label:${normaliseLabel(label)}`;
}

export function conventionTemplate(doc: IdeaDocument): Template {
  return conventionOf(doc.ideas);
}

/** The convention of these ideas (one file's, or a folder's one idea per file). */
export function conventionOf(ideas: readonly Idea[]): Template {
  const seen = new Map<string, { ideas: number; position: number; labels: Map<string, number>; key: string | null }>();
  for (const idea of ideas) {
    const own = new Set<string>();
    idea.fields.forEach((f, i) => {
      const id = fieldId(f.key, f.label);
      let entry = seen.get(id);
      if (!entry) seen.set(id, (entry = { ideas: 0, position: 0, labels: new Map(), key: f.key }));
      entry.labels.set(f.label, (entry.labels.get(f.label) ?? 0) + 1);
      if (own.has(id)) return;
      own.add(id);
      entry.ideas++;
      entry.position += i / Math.max(1, idea.fields.length);
    });
  }
  const fields: TemplateField[] = [...seen.entries()]
    .sort((a, b) => a[1].position / a[1].ideas - b[1].position / b[1].ideas)
    .map(([id, e]) => {
      const label = [...e.labels.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      // An unknown label's key is its words: rules find it by its label (field-support keyOf).
      return { key: e.key ?? id, label, required: e.ideas >= CONVENTION * ideas.length };
    });
  const mentors = ideas.flatMap((i) => i.mentors);
  const mentorFields = ideas.flatMap((i) => i.fields.filter((f) => f.key === 'mentors'));
  const share = (n: number, of: number) => (of ? n / of : 0);
  const template: Template = {
    id: 'convention',
    name: "this file's own convention",
    projectLevel: mostCommon(ideas.map((i) => i.project?.heading.level ?? null)),
    ideaLevel: mostCommon(ideas.map((i: Idea) => i.heading.level)) ?? 3,
    fields,
    bullet: { marker: '-', gap: ' ' },
    mentors: {
      layout: share(mentorFields.filter((f) => f.subItems.length > 0).length, mentorFields.length) >= 0.5 ? 'sublist' : 'inline',
      email: share(mentors.filter((m) => m.email).length, mentors.length) >= CONVENTION,
      // No convention asks for a number of mentors.
      min: 0,
      handles: share(mentors.filter((m) => m.handle).length, mentors.length) >= CONVENTION,
    },
    guessed: true,
    freeForm: true,
  };
  const signature = JSON.stringify(template);
  const hit = RECENT.get(signature);
  if (hit) return hit;
  if (RECENT.size >= RECENT_MAX) RECENT.delete(RECENT.keys().next().value!);
  RECENT.set(signature, template);
  return template;
}

function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let most = 0;
  for (const [v, n] of counts) if (n > most) [best, most] = [v, n];
  return best;
}
