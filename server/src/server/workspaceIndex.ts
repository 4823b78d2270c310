// Every idea file of every workspace folder: mentors and skills (the engine's WorkspaceIndex, for
// completion, hover and the cross-file rules), and idea titles (workspace symbols) and project
// titles (completion). Host-agnostic: files are listed by an injected `listFiles` and read through
// the Host, so the browser build can provide its own. Open documents win over disk.
//
// The scan of a workspace never holds up typing: it waits while an open document is being checked
// (`foreground`), parses one file per turn of the event loop (or has a worker thread parse them:
// `IndexSources.parse`), and puts what it found into the index at the end, in file order, so that
// the index then holds what feeding it the files one by one holds, and checks made meanwhile re-use
// their cross-file findings (the vocabulary does not move under every keystroke).
import type { Idea, IdeaDocument, Project, Range } from '../engine/parse/model';
import { parseDocument } from '../engine/parse/parse';
import { memoSlot, perIdea } from '../engine/parse/perIdea';
import { LineIndex } from '../engine/parse/text';
import { fileIdeas, WorkspaceIndex, type FileIdeas } from '../engine/workspace/workspace';

export interface IdeaEntry {
  readonly uri: string;
  readonly title: string;
  readonly project: string | null;
  readonly range: Range;
}

interface FileSummary {
  readonly ideas: readonly IdeaEntry[];
  readonly projects: readonly string[];
  /** Equal fingerprints: nothing the index keeps of the file changed. */
  readonly fingerprint: Fingerprint;
}

export interface IndexProgress {
  report(done: number, total: number, uri: string): void;
}

export interface IndexSources {
  /** URIs of the files under a folder (any kind: the indexer keeps the markdown ones). */
  listFiles(folderUri: string): Promise<string[]>;
  readFile(uri: string): Promise<string | undefined>;
  /** Give the event loop a turn (setImmediate in Node), so edits are served while indexing. */
  yieldNow(): Promise<void>;
  /**
   * Resolves when no open document waits for a check (edits first), or after `atMostMs` (the index
   * still moves on while someone types without a pause); absent: never waits.
   */
  foreground?(atMostMs: number): Promise<void>;
  /** Parse a file elsewhere (a worker thread); absent, or failing: here, one file per turn. */
  parse?(uri: string, text: string): Promise<IndexedFile>;
}

/**
 * What the index keeps of one file's text, as plain data (a worker thread sends it): the parse's
 * vocabulary, ideas and projects, and its fingerprint. `indexedFile` makes it from a text.
 */
export type IndexedFile =
  | { readonly isIdeaFile: false }
  | {
      readonly isIdeaFile: true;
      readonly vocabulary: FileIdeas;
      readonly ideas: readonly IdeaEntry[];
      readonly projects: readonly string[];
      readonly fingerprint: Fingerprint;
    };

export function indexedFile(uri: string, text: string): IndexedFile {
  const doc = parseDocument(text);
  if (!doc.isIdeaFile) return { isIdeaFile: false };
  const fingerprint = fingerprintOf(doc);
  return { isIdeaFile: true, vocabulary: fileIdeas(doc), ...summarise(uri, doc, fingerprint) };
}

/**
 * Files larger than this (in UTF-16 code units, at most their UTF-8 bytes) are not indexed from
 * disk: parsing one would take the index seconds. Open documents are checked whatever their size.
 */
export const MAX_INDEXED_CHARS = 1024 * 1024;

/** Files read and sent to the parsing thread at once, at most. */
const PARSES_UNDER_WAY = 4;

/** How long a file parsed in this thread waits for the open documents' checks, at most. */
const FOREGROUND_WAIT_MS = 250;

export function isMarkdownUri(uri: string): boolean {
  return /\.(?:md|markdown)$/i.test(uri.replace(/[?#].*$/, ''));
}

export class IdeaFileIndex {
  readonly vocabulary = new WorkspaceIndex();
  private readonly summaries = new Map<string, FileSummary>();
  private projectCounts: Map<string, number> | undefined;
  /** Counts updates; `touched` says when each file was last updated or removed. */
  private tick = 0;
  private readonly touched = new Map<string, number>();

  /** Record a parsed file; true when its mentors, skills, ideas or projects changed. */
  update(uri: string, doc: IdeaDocument): boolean {
    if (!doc.isIdeaFile) return this.remove(uri);
    this.touched.set(uri, ++this.tick);
    const before = this.summaries.get(uri);
    const fingerprint = fingerprintOf(doc);
    // Typing inside a description changes nothing here: skip the rebuild (big files edit fast).
    if (before?.fingerprint.all === fingerprint.all) return false;
    this.vocabulary.update(uri, doc);
    this.summaries.set(uri, summarise(uri, doc, fingerprint));
    this.projectCounts = undefined;
    return before?.fingerprint.vocabulary !== fingerprint.vocabulary;
  }

  /** Record a file from its `indexedFile` (made of `text`): the same as `update` with its parse. */
  updateFrom(uri: string, file: IndexedFile, text: string): boolean {
    if (!file.isIdeaFile) return this.remove(uri);
    this.touched.set(uri, ++this.tick);
    const before = this.summaries.get(uri);
    if (before?.fingerprint.all === file.fingerprint.all) return false;
    this.vocabulary.updateIdeas(uri, file.vocabulary.ideas, file.vocabulary.bases, new LineIndex(text));
    this.summaries.set(uri, { ideas: file.ideas, projects: file.projects, fingerprint: file.fingerprint });
    this.projectCounts = undefined;
    return before?.fingerprint.vocabulary !== file.fingerprint.vocabulary;
  }

  remove(uri: string): boolean {
    this.touched.set(uri, ++this.tick);
    const had = this.summaries.delete(uri);
    this.vocabulary.remove(uri);
    if (had) this.projectCounts = undefined;
    return had;
  }

  has(uri: string): boolean {
    return this.summaries.has(uri);
  }

  get fileCount(): number {
    return this.summaries.size;
  }

  ideas(): IdeaEntry[] {
    return [...this.summaries.values()].flatMap((s) => s.ideas);
  }

  /** Project title → number of idea files with a project of that title. */
  projectTitles(): ReadonlyMap<string, number> {
    if (!this.projectCounts) {
      const counts = new Map<string, number>();
      for (const s of this.summaries.values()) for (const p of new Set(s.projects)) counts.set(p, (counts.get(p) ?? 0) + 1);
      this.projectCounts = counts;
    }
    return this.projectCounts;
  }

  /**
   * Index every markdown file of the folders, one at a time, each after the open documents' pending
   * checks and a turn of the event loop; parsed here or by `sources.parse`. What is found goes into
   * the index at the end, in file order, except files updated meanwhile (an open document, a change
   * on disk: those are newer). `skip` names files that must not be read from disk (open documents,
   * indexed from their text). Returns how many files changed the vocabulary.
   */
  async scan(folders: readonly string[], sources: IndexSources, skip: (uri: string) => boolean, progress?: IndexProgress): Promise<number> {
    const files: string[] = [];
    for (const folder of folders) {
      try {
        files.push(...(await sources.listFiles(folder)).filter(isMarkdownUri));
      } catch {
        // an unreadable folder has no files to index
      }
    }
    const started = this.tick;
    /** Per file, in order: what was found; `file` undefined: not read (gone); null: not parsed yet. */
    const found: Array<{ uri: string; file: IndexedFile | undefined | null; text: string } | undefined> = files.map(() => undefined);
    const read = async (i: number): Promise<string | undefined | false> => {
      const uri = files[i]!;
      progress?.report(i, files.length, uri);
      if (skip(uri)) return false;
      const text = await sources.readFile(uri);
      if (skip(uri)) return false; // opened while it was read
      if (text === undefined) found[i] = { uri, file: undefined, text: '' };
      return text;
    };
    const { parse } = sources;
    if (parse) {
      // Another thread parses: a file costs this one a read and a message, so several are under way
      // at once (each step waits for the thread between checks of open documents).
      let next = 0;
      let failed = false;
      const lane = async () => {
        for (let i = next++; i < files.length; i = next++) {
          const text = await read(i);
          if (text === undefined || text === false) continue;
          let file: IndexedFile | null = null;
          if (!failed) {
            try {
              file = await parse(files[i]!, text);
            } catch {
              failed = true; // the worker is gone: the rest are parsed here
            }
          }
          found[i] = { uri: files[i]!, file, text };
          await sources.yieldNow();
        }
      };
      await Promise.all(Array.from({ length: PARSES_UNDER_WAY }, lane));
    }
    for (const [i, uri] of files.entries()) {
      if (parse && found[i]?.file !== null) continue; // done above
      // Parsed here: one file per turn, after the open documents' checks.
      await sources.foreground?.(FOREGROUND_WAIT_MS);
      await sources.yieldNow();
      let text = found[i]?.text;
      if (text === undefined) {
        const got = await read(i);
        if (got === undefined || got === false) continue;
        text = got;
        await sources.foreground?.(FOREGROUND_WAIT_MS); // an edit that came while reading goes first
      }
      if (skip(uri)) continue;
      found[i] = { uri, file: indexedFile(uri, text), text };
    }
    await sources.foreground?.(FOREGROUND_WAIT_MS);
    let indexed = 0;
    for (const entry of found) {
      if (!entry || entry.file === null) continue;
      const { uri, file, text } = entry;
      if (skip(uri) || (this.touched.get(uri) ?? 0) > started) continue;
      if (file === undefined ? this.remove(uri) : this.updateFrom(uri, file, text)) indexed++;
    }
    return indexed;
  }
}

function summarise(uri: string, doc: IdeaDocument, fingerprint: Fingerprint): FileSummary {
  const rangeOf = (start: number, end: number): Range => ({ start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) });
  const ideas = doc.ideas.map((idea) => ({
    uri,
    title: idea.title,
    project: idea.project?.title ?? null,
    range: rangeOf(idea.heading.span.start, idea.heading.span.end),
  }));
  return { ideas, projects: doc.projects.map((p) => p.title), fingerprint };
}

/**
 * What the index keeps of a file, hashed: the vocabulary (titles, mentors, skills) and where things
 * are (their ranges go into related information and symbols). Hashing, not joining, because this runs
 * on every edit of a file of any size and must not allocate in proportion to it; each idea's part is
 * hashed once per section text (see perIdea), with its mentors placed relative to its heading.
 */
function fingerprintOf(doc: IdeaDocument): Fingerprint {
  const words = new Hash();
  const places = new Hash();
  // Each project's title hashed once (thousands of ideas share a few hundred projects).
  const titles = new Map<Project | null, readonly [number, number]>();
  for (const idea of doc.ideas) {
    const own = perIdea(idea, IDEA_FINGERPRINT, (i) => ideaFingerprint(i, doc));
    let title = titles.get(idea.project);
    if (!title) titles.set(idea.project, (title = new Hash().text(idea.project?.title ?? '').values()));
    words.number(title[0]).number(title[1]).number(own.words[0]).number(own.words[1]);
    const at = doc.lines.positionAt(idea.heading.span.start);
    places.number(at.line).number(at.character).number(idea.heading.span.end - idea.heading.span.start);
    places.number(own.places[0]).number(own.places[1]);
  }
  const vocabulary = words.digest();
  return { vocabulary, all: `${vocabulary}:${places.digest()}` };
}

const IDEA_FINGERPRINT = memoSlot<{ readonly words: readonly [number, number]; readonly places: readonly [number, number] }>('index fingerprint');

function ideaFingerprint(idea: Idea, doc: IdeaDocument) {
  const words = new Hash().text(idea.title);
  const places = new Hash();
  const headingLine = doc.lines.positionAt(idea.heading.span.start).line;
  for (const m of idea.mentors) {
    words.text(m.name ?? '').text(m.handle ?? '').text(m.email ?? '');
    const p = doc.lines.positionAt(m.span.start);
    places.number(p.line - headingLine).number(p.character).number(m.span.end - m.span.start);
  }
  for (const s of idea.skills) words.text(s.name);
  words.number(idea.mentors.length).number(idea.skills.length);
  return { words: words.values(), places: places.values() };
}

export interface Fingerprint {
  readonly vocabulary: string;
  readonly all: string;
}

/** Two 32-bit FNV-1a style hashes with different seeds and primes: 64 bits against collisions. */
class Hash {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  text(value: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 13);
    }
    this.a = a;
    this.b = b;
    return this.number(value.length);
  }

  number(value: number): this {
    this.a = Math.imul(this.a ^ value, 0x01000193);
    this.b = Math.imul(this.b ^ value, 0x5bd1e995) ^ (this.b >>> 13);
    return this;
  }

  values(): [number, number] {
    return [this.a, this.b];
  }

  digest(): string {
    return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`;
  }
}
