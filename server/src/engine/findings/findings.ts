// What rules produce. Spans are offsets into the linted text; fixes are plain text edits.
import type { Range, Span } from '../parse/model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * The fix needs the user to finish it (an inserted empty field to fill in): offered as a quick
   * fix, never applied by fix-all or `--fix`.
   */
  readonly interactive?: boolean;
  /**
   * Where the cursor goes once the fix is applied, for editors that take snippet edits: at `offset`
   * in the new text of `edits[edit]` (the value of an inserted field).
   */
  readonly cursor?: { readonly edit: number; readonly offset: number };
}

export interface RelatedInformation {
  /** URI of another file; absent for the linted document itself. */
  readonly uri?: string;
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly fix?: Fix;
  readonly related?: readonly RelatedInformation[];
  /** See `Report.once`: findings with one key collapse into the first. */
  readonly once?: string;
  /** Set when `once` is local to one idea (Report.onceWithin): where that idea's heading starts. */
  readonly onceIn?: number;
}

/** The order a check gives its findings: by place, then rule and message (so the output is stable). */
export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** The less severe of two levels. */
export function milder(a: Severity, b: Severity | undefined): Severity {
  return b !== undefined && RANK[b] < RANK[a] ? b : a;
}
