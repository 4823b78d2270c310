// An idea's upstream issues as GitHub knows them: which links name one issue or pull request, and
// what an answer from GitHub's REST API says of it. Pure data; the requests are github.ts's.
import type { Idea, Span } from '../parse/model';
import { memoSlot, perIdea, relativeSpan } from '../parse/perIdea';
import { detach } from '../parse/text';

/** One issue or pull request (GitHub numbers both in one sequence per repository). */
export interface IssueId {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
}

/** The same string for every spelling of one issue: GitHub's owner and repository names ignore case. */
export function issueKey(id: IssueId): string {
  return `${id.owner.toLowerCase()}/${id.repo.toLowerCase()}#${id.number}`;
}

/** `owner/repo#12`, as written in the link. */
export function issueName(id: IssueId): string {
  return `${id.owner}/${id.repo}#${id.number}`;
}

/** What GitHub says of an issue (the fields of its REST answer that a reviewer needs). */
export interface UpstreamIssue {
  readonly title: string;
  readonly state: 'open' | 'closed';
  /** `completed`, `not_planned`, `duplicate`, `reopened`, when GitHub says. */
  readonly stateReason?: string;
  /** A pull request (the answer has a `pull_request` key). */
  readonly pull: boolean;
  /** A pull request that was merged. */
  readonly merged: boolean;
  readonly labels: readonly string[];
  /** Logins, without `@`. */
  readonly assignees: readonly string[];
  /** Where the issue is now (a transferred issue answers from its new repository). */
  readonly url?: string;
}

export type IssueAnswer =
  | { readonly status: 'found'; readonly issue: UpstreamIssue }
  /** 404 (no such issue, or a repository the token cannot see) or 410 (deleted). */
  | { readonly status: 'missing'; readonly code: number }
  /** No answer to judge by (GitHub failed, timed out, the rate limit or the budget stopped asking): no finding. */
  | { readonly status: 'unknown'; readonly reason: string };

/** The answer known for an issue, if any (rules and hover read answers only through this). */
export type KnownIssues = (id: IssueId) => IssueAnswer | undefined;

/** A link of an idea's issue field that names one issue or pull request. */
export interface IssueLink {
  readonly id: IssueId;
  readonly key: string;
  /** Relative to the idea's section (see `relativeSpan`): turn it back with `absoluteSpan`. */
  readonly span: Span;
}

const LINKS = memoSlot<readonly IssueLink[]>('issue links');

/**
 * The idea's links to one issue or pull request, kept per section (reading `idea.issues` would move
 * every idea after an edit). A discussion link is classified with issues but has no issue behind it.
 */
export function issueLinksOf(idea: Idea): readonly IssueLink[] {
  return perIdea(idea, LINKS, (i) =>
    i.issues.flatMap((ref): IssueLink[] => {
      if ((ref.kind !== 'issue' && ref.kind !== 'pull') || !ref.owner || !ref.repo || ref.number === undefined) return [];
      if (/\/discussions\//i.test(ref.url)) return [];
      const id = { owner: detach(ref.owner), repo: detach(ref.repo), number: ref.number };
      return [{ id, key: issueKey(id), span: relativeSpan(i, ref.span) }];
    }),
  );
}

/** Reads GitHub's issue JSON (REST `GET /repos/{owner}/{repo}/issues/{n}`); undefined when it is not that shape. */
export function issueFromJson(json: unknown): UpstreamIssue | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  if (o.state !== 'open' && o.state !== 'closed') return undefined;
  const login = (a: unknown) => (a && typeof a === 'object' && typeof (a as { login?: unknown }).login === 'string' ? (a as { login: string }).login : undefined);
  const assignees = new Set<string>();
  for (const a of Array.isArray(o.assignees) ? o.assignees : []) {
    const l = login(a);
    if (l) assignees.add(l);
  }
  const single = login(o.assignee);
  if (single) assignees.add(single);
  const labels = (Array.isArray(o.labels) ? o.labels : []).flatMap((l): string[] => {
    if (typeof l === 'string') return [l];
    const name = l && typeof l === 'object' ? (l as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? [name] : [];
  });
  const pr = o.pull_request;
  return {
    title: typeof o.title === 'string' ? o.title : '',
    state: o.state,
    ...(typeof o.state_reason === 'string' ? { stateReason: o.state_reason } : {}),
    pull: pr !== undefined && pr !== null,
    merged: !!pr && typeof pr === 'object' && typeof (pr as { merged_at?: unknown }).merged_at === 'string',
    labels,
    assignees: [...assignees],
    ...(typeof o.html_url === 'string' ? { url: o.html_url } : {}),
  };
}
