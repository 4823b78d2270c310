// Runs the rules over a document, with the configured levels and the inline controls
// `<!-- soc-ideas-disable RULE… -->`, `-enable`, `-disable-next-line`.
import type { RuleLevel } from './config';
import type { Finding } from './findings';
import type { IdeaDocument } from './model';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import type { Template } from './template/types';
import type { WorkspaceVocabulary } from './workspace';
import { singleDocumentVocabulary } from './workspace';

export interface LintOptions {
  readonly uri: string;
  readonly template: Template;
  /** Levels by rule id, config and settings merged; absent = the rule's default. */
  readonly levels?: Readonly<Record<string, RuleLevel>>;
  readonly workspace?: WorkspaceVocabulary;
  /** Told when a rule throws; the other rules still run. */
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
  readonly rules?: readonly Rule[];
}

export function lint(doc: IdeaDocument, options: LintOptions): Finding[] {
  if (!doc.isIdeaFile) return [];
  const workspace = options.workspace ?? singleDocumentVocabulary(options.uri, doc);
  const suppressed = inlineSuppressions(doc);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const level = options.levels?.[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    try {
      rule.check({
        uri: options.uri,
        doc,
        template: options.template,
        workspace,
        report(report) {
          const line = doc.lines.positionAt(report.span.start).line;
          if (suppressed(rule.id, line)) return;
          findings.push({ rule: rule.id, severity: level, ...report });
        },
      });
    } catch (error) {
      options.onRuleError?.(rule, error);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

const CONTROL = /^soc-ideas-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

/** (rule, line) → suppressed? from the control comments, in document order. */
function inlineSuppressions(doc: IdeaDocument): (rule: string, line: number) => boolean {
  interface Change {
    line: number;
    kind: 'disable' | 'enable';
    rules: string[] | null; // null = all rules
  }
  const changes: Change[] = [];
  const lineRules = new Map<number, Array<string[] | null>>();
  for (const comment of doc.comments) {
    const m = CONTROL.exec(comment.text);
    if (!m) continue;
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? ids : null;
    const startLine = doc.lines.positionAt(comment.span.start).line;
    const endLine = doc.lines.positionAt(comment.span.end).line;
    if (m[1] === 'disable-next-line' || m[1] === 'disable-line') {
      const target = m[1] === 'disable-line' ? startLine : endLine + 1;
      const list = lineRules.get(target) ?? [];
      list.push(rules);
      lineRules.set(target, list);
    } else {
      changes.push({ line: startLine, kind: m[1] as 'disable' | 'enable', rules });
    }
  }
  if (!changes.length && !lineRules.size) return () => false;
  return (rule, line) => {
    for (const rules of lineRules.get(line) ?? []) if (!rules || rules.includes(rule)) return true;
    let disabled = false;
    for (const change of changes) {
      if (change.line > line) break;
      if (!change.rules || change.rules.includes(rule)) disabled = change.kind === 'disable';
    }
    return disabled;
  };
}
