// Runs the rules over a document, with the configured levels and the inline controls
// `<!-- soc-ideas-disable RULE… -->`, `-enable`, `-disable-next-line`.
import type { RuleLevel } from '../config/config';
import { compareFindings, type Finding, type Fix, type TextEdit, milder } from '../findings/findings';
import type { Idea, IdeaDocument, Span } from '../parse/model';
import { RULES } from '.';
import type { Rule } from './rule';
import type { Template } from '../template/types';
import { detach } from '../parse/text';
import { type VocabularyPart, type WorkspaceVocabulary, WorkspaceIndex, singleDocumentVocabulary } from '../workspace/workspace';
import { partitionPoint } from '../sorted';
import type { MaintainersList } from '../config/maintainers';

export interface LintOptions {
  readonly uri: string;
  readonly template: Template;
  /** Levels by rule id, config and settings merged; absent = the rule's default. */
  readonly levels?: Readonly<Record<string, RuleLevel>>;
  readonly workspace?: WorkspaceVocabulary;
  /** The config's maintainers list (mentor-maintainer). */
  readonly maintainers?: MaintainersList;
  /** Told when a rule throws; the other rules still run. */
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
  readonly rules?: readonly Rule[];
  /** Findings of unchanged ideas from earlier runs (the language server keeps one per document). */
  readonly cache?: LintCache;
}

interface CachedIdea {
  readonly context: string;
  /** Where the idea sits (see placeOf): its findings may quote its project. */
  readonly place: string;
  /** Where the idea's section started when `findings` were placed; both move with it (see `placed`). */
  base: number;
  findings: readonly Finding[];
}

/**
 * The cached findings at the idea's section's start `base`, kept there: an edit moves the ideas
 * after it, and the next edit elsewhere finds those before it where they were (no new objects).
 */
function placed(hit: CachedIdea, base: number): readonly Finding[] {
  if (hit.base !== base) {
    const delta = base - hit.base;
    hit.findings = hit.findings.map((f) => shiftFinding(f, delta));
    hit.base = base;
  }
  return hit.findings;
}

/** One part's findings per idea, by origin key, with the context of the run they came from. */
class IdeaFindings {
  private readonly byKey = new WeakMap<object, CachedIdea>();
  private context = '';

  /** The same string object for the same context, so comparing it per idea is one pointer check. */
  intern(context: string): string {
    if (context !== this.context) this.context = context;
    return this.context;
  }

  get(key: object, context: string, place: string): CachedIdea | undefined {
    const hit = this.byKey.get(key);
    return hit?.context === context && hit.place === place ? hit : undefined;
  }

  set(key: object, value: CachedIdea): void {
    this.byKey.set(key, value);
  }
}

/** Rules whose findings for an idea are re-used while its section is unchanged (see Rule.scope). */
type IdeaScope = 'idea' | 'idea+mentors' | 'idea+skills';
const IDEA_SCOPES: readonly IdeaScope[] = ['idea', 'idea+mentors', 'idea+skills'];

/**
 * Findings per idea, keyed by the idea's origin (its own section's parse): of the idea-scoped rules
 * together (per scope), and of each document rule's `eachIdea` part (per rule). An idea whose
 * section text, place, template and levels (and what else the run's context names: that part of
 * the workspace vocabulary, the facts of the file a rule declared) are unchanged gets its findings
 * back, shifted to where the section now starts; the result equals a full run (test/fuzz checks).
 */
export class LintCache {
  private readonly parts = new Map<string, IdeaFindings>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  /** Ideas whose `idea`-scoped rules ran in the last `lint` call (for tests and benchmarks). */
  checkedInLastRun = 0;
  /** Ideas whose findings of a document rule's `eachIdea` part were computed in the last `lint` call, over all such rules. */
  ideaPartsInLastRun = 0;

  /** The findings kept for one part of the rules: an idea scope, or one rule's `eachIdea` part. */
  part(name: string): IdeaFindings {
    let part = this.parts.get(name);
    if (!part) this.parts.set(name, (part = new IdeaFindings()));
    return part;
  }

  templateId(template: Template): number {
    return this.idOf(template);
  }

  private own: WorkspaceIndex | undefined;

  /** The vocabulary of the document alone (no workspace given), kept up to date across checks like the server's index. */
  documentVocabulary(uri: string, doc: IdeaDocument): WorkspaceVocabulary {
    this.own ??= new WorkspaceIndex();
    for (const other of this.own.uris()) if (other !== uri) this.own.remove(other);
    this.own.update(uri, doc);
    return this.own;
  }

  /** Changes whenever what a check of `uri` reads of this part of the vocabulary does (a new object, or a new version). */
  vocabularyId(vocabulary: WorkspaceVocabulary, uri: string, part: VocabularyPart): string {
    return `${this.idOf(vocabulary)}.${vocabulary.versionFor(uri, part)}`;
  }

  private idOf(value: object): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.nextId++));
    return id;
  }
}

export function lint(doc: IdeaDocument, options: LintOptions): Finding[] {
  if (!doc.isIdeaFile) return [];
  const workspace = options.workspace ?? options.cache?.documentVocabulary(options.uri, doc) ?? singleDocumentVocabulary(options.uri, doc);
  const active = (options.rules ?? RULES).filter((rule) => levelOf(rule, options) !== 'off');
  const cache = options.cache;
  const findings: Finding[] = [];
  let ideaParts = 0;
  const run = (rules: readonly Rule[], view: IdeaDocument) => {
    const out: Finding[] = [];
    for (const rule of rules) {
      const severity = levelOf(rule, options) as Finding['severity'];
      // Set while an `eachIdea` check runs: its reports are that idea's.
      let collecting: { readonly idea: Idea; readonly findings: Finding[] } | undefined;
      const eachIdea = (ideas: readonly Idea[], facts: string, check: (idea: Idea) => void) => {
        const part = cache?.part(`rule ${rule.id}`);
        const context = part?.intern(`${options.uri}\u0000${cache!.templateId(options.template)}\u0000${severity}\u0000${facts}`);
        for (const idea of ideas) {
          const origin = idea.origin;
          const place = context && origin ? placeOf(idea) : '';
          const hit = context && origin ? part!.get(origin.key, context, place) : undefined;
          if (hit) {
            for (const f of placed(hit, origin!.base)) out.push(f);
            continue;
          }
          const own: Finding[] = (collecting = { idea, findings: [] }).findings;
          try {
            check(idea);
          } finally {
            collecting = undefined;
          }
          for (const f of own) out.push(f);
          if (!context || !origin) continue;
          ideaParts++;
          if (own.every((f) => withinOwnSection(view, idea, f))) {
            part!.set(origin.key, { context, place, base: origin.base, findings: own.map(detachedFinding) });
          }
        }
      };
      try {
        rule.check({
          uri: options.uri,
          doc: view,
          template: options.template,
          workspace,
          ...(options.maintainers ? { maintainers: options.maintainers } : {}),
          report(report) {
            const { atMost, onceWithin, ...rest } = report;
            // A guessed template raises no errors (FINDINGS-POLICY): the file did not state it.
            const finding: Finding = { rule: rule.id, ...rest, severity: milder(milder(severity, atMost), options.template.guessed ? 'warning' : undefined) };
            if (!collecting) out.push(finding);
            else collecting.findings.push(onceWithin === 'idea' && finding.once !== undefined ? { ...finding, onceIn: collecting.idea.heading.span.start } : finding);
          },
          eachIdea,
        });
      } catch (error) {
        options.onRuleError?.(rule, error);
      }
    }
    return out;
  };

  // Rules whose findings for an idea depend on its own section (and a part of the workspace
  // vocabulary) re-use an unchanged idea's findings; the rest run on the whole document.
  let checked = 0;
  for (const scope of IDEA_SCOPES) {
    const rules = active.filter((r) => r.scope === scope);
    if (!rules.length) continue;
    const extra = !cache || scope === 'idea' ? '' : cache.vocabularyId(workspace, options.uri, scope === 'idea+mentors' ? 'mentors' : 'skills');
    let toCheck: readonly Idea[] = doc.ideas;
    let context = '';
    const part = cache?.part(scope);
    if (part) {
      context = part.intern(
        `${options.uri}\u0000${cache!.templateId(options.template)}\u0000${extra}\u0000${rules.map((r) => `${r.id}=${levelOf(r, options)}`).join(',')}`,
      );
      const fresh: Idea[] = [];
      for (const idea of doc.ideas) {
        const origin = idea.origin;
        const hit = origin && part.get(origin.key, context, placeOf(idea));
        if (origin && hit) for (const f of placed(hit, origin.base)) findings.push(f);
        else fresh.push(idea);
      }
      toCheck = fresh;
      if (scope === 'idea') checked = fresh.length;
    }
    const ideaFindings = toCheck.length ? run(rules, toCheck === doc.ideas ? doc : { ...doc, ideas: toCheck }) : [];
    for (const f of ideaFindings) findings.push(f);
    // Related places in other files are part of a workspace scope's context; places in this file move.
    if (part) remember(part, context, toCheck, ideaFindings, scope !== 'idea');
  }
  findings.push(...run(active.filter((r) => !IDEA_SCOPES.includes(r.scope as IdeaScope)), doc));
  if (cache) {
    cache.checkedInLastRun = checked;
    cache.ideaPartsInLastRun = ideaParts;
  }

  const suppressed = inlineSuppressions(doc);
  const shown = suppressed ? findings.filter((f) => !suppressed(f.rule, doc.lines.positionAt(f.span.start).line)) : findings;
  shown.sort(compareFindings);
  // The rows of a table share their labels (the header): what each row says of a label is said once.
  const distinct = shown.filter((f, i) => i === 0 || !samePlaceAndWords(f, shown[i - 1]!));
  return onceEach(distinct);
}

function samePlaceAndWords(a: Finding, b: Finding): boolean {
  return a.span.start === b.span.start && a.span.end === b.span.end && a.rule === b.rule && a.message === b.message;
}

/**
 * A convention is one finding for the file: the first of each rule's `once` key, saying how many
 * places share it; its fix, when each place has one, fixes them all.
 */
function onceEach(findings: readonly Finding[]): Finding[] {
  // rule → key → where the key is local to (an idea's heading start; -1: the file) → the findings.
  // Nested maps, not joined strings: there are thousands of such findings in a big file.
  const groups = new Map<string, Map<string, Map<number, Finding[]>>>();
  const groupOf: Array<Finding[] | undefined> = [];
  for (const f of findings) {
    if (f.once === undefined) {
      groupOf.push(undefined);
      continue;
    }
    let byKey = groups.get(f.rule);
    if (!byKey) groups.set(f.rule, (byKey = new Map()));
    let byPlace = byKey.get(f.once);
    if (!byPlace) byKey.set(f.once, (byPlace = new Map()));
    const at = f.onceIn ?? -1;
    let group = byPlace.get(at);
    if (group) group.push(f);
    else byPlace.set(at, (group = [f]));
    groupOf.push(group);
  }
  if (!groups.size) return findings as Finding[];
  const out: Finding[] = [];
  findings.forEach((f, i) => {
    const group = groupOf[i];
    if (!group || group.length === 1) {
      out.push(f);
      return;
    }
    if (group[0] !== f) return;
    // The same findings as last time (their ideas' findings kept: see LintCache) give the same object.
    const known = MERGED.get(f);
    if (known && known.group.length === group.length && known.group.every((g, k) => g === group[k])) {
      out.push(known.merged);
      return;
    }
    const fixes = group.flatMap((g) => (g.fix ? [g.fix] : []));
    const fix = fixes.length
      ? { title: fixes.length > 1 ? `${fixes[0]!.title} (and ${fixes.length - 1} more like it)` : fixes[0]!.title, edits: distinctEdits(fixes), ...(fixes.some((x) => x.interactive) ? { interactive: true } : {}) }
      : undefined;
    const { fix: _own, ...rest } = f;
    const merged: Finding = { ...rest, message: `${f.message} (${group.length} places in this file.)`, ...(fix ? { fix } : {}) };
    MERGED.set(f, { group, merged });
    out.push(merged);
  });
  return out;
}

/** The finding `onceEach` made of a group, by the group's first finding (what it is made of is the group alone). */
const MERGED = new WeakMap<Finding, { readonly group: readonly Finding[]; readonly merged: Finding }>();

/** Every edit of the fixes, each once (places that share one fix, such as a rewritten table, name it once). */
function distinctEdits(fixes: readonly Fix[]): TextEdit[] {
  // By start first: most edits of a group start apart, and no key string is built for them (a big
  // file's conventions group thousands of edits, at every check).
  const seen = new Map<number, TextEdit[]>();
  const out: TextEdit[] = [];
  for (const fix of fixes) {
    for (const e of fix.edits) {
      const same = seen.get(e.span.start);
      if (same?.some((o) => o.span.end === e.span.end && o.newText === e.newText)) continue;
      if (same) same.push(e);
      else seen.set(e.span.start, [e]);
      out.push(e);
    }
  }
  return out;
}

function levelOf(rule: Rule, options: LintOptions): RuleLevel {
  return options.levels?.[rule.id] ?? rule.defaultSeverity;
}

/** Give each checked idea its findings (each finding belongs to the nearest idea heading before it). */
function remember(part: IdeaFindings, context: string, ideas: readonly Idea[], findings: readonly Finding[], otherFilesInContext: boolean): void {
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
    if (!idea.origin || own.some((f) => f.related?.some((r) => r.uri === undefined || !otherFilesInContext))) return;
    part.set(idea.origin.key, { context, place: placeOf(idea), base: idea.origin.base, findings: own.map(detachedFinding) });
  });
}

/** What an idea's cached findings depend on besides its own text and the run's context: its project's title and path. */
function placeOf(idea: Idea): string {
  if (!idea.project) return '\u0001';
  return idea.path.length ? `${idea.project.title}\u0000${idea.path.join('\u0000')}` : idea.project.title;
}

/**
 * A finding of an `eachIdea` part that can be kept: its places (span, fix) lie in the idea's own
 * section, heading to next heading, and so move with it; related places in this file would not.
 */
function withinOwnSection(doc: IdeaDocument, idea: Idea, f: Finding): boolean {
  if (f.related?.some((r) => r.uri === undefined)) return false;
  const start = idea.heading.span.start;
  const end = nextHeadingStart(doc, start);
  const inside = (s: Span) => s.start >= start && s.end <= end;
  return inside(f.span) && (f.fix?.edits.every((e) => inside(e.span)) ?? true);
}

/** Where the first heading after `offset` starts (the text's end if none). */
function nextHeadingStart(doc: IdeaDocument, offset: number): number {
  const headings = doc.headings;
  return headings[partitionPoint(headings.length, (i) => headings[i]!.span.start <= offset)]?.span.start ?? doc.text.length;
}

/** A finding to keep across edits: its strings must not keep this version of the text alive (see detach). */
function detachedFinding(f: Finding): Finding {
  return {
    ...f,
    message: detach(f.message),
    ...(f.once !== undefined ? { once: detach(f.once) } : {}),
    ...(f.fix ? { fix: { ...f.fix, title: detach(f.fix.title), edits: f.fix.edits.map((e) => ({ span: e.span, newText: detach(e.newText) })) } } : {}),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, message: detach(r.message) })) } : {}),
  };
}

function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  const sh = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  return {
    ...f,
    span: sh(f.span),
    ...(f.onceIn !== undefined ? { onceIn: f.onceIn + delta } : {}),
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
