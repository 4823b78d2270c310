// The online issue check in the language server: only where `socIdeas.github.checkIssues` is on, the
// client has said the workspace is trusted, and the environment can make requests. A check publishes
// what is known at once; when answers that change something arrive, the document is checked again
// (which finds them known) and republished. A rate limit is shown to the user once.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { CheckResult, CheckSettings } from '../engine/check';
import { GitHubIssues, type HttpGet, type IssueNotice } from '../engine/upstream/github';
import { checkUpstream } from '../engine/upstream/check';
import type { KnownIssues } from '../engine/upstream/issues';
import type { WorkspaceVocabulary } from '../engine/workspace/workspace';
import type { GitHubAccessParams, SocIdeasSettings } from '../protocol';

/** How the server reaches GitHub (Node's fetch, the worker's). */
export interface GitHubTransport {
  readonly get: HttpGet;
  readonly apiBase?: string;
  readonly timeoutMs?: number;
}

/** Requests per budget window, and the window: an open file of 50 issues revalidated now and then fits many times. */
const MAX_REQUESTS = 500;
const BUDGET_WINDOW_MS = 60 * 60_000;
/** Answers are used without asking for this long; opening a file asks again (with ETags, so mostly 304s). */
const FRESH_FOR_MS = 10 * 60_000;
/** Answers that arrive together are republished together. */
const REPUBLISH_DELAY_MS = 50;

export class UpstreamChecks {
  private access: GitHubAccessParams = { trusted: false };
  private client: GitHubIssues | undefined;
  private readonly revalidate = new Set<string>();
  private readonly answered = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly transport: GitHubTransport | undefined,
    private readonly connection: Connection,
    /** Answers that change findings came for these documents: check them again. */
    private readonly onAnswers: (uris: readonly string[]) => void,
  ) {}

  /** The client's word on trust and the token. True when it changed what may be asked. */
  setAccess(raw: unknown): boolean {
    const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const next: GitHubAccessParams = { trusted: r.trusted === true, ...(typeof r.token === 'string' && r.token ? { token: r.token } : {}) };
    const changed = next.trusted !== this.access.trusted || next.token !== this.access.token;
    // Answers got with another token (or none) may differ (a private repository): start afresh.
    if (next.token !== this.access.token) this.client = undefined;
    this.access = next;
    return changed;
  }

  /** A document was opened: its issues are asked again (conditionally) at its next check. */
  opened(uri: string): void {
    this.revalidate.add(uri);
  }

  private enabled(settings: SocIdeasSettings): boolean {
    return settings.github.checkIssues && this.access.trusted && this.transport !== undefined;
  }

  /** The check's result with the online findings known now; asks for the rest when the check is on. */
  apply(uri: string, result: CheckResult, settings: SocIdeasSettings, checkSettings: CheckSettings, workspace: WorkspaceVocabulary): CheckResult {
    if (!this.enabled(settings)) return result;
    const revalidate = this.revalidate.delete(uri);
    const { result: withOnline, pending } = checkUpstream({ uri, result, settings: checkSettings, workspace, revalidate }, this.github());
    void pending?.then((changed) => {
      if (changed) this.republishSoon(uri);
    });
    return withOnline;
  }

  /** What is known of issues, for hover; undefined when the check is off. */
  known(settings: SocIdeasSettings): KnownIssues | undefined {
    if (!this.enabled(settings) || !this.client) return undefined;
    const client = this.client;
    return (id) => client.known(id);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private github(): GitHubIssues {
    this.client ??= new GitHubIssues({
      get: this.transport!.get,
      ...(this.transport!.apiBase ? { apiBase: this.transport!.apiBase } : {}),
      ...(this.transport!.timeoutMs ? { timeoutMs: this.transport!.timeoutMs } : {}),
      ...(this.access.token ? { token: this.access.token } : {}),
      maxRequests: MAX_REQUESTS,
      budgetWindowMs: BUDGET_WINDOW_MS,
      freshForMs: FRESH_FOR_MS,
      onNotice: (notice) => this.tell(notice),
    });
    return this.client;
  }

  private tell(notice: IssueNotice): void {
    const message = `SoC Ideas: ${notice.message}.`;
    this.connection.console.warn(message);
    // Stopping altogether is worth a word to the user, once per episode; a failed issue is only logged.
    if (notice.kind !== 'unavailable') {
      // The notification, not `window.showWarningMessage` (a request when the client offers actions).
      this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => {});
    }
  }

  private republishSoon(uri: string): void {
    this.answered.add(uri);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.answered];
      this.answered.clear();
      this.onAnswers(uris);
    }, REPUBLISH_DELAY_MS);
  }
}
