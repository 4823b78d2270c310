// A finding as the CLI prints it: 1-based lines and columns, a file as the user named it.
import type { CheckResult } from '../engine/check';
import type { ConfigProblem } from '../engine/config/config';
import type { Finding, Severity } from '../engine/findings/findings';
import type { LineIndexLike } from '../engine/parse/model';
import { findingsOnChanges } from './changed';
import type { FileChanges } from './git';

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
}

/** Columns count UTF-16 code units from 1, as LSP clients and editors show them. */
export function toCliFinding(file: string, lines: LineIndexLike, finding: Finding): CliFinding {
  const start = lines.positionAt(finding.span.start);
  const end = lines.positionAt(finding.span.end);
  return {
    file,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: finding.severity,
    rule: finding.rule,
    message: finding.message,
  };
}

export function compareFindings(a: CliFinding, b: CliFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  /** info and hint together. */
  readonly infos: number;
}

export function countFindings(findings: readonly CliFinding[]): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** What the check of one file tells: its findings as printed, and what goes to stderr. Plain data (a worker thread sends it). */
export interface FileReport {
  readonly findings: readonly CliFinding[];
  /** The `.soc-ideas.json` in force and its problems (told once per config file). */
  readonly config: { readonly uri?: string; readonly problems: readonly ConfigProblem[] };
  /** The template's notes (each told once per run). */
  readonly notes: readonly string[];
  /** Checks limited for this file: what was left out. */
  readonly notice?: string;
}

/** `changes` given (`--changed-since`): only the findings a reviewer of those changes should see. */
export function fileReport(shownFile: string, result: CheckResult, changes?: { readonly inFile: FileChanges | undefined }): FileReport {
  const shown = changes ? findingsOnChanges(result.doc, result.findings, changes.inFile) : result.findings;
  return { findings: shown.map((f) => toCliFinding(shownFile, result.doc.lines, f)), ...checkNotes(result) };
}

/** What a check says for stderr. */
export function checkNotes(result: CheckResult): Omit<FileReport, 'findings'> {
  return {
    config: { ...(result.config.uri !== undefined ? { uri: result.config.uri } : {}), problems: result.config.problems },
    notes: result.resolved.notes,
    ...(result.notice !== undefined ? { notice: result.notice } : {}),
  };
}
