// textDocument/codeAction. For the findings under the cursor: each one's fix (an inserted field as a
// snippet edit with the cursor in its value, where the client takes those); "fix all of this rule" when
// the rule has more than one automatic fix in the file; "fix all" whenever the file has an automatic
// fix (the `socIdeas.applyFixAll` command, which says what it changed); "disable RULE for this line /
// for this file" (the inline comments); "show documentation for RULE". And `source.fixAll.socIdeas`
// (fix-on-save): every automatic fix, applied pass after pass as `--fix` does, as one edit.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type SnippetTextEdit,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CheckResult } from '../engine/check';
import { disableForFileFix, disableForLineFix } from '../engine/features/suppress';
import type { Finding, Fix } from '../engine/findings/findings';
import { applyFixes, automaticFixes, describeFixes, fixUntilStable, type FixAllResult } from '../engine/findings/fix';
import type { IdeaDocument } from '../engine/parse/model';
import { APPLY_FIX_ALL_COMMAND, SHOW_RULE_DOCUMENTATION_COMMAND } from '../protocol';
import { toDiagnostic } from './diagnostics';
import { ruleDocUri } from './ruleDocs';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.socIdeas`;

/** Re-checks a fixed text (the server's check with the same template, settings and workspace). */
export type Recheck = (text: string) => Promise<CheckResult>;

/** What the client can do with an action, from its capabilities. */
export interface ActionSupport {
  /** `workspace/applyEdit`: the fix-all command can apply its edit. */
  readonly applyEdit: boolean;
  /** `window/showDocument`: "show documentation" can open the rule's page. */
  readonly showDocument: boolean;
  /** Snippet text edits in a workspace edit (LSP 3.18, `documentChanges`). */
  readonly snippetEdits: boolean;
}

export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind !== FIX_ALL_KIND;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export async function codeActions(
  params: CodeActionParams,
  result: CheckResult,
  version: number | null,
  support: ActionSupport,
  recheck: Recheck,
): Promise<CodeAction[]> {
  const { uri } = params.textDocument;
  const { doc, findings } = result;
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wants(only, CodeActionKind.QuickFix)) {
    const start = doc.lines.offsetAt(params.range.start);
    const end = doc.lines.offsetAt(params.range.end);
    const here = findings.filter((f) => f.span.end >= start && f.span.start <= end);
    for (const finding of here) {
      if (!finding.fix) continue;
      actions.push({
        title: finding.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [matchingDiagnostic(params.context.diagnostics, uri, doc, finding)],
        edit: fixEdit(uri, version, doc, finding.fix, support),
        ...(finding.fix.interactive ? {} : { isPreferred: true }),
      });
    }
    actions.push(...ruleFixAlls(uri, doc, findings, here));
    if (here.length > 0 && support.applyEdit && automaticFixes(findings).length > 0) {
      actions.push({
        title: 'Fix all automatically fixable SoC Ideas problems in this file',
        kind: CodeActionKind.QuickFix,
        command: { title: 'Fix all', command: APPLY_FIX_ALL_COMMAND, arguments: [uri] },
      });
    }
    actions.push(...ruleActions(uri, doc, here, params.context.diagnostics, support));
  }

  if (only && wants(only, FIX_ALL_KIND)) {
    const fixed = await fixAll(result, recheck);
    if (fixed.text !== doc.text) {
      actions.push({
        title: `Fix ${describeFixes(fixed)} automatically`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: [wholeChange(doc, fixed.text)] } },
      });
    }
  }
  return actions;
}

/** "Fix all RULE problems in file", for each rule under the cursor with more than one automatic fix. */
function ruleFixAlls(uri: string, doc: IdeaDocument, findings: readonly Finding[], here: readonly Finding[]): CodeAction[] {
  const wanted = new Set(here.filter((f) => f.fix).map((f) => f.rule));
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix || f.fix.interactive || !wanted.has(f.rule)) continue;
    const same = byRule.get(f.rule);
    if (same) same.push(f);
    else byRule.set(f.rule, [f]);
  }
  const actions: CodeAction[] = [];
  for (const [rule, ruleFindings] of byRule) {
    if (ruleFindings.length < 2) continue;
    const fixed = applyFixes(doc.text, automaticFixes(ruleFindings));
    if (fixed.text === doc.text) continue;
    actions.push({
      title: `Fix all ${rule} problems in file`,
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [uri]: [wholeChange(doc, fixed.text)] } },
    });
  }
  return actions;
}

/** Per rule under the cursor: disable it for the line, for the file; show its page. */
function ruleActions(uri: string, doc: IdeaDocument, here: readonly Finding[], sent: readonly Diagnostic[], support: ActionSupport): CodeAction[] {
  const firstOfRule = new Map<string, Finding>();
  for (const f of here) if (!firstOfRule.has(f.rule)) firstOfRule.set(f.rule, f);
  const actions: CodeAction[] = [];
  for (const [rule, finding] of firstOfRule) {
    const diagnostics = [matchingDiagnostic(sent, uri, doc, finding)];
    const line = doc.lines.positionAt(finding.span.start).line;
    for (const fix of [disableForLineFix(doc, rule, line), disableForFileFix(doc, rule)]) {
      if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [uri]: lspEdits(doc, fix) } } });
    }
    if (support.showDocument && ruleDocUri(rule)) {
      actions.push({
        title: `Show documentation for ${rule}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title: `Show documentation for ${rule}`, command: SHOW_RULE_DOCUMENTATION_COMMAND, arguments: [rule] },
      });
    }
  }
  return actions;
}

/** Every automatic fix, applied and re-checked until nothing changes. */
export function fixAll(first: CheckResult, recheck: Recheck): Promise<FixAllResult<CheckResult>> {
  return fixUntilStable(first.doc.text, first, recheck);
}

/** A fix as a workspace edit: with a cursor stop, a snippet edit where the client takes those. */
function fixEdit(uri: string, version: number | null, doc: IdeaDocument, fix: Fix, support: ActionSupport): WorkspaceEdit {
  const edits = lspEdits(doc, fix);
  const cursor = fix.cursor;
  const target = cursor ? edits[cursor.edit] : undefined;
  if (!cursor || !target || !support.snippetEdits) return { changes: { [uri]: edits } };
  const snippet: SnippetTextEdit = {
    range: target.range,
    snippet: {
      kind: 'snippet',
      value: `${escapeSnippet(target.newText.slice(0, cursor.offset))}$0${escapeSnippet(target.newText.slice(cursor.offset))}`,
    },
  };
  return { documentChanges: [{ textDocument: { uri, version }, edits: edits.map((e) => (e === target ? snippet : e)) }] };
}

/** In snippet text `$`, `}` and `\` are literal only when escaped. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function lspEdits(doc: IdeaDocument, fix: Fix): LspTextEdit[] {
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
