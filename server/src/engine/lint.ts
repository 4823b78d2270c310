// Runs the rules over a document, with the configured levels and the inline controls
// `<!-- soc-ideas-disable RULE… -->`, `-enable`, `-disable-next-line`.
import type { RuleLevel } from './config';
import type { Finding } from './findings';
import type { Idea, IdeaDocument, Span } from './model';
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
  /** Findings of unchanged ideas from earlier runs (the language server keeps one per document). */
  readonly cache?: LintCache;
}

interface CachedIdea {
  readonly context: string;
  /** The title of the idea's project ('\u0001' for none): its findings may quote it. */
  readonly project: string;
  readonly base: number;
  readonly findings: readonly Finding[];
}

/**
 * Findings of `idea`-scoped rules per idea, keyed by the idea's origin (its own section's parse).
 * An idea whose section text, project title, template and levels are unchanged gets its findings
 * back, shifted to where the section now starts; the result equals a full run (test/fuzz checks).
 */
export class LintCache {
  private readonly ideas = new WeakMap<object, CachedIdea>();
  private readonly templateIds = new WeakMap<Template, number>();
  private nextTemplateId = 0;
  /** Ideas whose idea-scoped rules ran in the last `lint` call (for tests and benchmarks). */
  checkedInLastRun = 0;

  get(key: object, context: string, project: string): CachedIdea | undefined {
    const hit = this.ideas.get(key);
    return hit?.context === context && hit.project === project ? hit : undefined;
  }

  set(key: object, value: CachedIdea): void {
    this.ideas.set(key, value);
  }

  private lastContext = '';

  /** The same string object for the same context, so comparing it per idea is one pointer check. */
  intern(context: string): string {
    if (context !== this.lastContext) this.lastContext = context;
    return this.lastContext;
  }

  templateId(template: Template): number {
    let id = this.templateIds.get(template);
    if (id === undefined) this.templateIds.set(template, (id = this.nextTemplateId++));
    return id;
  }
}

export function lint(doc: IdeaDocument, options: LintOptions): Finding[] {
  if (!doc.isIdeaFile) return [];
  const workspace = options.workspace ?? singleDocumentVocabulary(options.uri, doc);
  const active = (options.rules ?? RULES).filter((rule) => levelOf(rule, options) !== 'off');
  const cache = options.cache;
  const findings: Finding[] = [];
  const run = (rules: readonly Rule[], view: IdeaDocument) => {
    const out: Finding[] = [];
    for (const rule of rules) {
      const severity = levelOf(rule, options) as Finding['severity'];
      try {
        rule.check({
          uri: options.uri,
          doc: view,
          template: options.template,
          workspace,
          report(report) {
            out.push({ rule: rule.id, severity, ...report });
          },
        });
      } catch (error) {
        options.onRuleError?.(rule, error);
      }
    }
    return out;
  };

  const ideaRules = active.filter((r) => r.scope === 'idea');
  let toCheck: readonly Idea[] = doc.ideas;
  let context = '';
  if (cache && ideaRules.length) {
    context = cache.intern(`${options.uri}\u0000${cache.templateId(options.template)}\u0000${ideaRules.map((r) => `${r.id}=${levelOf(r, options)}`).join(',')}`);
    const fresh: Idea[] = [];
    for (const idea of doc.ideas) {
      const origin = idea.origin;
      const hit = origin && cache.get(origin.key, context, projectOf(idea));
      if (origin && hit) findings.push(...hit.findings.map((f) => shiftFinding(f, origin.base - hit.base)));
      else fresh.push(idea);
    }
    toCheck = fresh;
    cache.checkedInLastRun = fresh.length;
  }
  const ideaFindings = toCheck.length ? run(ideaRules, toCheck === doc.ideas ? doc : { ...doc, ideas: toCheck }) : [];
  findings.push(...ideaFindings);
  if (cache && context) remember(cache, context, toCheck, ideaFindings);
  findings.push(...run(active.filter((r) => r.scope !== 'idea'), doc));

  const suppressed = inlineSuppressions(doc);
  return (suppressed ? findings.filter((f) => !suppressed(f.rule, doc.lines.positionAt(f.span.start).line)) : findings).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

function levelOf(rule: Rule, options: LintOptions): RuleLevel {
  return options.levels?.[rule.id] ?? rule.defaultSeverity;
}

/** Give each checked idea its findings (each finding belongs to the nearest idea heading before it). */
function remember(cache: LintCache, context: string, ideas: readonly Idea[], findings: readonly Finding[]): void {
  const starts = ideas.map((i) => i.heading.span.start);
  const byIdea = ideas.map((): Finding[] => []);
  for (const f of findings) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= f.span.start) lo = mid;
      else hi = mid - 1;
    }
    byIdea[lo]?.push(f);
  }
  ideas.forEach((idea, i) => {
    const own = byIdea[i]!;
    // Related places and messages that quote line numbers would go stale when lines move above.
    if (!idea.origin || own.some((f) => f.related)) return;
    cache.set(idea.origin.key, { context, project: projectOf(idea), base: idea.origin.base, findings: own });
  });
}

/** What an idea's cached findings depend on besides its own text and the run's context. */
function projectOf(idea: Idea): string {
  return idea.project?.title ?? '\u0001';
}

function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  const sh = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  return {
    ...f,
    span: sh(f.span),
    ...(f.fix ? { fix: { ...f.fix, edits: f.fix.edits.map((e) => ({ span: sh(e.span), newText: e.newText })) } } : {}),
  };
}

const CONTROL = /^soc-ideas-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

/** (rule, line) → suppressed? from the control comments, in document order; undefined when there are none. */
function inlineSuppressions(doc: IdeaDocument): ((rule: string, line: number) => boolean) | undefined {
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
  if (!changes.length && !lineRules.size) return undefined;
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
