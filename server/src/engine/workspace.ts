// What the workspace knows across idea files: mentors and skills, for completion,
// hover and the cross-file rules. Fed one document at a time; pure data, no I/O.
import type { IdeaDocument, Range } from './model';

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
  /** Moves on whenever the vocabulary changes (what the lint cache of `idea-in-workspace` rules keys on). */
  readonly generation: number;
}

/** Case-folded key of a skill: `Golang.` and `golang` share `golang`. */
export function skillKey(name: string): string {
  return name.toLowerCase().replace(/[\s.:;,!]+$/g, '').trim();
}

interface FileEntry {
  readonly skills: ReadonlyArray<readonly [string, string]>; // [key, spelling]
  readonly mentors: readonly MentorUse[];
}

export class WorkspaceIndex implements WorkspaceVocabulary {
  private readonly files = new Map<string, FileEntry>();
  private skillCache: Map<string, SkillUse> | undefined;
  private mentorCache: MentorUse[] | undefined;
  generation = 0;

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
    const skills: Array<readonly [string, string]> = [];
    const mentors: MentorUse[] = [];
    for (const idea of doc.ideas) {
      for (const s of idea.skills) skills.push([skillKey(s.name), s.name] as const);
      for (const m of idea.mentors) {
        mentors.push({
          uri,
          range: { start: doc.lines.positionAt(m.span.start), end: doc.lines.positionAt(m.span.end) },
          ...(m.name !== undefined ? { name: m.name } : {}),
          ...(m.handle !== undefined ? { handle: m.handle } : {}),
          ...(m.email !== undefined ? { email: m.email } : {}),
          ideaTitle: idea.title,
        });
      }
    }
    this.files.set(uri, { skills, mentors });
    this.generation++;
    this.skillCache = undefined;
    this.mentorCache = undefined;
  }

  remove(uri: string): void {
    if (this.files.delete(uri)) {
      this.generation++;
      this.skillCache = undefined;
      this.mentorCache = undefined;
    }
  }

  skills(): ReadonlyMap<string, SkillUse> {
    if (!this.skillCache) {
      const acc = new Map<string, { spellings: Map<string, number>; total: number }>();
      for (const entry of this.files.values()) {
        for (const [key, spelling] of entry.skills) {
          if (!key) continue;
          let use = acc.get(key);
          if (!use) acc.set(key, (use = { spellings: new Map(), total: 0 }));
          use.spellings.set(spelling, (use.spellings.get(spelling) ?? 0) + 1);
          use.total++;
        }
      }
      this.skillCache = acc;
    }
    return this.skillCache;
  }

  mentorUses(): readonly MentorUse[] {
    if (!this.mentorCache) this.mentorCache = [...this.files.values()].flatMap((f) => f.mentors);
    return this.mentorCache;
  }
}

/** A vocabulary of one document alone (the CLI on a single file, tests). */
export function singleDocumentVocabulary(uri: string, doc: IdeaDocument): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update(uri, doc);
  return index;
}
