// The template in force for one idea file, first that applies (DESIGN.md): the configured value
// (preset id or template file), a template block in the file, the nearest PROJECT_IDEA_TEMPLATE.md
// walking up, the best-matching preset. Problems become notes; resolution never throws.
import { listContent, readContent, uriDirname, uriJoin, uriResolve, type Host } from '../host';
import { frontMatterEnd } from '../parse/frontMatter';
import { normaliseLabel } from '../parse/labels';
import type { Idea, IdeaDocument } from '../parse/model';
import { memoSlot, perIdea } from '../parse/perIdea';
import { parseDocument } from '../parse/parse';
import { conventionOf, conventionTemplate, writesOwnFields } from './convention';
import { bestPreset } from './detect';
import { findInlineTemplate } from './inline';
import { type FormResult, looksLikeIdeaForm, templateFromIssueForm } from './issueForm';
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
  /** Forms named in the config that were refused: not looked at again when forms are looked for. */
  const refused = new Set<string>();
  const found =
    (await fromConfigured(opts.configured, opts.host, problems, refused)) ??
    fromInline(opts.doc, opts.uri) ??
    fromGenerated(opts.doc) ??
    (await fromSibling(opts.uri, opts.host)) ??
    (await fromNearestFile(opts.uri, opts.host, problems)) ??
    (await fromIssueForms(opts.uri, opts.doc, opts.host, problems, refused)) ??
    (await fromFrontMatterFolder(opts.uri, opts.doc, opts.host)) ??
    fromPreset(opts.doc);
  const using = `using ${found.template.name} (${found.source.kind === 'preset' ? found.template.id : found.source.kind})`;
  return { ...found, notes: problems.map((p) => `${p}; ${using}`) };
}

async function fromConfigured(
  configured: ConfiguredTemplate | undefined,
  host: Host,
  problems: string[],
  refused: Set<string>,
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
  if (/\.ya?ml$/i.test(value)) {
    // A GitHub issue form named as the template.
    const form = templateFromIssueForm(text, uri);
    if ('problem' in form) {
      refused.add(uri);
      problems.push(`template '${value}' ${form.problem} (${where})`);
      return undefined;
    }
    return { template: form.template, source: { kind: 'form', uri, reason: `GitHub issue form '${value}' named in ${where}` } };
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

const ISSUE_TEMPLATE_FOLDER = '.github/ISSUE_TEMPLATE';

/**
 * The repository's GitHub issue form for project ideas (its name, title or labels say GSoC, LFX,
 * mentorship, project idea or proposal), in the nearest `.github/ISSUE_TEMPLATE` walking up. Found,
 * not named: its fields bind where the file's own agree (`guessed`), it raises no errors. A form
 * that cannot be read is a note, and the next one (or the next source) is used.
 */
async function fromIssueForms(uri: string, doc: IdeaDocument, host: Host, problems: string[], refused: ReadonlySet<string>): Promise<Found | undefined> {
  if (!host.listFolder) return undefined;
  let dir = uriDirname(uri);
  for (let depth = 0; depth < MAX_WALK; depth++) {
    const folder = uriJoin(dir, ISSUE_TEMPLATE_FOLDER);
    const names = await listContent(host, folder);
    if (names) {
      for (const name of names.filter((n) => /\.ya?ml$/i.test(n) && !/^config\.ya?ml$/i.test(n))) {
        const formUri = uriJoin(folder, name);
        if (refused.has(formUri)) continue;
        const text = await readContent(host, formUri);
        if (typeof text !== 'string' || !looksLikeIdeaForm(text, name)) continue;
        const form = formTemplate(formUri, text);
        if ('problem' in form) {
          problems.push(`the issue form ${ISSUE_TEMPLATE_FOLDER}/${name} ${form.problem}`);
          continue;
        }
        // Found, not named: in force where the file writes what it asks (an IOOS list is a table of
        // links to the issues the form makes, in its own columns).
        if (!fitsForm(doc, form.template)) continue;
        return { template: form.template, source: { kind: 'form', uri: formUri, reason: `the repository's GitHub issue form for project ideas (${ISSUE_TEMPLATE_FOLDER}/${name})` } };
      }
      return undefined; // the repository's forms are these: no walking on into another repository
    }
    const parent = uriDirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** More than this share of a found form's required fields the file's ideas must write for the form to be in force. */
const FORM_FIT = 0.5;

function fitsForm(doc: IdeaDocument, template: Template): boolean {
  const required = template.fields.filter((f) => f.required);
  if (!required.length || !doc.ideas.length) return false;
  const written = new Set<string>();
  for (const idea of doc.ideas) for (const f of idea.fields) written.add(f.key ?? `label:${normaliseLabel(f.label)}`).add(`label:${normaliseLabel(f.label)}`);
  return required.filter((f) => written.has(f.key) || written.has(`label:${normaliseLabel(f.label)}`)).length > FORM_FIT * required.length;
}

/** The last reading of each form, by its text (the same text gives the same template object). */
const FORMS = new Map<string, { readonly text: string; readonly result: FormResult }>();

function formTemplate(uri: string, text: string): FormResult {
  const known = FORMS.get(uri);
  if (known?.text === text) return known.result;
  const read = templateFromIssueForm(text, uri);
  const result: FormResult = 'template' in read ? { template: { ...read.template, guessed: true } } : read;
  if (FORMS.size >= SIBLINGS_MAX) FORMS.clear();
  FORMS.set(uri, { text, result });
  return result;
}

/** Sibling files read for a folder's convention at most (the first by name). */
const MAX_FOLDER_FILES = 100;
/** Other front-matter ideas a folder needs before their shared keys are the convention. */
const MIN_FOLDER_IDEAS = 2;

/**
 * One idea per file in front matter (a Jekyll collection, `_projects/2025/org/*.md`): the folder is
 * the list, and the keys its other files share are the template (four in five of them: required).
 * The file itself does not vote, so what it lacks is what its siblings have. Only the siblings' front
 * matter is parsed. Too few siblings: the file's own keys (fromPreset).
 */
async function fromFrontMatterFolder(uri: string, doc: IdeaDocument, host: Host): Promise<Found | undefined> {
  if (!doc.frontMatter?.idea) return undefined;
  const dir = uriDirname(uri);
  const names = await listContent(host, dir);
  if (!names) return undefined;
  const self = uri.slice(uri.lastIndexOf('/') + 1);
  const ideas: Idea[] = [];
  const texts: string[] = [];
  for (const name of names.filter((n) => /\.(?:md|markdown)$/i.test(n) && n !== self).slice(0, MAX_FOLDER_FILES)) {
    const text = await readContent(host, uriJoin(dir, name));
    if (typeof text !== 'string') continue;
    const end = frontMatterEnd(text);
    if (!end) continue;
    const head = text.slice(0, end);
    const idea = parseDocument(head).frontMatter?.idea;
    if (!idea) continue;
    ideas.push(idea);
    texts.push(head);
  }
  if (ideas.length < MIN_FOLDER_IDEAS) return undefined;
  const folder = decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1));
  const key = `${dir}\u0000${texts.join('\u0001')}`;
  const known = FOLDERS.get(dir);
  if (known?.key === key) return known.found;
  const template: Template = { ...conventionOf(ideas), id: `folder:${dir}`, name: `the keys shared in ${folder}/`, acrossFiles: ideas.length };
  const found: Found = {
    template,
    source: { kind: 'sibling', uri: dir, reason: `one idea per file: the keys that the ${ideas.length} other front-matter files of ${folder}/ share` },
  };
  if (FOLDERS.size >= SIBLINGS_MAX) FOLDERS.clear();
  FOLDERS.set(dir, { key, found });
  return found;
}

/** The last folder convention per folder, by its files' front matter: the same text gives the same objects. */
const FOLDERS = new Map<string, { readonly key: string; readonly found: Found }>();

function fromPreset(doc: IdeaDocument): Found {
  // One idea in front matter with no folder to go by: its own keys are its template.
  if (doc.frontMatter?.idea) return { template: conventionTemplate(doc), source: { kind: 'preset', reason: 'one idea in front matter, judged by its own keys (no folder of such files beside it)' } };
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
