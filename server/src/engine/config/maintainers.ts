// The maintainers list that `.soc-ideas.json` names (`"maintainers": "project-maintainers.csv"`):
// which people maintain which project, as the organisation keeps it. CNCF's GSoC admins check every
// mentor against cncf/foundation's `project-maintainers.csv` by hand (gsoc-org-admin-guide.md);
// mentor-maintainer and the mentor hover read it here. Pure: the text comes through the Host, and a
// list that cannot be used is a reason (a config problem), never a throw.
//
// Formats: CSV (RFC 4180: quoted fields with commas, line breaks and `""`; CRLF, LF or CR; a BOM) with
// a header row naming a project column and a GitHub handle or name column, a blank project cell
// continuing the project above (CNCF writes each project's name on its first row only); JSON or
// YAML, as a list of such rows (`[{ "project": …, "github": … }]`) or a map from project to its
// maintainers (`{ "Kubernetes": ["@jane", { "name": "John Roe", "github": "jroe" }] }`).
import { parse as parseYaml } from 'yaml';
import { readContent, type Host } from '../host';
import { JsonSyntaxError, readJson, type JsonNode } from './json';

export interface Maintainer {
  readonly name?: string;
  /** GitHub handle, without `@`, as the list writes it. */
  readonly handle?: string;
}

export interface MaintainedProject {
  /** The project's name as the list writes it. */
  readonly name: string;
  readonly maintainers: readonly Maintainer[];
}

export interface MaintainersList {
  readonly uri: string;
  /** The file's name, for messages (`project-maintainers.csv`). */
  readonly fileName: string;
  /** Changes whenever the list does (a new text read): what the lint cache keys an idea's findings on. */
  readonly version: string;
  readonly projects: readonly MaintainedProject[];
  /** Internal: projects by their name's word forms, and maintainers by handle. */
  readonly index: ListIndex;
  /** Internal: what maintainersOf answered, by the headings asked about. */
  readonly answers: Map<string, ProjectMaintainers | undefined>;
}

export type MaintainersLoad = { readonly list: MaintainersList } | { readonly problem: string };

/** What the list says of a project: the list's projects it matches, and their maintainers. */
export interface ProjectMaintainers {
  /** The list's projects the idea's project (or a sub-project of its path) names, in list order. */
  readonly projects: readonly MaintainedProject[];
  /** The idea's headings (project, sub-projects) that name them, outermost first. */
  readonly named: readonly string[];
  /** Distinct people over those projects. */
  readonly count: number;
  readonly handles: ReadonlyMap<string, Maintainer>;
  readonly names: readonly { readonly words: readonly string[]; readonly maintainer: Maintainer }[];
}

/** Where a mentor stands in the list. */
export type MentorStanding =
  | {
      readonly kind: 'listed';
      readonly as: Maintainer;
      readonly by: 'handle' | 'name';
      /** By name: the same words (not only the shorter name's words in the longer). */
      readonly sameWords?: boolean;
    }
  | { readonly kind: 'not-listed' };

// ------------------------------------------------------------------------------------------ CSV

export interface CsvResult {
  readonly rows: string[][];
  /** 1-based line where a quoted field opens that never closes. */
  readonly unterminatedAt?: number;
}

/**
 * RFC 4180 CSV: fields separated by `delimiter`, records by CRLF, LF or CR; a field in double
 * quotes may hold the delimiter, line breaks and `""` (one quote). A quote inside an unquoted
 * field is kept as it is (lenient, as spreadsheets write). A leading BOM is dropped. Empty lines
 * are no records. Linear in the text.
 */
export function parseCsv(text: string, delimiter = ','): CsvResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (pos < n) {
    const c = text[pos]!;
    if (c === '"' && field === '') {
      // A quoted field: up to the closing quote ("" is a quote inside).
      const openedAt = line;
      pos++;
      let closed = false;
      let start = pos;
      let value = '';
      while (pos < n) {
        const q = text.indexOf('"', pos);
        if (q < 0) break;
        if (text[q + 1] === '"') {
          value += text.slice(start, q + 1);
          pos = q + 2;
          start = pos;
          continue;
        }
        value += text.slice(start, q);
        pos = q + 1;
        closed = true;
        break;
      }
      if (!closed) return { rows, unterminatedAt: openedAt };
      line += countLineBreaks(value);
      field = value;
      // Whatever follows the closing quote up to the delimiter is kept (lenient).
      while (pos < n && text[pos] !== delimiter && text[pos] !== '\n' && text[pos] !== '\r') field += text[pos++];
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      pos++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      pos += c === '\r' && text[pos + 1] === '\n' ? 2 : 1;
      line++;
      endRow();
      continue;
    }
    // An unquoted run: up to the next delimiter, quote-free stretch or line end.
    let end = pos + 1;
    while (end < n) {
      const d = text[end]!;
      if (d === delimiter || d === '\n' || d === '\r') break;
      end++;
    }
    field += text.slice(pos, end);
    pos = end;
  }
  if (field !== '' || row.length) endRow();
  return { rows };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------- columns

type Column = 'project' | 'name' | 'handle';

const EXACT: Record<Column, readonly string[]> = {
  project: ['project', 'projects', 'project name', 'project_name'],
  handle: ['github', 'github name', 'github handle', 'github username', 'github user', 'github id', 'github login', 'github_handle', 'github_username', 'handle', 'login', 'username', 'user'],
  name: ['name', 'maintainer name', 'maintainer', 'full name', 'full_name', 'person'],
};

function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Which column holds what, found by the headers' names (case-insensitive): exact names first, then the nearest. */
export function findColumns(headers: readonly string[]): Partial<Record<Column, number>> {
  const keys = headers.map(headerKey);
  const found: Partial<Record<Column, number>> = {};
  const taken = new Set<number>();
  const pick = (column: Column, test: (key: string) => boolean) => {
    if (found[column] !== undefined) return;
    const i = keys.findIndex((k, j) => !taken.has(j) && test(k));
    if (i >= 0) {
      found[column] = i;
      taken.add(i);
    }
  };
  for (const column of ['project', 'handle', 'name'] as const) pick(column, (k) => EXACT[column].includes(k));
  pick('handle', (k) => /\bgithub\b|\bhandle\b/.test(k));
  pick('project', (k) => /\bproject\b/.test(k));
  pick('name', (k) => /\bname\b/.test(k) && !/github|handle|user|login|project|company|org/.test(k));
  return found;
}

// ------------------------------------------------------------------------------ the records

interface Row {
  readonly project: string;
  readonly maintainer: Maintainer;
}

/** A handle as lists write it (`@jane`, `https://github.com/jane`, `jane`), or undefined when it is none. */
export function handleOf(cell: string): string | undefined {
  const h = cell
    .trim()
    .replace(/^https?:\/\/(www\.)?github\.com\//i, '')
    .replace(/^@/, '')
    .replace(/\/+$/, '');
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(h) ? h : undefined;
}

function maintainerOf(name: string | undefined, handle: string | undefined): Maintainer | undefined {
  const n = name?.replace(/\s+/g, ' ').trim();
  const h = handle !== undefined ? handleOf(handle) : undefined;
  if (!n && !h) return undefined;
  return { ...(n ? { name: n } : {}), ...(h ? { handle: h } : {}) };
}

function rowsFromCsv(text: string, delimiter: string): { rows: Row[] } | { problem: string } {
  const csv = parseCsv(text, delimiter);
  if (csv.unterminatedAt !== undefined) return { problem: `a quoted field opened on line ${csv.unterminatedAt} never closes` };
  const [headers, ...records] = csv.rows;
  if (!headers) return { problem: 'it is empty' };
  const columns = findColumns(headers);
  if (columns.project === undefined || (columns.handle === undefined && columns.name === undefined)) {
    const shown = headers.map((h) => h.trim()).filter(Boolean).slice(0, 8);
    return {
      problem: `its header row names no ${columns.project === undefined ? 'project' : 'GitHub handle or name'} column (it has ${shown.length ? shown.map((h) => `"${h}"`).join(', ') : 'no names'}; a project column and a GitHub handle or name column are needed)`,
    };
  }
  const rows: Row[] = [];
  let project = '';
  for (const record of records) {
    const cell = record[columns.project]?.trim() ?? '';
    // CNCF names a project on its first row only: a blank project cell continues the one above.
    if (cell) project = cell;
    if (!project) continue;
    const maintainer = maintainerOf(columns.name !== undefined ? record[columns.name] : undefined, columns.handle !== undefined ? record[columns.handle] : undefined);
    if (maintainer) rows.push({ project, maintainer });
  }
  return { rows };
}

/** A plain value of a JSON node: strings, arrays and objects (numbers, booleans and null are null). */
function plainOf(node: JsonNode): unknown {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'array':
      return node.items.map(plainOf);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const m of node.members) out[m.key] = plainOf(m.value);
      return out;
    }
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A maintainer written in a JSON or YAML list: `"@jane"`, `"jane"`, `"Jane Doe"`, `{ name, github }`. */
function maintainerFromValue(value: unknown): Maintainer | undefined {
  if (typeof value === 'string') {
    const s = value.trim();
    const withHandle = /^(.*?)\s*\(@?([A-Za-z0-9-]+)\)$/.exec(s);
    if (withHandle && handleOf(withHandle[2]!)) return maintainerOf(withHandle[1], withHandle[2]);
    return /\s/.test(s) ? maintainerOf(s, undefined) : maintainerOf(undefined, s);
  }
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  const columns = findColumns(keys);
  const text = (i: number | undefined) => (i !== undefined && typeof value[keys[i]!] === 'string' ? (value[keys[i]!] as string) : undefined);
  return maintainerOf(text(columns.name), text(columns.handle));
}

function rowsFromValue(value: unknown): { rows: Row[] } | { problem: string } {
  const rows: Row[] = [];
  if (Array.isArray(value)) {
    // A list of rows, each with a project and a handle or name.
    let project = '';
    for (const item of value) {
      if (!isRecord(item)) continue;
      const keys = Object.keys(item);
      const column = findColumns(keys).project;
      const cell = column !== undefined && typeof item[keys[column]!] === 'string' ? (item[keys[column]!] as string).trim() : '';
      if (cell) project = cell;
      const maintainer = maintainerFromValue(item);
      if (project && maintainer) rows.push({ project, maintainer });
    }
    if (!rows.length && value.length) return { problem: 'none of its entries has a project and a GitHub handle or name ({ "project": …, "github": … })' };
    return { rows };
  }
  if (isRecord(value)) {
    // `{ projects: [...] }` or `{ maintainers: [...] }` around a list of rows.
    for (const key of ['projects', 'maintainers']) if (Array.isArray(value[key]) && Object.keys(value).length === 1) return rowsFromValue(value[key]);
    for (const [project, people] of Object.entries(value)) {
      const list = Array.isArray(people) ? people : isRecord(people) && Array.isArray(people['maintainers']) ? (people['maintainers'] as unknown[]) : undefined;
      if (!list) continue;
      for (const person of list) {
        const maintainer = maintainerFromValue(person);
        if (maintainer && project.trim()) rows.push({ project: project.trim(), maintainer });
      }
    }
    if (!rows.length && Object.keys(value).length) return { problem: 'none of its keys is a project with a list of maintainers ({ "Project": ["@handle", …] })' };
    return { rows };
  }
  return { problem: 'it is neither a list of rows nor a map from project to maintainers' };
}

function formatOf(uri: string, text: string): 'csv' | 'tsv' | 'json' | 'yaml' {
  const ext = /\.([A-Za-z]+)$/.exec(uri.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'json') return ext;
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'csv';
}

let versions = 0;

/** Read a list's text (its format from the file's extension: .csv, .tsv, .json, .yaml/.yml; else CSV). */
export function parseMaintainers(text: string, uri: string): MaintainersLoad {
  const format = formatOf(uri, text);
  let read: { rows: Row[] } | { problem: string };
  try {
    if (format === 'csv' || format === 'tsv') read = rowsFromCsv(text, format === 'tsv' ? '\t' : ',');
    else if (format === 'json') {
      try {
        read = rowsFromValue(plainOf(readJson(text.replace(/^\uFEFF/, ''))));
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        read = { problem: `it is not valid JSON (${e.message})` };
      }
    } else {
      let value: unknown;
      try {
        // Errors thrown (`logLevel: 'error'`: 'silent' would drop them), warnings not logged; aliases
        // bounded (yaml's own default, said here): an alias bomb is refused, not expanded.
        value = parseYaml(text, { logLevel: 'error', maxAliasCount: 100, uniqueKeys: false });
      } catch (e) {
        const message = (e instanceof Error ? e.message.split('\n')[0]! : String(e)).replace(/:\s*$/, '');
        return { problem: `it is not valid YAML (${message})` };
      }
      read = rowsFromValue(value);
    }
  } catch (e) {
    // A stack overflow on absurd nesting, or anything else: the list is not used, the checks go on.
    return { problem: `it could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
  if ('problem' in read) return read;
  if (!read.rows.length) return { problem: 'it lists no maintainers' };
  const byName = new Map<string, Maintainer[]>();
  for (const row of read.rows) {
    let people = byName.get(row.project);
    if (!people) byName.set(row.project, (people = []));
    people.push(row.maintainer);
  }
  const projects = [...byName].map(([name, maintainers]) => ({ name, maintainers }));
  return { list: { uri, fileName: lastSegment(uri), version: `${uri}#${++versions}`, projects, index: indexOf(projects), answers: new Map() } };
}

/** The list at `uri`, read through the host; the same text gives the same list (one parse per text). */
export async function loadMaintainers(host: Host, uri: string): Promise<MaintainersLoad> {
  const content = await readContent(host, uri);
  const name = lastSegment(uri);
  if (content === undefined) return { problem: `${name} was not found` };
  if (typeof content !== 'string') return { problem: `${name} is ${content.unreadable}` };
  const known = parsed.get(uri);
  if (known && known.text === content) return known.load;
  const load = parseMaintainers(content, uri);
  const named: MaintainersLoad = 'problem' in load ? { problem: `${name} cannot be used: ${load.problem}` } : load;
  parsed.delete(uri);
  parsed.set(uri, { text: content, load: named });
  // A few lists at most in a workspace: keep the latest few.
  while (parsed.size > 8) parsed.delete(parsed.keys().next().value!);
  return named;
}

const parsed = new Map<string, { readonly text: string; readonly load: MaintainersLoad }>();

function lastSegment(uri: string): string {
  const s = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const last = s.slice(s.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

// ---------------------------------------------------------------------------------- matching

/** Lower-case ASCII words of a name: diacritics dropped, punctuation and spaces as separators. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The forms a project name goes by: as written, without its parenthesised part, the parenthesised
 * part itself (`TUF (The Update Framework)`), and the part before a colon (`Istio: Maintainers`).
 */
function nameForms(name: string): string[][] {
  const forms = [wordsOf(name), wordsOf(name.replace(/\([^)]*\)/g, ' '))];
  for (const m of name.matchAll(/\(([^)]*)\)/g)) forms.push(wordsOf(m[1]!));
  if (name.includes(':')) forms.push(wordsOf(name.slice(0, name.indexOf(':'))));
  const seen = new Set<string>();
  return forms.filter((f) => f.length > 0 && !seen.has(f.join(' ')) && (seen.add(f.join(' ')), true));
}

interface ListIndex {
  /** Projects by the joined letters of a form (`chaosmesh`), and by the first word of a form (for prefixes). */
  readonly byCompact: ReadonlyMap<string, readonly number[]>;
  readonly byFirstWord: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly project: number }[]>;
  /** The projects each handle (lower-case) is listed for. */
  readonly byHandle: ReadonlyMap<string, readonly number[]>;
}

function indexOf(projects: readonly MaintainedProject[]): ListIndex {
  const byCompact = new Map<string, number[]>();
  const byFirstWord = new Map<string, { words: string[]; project: number }[]>();
  const byHandle = new Map<string, number[]>();
  projects.forEach((p, i) => {
    for (const m of p.maintainers) {
      if (!m.handle) continue;
      const key = m.handle.toLowerCase();
      const list = byHandle.get(key) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      byHandle.set(key, list);
    }
    for (const form of nameForms(p.name)) {
      const compact = form.join('');
      const list = byCompact.get(compact) ?? [];
      if (!list.includes(i)) list.push(i);
      byCompact.set(compact, list);
      const first = byFirstWord.get(form[0]!) ?? [];
      first.push({ words: form, project: i });
      byFirstWord.set(form[0]!, first);
    }
  });
  return { byCompact, byFirstWord, byHandle };
}

/**
 * The list's projects a project heading names: a form equal to one of theirs (`Chaos Mesh` and
 * `ChaosMesh`, `The Update Framework (TUF)` and `TUF (The Update Framework)`), or the first words of
 * theirs (`Kubernetes` → `Kubernetes steering`, `Kubernetes maintainers`; `Tekton` → `Tekton CLI`…).
 * A heading naming several projects (`Linkerd and Envoy`, `SPIFFE/SPIRE`) names each.
 */
export function projectsNamed(list: MaintainersList, heading: string): number[] {
  const found = new Set<number>();
  const parts = [heading, ...heading.split(/\s+(?:and|&|\+)\s+|\s*[/,]\s*/i)];
  for (const part of parts) {
    for (const form of nameForms(part)) {
      for (const i of list.index.byCompact.get(form.join('')) ?? []) found.add(i);
      for (const candidate of list.index.byFirstWord.get(form[0]!) ?? []) {
        if (candidate.words.length > form.length && form.every((w, k) => candidate.words[k] === w)) found.add(candidate.project);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * What the list says of an idea's project: the list's projects named by its project heading or
 * by a heading of its path (a sub-project), together. Undefined when none is in the list: the list
 * then says nothing of the idea (it may be another organisation's project, or named otherwise).
 */
export function maintainersOf(list: MaintainersList, headings: readonly string[]): ProjectMaintainers | undefined {
  const key = headings.join('\u0000');
  if (list.answers.has(key)) return list.answers.get(key);
  const answer = lookUp(list, headings);
  // Headings are few (one per project and sub-project of a workspace): the map stays small.
  if (list.answers.size < 10_000) list.answers.set(key, answer);
  return answer;
}

function lookUp(list: MaintainersList, headings: readonly string[]): ProjectMaintainers | undefined {
  const found = new Set<number>();
  const named: string[] = [];
  for (const heading of headings) {
    const projects = projectsNamed(list, heading);
    if (projects.length) named.push(heading.trim());
    for (const i of projects) found.add(i);
  }
  if (!found.size) return undefined;
  const projects = [...found].sort((a, b) => a - b).map((i) => list.projects[i]!);
  const handles = new Map<string, Maintainer>();
  const names: { words: string[]; maintainer: Maintainer }[] = [];
  const people = new Set<string>();
  for (const p of projects) {
    for (const m of p.maintainers) {
      if (m.handle) handles.set(m.handle.toLowerCase(), m);
      if (m.name) names.push({ words: wordsOf(m.name), maintainer: m });
      people.add(m.handle ? `@${m.handle.toLowerCase()}` : wordsOf(m.name ?? '').join(' '));
    }
  }
  return { projects, named, count: people.size, handles, names };
}

/**
 * Is the mentor among the maintainers? By handle (GitHub's are case-insensitive), else by name:
 * the same words, or every word of the shorter of two names of two words or more in the other
 * (`Paco Xu` in `Paco Xu 徐俊杰`, `David Yu` in `David (Mengqi) Yu`). A mentor listed under their
 * name with another handle is listed (the list or the file may be out of date; this is no place to
 * guess which).
 */
export function standingOf(project: ProjectMaintainers, mentor: { readonly name?: string; readonly handle?: string }): MentorStanding {
  const byHandle = mentor.handle ? project.handles.get(mentor.handle.toLowerCase()) : undefined;
  if (byHandle) return { kind: 'listed', as: byHandle, by: 'handle' };
  const words = mentor.name ? wordsOf(mentor.name) : [];
  if (words.length) {
    for (const { words: listed, maintainer } of project.names) {
      if (sameName(words, listed)) return { kind: 'listed', as: maintainer, by: 'name', sameWords: words.join('') === listed.join('') || sameSet(words, listed) };
    }
  }
  return { kind: 'not-listed' };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return new Set(b).size === set.size && b.every((w) => set.has(w));
}

function sameName(a: readonly string[], b: readonly string[]): boolean {
  if (!b.length) return false;
  if (a.join('') === b.join('')) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 2) return false;
  const set = new Set(long);
  return short.every((w) => set.has(w));
}

/** `Kubernetes steering and Kubernetes maintainers` — the list's projects, for a message. */
export function projectNames(project: ProjectMaintainers): string {
  const names = project.projects.map((p) => p.name.trim());
  if (names.length <= 3) return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

/** The list's projects a handle is listed for (any project), in list order. */
export function projectsOfHandle(list: MaintainersList, handle: string): MaintainedProject[] {
  return (list.index.byHandle.get(handle.toLowerCase()) ?? []).map((i) => list.projects[i]!);
}
