// GitHub's REST API for issues (`GET /repos/{owner}/{repo}/issues/{n}`), through an HTTP `get` that
// the host injects (Node's or the worker's fetch): the engine makes no request of its own, and none
// at all unless a caller asks. Each issue is asked once at a time, its answer kept with its ETag (a
// later revalidation sends If-None-Match and a 304 keeps the answer), and asking is bounded: a few
// requests at once, a timeout each, a budget per window, and nothing while GitHub's rate limit says
// to wait (said once, as a notice, not once per issue).
import { type IssueAnswer, type IssueId, issueFromJson, issueKey, issueName } from './issues';

/** What the engine reads of an HTTP answer (a fetch `Response` is one). */
export interface HttpResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** An HTTP GET (fetch fits); it must give up when `signal` aborts. */
export type HttpGet = (url: string, init: { readonly headers: Record<string, string>; readonly signal: AbortSignal }) => Promise<HttpResponse>;

export const GITHUB_API = 'https://api.github.com';

export interface IssueNotice {
  /** `rate-limit`: GitHub says to wait; `budget`: this run's requests are spent; `auth`: the token was refused; `unavailable`: GitHub failed or did not answer. */
  readonly kind: 'rate-limit' | 'budget' | 'auth' | 'unavailable';
  readonly message: string;
}

export interface GitHubIssuesOptions {
  readonly get: HttpGet;
  /** The API's base URL (tests point it at a local server). */
  readonly apiBase?: string;
  readonly token?: string;
  /** Requests at once. */
  readonly concurrency?: number;
  readonly timeoutMs?: number;
  /** At most this many requests per budget window; the other issues are not looked up (one notice). */
  readonly maxRequests?: number;
  /** Length of a budget window; Infinity: one budget for the client's life (a CLI run). */
  readonly budgetWindowMs?: number;
  /** An answer younger than this is used without asking; an older one is revalidated with its ETag. */
  readonly freshForMs?: number;
  /** How long a failure (5xx, timeout) stands before the issue is asked again. */
  readonly retryAfterMs?: number;
  readonly now?: () => number;
  /** Told once per episode: a rate limit, a spent budget, a refused token, each kind of failure. */
  readonly onNotice?: (notice: IssueNotice) => void;
}

interface Entry {
  readonly answer: IssueAnswer;
  readonly etag?: string;
  /** When the answer was got or last confirmed. */
  readonly at: number;
}

/** An issue answer's JSON is a few KB; anything this big is not one. */
const MAX_BODY_CHARS = 2_000_000;
/** GitHub asks to wait at least a minute after a secondary rate limit that names no time. */
const DEFAULT_WAIT_MS = 60_000;

export class GitHubIssues {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly queue: Array<() => void> = [];
  private active = 0;
  private blockedUntil = 0;
  private tokenRefused = false;
  private windowStart: number;
  private spent = 0;
  private readonly noticed = new Set<string>();
  private readonly now: () => number;
  /** Requests sent (for tests and the log). */
  requests = 0;

  constructor(private readonly options: GitHubIssuesOptions) {
    this.now = options.now ?? Date.now;
    this.windowStart = this.now();
  }

  get hasToken(): boolean {
    return !!this.options.token;
  }

  /** The answer last got for an issue (fresh or not), without asking. */
  known(id: IssueId): IssueAnswer | undefined {
    return this.entries.get(issueKey(id))?.answer;
  }

  /**
   * Asks GitHub about the issues that have no answer yet, a stale one, or (`revalidate`) any; undefined
   * when there is nothing to ask. Settles true when an answer changed (never rejects).
   */
  refresh(ids: readonly IssueId[], options: { readonly revalidate?: boolean } = {}): Promise<boolean> | undefined {
    const waits: Promise<boolean>[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const key = issueKey(id);
      if (seen.has(key)) continue;
      seen.add(key);
      const running = this.inFlight.get(key);
      if (running) {
        waits.push(running);
        continue;
      }
      if (!this.needsAsking(key, options.revalidate === true)) continue;
      const asking = this.whenFree(() => this.ask(id, key)).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, asking);
      waits.push(asking);
    }
    if (!waits.length) return undefined;
    return Promise.all(waits).then((changed) => changed.some(Boolean));
  }

  private needsAsking(key: string, revalidate: boolean): boolean {
    const entry = this.entries.get(key);
    if (!entry) return true;
    const age = this.now() - entry.at;
    if (entry.answer.status === 'unknown') return age >= (this.options.retryAfterMs ?? 60_000);
    return revalidate || age >= (this.options.freshForMs ?? 10 * 60_000);
  }

  /** Runs `task` when fewer than `concurrency` requests are out; a task that fails changed nothing. */
  private whenFree(task: () => Promise<boolean>): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const start = () => {
        this.active++;
        task()
          .then(resolve, () => resolve(false))
          .finally(() => {
            this.active--;
            this.queue.shift()?.();
          });
      };
      if (this.active < (this.options.concurrency ?? 4)) start();
      else this.queue.push(start);
    });
  }

  /** One request; true when the issue's answer changed. Never throws. */
  private async ask(id: IssueId, key: string): Promise<boolean> {
    if (!this.mayAsk()) return false;
    const entry = this.entries.get(key);
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'soc-ideas',
    };
    if (this.options.token) headers.Authorization = `Bearer ${this.options.token}`;
    if (entry?.etag && entry.answer.status !== 'unknown') headers['If-None-Match'] = entry.etag;
    const base = (this.options.apiBase ?? GITHUB_API).replace(/\/+$/, '');
    const url = `${base}/repos/${encodeURIComponent(id.owner)}/${encodeURIComponent(id.repo)}/issues/${id.number}`;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    this.requests++;
    this.spent++;
    let status: number;
    let etag: string | undefined;
    let body = '';
    try {
      const response = await this.options.get(url, { headers, signal: controller.signal });
      status = response.status;
      etag = response.headers.get('etag') ?? undefined;
      this.noteRateLimit(response);
      const length = Number(response.headers.get('content-length') ?? '0');
      // The body is read within the same timeout: a server that sends headers and then stalls is no answer.
      if (status === 200 && !(length > MAX_BODY_CHARS)) body = await response.text();
    } catch (error) {
      const reason = controller.signal.aborted ? `GitHub did not answer within ${seconds(timeoutMs)}` : `GitHub could not be reached (${describe(error)})`;
      return this.failed(key, reason);
    } finally {
      clearTimeout(timer);
    }
    if (status === 304 && entry) {
      this.entries.set(key, { ...entry, at: this.now(), ...(etag ? { etag } : {}) });
      return false;
    }
    if (status === 200) {
      let issue;
      try {
        issue = body.length <= MAX_BODY_CHARS ? issueFromJson(JSON.parse(body)) : undefined;
      } catch {
        issue = undefined;
      }
      if (!issue) return this.failed(key, `GitHub's answer for ${issueName(id)} is not an issue`);
      return this.store(key, { status: 'found', issue }, etag);
    }
    if (status === 404 || status === 410) return this.store(key, { status: 'missing', code: status }, etag);
    if (status === 401) {
      this.tokenRefused = true;
      this.notice('auth', 'GitHub refused the token (401): upstream issues are not looked up any more');
      return false;
    }
    // A rate limit was noted from the headers above; other refusals and failures are this issue's.
    if (this.now() < this.blockedUntil) return false;
    return this.failed(key, status >= 500 ? `GitHub answered ${status}` : `GitHub refused the request (${status})`);
  }

  /** Not while a rate limit stands, a token was refused or the budget is spent (each said once). */
  private mayAsk(): boolean {
    if (this.tokenRefused) return false;
    const now = this.now();
    if (now < this.blockedUntil) return false;
    const window = this.options.budgetWindowMs ?? Infinity;
    if (now - this.windowStart >= window) {
      this.windowStart = now;
      this.spent = 0;
      this.noticed.clear();
    }
    const max = this.options.maxRequests ?? 500;
    if (this.spent < max) return true;
    this.notice('budget', `${max} GitHub requests were made ${window === Infinity ? 'in this run' : `in ${minutes(window)}`}, the most allowed: the other upstream issues are not looked up${window === Infinity ? '' : ' for now'}`);
    return false;
  }

  /**
   * GitHub's primary rate limit (`x-ratelimit-remaining: 0` until `x-ratelimit-reset`) and secondary
   * one (403 or 429, with `retry-after` or none): no request until it is over.
   */
  private noteRateLimit(response: HttpResponse): void {
    const remaining = response.headers.get('x-ratelimit-remaining');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    const retryAfter = Number(response.headers.get('retry-after'));
    const refused = response.status === 403 || response.status === 429;
    let until = 0;
    if (refused && retryAfter > 0) until = this.now() + retryAfter * 1000;
    else if (remaining === '0' && reset > 0) until = reset * 1000;
    else if (response.status === 429 || (refused && remaining === '0')) until = this.now() + DEFAULT_WAIT_MS;
    if (until <= this.now()) return;
    const first = this.now() >= this.blockedUntil;
    this.blockedUntil = Math.max(this.blockedUntil, until);
    if (first) {
      const limit = response.headers.get('x-ratelimit-limit');
      this.notice(
        'rate-limit',
        `GitHub's rate limit is reached${limit ? ` (${limit} requests an hour${this.options.token ? '' : ' without a token'})` : ''}: no more upstream issues are looked up until ${new Date(this.blockedUntil).toISOString().replace(/\.\d+Z$/, 'Z')}`,
      );
    }
  }

  private store(key: string, answer: IssueAnswer, etag: string | undefined): boolean {
    const before = this.entries.get(key)?.answer;
    this.entries.set(key, { answer, at: this.now(), ...(etag ? { etag } : {}) });
    return JSON.stringify(before) !== JSON.stringify(answer);
  }

  /** A failure stands for `retryAfterMs` (a stale answer is kept: no finding comes or goes on a failure). */
  private failed(key: string, reason: string): boolean {
    this.notice('unavailable', `${reason}: some upstream issues are not checked`);
    const entry = this.entries.get(key);
    if (entry && entry.answer.status !== 'unknown') {
      this.entries.set(key, { ...entry, at: this.now() });
      return false;
    }
    return this.store(key, { status: 'unknown', reason }, undefined);
  }

  private notice(kind: IssueNotice['kind'], message: string): void {
    const key = kind === 'unavailable' ? message : kind;
    if (kind !== 'rate-limit' && this.noticed.has(key)) return;
    this.noticed.add(key);
    try {
      this.options.onNotice?.({ kind, message });
    } catch {
      // Whoever listens failed (a closed connection): the check goes on without the notice.
    }
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
