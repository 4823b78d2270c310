// The template in force for one idea file, first that applies (DESIGN.md): the configured value
// (preset id or template file), a template block in the file, the nearest PROJECT_IDEA_TEMPLATE.md
// walking up, the best-matching preset. Problems become notes; resolution never throws.
import { readContent, uriDirname, uriJoin, uriResolve, type Host } from '../host';
import type { Idea, IdeaDocument } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import { parseDocument } from '../parse/parse';
import { conventionTemplate, writesOwnFields } from './convention';
import { bestPreset } from './detect';
import { findInlineTemplate } from './inline';
import { presetById } from './presets';
import { templateFromProjectIdeaFile } from './projectIdeaTemplate';
import type { ResolvedTemplate, Template, TemplateSource } from './types';

export const PROJECT_IDEA_TEMPLATE_FILE = 'PROJECT_IDEA_TEMPLATE.md';
/** Folder depth cap: a guard against URIs whose parent never stops changing. */
const MAX_WALK = 64;

export interface ConfiguredTemplate {
  /** Preset id (`cncf-2019`) or a path to a template file. */
  readonly value: string;
  /** Folder a relative path is resolved against (the config file's folder, or the workspace folder). */
  readonly baseUri: string;
  readonly from: 'setting' | 'config';
}

export interface ResolveTemplateOptions {
  readonly uri: string;
  readonly doc: IdeaDocument;
  readonly host: Host;
  readonly configured?: ConfiguredTemplate;
}

interface Found {
  readonly template: Template;
  readonly source: TemplateSource;
}

export async function resolveTemplate(opts: ResolveTemplateOptions): Promise<ResolvedTemplate> {
  const problems: string[] = [];
  const found =
    (await fromConfigured(opts.configured, opts.host, problems)) ??
    fromInline(opts.doc, opts.uri) ??
    fromGenerated(opts.doc) ??
    (await fromSibling(opts.uri, opts.host)) ??
    (await fromNearestFile(opts.uri, opts.host, problems)) ??
    fromPreset(opts.doc);
  const using = `using ${found.template.name} (${found.source.kind === 'preset' ? found.template.id : found.source.kind})`;
  return { ...found, notes: problems.map((p) => `${p}; ${using}`) };
}

async function fromConfigured(
  configured: ConfiguredTemplate | undefined,
  host: Host,
  problems: string[],
): Promise<Found | undefined> {
  const value = configured?.value.trim();
  if (!configured || !value) return undefined;
  const where = configured.from === 'setting' ? 'the socIdeas.template setting' : '.soc-ideas.json';
  const preset = presetById(value);
  if (preset) return { template: preset, source: { kind: 'setting', reason: `preset '${preset.id}' named in ${where}` } };
  const uri = uriResolve(configured.baseUri, value);
  const text = await readContent(host, uri);
  if (typeof text !== 'string') {
    problems.push(`template '${value}' ${text ? `is ${text.unreadable}` : 'not found'} (${where})`);
    return undefined;
  }
  const template = templateFromProjectIdeaFile(text, uri);
  if (!template) {
    problems.push(`template '${value}' has no '- Label:' field lines (${where})`);
    return undefined;
  }
  return { template, source: { kind: 'setting', uri, reason: `template file '${value}' named in ${where}` } };
}

function fromInline(doc: IdeaDocument, uri: string): Found | undefined {
  const inline = findInlineTemplate(doc);
  if (!inline) return undefined;
  const template: Template = { ...inline.template, id: `inline:${uri}` };
  return {
    template,
    source: { kind: 'inline', uri, line: inline.line, reason: `template block in this file (line ${inline.line + 1})` },
  };
}

/** Per idea (kept while its section is unchanged, so a keystroke does not re-read every idea). */
const GENERATOR_FIELDS = memoSlot<boolean>('generator fields');

function hasGeneratorFields(idea: Idea): boolean {
  return idea.fields.some((f) => f.key === 'technologies') && idea.fields.some((f) => f.key === 'lfx_url');
}

/** Share of ideas that must carry the generator's own fields for a file to count as generated. */
const GENERATED_SHARE = 0.8;

/**
 * A README generated from the LFX proposal form: nearly every idea has the form's `Technologies`
 * and the admins' `LFX URL`. Its own layout is its template, whatever its sibling's block says (the
 * generator, not an author, decides what it holds).
 */
function fromGenerated(doc: IdeaDocument): Found | undefined {
  const ideas = doc.ideas;
  if (ideas.length < 2) return undefined;
  const generated = ideas.filter((i) => perIdea(i, GENERATOR_FIELDS, hasGeneratorFields)).length;
  if (generated < GENERATED_SHARE * ideas.length) return undefined;
  const template = presetById('lfx-generated');
  if (!template) return undefined;
  return { template, source: { kind: 'preset', reason: `generated from the LFX proposal form (${generated} of ${ideas.length} ideas have its Technologies and LFX URL fields)` } };
}

/**
 * Files beside an idea file that may hold its term's template block, most likely first: an LFX
 * term's `README.md` (the accepted projects) inherits the template of its `project_ideas.md`.
 */
const SIBLING_FILES = ['project_ideas.md', 'PROJECT_IDEAS.md', 'ideas.md', 'README.md'];

async function fromSibling(uri: string, host: Host): Promise<Found | undefined> {
  const dir = uriDirname(uri);
  for (const name of SIBLING_FILES) {
    const sibling = uriJoin(dir, name);
    if (sibling === uri) continue;
    const text = await readContent(host, sibling);
    if (typeof text !== 'string') continue; // a sibling that cannot be read is simply not a template source
    const found = siblingTemplate(sibling, name, text);
    if (found) return found;
  }
  return undefined;
}

/**
 * The last reading of each sibling, by its text: a file judged by a preset resolves again on every
 * keystroke, and parsing its siblings each time would cost what they weigh. The same text gives the
 * same objects, so caches keyed on the template keep hitting.
 */
const SIBLINGS = new Map<string, { readonly text: string; readonly found: Found | undefined }>();
const SIBLINGS_MAX = 64;

function siblingTemplate(sibling: string, name: string, text: string): Found | undefined {
  const known = SIBLINGS.get(sibling);
  if (known?.text === text) return known.found;
  const inline = findInlineTemplate(parseDocument(text));
  const found: Found | undefined = inline && {
    template: { ...inline.template, id: `sibling:${sibling}`, name: `template block in ${name}` },
    source: { kind: 'sibling', uri: sibling, line: inline.line, reason: `template block in the sibling ${name} (line ${inline.line + 1})` },
  };
  if (SIBLINGS.size >= SIBLINGS_MAX) SIBLINGS.clear();
  SIBLINGS.set(sibling, { text, found });
  return found;
}

async function fromNearestFile(uri: string, host: Host, problems: string[]): Promise<Found | undefined> {
  let dir = uriDirname(uri);
  for (let depth = 0; depth < MAX_WALK; depth++) {
    const candidate = uriJoin(dir, PROJECT_IDEA_TEMPLATE_FILE);
    const text = await readContent(host, candidate);
    if (typeof text === 'object') problems.push(`${candidate} is ${text.unreadable}`);
    else if (text !== undefined) {
      const template = templateFromProjectIdeaFile(text, candidate);
      if (template) {
        return { template, source: { kind: 'file', uri: candidate, reason: `nearest ${PROJECT_IDEA_TEMPLATE_FILE}` } };
      }
      problems.push(`${candidate} holds no template`);
    }
    const parent = uriDirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function fromPreset(doc: IdeaDocument): Found {
  const { template, reason, confidence } = bestPreset(doc);
  // A close match is checked as stated; a weak one only guides (its fields bind where the file agrees).
  if (confidence === 'strong') return { template, source: { kind: 'preset', reason } };
  // Fields written as no preset writes them: the file's own labels are its template.
  if (writesOwnFields(doc)) return { template: conventionTemplate(doc), source: { kind: 'preset', reason: `no template fits, so the file is judged by its own convention (${reason})` } };
  return { template: guessed(template), source: { kind: 'preset', reason: `a weak guess, so the file is judged by its own convention: ${reason}` } };
}

const GUESSED = new WeakMap<Template, Template>();

/** The preset marked as a guess; one object per preset, so caches keyed on the template keep hitting. */
function guessed(template: Template): Template {
  let copy = GUESSED.get(template);
  if (!copy) GUESSED.set(template, (copy = { ...template, guessed: true }));
  return copy;
}
