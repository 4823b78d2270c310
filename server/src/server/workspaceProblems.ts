// `socIdeas.problems.scope: workspace`: the problems of every indexed idea file that is not open,
// checked from its saved text in the background (one file per turn of the event loop) and published
// without a version. An open file's own diagnostics take over while it is open; when it closes, or
// changes on disk, it is checked again; when the scope goes back to open files, these are cleared.
import type { CheckResult } from '../engine/check';
import { checkDocument } from '../engine/check';
import { parseDocument } from '../engine/parse/parse';
import type { DiagnosticsPublisher } from './diagnostics';
import type { CachingHost } from './files';
import { runGuarded, type Log } from './guard';
import type { SettingsStore } from './settings';
import type { IdeaFileIndex } from './workspaceIndex';

export interface WorkspaceProblemsDeps {
  readonly host: CachingHost;
  readonly settings: SettingsStore;
  readonly index: IdeaFileIndex;
  readonly publisher: DiagnosticsPublisher;
  /** True while the file is open (its document publishes for it). */
  readonly isOpen: (uri: string) => boolean;
  /** A file's saved text; undefined when it cannot be read. */
  readonly readSaved: (uri: string) => Promise<string | undefined>;
  readonly yieldNow: () => Promise<void>;
  readonly log: Log;
}

/** After a change to the workspace (vocabulary, settings, files), how long the closed files wait. */
const SETTLE_MS = 1000;

export class WorkspaceProblems {
  /** Closed files whose problems are published now. */
  private readonly shown = new Set<string>();
  /** Files to check, in order; a file queued twice is checked once. */
  private readonly queue = new Set<string>();
  private draining = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly deps: WorkspaceProblemsDeps) {}

  /** Every indexed file again, once things settle (the index, the settings or other files changed). */
  refreshAll(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const uri of this.indexedFiles()) this.queue.add(uri);
      for (const uri of this.shown) this.queue.add(uri); // left the index: cleared when checked
      this.drain();
    }, SETTLE_MS);
  }

  /** One file changed on disk, was closed or deleted. */
  refresh(uri: string): void {
    if (this.stopped) return;
    this.queue.add(uri);
    this.drain();
  }

  /** The file is open: its document's diagnostics replace these. */
  opened(uri: string): void {
    this.shown.delete(uri);
    this.queue.delete(uri);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.queue.clear();
  }

  private indexedFiles(): Set<string> {
    return new Set(this.deps.index.ideas().map((i) => i.uri));
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    runGuarded(this.deps.log, 'checking workspace files', async () => {
      try {
        while (!this.stopped && this.queue.size > 0) {
          const [uri] = this.queue;
          this.queue.delete(uri!);
          await this.deps.yieldNow(); // edits are served between files
          await this.check(uri!);
        }
      } finally {
        this.draining = false;
      }
    });
  }

  private async check(uri: string): Promise<void> {
    const { deps } = this;
    if (deps.isOpen(uri)) return;
    const settings = await deps.settings.get(uri);
    const result = settings.enable && settings.problems.scope === 'workspace' && deps.index.has(uri) ? await this.checkSaved(uri, settings) : undefined;
    if (deps.isOpen(uri) || this.stopped) return; // opened while it was checked: the document publishes
    if (!result || !result.doc.isIdeaFile) {
      if (this.shown.delete(uri)) deps.publisher.clear(uri);
      return;
    }
    this.shown.add(uri);
    deps.publisher.publishFile(uri, result.findings.map((f) => deps.publisher.diagnostic(uri, result.doc, f)));
  }

  /** A closed file checked from its saved text, as its problems are published (the workspace tree shows the same). */
  async checkSaved(uri: string, settings: Awaited<ReturnType<SettingsStore['get']>>, saved?: string): Promise<CheckResult | undefined> {
    const text = saved ?? (await this.deps.readSaved(uri));
    if (text === undefined) return undefined;
    return checkDocument({
      uri,
      text,
      doc: parseDocument(text),
      host: this.deps.host,
      settings: this.deps.settings.checkSettings(uri, settings),
      workspace: this.deps.index.vocabulary,
    });
  }
}
