// Which built-in preset a file was written against, judged from what the file does: field keys and
// label spellings, heading levels, mentor layout, bullet spacing. Presets are scored and the best
// wins; on a tie the older preset stays (a newer one must be supported by more evidence).
import type { Idea, IdeaDocument } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import { PRESETS } from './presets';
import type { Template } from './types';

/** Used when the file has no ideas yet: nothing to judge by, so the newest CNCF template. */
const DEFAULT_PRESET_ID = 'cncf-2024';
const EPSILON = 1e-9;

interface Evidence {
  readonly ideaCount: number;
  /** Fraction of ideas that have a field with the key. */
  readonly keyShare: ReadonlyMap<string, number>;
  /** Per key, the labels as written and how often. */
  readonly labels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Fraction of ideas per heading level. */
  readonly ideaLevelShare: ReadonlyMap<number, number>;
  /** Fraction of ideas per project heading level (null: no project). */
  readonly projectLevelShare: ReadonlyMap<number | null, number>;
  /** Fraction of mentor fields written as a sub-list; undefined when no mentor field. */
  readonly sublistShare: number | undefined;
  /** Fraction of mentors with an e-mail; undefined when no mentors. */
  readonly emailShare: number | undefined;
  /** Fraction of bulleted fields with a tab after the marker; undefined when none. */
  readonly tabShare: number | undefined;
}

/**
 * `strong`: the file writes what the preset requires (each required field in most ideas, few fields
 * the preset lacks, ideas at its level): it is checked as if it had said so. `weak`: a guess that
 * raises no template errors; the file is judged by its own convention (FINDINGS-POLICY).
 */
export type Confidence = 'strong' | 'weak';

type Detection = { readonly template: Template; readonly reason: string; readonly confidence: Confidence };

/** What detection judges, per idea (samples left out): its evidence, its level, its project's level. */
interface Judged {
  readonly evidence: readonly IdeaEvidence[];
  readonly levels: readonly number[];
  readonly projectLevels: ReadonlyArray<number | null>;
}

/**
 * The last few detections by what they were judged from: typing in a description changes none of
 * it, and a big file is not judged again.
 */
const RECENT: Array<{ readonly judged: Judged; readonly detection: Detection }> = [];
const RECENT_MAX = 4;

export function bestPreset(doc: IdeaDocument): Detection {
  const samples = new Set<Idea>(doc.samples);
  const judged = { evidence: [] as IdeaEvidence[], levels: [] as number[], projectLevels: [] as Array<number | null> };
  for (const idea of doc.ideas) {
    if (samples.has(idea)) continue;
    judged.evidence.push(perIdea(idea, IDEA_EVIDENCE, ideaEvidence));
    judged.levels.push(idea.heading.level);
    judged.projectLevels.push(idea.project ? idea.project.heading.level : null);
  }
  const recent = RECENT.find(({ judged: r }) => sameJudged(r, judged));
  if (recent) return recent.detection;
  const detection = detect(gather(judged));
  RECENT.unshift({ judged, detection });
  RECENT.length = Math.min(RECENT.length, RECENT_MAX);
  return detection;
}

function sameJudged(a: Judged, b: Judged): boolean {
  return (
    a.evidence.length === b.evidence.length &&
    a.levels.every((level, i) => level === b.levels[i] && a.projectLevels[i] === b.projectLevels[i]) &&
    a.evidence.every((e, i) => e === b.evidence[i] || sameEvidence(e, b.evidence[i]!))
  );
}

/** Equal evidence from two versions of an idea (the one being typed in is a new section each time). */
function sameEvidence(x: IdeaEvidence, y: IdeaEvidence): boolean {
  return (
    x.bulleted === y.bulleted &&
    x.tabs === y.tabs &&
    x.mentorFields === y.mentorFields &&
    x.sublists === y.sublists &&
    x.mentors === y.mentors &&
    x.emails === y.emails &&
    x.keys.length === y.keys.length &&
    x.keys.every((k, i) => k === y.keys[i]) &&
    x.labels.length === y.labels.length &&
    x.labels.every(([k, l], i) => k === y.labels[i]![0] && l === y.labels[i]![1])
  );
}

function detect(evidence: Evidence): Detection {
  if (evidence.ideaCount === 0) {
    const template = PRESETS.find((p) => p.id === DEFAULT_PRESET_ID) ?? PRESETS[PRESETS.length - 1]!;
    return { template, reason: 'no ideas in the file yet: the newest CNCF template', confidence: 'weak' };
  }
  let best = PRESETS[0]!;
  let bestScore = -Infinity;
  for (const preset of PRESETS) {
    // A generated layout is recognised by its generator's own fields (resolve.ts), never guessed.
    if (preset.generated) continue;
    const s = score(preset, evidence);
    if (s > bestScore + EPSILON) {
      best = preset;
      bestScore = s;
    }
  }
  return { template: best, reason: describe(best, evidence), confidence: confidenceOf(best, evidence) };
}

/** Share of ideas a required field must reach, and the most that fields the preset lacks may. */
const STRONG_SHARE = 0.5;

function confidenceOf(preset: Template, e: Evidence): Confidence {
  const keys = new Set(preset.fields.map((f) => f.key));
  const required = preset.fields.filter((f) => f.required);
  const written = required.every((f) => (e.keyShare.get(f.key) ?? 0) >= STRONG_SHARE);
  let foreign = 0;
  for (const [key, share] of e.keyShare) if (!keys.has(key)) foreign = Math.max(foreign, share);
  const level = (e.ideaLevelShare.get(preset.ideaLevel) ?? 0) >= STRONG_SHARE;
  return written && foreign < STRONG_SHARE && level ? 'strong' : 'weak';
}

function gather({ evidence, levels, projectLevels: projectLevelList }: Judged): Evidence {
  const keyIdeas = new Map<string, number>();
  const labels = new Map<string, Map<string, number>>();
  const ideaLevels = new Map<number, number>();
  const projectLevels = new Map<number | null, number>();
  let mentorFields = 0;
  let sublists = 0;
  let mentors = 0;
  let emails = 0;
  let bulleted = 0;
  let tabs = 0;
  evidence.forEach((own, i) => {
    bump(ideaLevels, levels[i]!);
    bump(projectLevels, projectLevelList[i]!);
    for (const [key, label] of own.labels) {
      let byLabel = labels.get(key);
      if (!byLabel) labels.set(key, (byLabel = new Map()));
      bump(byLabel, label);
    }
    for (const k of own.keys) bump(keyIdeas, k);
    bulleted += own.bulleted;
    tabs += own.tabs;
    mentorFields += own.mentorFields;
    sublists += own.sublists;
    mentors += own.mentors;
    emails += own.emails;
  });
  const n = evidence.length;
  return {
    ideaCount: n,
    keyShare: shares(keyIdeas, n),
    labels,
    ideaLevelShare: shares(ideaLevels, n),
    projectLevelShare: shares(projectLevels, n),
    sublistShare: mentorFields > 0 ? sublists / mentorFields : undefined,
    emailShare: mentors > 0 ? emails / mentors : undefined,
    tabShare: bulleted > 0 ? tabs / bulleted : undefined,
  };
}

/** What one idea's own section tells (see perIdea): its fields' keys and labels, bullets, mentors. */
interface IdeaEvidence {
  readonly keys: readonly string[];
  readonly labels: ReadonlyArray<readonly [string, string]>;
  readonly bulleted: number;
  readonly tabs: number;
  readonly mentorFields: number;
  readonly sublists: number;
  readonly mentors: number;
  readonly emails: number;
}

const IDEA_EVIDENCE = memoSlot<IdeaEvidence>('template evidence');

function ideaEvidence(idea: Idea): IdeaEvidence {
  const keys = new Set<string>();
  const labels: Array<readonly [string, string]> = [];
  let bulleted = 0;
  let tabs = 0;
  let mentorFields = 0;
  let sublists = 0;
  for (const f of idea.fields) {
    if (f.bullet) {
      bulleted++;
      if (f.markerGap.includes('\t')) tabs++;
    }
    if (f.key === null) continue;
    keys.add(f.key);
    labels.push([f.key, f.label]);
    if (f.key === 'mentors') {
      mentorFields++;
      if (f.subItems.length > 0 && f.inlineValue === '') sublists++;
    }
  }
  const emails = idea.mentors.filter((m) => m.email).length;
  return { keys: [...keys], labels, bulleted, tabs, mentorFields, sublists, mentors: idea.mentors.length, emails };
}

function score(preset: Template, e: Evidence): number {
  let s = 0;
  const presetKeys = new Set<string>();
  for (const f of preset.fields) {
    presetKeys.add(f.key);
    const share = e.keyShare.get(f.key) ?? 0;
    // A required field nobody writes counts against; an optional one barely.
    s += f.required ? 2 * share - 1 : share - 0.25;
    s += labelAgreement(f.label, e.labels.get(f.key));
  }
  for (const [key, share] of e.keyShare) if (!presetKeys.has(key)) s -= share;
  s += 1.5 * (e.ideaLevelShare.get(preset.ideaLevel) ?? 0);
  s += 1 * (e.projectLevelShare.get(preset.projectLevel) ?? 0);
  if (e.sublistShare !== undefined) {
    s += preset.mentors.layout === 'sublist' ? 2 * e.sublistShare - 1 : 1 - 2 * e.sublistShare;
  }
  if (e.emailShare !== undefined) s += preset.mentors.email ? e.emailShare - 0.5 : 0.5 - e.emailShare;
  if (e.tabShare !== undefined) s += 0.5 * (preset.bullet.gap.includes('\t') ? 2 * e.tabShare - 1 : 1 - 2 * e.tabShare);
  return s;
}

/** How much the file spells a field the preset's way: exact spelling counts most, case-blind less. */
function labelAgreement(label: string, used: ReadonlyMap<string, number> | undefined): number {
  if (!used) return 0;
  let total = 0;
  let exact = 0;
  let caseless = 0;
  for (const [l, n] of used) {
    total += n;
    if (l === label) exact += n;
    else if (l.toLowerCase() === label.toLowerCase()) caseless += n;
  }
  return total === 0 ? 0 : (0.75 * exact + 0.4 * caseless) / total;
}

function describe(preset: Template, e: Evidence): string {
  const required = preset.fields.filter((f) => f.required);
  const used = required.filter((f) => (e.keyShare.get(f.key) ?? 0) > 0).length;
  const parts = [`${used} of ${required.length} template fields used`];
  parts.push(`ideas at ${'#'.repeat(preset.ideaLevel)}`);
  if (preset.projectLevel !== null) parts.push(`projects at ${'#'.repeat(preset.projectLevel)}`);
  parts.push(`mentors ${preset.mentors.layout === 'sublist' ? 'as a sub-list' : 'inline'}`);
  return `best match for the file (${parts.join(', ')})`;
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function shares<K>(counts: ReadonlyMap<K, number>, n: number): Map<K, number> {
  const out = new Map<K, number>();
  for (const [k, c] of counts) out.set(k, n > 0 ? c / n : 0);
  return out;
}
