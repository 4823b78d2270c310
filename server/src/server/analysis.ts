// One check of an open document: parse (incremental), config, template, rules. Memoised per text
// generation of the document (not its LSP version, which a client may repeat) and per generation of
// what it depends on (files, settings, the workspace), so diagnostics, code actions, hover and the
// outline of one text share one check.
import { checkDocument, resolveFor, type CheckInput, type CheckResult } from '../engine/check';
import { STRUCTURAL_RULES } from '../engine/rules';
import type { LoadedConfig } from '../engine/config/config';
import { loadConfig } from '../engine/config/configFile';
import type { Logger } from '../engine/host';
import type { IdeaDocument } from '../engine/parse/model';
import type { ResolvedTemplate } from '../engine/template/types';
import type { SocIdeasSettings } from '../protocol';
import type { OpenDocument } from './documents';
import type { CachingHost } from './files';
import type { SettingsStore } from './settings';
import type { UpstreamChecks } from './upstream';
import type { IdeaFileIndex } from './workspaceIndex';

export interface Analysis {
  readonly uri: string;
  readonly version: number;
  /** The document's text generation this check is of (`OpenDocument.generation`). */
  readonly generation: number;
  readonly settings: SocIdeasSettings;
  /** Undefined when checking is off for the file (setting) — then it gets nothing. */
  readonly result: CheckResult | undefined;
  readonly doc: IdeaDocument;
  /** Where the text has changed since an earlier generation (diagnostics of unchanged findings before it are re-used). */
  readonly edits?: Pick<OpenDocument, 'unchangedBefore'>;
}

/**
 * A document this long (characters) is checked in two stages when it is first checked (opened): the
 * structural rules' findings are published as soon as they are known, then all findings (issue 14:
 * a 3 MB file's first diagnostics in under a second). Below it a whole check is fast enough.
 */
export const STAGED_FROM_CHARS = 256 * 1024;

interface Memo {
  readonly key: string;
  readonly analysis: Promise<Analysis>;
}

interface TemplateMemo {
  readonly key: string;
  readonly config: LoadedConfig;
  readonly resolved: ResolvedTemplate;
}

export class Analyzer {
  private readonly memos = new WeakMap<OpenDocument, Memo>();
  private readonly templates = new WeakMap<OpenDocument, TemplateMemo>();

  constructor(
    private readonly host: CachingHost,
    private readonly settings: SettingsStore,
    private readonly index: IdeaFileIndex,
    private readonly logger: Logger,
    /** A turn of the event loop: edits that arrived meanwhile are applied before the work starts. */
    private readonly yieldNow: () => Promise<void>,
    /** Told when a document's mentors, skills or ideas changed (other documents may need a re-check). */
    private readonly onIndexChanged: (uri: string) => void = () => {},
    /** Adds what is known online (upstream issues) to a check's result; never waits for it. */
    private readonly online?: UpstreamChecks,
    /**
     * Told the first stage of a staged check (see STAGED_FROM_CHARS): the structural findings only,
     * a subset of what the whole check finds; the whole check follows once what it returns settles
     * (the diagnostics are on their way: the whole check holds the thread for a while).
     */
    private readonly onFirstStage: (doc: OpenDocument, analysis: Analysis) => Promise<void> | void = () => {},
  ) {}

  /** The check of the document's current text (shared by everyone who asks for it). */
  analyse(doc: OpenDocument): Promise<Analysis> {
    const key = this.keyOf(doc);
    const memo = this.memos.get(doc);
    if (memo?.key === key) return memo.analysis;
    const analysis = this.run(doc, key);
    this.memos.set(doc, { key, analysis });
    return analysis;
  }

  private keyOf(doc: OpenDocument): string {
    return `${doc.generation}:${doc.epoch}:${this.host.generation}:${this.settings.generation}`;
  }

  /** Superseded (a newer edit or change came in while waiting): hand over to the newest check. */
  private superseded(doc: OpenDocument, key: string): boolean {
    return this.keyOf(doc) !== key;
  }

  /** The last analysis started for the document, whatever its text (completion uses its template). */
  latest(doc: OpenDocument): Promise<Analysis> | undefined {
    return this.memos.get(doc)?.analysis;
  }

  /** The config of the document's last check, if any (its maintainers list, for hover). */
  configOf(doc: OpenDocument): LoadedConfig | undefined {
    return this.templates.get(doc)?.config;
  }

  /** The template of the document's last check, if any (synchronous: completion does not wait for a check). */
  resolvedOf(doc: OpenDocument): ResolvedTemplate | undefined {
    return this.templates.get(doc)?.resolved;
  }

  private async run(doc: OpenDocument, key: string): Promise<Analysis> {
    // Typing sends edits faster than a file is checked: let queued edits land first, and check only
    // the newest text. Two turns, because the connection hands over one queued message per turn,
    // scheduled after the work its handler started: after one turn the next edit is not applied yet.
    await this.yieldNow();
    await this.yieldNow();
    if (this.superseded(doc, key)) return this.analyse(doc);
    const { version, generation } = doc;
    // The first check of a large document (nothing of it is cached yet) is staged.
    const staged = !doc.checked && doc.getText().length >= STAGED_FROM_CHARS;
    const parsed = doc.parse();
    // The first stage reads nothing of the workspace: it need not wait for the index's update.
    const updateIndex = () => {
      if (this.index.update(doc.uri, parsed)) this.onIndexChanged(doc.uri);
    };
    if (!staged) updateIndex();
    const settings = await this.settings.get(doc.uri);
    if (!settings.enable) {
      if (staged) updateIndex();
      return { uri: doc.uri, version, generation, settings, result: undefined, doc: parsed, edits: doc };
    }
    const checkSettings = this.settings.checkSettings(doc.uri, settings);
    const { config, resolved } = await this.template(doc, parsed, checkSettings);
    const check = (stage: Pick<CheckInput, 'rules' | 'lintCache'>) =>
      checkDocument({ uri: doc.uri, text: parsed.text, doc: parsed, host: this.host, settings: checkSettings, workspace: this.index.vocabulary, config, resolved, logger: this.logger, ...stage });
    if (staged) {
      if (this.superseded(doc, key)) return this.analyse(doc);
      // No lint cache: the whole check keeps the findings of all rules per idea, not these.
      const first = await check({ rules: STRUCTURAL_RULES });
      if (first.findings.length) await this.onFirstStage(doc, { uri: doc.uri, version, generation, settings, result: first, doc: parsed, edits: doc });
      // Once: an edit typed meanwhile gets a whole check, not another first stage (which could go on
      // for as long as the user types faster than the first stage takes).
      doc.checked = true;
      updateIndex();
      await this.yieldNow();
    }
    if (this.superseded(doc, key)) return this.analyse(doc);
    const result = await check({ lintCache: doc.lintCache });
    const withOnline = this.online ? this.online.apply(doc.uri, result, settings, checkSettings, this.index.vocabulary) : result;
    return { uri: doc.uri, version, generation, settings, result: withOnline, doc: parsed, edits: doc };
  }

  /**
   * Config and template, re-used while nothing they depend on changed: files and settings
   * (generations), the template block pasted in the file, and — for a detected preset — the file's
   * fields (detection is cheap and synchronous, so it simply runs again).
   */
  private async template(doc: OpenDocument, parsed: IdeaDocument, checkSettings: Parameters<typeof resolveFor>[0]['settings']) {
    const key = `${this.host.generation}:${this.settings.generation}:${inlineTemplateKey(parsed)}`;
    const memo = this.templates.get(doc);
    if (memo?.key === key && memo.resolved.source.kind !== 'preset') return memo;
    const config = memo?.key === key ? memo.config : await loadConfig(doc.uri, this.host);
    const resolved = await resolveFor({ uri: doc.uri, host: this.host, ...(checkSettings ? { settings: checkSettings } : {}) }, parsed, config);
    const fresh = { key, config, resolved };
    this.templates.set(doc, fresh);
    return fresh;
  }
}

/** The fenced blocks that could hold a pasted template, as one string: equal keys, same inline template. */
function inlineTemplateKey(doc: IdeaDocument): string {
  let key = '';
  for (const block of doc.codeBlocks) {
    if (/^(|text|txt|plain|plaintext|md|markdown)$/i.test(block.lang.trim())) key += `${block.lang}\u0000${block.value}\u0001`;
  }
  return key;
}
