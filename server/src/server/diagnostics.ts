// Findings → LSP diagnostics, published with the document version. A check that finished after a
// newer edit is dropped (the newer check publishes), so stale results never replace newer ones.
import { DiagnosticSeverity, type Connection, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine/config/config';
import type { Finding, Severity } from '../engine/findings/findings';
import type { IdeaDocument } from '../engine/parse/model';
import { outlineTemplate } from '../engine/features/outline';
import { STATUS_NOTIFICATION, type StatusParams } from '../protocol';
import type { Analysis } from './analysis';
import { ruleDocUri } from './ruleDocs';

export const DIAGNOSTIC_SOURCE = 'soc-ideas';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `pathOf` names a file for the user (relative to the workspace): a related place in another file says
 * which, since editors show only its file name beside it.
 */
export function toDiagnostic(uri: string, doc: IdeaDocument, finding: Finding, pathOf?: (uri: string) => string): Diagnostic {
  const docUri = ruleDocUri(finding.rule);
  const diagnostic: Diagnostic = {
    range: { start: doc.lines.positionAt(finding.span.start), end: doc.lines.positionAt(finding.span.end) },
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    ...(docUri ? { codeDescription: { href: docUri } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(
      (r): DiagnosticRelatedInformation => ({
        location: { uri: r.uri ?? uri, range: r.range },
        message: r.uri !== undefined && r.uri !== uri && pathOf ? `${r.message}, in ${pathOf(r.uri)}` : r.message,
      }),
    );
  }
  return diagnostic;
}

export function configDiagnostics(problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    range: { start: { line: p.line, character: p.character }, end: { line: p.line, character: p.character + 1 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
  }));
}

/** A send fails only when the client has gone (the pipe closed): there is no one left to tell. Settles when sent. */
function fireAndForget(sending: Promise<void>): Promise<void> {
  return sending.catch(() => {});
}

/** Publishes per URI, skipping a publish that would repeat what the client already has. */
export class DiagnosticsPublisher {
  /** What was last sent per URI (JSON), so an unchanged empty set is not sent again and again. */
  private readonly sent = new Map<string, string>();
  private readonly statusSent = new Map<string, string>();
  /**
   * Per URI, the diagnostics last published, by finding object, and the text generation they were
   * of: a finding re-used unchanged (its idea's findings kept: rules/lint.ts) that ends before
   * where the text has changed since is where it was, line and character (a big file has thousands).
   */
  private readonly converted = new Map<string, { readonly generation: number; readonly byFinding: Map<Finding, Diagnostic> }>();

  constructor(
    private readonly connection: Connection,
    /** Names a file relative to the workspace, for related places in other files. */
    private readonly pathOf?: (uri: string) => string,
  ) {}

  /** A finding of `uri` as a diagnostic, related places in other files named by their workspace path. */
  diagnostic(uri: string, doc: IdeaDocument, finding: Finding): Diagnostic {
    return toDiagnostic(uri, doc, finding, this.pathOf);
  }

  private diagnosticsOf(analysis: Analysis, doc: IdeaDocument, findings: readonly Finding[]): Diagnostic[] {
    const { uri, generation, edits } = analysis;
    const last = this.converted.get(uri);
    // A position depends on the text up to its offset; an edit at the offset itself may change it (a CRLF split).
    const unchangedBefore = last && edits ? edits.unchangedBefore(last.generation) : 0;
    const byFinding = new Map<Finding, Diagnostic>();
    const diagnostics = findings.map((f) => {
      let diagnostic = unchangedBefore > f.span.end ? last!.byFinding.get(f) : undefined;
      diagnostic ??= this.diagnostic(uri, doc, f);
      byFinding.set(f, diagnostic);
      return diagnostic;
    });
    this.converted.set(uri, { generation, byFinding });
    return diagnostics;
  }

  /**
   * Diagnostics of an open document, with its version: always sent for an idea file (each check gets
   * its answer; edits that came in together are checked, and answered, as one); for any other file
   * only the empty set that clears what an earlier version had. The `first stage` of a staged check
   * (a subset of its findings) sends no status: the status counts what the whole check found.
   */
  publishDocument(analysis: Analysis, stage: 'first stage' | 'whole' = 'whole'): Promise<void> {
    const { uri, version, result } = analysis;
    const isIdeaFile = result !== undefined && result.doc.isIdeaFile;
    const diagnostics = result ? this.diagnosticsOf(analysis, result.doc, result.findings) : [];
    let sent = Promise.resolve();
    if (isIdeaFile || diagnostics.length || this.sent.get(uri) === 'some') {
      this.sent.set(uri, diagnostics.length ? 'some' : '[]');
      sent = fireAndForget(this.connection.sendDiagnostics({ uri, version, diagnostics }));
    }
    if (stage === 'first stage') return sent;
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const f of result?.findings ?? []) {
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    const status: StatusParams = {
      uri,
      isIdeaFile,
      template: result && isIdeaFile ? outlineTemplate(result.resolved) : null,
      ...counts,
      ...(result?.notice ? { notice: result.notice } : {}),
    };
    const statusJson = JSON.stringify(status);
    if (isIdeaFile || this.statusSent.get(uri) !== statusJson) {
      this.statusSent.set(uri, statusJson);
      fireAndForget(this.connection.sendNotification(STATUS_NOTIFICATION, status));
    }
    return sent;
  }

  /** Diagnostics of a file that is not an open idea document (a config file): sent when they change. */
  publishFile(uri: string, diagnostics: Diagnostic[]): boolean {
    const json = JSON.stringify(diagnostics);
    if (this.sent.get(uri) === json || (!diagnostics.length && !this.sent.has(uri))) return false;
    this.sent.set(uri, json);
    fireAndForget(this.connection.sendDiagnostics({ uri, diagnostics }));
    return true;
  }

  clear(uri: string): void {
    if (this.sent.has(uri) && this.sent.get(uri) !== '[]') fireAndForget(this.connection.sendDiagnostics({ uri, diagnostics: [] }));
    this.sent.delete(uri);
    this.statusSent.delete(uri);
    this.converted.delete(uri);
  }
}
