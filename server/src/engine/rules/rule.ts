// One rule = one file in this folder, with its doc at docs/rules/<id>.md.
import type { Fix, RelatedInformation, Severity } from '../findings/findings';
import type { Idea, IdeaDocument, Span } from '../parse/model';
import type { Template } from '../template/types';
import type { WorkspaceVocabulary } from '../workspace/workspace';
import type { MaintainersList } from '../config/maintainers';

export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
  /**
   * At most this level, whatever the rule's own (a variant worth a note, where the rule's other
   * findings are mistakes): `info` for a synonym label beside `warning` for a typo of one.
   */
  readonly atMost?: Severity;
  /**
   * A convention rather than a slip: findings with the same key are reported once per file, at the
   * first, with how many places share it (FINDINGS-POLICY: never once per idea).
   */
  readonly once?: string;
  /** `idea`: the `once` key is the idea's own, shared only by findings of one idea (in an `eachIdea` check only). */
  readonly onceWithin?: 'idea';
}

export interface RuleContext {
  readonly uri: string;
  readonly doc: IdeaDocument;
  readonly template: Template;
  /** Mentors and skills across the workspace (the linted file included). */
  readonly workspace: WorkspaceVocabulary;
  /** The maintainers list the config names, when it names one that could be read. */
  readonly maintainers?: MaintainersList;
  report(report: Report): void;
  /**
   * Runs `check` for each of `ideas`: what it reports is that idea's, and is re-used after an edit
   * elsewhere while the idea's own section, its place (project title, path) and `facts` are
   * unchanged. `facts` names every fact of the rest of the file that `check` reads — the file's
   * convention, the counts a message quotes — in a short string; what `check` reports lies in the
   * idea's own section. A document rule keeps its file-wide part (counts, a note for the file) cheap
   * and outside, and its per-idea findings here.
   */
  eachIdea(ideas: readonly Idea[], facts: string, check: (idea: Idea) => void): void;
}

export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule checks. */
  readonly description: string;
  /** True when the rule offers a fix for (some of) its findings. */
  readonly fixable: boolean;
  /**
   * True when findings read only the file's structure (headings, field labels, which fields are
   * there, list markers), not values or prose. Such rules are cheap, and when a large file is
   * opened their findings are published first, before the others have run (server/analysis.ts).
   */
  readonly structural?: boolean;
  /**
   * `idea`: each finding depends only on one idea's own section, its project's title, the template
   * and the levels, so an unchanged idea's findings can be re-used after an edit elsewhere.
   * `idea+mentors`, `idea+skills`: as `idea`, and that part of the workspace vocabulary (what is
   * written, and where in other files): findings are re-used while it is unchanged.
   * Default `document`: the rule looks across ideas and always runs on the whole (its per-idea
   * findings may still be kept per idea, see RuleContext.eachIdea).
   */
  readonly scope?: 'idea' | 'idea+mentors' | 'idea+skills' | 'document';
  check(context: RuleContext): void;
}
