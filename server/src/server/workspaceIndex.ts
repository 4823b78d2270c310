// Every idea file of every workspace folder: mentors and skills (the engine's WorkspaceIndex, for
// completion, hover and the cross-file rules), and idea titles (workspace symbols) and project
// titles (completion). Host-agnostic: files are listed by an injected `listFiles` and read through
// the Host, so the browser build can provide its own. Open documents win over disk.
import type { Idea, IdeaDocument, Range } from '../engine/parse/model';
import { parseDocument } from '../engine/parse/parse';
import { memoSlot, perIdea } from '../engine/parse/perIdea';
import { WorkspaceIndex } from '../engine/workspace/workspace';

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
}

export function isMarkdownUri(uri: string): boolean {
  return /\.(?:md|markdown)$/i.test(uri.replace(/[?#].*$/, ''));
}

export class IdeaFileIndex {
  readonly vocabulary = new WorkspaceIndex();
  private readonly summaries = new Map<string, FileSummary>();
  private projectCounts: Map<string, number> | undefined;

  /** Record a parsed file; true when its mentors, skills, ideas or projects changed. */
  update(uri: string, doc: IdeaDocument): boolean {
    if (!doc.isIdeaFile) return this.remove(uri);
    const before = this.summaries.get(uri);
    const fingerprint = fingerprintOf(doc);
    // Typing inside a description changes nothing here: skip the rebuild (big files edit fast).
    if (before?.fingerprint.all === fingerprint.all) return false;
    this.vocabulary.update(uri, doc);
    this.summaries.set(uri, summarise(uri, doc, fingerprint));
    this.projectCounts = undefined;
    return before?.fingerprint.vocabulary !== fingerprint.vocabulary;
  }

  remove(uri: string): boolean {
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
   * Index every markdown file of the folders, one at a time with a turn of the event loop between
   * files. `skip` names files that must not be read from disk (open documents, indexed from their text).
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
    let indexed = 0;
    for (const [i, uri] of files.entries()) {
      await sources.yieldNow();
      progress?.report(i, files.length, uri);
      if (skip(uri)) continue;
      const text = await sources.readFile(uri);
      if (skip(uri)) continue; // opened while it was read
      if (text === undefined) this.remove(uri);
      else if (this.update(uri, parseDocument(text))) indexed++;
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
  for (const idea of doc.ideas) {
    const own = perIdea(idea, IDEA_FINGERPRINT, (i) => ideaFingerprint(i, doc));
    words.text(idea.project?.title ?? '').number(own.words[0]).number(own.words[1]);
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

interface Fingerprint {
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
