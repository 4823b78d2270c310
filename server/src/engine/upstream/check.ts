// The online part of a check: what GitHub says of each idea's upstream issue, as findings of the
// rules issue-state and issue-assigned, joined to an ordinary check's result. The ordinary check
// never waits for it: the known answers give findings at once, and `pending` says when the others
// have come (the server then checks again and republishes; the CLI awaits it before printing).
import { type CheckResult, type CheckSettings, RULES_SIZE_LIMIT } from '../check';
import { compareFindings } from '../findings/findings';
import type { IdeaDocument } from '../parse/model';
import { issueAssignedRule } from '../rules/issue-assigned';
import { issueStateRule } from '../rules/issue-state';
import { lint } from '../rules/lint';
import type { WorkspaceVocabulary } from '../workspace/workspace';
import type { GitHubIssues } from './github';
import { type IssueId, issueLinksOf } from './issues';

export interface UpstreamInput {
  readonly uri: string;
  readonly result: CheckResult;
  /** The settings the ordinary check had (their levels win over the config file's). */
  readonly settings?: CheckSettings;
  readonly workspace?: WorkspaceVocabulary;
  /** Ask again even about issues answered recently (a file just opened). */
  readonly revalidate?: boolean;
}

/** The result with the findings the answers known now give, and what settles (true: an answer changed) when the missing ones arrive. */
export function checkUpstream(input: UpstreamInput, github: GitHubIssues): { result: CheckResult; pending?: Promise<boolean> } {
  const ids = onlineRulesRun(input) ? linkedIssues(input.result.doc) : [];
  const pending = ids.length ? github.refresh(ids, { revalidate: input.revalidate === true }) : undefined;
  return { result: withUpstreamFindings(input, github), ...(pending ? { pending } : {}) };
}

/** The result once every answer has come (or failed): what the CLI prints. */
export async function completeUpstream(input: UpstreamInput, github: GitHubIssues): Promise<CheckResult> {
  const { result, pending } = checkUpstream(input, github);
  if (!pending) return result;
  await pending;
  return withUpstreamFindings(input, github);
}

function levelsOf(input: UpstreamInput) {
  return { ...input.result.config.config.rules, ...input.settings?.rules };
}

const ONLINE_RULES = [issueStateRule(), issueAssignedRule()];

/** False when both online rules are off (or the file is no idea file, or too big for rules): then nothing is asked. */
function onlineRulesRun(input: UpstreamInput): boolean {
  const { doc } = input.result;
  if (!doc.isIdeaFile || doc.text.length > RULES_SIZE_LIMIT) return false;
  const levels = levelsOf(input);
  return ONLINE_RULES.some((r) => (levels[r.id] ?? r.defaultSeverity) !== 'off');
}

/** Every issue or pull request the ideas link, each once, in the file's order. */
export function linkedIssues(doc: IdeaDocument): IssueId[] {
  const seen = new Set<string>();
  const ids: IssueId[] = [];
  for (const idea of doc.ideas) {
    for (const link of issueLinksOf(idea)) {
      if (seen.has(link.key)) continue;
      seen.add(link.key);
      ids.push(link.id);
    }
  }
  return ids;
}

function withUpstreamFindings(input: UpstreamInput, github: GitHubIssues): CheckResult {
  const { result } = input;
  if (!onlineRulesRun(input)) return result;
  const known = (id: IssueId) => github.known(id);
  // Nothing to say until GitHub has answered about at least one linked issue.
  if (!linkedIssues(result.doc).some((id) => known(id)?.status !== undefined && known(id)?.status !== 'unknown')) return result;
  // Through lint, so levels, inline controls and a guessed template's cap apply as to every rule.
  const online = lint(result.doc, {
    uri: input.uri,
    template: result.resolved.template,
    levels: levelsOf(input),
    rules: [issueStateRule(known), issueAssignedRule(known)],
    ...(input.workspace ? { workspace: input.workspace } : {}),
  });
  if (!online.length) return result;
  return { ...result, findings: [...result.findings, ...online].sort(compareFindings) };
}
