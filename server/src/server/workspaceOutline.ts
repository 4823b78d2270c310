// `socIdeas/workspaceOutline`: every indexed idea file's outline, for the Ideas view's workspace scope
// (a root per file). Open files as edited (their current check), closed ones as saved, checked as
// `problems.scope: workspace` publishes them, so the tree's counts are the Problems panel's and, being
// the indexed files, hover's. A closed file's outline is kept while its text and the workspace's words
// stay; one file per turn of the event loop, so edits are served meanwhile.
import { buildOutline } from '../engine/features/outline';
import type { CheckResult } from '../engine/check';
import type { WorkspaceIndex } from '../engine/workspace/workspace';
import type { Outline, SocIdeasSettings, WorkspaceOutline, WorkspaceOutlineFile } from '../protocol';

export interface WorkspaceOutlineDeps {
  /** The indexed idea files. */
  readonly files: () => readonly string[];
  readonly vocabulary: WorkspaceIndex;
  /** An open document's current check (undefined: not open, or no idea file now). */
  readonly openCheck: (uri: string) => Promise<{ result: CheckResult | undefined } | undefined>;
  readonly readSaved: (uri: string) => Promise<string | undefined>;
  readonly checkSaved: (uri: string, settings: SocIdeasSettings, text: string) => Promise<CheckResult | undefined>;
  readonly settings: (uri: string) => Promise<SocIdeasSettings>;
  readonly pathOf: (uri: string) => string;
  readonly basis: () => string;
  readonly yieldNow: () => Promise<void>;
}

export class WorkspaceOutlines {
  /** Closed files: the outline of their saved text, for the words it was checked against. */
  private readonly saved = new Map<string, { readonly text: string; readonly words: string; readonly outline: Outline }>();

  constructor(private readonly deps: WorkspaceOutlineDeps) {}

  /** Settings, a config file or a template changed: every closed file is checked again when next asked. */
  clear(): void {
    this.saved.clear();
  }

  async all(): Promise<WorkspaceOutline> {
    const { deps } = this;
    const uris = [...new Set(deps.files())];
    const files: WorkspaceOutlineFile[] = [];
    for (const uri of uris) {
      await deps.yieldNow();
      const outline = await this.outlineOf(uri);
      if (outline?.isIdeaFile) files.push({ uri, path: deps.pathOf(uri), outline });
    }
    for (const uri of this.saved.keys()) if (!uris.includes(uri)) this.saved.delete(uri);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, basis: deps.basis() };
  }

  private async outlineOf(uri: string): Promise<Outline | undefined> {
    const { deps } = this;
    const settings = await deps.settings(uri);
    if (!settings.enable) return undefined;
    const open = await deps.openCheck(uri);
    if (open) {
      this.saved.delete(uri);
      return open.result ? buildOutline(uri, open.result.doc, open.result.resolved, open.result.findings) : undefined;
    }
    const text = await deps.readSaved(uri);
    if (text === undefined) return undefined;
    const words = `${deps.vocabulary.wordsVersion('mentors')}\u0000${deps.vocabulary.wordsVersion('skills')}\u0000${JSON.stringify(settings)}`;
    const kept = this.saved.get(uri);
    if (kept && kept.text === text && kept.words === words) return kept.outline;
    const result = await deps.checkSaved(uri, settings, text);
    if (!result) return undefined;
    const outline = buildOutline(uri, result.doc, result.resolved, result.findings);
    this.saved.set(uri, { text, words, outline });
    return outline;
  }
}
