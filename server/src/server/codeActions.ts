// textDocument/codeAction: each finding's fix as a quick fix (interactive ones too), "fix all of this
// rule" when a rule has more than one automatic fix in the file, and `source.fixAll.socIdeas` (every
// automatic fix, applied pass after pass like the CLI's --fix, as one edit of the changed range).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { CheckResult } from '../engine/check';
import type { Finding, Fix } from '../engine/findings/findings';
import { applyFixes, automaticFixes } from '../engine/findings/fix';
import type { IdeaDocument } from '../engine/parse/model';
import { toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.socIdeas`;
/** How many times fix-all re-checks and applies again (as the CLI does). */
export const MAX_FIX_PASSES = 10;

/** Re-checks a fixed text (the server's check with the same template, settings and workspace). */
export type Recheck = (text: string) => Promise<CheckResult>;

export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind !== FIX_ALL_KIND;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export async function codeActions(params: CodeActionParams, result: CheckResult, recheck: Recheck): Promise<CodeAction[]> {
  const { uri } = params.textDocument;
  const { doc, findings } = result;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const start = doc.lines.offsetAt(params.range.start);
    const end = doc.lines.offsetAt(params.range.end);
    for (const finding of findings) {
      if (!finding.fix || finding.span.end < start || finding.span.start > end) continue;
      const diagnostic = matchingDiagnostic(params.context.diagnostics, uri, doc, finding);
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: fixEdits(doc, finding.fix) } },
        ...(finding.fix.interactive ? {} : { isPreferred: true }),
      });
    }
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!f.fix || f.fix.interactive) continue;
      const same = byRule.get(f.rule);
      if (same) same.push(f);
      else byRule.set(f.rule, [f]);
    }
    const touched = new Set(actions.flatMap((a) => a.diagnostics?.map((d) => String(d.code)) ?? []));
    for (const [rule, ruleFindings] of byRule) {
      if (ruleFindings.length < 2 || !touched.has(rule)) continue;
      const fixed = applyFixes(doc.text, automaticFixes(ruleFindings));
      if (fixed.text === doc.text) continue;
      actions.push({
        title: `Fix all ${rule} problems in file`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [uri]: [wholeChange(doc, fixed.text)] } },
      });
    }
  }

  if (only && wants(only, FIX_ALL_KIND)) {
    const text = await fixAllText(result, recheck);
    if (text !== doc.text) {
      actions.push({ title: 'Fix all SoC Ideas problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: [wholeChange(doc, text)] } } });
    }
  }
  return actions;
}

/** Every automatic fix, applied and re-checked until nothing changes (at most MAX_FIX_PASSES passes). */
export async function fixAllText(first: CheckResult, recheck: Recheck): Promise<string> {
  let text = first.doc.text;
  let result = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = automaticFixes(result.findings);
    if (!fixes.length) break;
    const applied = applyFixes(text, fixes);
    if (applied.applied === 0 || applied.text === text) break;
    text = applied.text;
    if (pass + 1 < MAX_FIX_PASSES) result = await recheck(text);
  }
  return text;
}

function fixEdits(doc: IdeaDocument, fix: Fix): LspTextEdit[] {
  return fix.edits.map((e) => ({
    range: { start: doc.lines.positionAt(e.span.start), end: doc.lines.positionAt(e.span.end) },
    newText: e.newText,
  }));
}

/** One edit from `doc.text` to `text`: the range between their common prefix and common suffix. */
export function wholeChange(doc: IdeaDocument, text: string): LspTextEdit {
  const old = doc.text;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  // Never split a CRLF or a surrogate pair: widen to whole code points / line breaks.
  while (start > 0 && (isLowSurrogate(old.charCodeAt(start)) || (old[start] === '\n' && old[start - 1] === '\r'))) start--;
  while (endOld < old.length && (isLowSurrogate(old.charCodeAt(endOld)) || (old[endOld] === '\n' && old[endOld - 1] === '\r'))) {
    endOld++;
    endNew++;
  }
  return {
    range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(endOld) },
    newText: text.slice(start, endNew),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function matchingDiagnostic(diagnostics: readonly Diagnostic[], uri: string, doc: IdeaDocument, finding: Finding): Diagnostic {
  const own = toDiagnostic(uri, doc, finding);
  return (
    diagnostics.find(
      (d) =>
        d.code === finding.rule &&
        d.range.start.line === own.range.start.line &&
        d.range.start.character === own.range.start.character &&
        d.range.end.line === own.range.end.line &&
        d.range.end.character === own.range.end.character,
    ) ?? own
  );
}
