// What the workspace knows across idea files: mentors and skills, for completion,
// hover and the cross-file rules. Fed one document at a time; pure data, no I/O.
import type { Idea, IdeaDocument, LineIndexLike, Range, Span } from '../parse/model';
import { memoSlot, perIdea, relativeSpan } from '../parse/perIdea';

export interface MentorUse {
  readonly uri: string;
  readonly range: Range;
  readonly name?: string;
  readonly handle?: string;
  readonly email?: string;
  readonly ideaTitle: string;
}

export interface SkillUse {
  /** Spelling as written (trailing punctuation removed) → number of uses. */
  readonly spellings: ReadonlyMap<string, number>;
  readonly total: number;
}

export interface WorkspaceVocabulary {
  /** Skills by case-folded key. */
  skills(): ReadonlyMap<string, SkillUse>;
  mentorUses(): readonly MentorUse[];
  /** How many idea files the vocabulary comes from. */
  readonly fileCount: number;
  /**
   * Changes whenever something a check of `uri` may read of this part changed: its words in any
   * file, or where they are written in another file (the file's own places move with it). What the
   * lint cache of `idea+mentors` and `idea+skills` rules keys on.
   */
  versionFor(uri: string, part: VocabularyPart): string;
  /**
   * Changes whenever this part's words change in any file. While the mentors' stays, `mentorUses()`
   * lists the same mentors in the same order (only their ranges may differ); while the skills'
   * stays, `skills()` is the same.
   */
  wordsVersion(part: VocabularyPart): string;
}

/** Mentors (with the titles of their ideas) or skills. */
export type VocabularyPart = 'mentors' | 'skills';

/** Case-folded key of a skill: `Golang.` and `golang` share `golang`. */
export function skillKey(name: string): string {
  return name.toLowerCase().replace(/[\s.:;,!]+$/g, '').trim();
}

/** A file's ideas as the index keeps them; mentor uses are built from them when asked for. */
interface FileEntry {
  /** Per idea, what it adds (equal words: the same vocabulary, wherever they are written). */
  readonly ideas: readonly IdeaVocabulary[];
  /** Where each idea's section starts (its vocabulary's spans are relative to it). */
  readonly bases: readonly number[];
  readonly lines: LineIndexLike;
  /** The index's generation when the file's places (or words) last changed. */
  readonly changed: number;
}

/** An idea's mentors and skills as the index keeps them, spans relative to the idea (see perIdea). Plain data. */
export interface IdeaVocabulary {
  readonly title: string;
  readonly skills: ReadonlyArray<readonly [string, string]>;
  readonly mentors: ReadonlyArray<{ readonly name?: string; readonly handle?: string; readonly email?: string; readonly span: Span }>;
  /** Equal words: the same vocabulary, wherever it is written. */
  readonly words: Readonly<Record<VocabularyPart, readonly string[]>>;
}

const IDEA_VOCABULARY = memoSlot<IdeaVocabulary>('workspace vocabulary');

function ideaVocabulary(idea: Idea): IdeaVocabulary {
  const skills = idea.skills.map((s) => [skillKey(s.name), s.name] as const);
  const mentors = idea.mentors.map((m) => ({
    ...(m.name !== undefined ? { name: m.name } : {}),
    ...(m.handle !== undefined ? { handle: m.handle } : {}),
    ...(m.email !== undefined ? { email: m.email } : {}),
    span: relativeSpan(idea, m.span),
  }));
  const words = {
    mentors: [idea.title, ...mentors.flatMap((m) => [m.name ?? '', m.handle ?? '', m.email ?? ''])],
    skills: skills.map(([, name]) => name),
  };
  return { title: idea.title, skills, mentors, words };
}

/** A file's ideas as the index keeps them (plain data: a worker thread can send it). */
export interface FileIdeas {
  readonly ideas: readonly IdeaVocabulary[];
  /** Where each idea's section starts in the text. */
  readonly bases: readonly number[];
}

export function fileIdeas(doc: IdeaDocument): FileIdeas {
  const ideas: IdeaVocabulary[] = [];
  const bases: number[] = [];
  for (const idea of doc.ideas) {
    ideas.push(perIdea(idea, IDEA_VOCABULARY, ideaVocabulary));
    bases.push(idea.origin?.base ?? 0);
  }
  return { ideas, bases };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A mentor use whose range is worked out when read (most never are: a keystroke re-indexes the file). */
class PlacedMentorUse implements MentorUse {
  private placed: Range | undefined;

  constructor(
    readonly uri: string,
    readonly ideaTitle: string,
    private readonly lines: LineIndexLike,
    private readonly span: Span,
    readonly name?: string,
    readonly handle?: string,
    readonly email?: string,
  ) {}

  get range(): Range {
    return (this.placed ??= { start: this.lines.positionAt(this.span.start), end: this.lines.positionAt(this.span.end) });
  }
}

export class WorkspaceIndex implements WorkspaceVocabulary {
  private readonly files = new Map<string, FileEntry>();
  private skillCache: Map<string, SkillUse> | undefined;
  private mentorCache: MentorUse[] | undefined;
  private generation = 0;
  /** Move on when the words of a part change in some file. */
  private readonly wordsGeneration: Record<VocabularyPart, number> = { mentors: 0, skills: 0 };

  get fileCount(): number {
    return this.files.size;
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  update(uri: string, doc: IdeaDocument): void {
    if (!doc.isIdeaFile) {
      this.remove(uri);
      return;
    }
    const { ideas, bases } = fileIdeas(doc);
    this.updateIdeas(uri, ideas, bases, doc.lines);
  }

  /**
   * What `update` records, from a file's `fileIdeas` made elsewhere (a worker thread that parsed
   * it) and the line index of the same text: the index then holds what `update` of that parse holds.
   */
  updateIdeas(uri: string, ideas: readonly IdeaVocabulary[], bases: readonly number[], lines: LineIndexLike): void {
    const before = this.files.get(uri)?.ideas;
    const sameWords = (part: VocabularyPart) =>
      before !== undefined && before.length === ideas.length && before.every((b, i) => b === ideas[i] || sameStrings(b.words[part], ideas[i]!.words[part]));
    this.files.set(uri, { ideas, bases, lines, changed: ++this.generation });
    if (!sameWords('skills')) {
      this.wordsGeneration.skills++;
      this.skillCache = undefined;
    }
    if (!sameWords('mentors')) this.wordsGeneration.mentors++;
    this.mentorCache = undefined; // their ranges moved
  }

  remove(uri: string): void {
    if (this.files.delete(uri)) {
      this.generation++;
      this.wordsGeneration.mentors++;
      this.wordsGeneration.skills++;
      this.skillCache = undefined;
      this.mentorCache = undefined;
    }
  }

  wordsVersion(part: VocabularyPart): string {
    return `${this.wordsGeneration[part]}`;
  }

  versionFor(uri: string, part: VocabularyPart): string {
    let others = 0;
    for (const [other, entry] of this.files) if (other !== uri) others = Math.max(others, entry.changed);
    return `${this.wordsGeneration[part]}.${others}`;
  }

  skills(): ReadonlyMap<string, SkillUse> {
    return (this.skillCache ??= collectSkills([...this.files.values()].flatMap((entry) => entry.ideas)));
  }

  mentorUses(): readonly MentorUse[] {
    if (!this.mentorCache) {
      const uses: MentorUse[] = [];
      for (const [uri, entry] of this.files) {
        entry.ideas.forEach((idea, i) => {
          const base = entry.bases[i]!;
          for (const m of idea.mentors) {
            const span = { start: m.span.start + base, end: m.span.end + base };
            uses.push(new PlacedMentorUse(uri, idea.title, entry.lines, span, m.name, m.handle, m.email));
          }
        });
      }
      this.mentorCache = uses;
    }
    return this.mentorCache;
  }
}

/** Skills by key, counted over ideas in order. */
function collectSkills(ideas: Iterable<{ readonly skills: ReadonlyArray<readonly [string, string]> }>): Map<string, SkillUse> {
  const acc = new Map<string, { spellings: Map<string, number>; total: number }>();
  for (const idea of ideas) {
    for (const [key, spelling] of idea.skills) {
      if (!key) continue;
      let use = acc.get(key);
      if (!use) acc.set(key, (use = { spellings: new Map(), total: 0 }));
      use.spellings.set(spelling, (use.spellings.get(spelling) ?? 0) + 1);
      use.total++;
    }
  }
  return acc;
}

/**
 * One idea file's part of the vocabulary as plain data (JSON), its mentors' ranges worked out: what
 * the CLI's worker threads send to the main one, and a `FrozenVocabulary` is made of.
 */
export interface FileVocabulary {
  readonly uri: string;
  readonly ideas: ReadonlyArray<{
    readonly title: string;
    readonly skills: ReadonlyArray<readonly [string, string]>;
    readonly mentors: ReadonlyArray<{ readonly name?: string; readonly handle?: string; readonly email?: string; readonly range: Range }>;
  }>;
}

/** The document's part of the vocabulary; undefined when it is no idea file (it has none). */
export function fileVocabulary(uri: string, doc: IdeaDocument): FileVocabulary | undefined {
  if (!doc.isIdeaFile) return undefined;
  const ideas = doc.ideas.map((idea) => {
    const { title, skills, mentors } = perIdea(idea, IDEA_VOCABULARY, ideaVocabulary);
    const base = idea.origin?.base ?? 0;
    const placed = mentors.map(({ span, ...who }) => ({
      ...who,
      range: { start: doc.lines.positionAt(span.start + base), end: doc.lines.positionAt(span.end + base) },
    }));
    return { title, skills, mentors: placed };
  });
  return { uri, ideas };
}

/**
 * The vocabulary of files checked all against the same state of each other (the CLI's worker
 * threads): lists the same mentors and skills, in the same order, as a `WorkspaceIndex` fed the
 * same documents in that order. It never changes, so neither do its versions.
 */
export class FrozenVocabulary implements WorkspaceVocabulary {
  readonly fileCount: number;
  private readonly skillUses: ReadonlyMap<string, SkillUse>;
  private readonly uses: readonly MentorUse[];

  constructor(files: readonly FileVocabulary[]) {
    this.fileCount = files.length;
    this.skillUses = collectSkills(files.flatMap((f) => f.ideas));
    this.uses = files.flatMap((f) => f.ideas.flatMap((idea) => idea.mentors.map((m) => ({ uri: f.uri, ideaTitle: idea.title, ...m }))));
  }

  skills(): ReadonlyMap<string, SkillUse> {
    return this.skillUses;
  }

  mentorUses(): readonly MentorUse[] {
    return this.uses;
  }

  versionFor(): string {
    return '0';
  }

  wordsVersion(): string {
    return '0';
  }
}

/** A vocabulary of one document alone (the CLI on a single file, tests). */
export function singleDocumentVocabulary(uri: string, doc: IdeaDocument): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update(uri, doc);
  return index;
}
