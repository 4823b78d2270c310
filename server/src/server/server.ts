// The language server: LSP handlers over the engine. Host-agnostic (the Node entry and a browser
// entry pass their own file access), one file per feature beside this one.
import {
  ErrorCodes,
  ResponseError,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { checkDocument, resolveFor, type CheckResult } from '../engine/check';
import { describeFixes } from '../engine/findings/fix';
import { CONFIG_FILE_NAME, type LoadedConfig } from '../engine/config/config';
import { configFromContent, loadConfig, withMaintainers } from '../engine/config/configFile';
import type { Host } from '../engine/host';
import { buildOutline, folderOutline, outlineTemplate } from '../engine/features/outline';
import { parseDocument } from '../engine/parse/parse';
import { ideaSnippetAt, templateToSnippet } from '../engine/features/snippet';
import { presetChoices } from '../engine/features/templateChoices';
import { PROJECT_IDEA_TEMPLATE_FILE } from '../engine/template/resolve';
import {
  APPLY_FIX_ALL_COMMAND,
  GITHUB_ACCESS_NOTIFICATION,
  IDEA_SNIPPET_REQUEST,
  OUTLINE_REQUEST,
  WORKSPACE_OUTLINE_REQUEST,
  type WorkspaceOutline,
  SHOW_RULE_DOCUMENTATION_COMMAND,
  TEMPLATES_REQUEST,
  type TemplatesResult,
  type FixAllSummary,
  type InitializationOptions,
  type IdeaSnippetParams,
  type IdeaSnippetResult,
  type Outline,
  type OutlineParams,
} from '../protocol';
import { Analyzer, type Analysis } from './analysis';
import { codeActions, fixAll, FIX_ALL_KIND, wholeChange, type Recheck } from './codeActions';
import { COMPLETION_TRIGGERS, completionList } from './completion';
import { configDiagnostics, DiagnosticsPublisher } from './diagnostics';
import { DocumentStore, type OpenDocument } from './documents';
import { CachingHost } from './files';
import { foldingRanges } from './folding';
import { describeError, guardNotification, guardRequest, runGuarded } from './guard';
import { hover } from './hover';
import { holdWhileTyping } from './typing';
import { ruleDocUri, setRuleDocsFolder } from './ruleDocs';
import { SettingsStore } from './settings';
import { documentSymbols, workspaceSymbols } from './symbols';
import { type GitHubTransport, UpstreamChecks } from './upstream';
import { Foreground } from './foreground';
import { IdeaFileIndex, isMarkdownUri, MAX_INDEXED_CHARS, type IndexedFile } from './workspaceIndex';
import { WorkspaceProblems } from './workspaceProblems';
import { workspacePathNamer } from './paths';
import { WorkspaceOutlines } from './workspaceOutline';

export interface ServerEnvironment {
  /** Reads files (file:// in Node, the workspace file system in a browser). */
  readonly host: Host;
  /** Every file under a workspace folder (the indexer keeps markdown and config files). */
  listFiles(folderUri: string): Promise<string[]>;
  /** A turn of the event loop, so that edits are served between indexed files. */
  yieldNow(): Promise<void>;
  /**
   * Parses a file for the workspace index away from the thread that answers edits (a worker thread
   * running `indexedFile`); absent (a web worker): the index parses here, one file per turn.
   */
  parseForIndex?(uri: string, text: string): Promise<IndexedFile>;
  /** What the workspace-wide parts are based on, when it is worth saying (the browser: how files were found). */
  indexBasis?(fileCount: number): string;
  /** Folder of the rule pages (`<rule>.md`) when the client names none (see InitializationOptions). */
  readonly ruleDocsUri?: string;
  /** How to reach GitHub's API for the online issue check; absent: never. */
  readonly github?: GitHubTransport;
  readonly name?: string;
  readonly version?: string;
}

/** How long other documents wait after a change to the workspace vocabulary before they are re-checked. */
const RECHECK_DELAY_MS = 300;

/** How long completion, hover and workspace symbols wait for the workspace index being built, at most. */
const INDEX_WAIT_MS = 5000;

export function startServer(connection: Connection, env: ServerEnvironment): void {
  const log = (message: string) => connection.console.error(message);
  const documents = new DocumentStore();
  const host = new CachingHost(env.host, documents);
  const settings = new SettingsStore(connection);
  const index = new IdeaFileIndex();
  const pathOf = workspacePathNamer(() => settings.workspaceFolders);
  /** Checks of open documents: the workspace index waits for them between its files. */
  const foreground = new Foreground();
  /** The workspace index being built (initial scan, added folders), if it is. */
  let indexing: Promise<void> | undefined;
  /** Settles when the first index of the workspace folders is built (or failed). */
  let initialIndexDone: () => void = () => {};
  const initialIndex = new Promise<void>((resolve) => (initialIndexDone = resolve));
  const publisher = new DiagnosticsPublisher(connection, pathOf);
  const workspaceProblems = new WorkspaceProblems({
    host,
    settings,
    index,
    publisher,
    isOpen: (uri) => documents.get(uri) !== undefined,
    readSaved: (uri) => readIdeaFile(uri),
    yieldNow: env.yieldNow,
    log,
  });
  const indexBasis = () => env.indexBasis?.(index.fileCount) ?? `${index.fileCount} idea ${index.fileCount === 1 ? 'file' : 'files'} indexed`;
  const workspaceOutlines = new WorkspaceOutlines({
    files: () => index.ideas().map((i) => i.uri),
    vocabulary: index.vocabulary,
    openCheck: async (uri) => (documents.get(uri) ? { result: (await analysisOf(uri))?.analysis.result } : undefined),
    readSaved: (uri) => readIdeaFile(uri),
    checkSaved: (uri, current, text) => workspaceProblems.checkSaved(uri, current, text),
    settings: (uri) => settings.get(uri),
    pathOf,
    basis: indexBasis,
    yieldNow: env.yieldNow,
  });
  // Answers from GitHub that change findings: check those documents again, which finds them known.
  const upstream = new UpstreamChecks(env.github, connection, (uris) => {
    for (const uri of uris) {
      const doc = documents.get(uri);
      if (!doc) continue;
      doc.epoch++;
      validate(doc);
    }
  });
  const analyzer = new Analyzer(
    host,
    settings,
    index,
    { log: (m) => connection.console.log(m) },
    env.yieldNow,
    (uri) => scheduleRecheck(uri),
    upstream,
    // A large file's structural findings, while the other rules run: shown unless the text moved on.
    (doc, analysis) => {
      if (!stopped && documents.get(doc.uri) === doc && doc.generation === analysis.generation) return publisher.publishDocument(analysis, 'first stage');
    },
  );
  let capabilities: ClientCapabilities = {};
  let stopped = false;
  const loggedNotes = new Set<string>();
  /** See InitializationOptions.typingPauseMs: 0 publishes every check whole. */
  let typingPauseMs = 0;
  const typingTimers = new Map<OpenDocument, ReturnType<typeof setTimeout>>();

  const isIdeaCandidate = (doc: OpenDocument) => doc.languageId === 'markdown' || isMarkdownUri(doc.uri);
  const isConfigUri = (uri: string) => uri.endsWith(`/${CONFIG_FILE_NAME}`);
  const isTemplateUri = (uri: string) => uri.endsWith(`/${PROJECT_IDEA_TEMPLATE_FILE}`);

  // ------------------------------------------------------------------ checking and publishing

  function validate(doc: OpenDocument): void {
    if (stopped || !isIdeaCandidate(doc)) return;
    const pending = analyzer.analyse(doc);
    const published = pending
      .then((analysis) => {
        // Stale: a newer edit (or a newer check of this version) publishes instead.
        if (documents.get(doc.uri) !== doc || doc.generation !== analysis.generation || analyzer.latest(doc) !== pending) return;
        publishTyped(doc, analysis, pending);
        if (analysis.result) {
          reportConfig(analysis.result.config);
          for (const note of analysis.result.resolved.notes) {
            if (!loggedNotes.has(note)) {
              loggedNotes.add(note);
              connection.console.warn(`${doc.uri}: ${note}`);
            }
          }
        }
      })
      // `catch`, not a second `then` argument: a failure while publishing is caught too.
      .catch((error: unknown) => log(`checking ${doc.uri} failed: ${describeError(error)}`));
    void foreground.track(published);
  }

  /** Publishes a check, holding back what waits for the user to move on or pause (`typing.ts`). */
  function publishTyped(doc: OpenDocument, analysis: Analysis, pending: Promise<Analysis>): void {
    cancelTypingPause(doc);
    const held = holdWhileTyping(analysis, doc, typingPauseMs);
    if (!held) {
      publisher.publishDocument(analysis);
      return;
    }
    publisher.publishDocument(held.shown);
    typingTimers.set(
      doc,
      setTimeout(
        () =>
          runGuarded(log, 'typing pause', () => {
            typingTimers.delete(doc);
            const current = documents.get(doc.uri) === doc && doc.generation === analysis.generation && analyzer.latest(doc) === pending;
            if (current && !stopped) publisher.publishDocument(analysis);
          }),
        held.dueIn,
      ),
    );
  }

  /** The held findings of an earlier check are not due any more (a newer check, or the document closed). */
  function cancelTypingPause(doc: OpenDocument): void {
    clearTimeout(typingTimers.get(doc));
    typingTimers.delete(doc);
  }

  function validateAll(except?: string): void {
    for (const doc of documents.all()) {
      if (doc.uri === except) continue;
      doc.epoch++;
      validate(doc);
    }
    workspaceOutlines.clear();
    workspaceProblems.refreshAll();
  }

  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  const recheckOrigins = new Set<string>();
  /** Another file's mentors or skills changed: re-check the other open documents, once things settle. */
  function scheduleRecheck(origin: string | undefined): void {
    if (stopped) return;
    recheckOrigins.add(origin ?? '');
    if (recheckTimer) clearTimeout(recheckTimer);
    recheckTimer = setTimeout(
      () =>
        runGuarded(log, 'recheck', () => {
          recheckTimer = undefined;
          const except = recheckOrigins.size === 1 ? [...recheckOrigins][0] : undefined;
          recheckOrigins.clear();
          validateAll(except);
        }),
      RECHECK_DELAY_MS,
    );
  }

  /** Problems of a `.soc-ideas.json` go on that file, and once to the log. */
  function reportConfig(config: LoadedConfig): void {
    if (!config.uri) return;
    const changed = publisher.publishFile(config.uri, configDiagnostics(config.problems));
    if (changed && config.problems.length) {
      connection.console.warn(`${config.uri}: ${config.problems.length} problem(s); defaults are used for them: ${config.problems.map((p) => `${p.line + 1}:${p.character + 1} ${p.message}`).join('; ')}`);
    }
  }

  async function checkConfigFile(uri: string): Promise<void> {
    const loaded = configFromContent(await host.readFile(uri), uri);
    if (loaded === undefined) publisher.publishFile(uri, []);
    else reportConfig(await withMaintainers(loaded, host));
  }

  /** An idea file's saved text for the index; one that is not read is left out, and the log says why. */
  async function readIdeaFile(uri: string): Promise<string | undefined> {
    const content = await host.readFromDisk(uri);
    const refused =
      typeof content === 'object'
        ? content.unreadable
        : content !== undefined && content.length > MAX_INDEXED_CHARS
          ? `too large to index (${content.length.toLocaleString('en')} characters, limit ${MAX_INDEXED_CHARS.toLocaleString('en')}; open it to check it)`
          : undefined;
    if (refused === undefined) return content as string | undefined;
    const skipped = `${uri}: not indexed: it is ${refused}`;
    if (!loggedNotes.has(skipped)) {
      loggedNotes.add(skipped);
      connection.console.warn(skipped);
    }
    return undefined;
  }

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    settings.pullSupported = capabilities.workspace?.configuration === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    settings.workspaceFolders = folders.map((f) => f.replace(/\/+$/, ''));
    const init = params.initializationOptions as InitializationOptions | undefined;
    if (init?.settings !== undefined) settings.changed({ socIdeas: init.settings });
    setRuleDocsFolder(typeof init?.ruleDocsUri === 'string' ? init.ruleDocsUri : env.ruleDocsUri);
    if (init?.githubAccess !== undefined) upstream.setAccess(init.githubAccess);
    if (typeof init?.typingPauseMs === 'number' && Number.isFinite(init.typingPauseMs)) typingPauseMs = Math.max(0, Math.min(init.typingPauseMs, 10_000));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'SoC Ideas' },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [APPLY_FIX_ALL_COMMAND, SHOW_RULE_DOCUMENTATION_COMMAND] },
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: env.name ?? 'soc-ideas-language-server', ...(env.version ? { version: env.version } : {}) },
    };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      try {
        await initialized();
      } finally {
        initialIndexDone();
      }
    }),
  );

  /** Registrations, then the first index of the workspace folders. */
  async function initialized(): Promise<void> {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.md', kind },
          { globPattern: '**/*.markdown', kind },
          { globPattern: `**/${CONFIG_FILE_NAME}`, kind },
          // Maintainers lists a config names (mentor-maintainer): a change matters only when the
          // engine read the file (CachingHost.invalidate says), so the others cost a lookup.
          { globPattern: '**/*.{csv,tsv,yaml,yml,json}', kind },
        ],
      });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'socIdeas' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardNotification(log, 'didChangeWorkspaceFolders', async (event) => {
          const removed = event.removed.map((f) => f.uri.replace(/\/+$/, ''));
          settings.workspaceFolders = settings.workspaceFolders.filter((f) => !removed.includes(f));
          for (const uri of index.ideas().map((i) => i.uri)) {
            if (removed.some((f) => uri.startsWith(`${f}/`)) && !documents.get(uri)) index.remove(uri);
          }
          const added = event.added.map((f) => f.uri.replace(/\/+$/, ''));
          settings.workspaceFolders.push(...added);
          await indexFolders(added);
        }),
      );
    }
    await indexFolders(settings.workspaceFolders);
  }

  function indexFolders(folders: readonly string[]): Promise<void> {
    if (!folders.length) return Promise.resolve();
    const run = (indexing ?? Promise.resolve()).catch(() => {}).then(() => scanFolders(folders));
    const current = run.finally(() => {
      if (indexing === current) indexing = undefined;
    });
    indexing = current;
    return current;
  }

  /** Waits for the workspace index being built, for at most `ms` (then answers with what is indexed so far). */
  async function indexSettled(ms = INDEX_WAIT_MS): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([initialIndex.then(() => indexing?.catch(() => {})), timeout]);
    clearTimeout(timer);
  }

  async function scanFolders(folders: readonly string[]): Promise<void> {
    if (stopped) return;
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('SoC Ideas: indexing idea files', 0, undefined, false);
    const started = Date.now();
    try {
      const configs: string[] = [];
      const changed = await index.scan(
        folders,
        {
          listFiles: async (folder) => {
            const files = await env.listFiles(folder);
            configs.push(...files.filter(isConfigUri));
            return files;
          },
          readFile: readIdeaFile,
          yieldNow: env.yieldNow,
          foreground: (atMostMs) => foreground.idle(atMostMs),
          ...(env.parseForIndex ? { parse: env.parseForIndex } : {}),
        },
        (uri) => stopped || documents.get(uri) !== undefined,
        progress && {
          report: (done, total, uri) => {
            if (done % 10 === 0) progress.report(Math.floor((done / Math.max(1, total)) * 100), uri.slice(uri.lastIndexOf('/') + 1));
          },
        },
      );
      for (const uri of configs) await checkConfigFile(uri);
      connection.console.log(`indexed ${index.fileCount} idea file(s) in ${folders.length} folder(s) in ${Date.now() - started} ms`);
      if (changed) scheduleRecheck(undefined);
      else workspaceProblems.refreshAll();
    } finally {
      progress?.done();
    }
  }

  /** A request handler behind the guard; after `shutdown` every request is refused, as LSP says. */
  const request = <P, R, T extends unknown[]>(name: string, handler: (params: P, ...rest: T) => R | Promise<R>) =>
    guardRequest(log, name, (params: P, ...rest: T) => {
      if (stopped) throw new ResponseError(ErrorCodes.InvalidRequest, `soc-ideas: ${name} after shutdown`);
      return handler(params, ...rest);
    });

  connection.onShutdown(() => {
    stopped = true;
    workspaceProblems.stop();
    if (recheckTimer) clearTimeout(recheckTimer);
    for (const timer of typingTimers.values()) clearTimeout(timer);
    typingTimers.clear();
    upstream.dispose();
  });

  connection.onNotification(
    GITHUB_ACCESS_NOTIFICATION,
    guardNotification(log, GITHUB_ACCESS_NOTIFICATION, (params: unknown) => {
      if (upstream.setAccess(params)) validateAll();
    }),
  );

  // ------------------------------------------------------------------ documents

  connection.onDidOpenTextDocument(
    guardNotification(log, 'didOpen', (params) => {
      const { uri, languageId, version, text } = params.textDocument;
      const doc = documents.open(uri, languageId, version, text);
      workspaceProblems.opened(uri);
      upstream.opened(uri);
      openedOrChanged(doc);
    }),
  );

  connection.onDidChangeTextDocument(
    guardNotification(log, 'didChange', (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return;
      doc.update(params.contentChanges, params.textDocument.version ?? doc.version + 1);
      openedOrChanged(doc);
    }),
  );

  function openedOrChanged(doc: OpenDocument): void {
    if (isConfigUri(doc.uri)) {
      host.touch();
      runGuarded(log, `checking ${doc.uri}`, () => checkConfigFile(doc.uri));
      scheduleRecheck(undefined);
    } else if (isTemplateUri(doc.uri) || host.invalidate(doc.uri)) {
      host.touch();
      scheduleRecheck(doc.uri);
    }
    validate(doc);
  }

  connection.onDidCloseTextDocument(
    guardNotification(log, 'didClose', async (params) => {
      const { uri } = params.textDocument;
      const doc = documents.close(uri);
      if (!doc) return;
      cancelTypingPause(doc);
      if (isConfigUri(uri) || isTemplateUri(uri)) {
        host.touch();
        scheduleRecheck(undefined);
      }
      if (!isConfigUri(uri)) publisher.clear(uri);
      else await checkConfigFile(uri);
      if (!isIdeaCandidate(doc)) return;
      // What the workspace knows of this file is its saved text again.
      const text = uri.startsWith('file:') || settings.workspaceFolders.some((f) => uri.startsWith(`${f}/`)) ? await readIdeaFile(uri) : undefined;
      if (documents.get(uri)) return; // opened again meanwhile
      const changed = text === undefined ? index.remove(uri) : index.update(uri, parseDocument(text));
      if (changed) scheduleRecheck(uri);
      workspaceProblems.refresh(uri);
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'didChangeWatchedFiles', async (params) => {
      let filesChanged = false;
      let indexChanged = false;
      /** Closed markdown files whose saved text changed. */
      const savedChanged: string[] = [];
      // One event per file: a file that two watchers match (`.soc-ideas.json` is also `*.json`) may come twice.
      const seen = new Set<string>();
      for (const change of params.changes) {
        const { uri } = change;
        if (seen.has(`${change.type}:${uri}`)) continue;
        seen.add(`${change.type}:${uri}`);
        if (isConfigUri(uri)) {
          host.invalidate(uri);
          host.touch();
          filesChanged = true;
          await checkConfigFile(uri);
          continue;
        }
        if (!isMarkdownUri(uri)) {
          // Another file the engine read (a config's maintainers list): what used it is checked again.
          if (host.invalidate(uri)) {
            host.touch();
            filesChanged = true;
          }
          continue;
        }
        if (host.invalidate(uri) || isTemplateUri(uri)) {
          host.touch();
          filesChanged = true;
        }
        if (documents.get(uri)) continue; // the open text wins
        savedChanged.push(uri);
        if (change.type === FileChangeType.Deleted) {
          indexChanged = index.remove(uri) || indexChanged;
        } else {
          const text = await readIdeaFile(uri);
          if (documents.get(uri)) continue;
          indexChanged = (text === undefined ? index.remove(uri) : index.update(uri, parseDocument(text))) || indexChanged;
        }
      }
      for (const uri of savedChanged) workspaceProblems.refresh(uri);
      if (filesChanged) validateAll();
      else if (indexChanged) scheduleRecheck(undefined);
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(log, 'didChangeConfiguration', (params) => {
      settings.changed(params.settings);
      host.clear();
      validateAll();
    }),
  );

  // ------------------------------------------------------------------ features

  /** The open idea document and its current check, or undefined (unknown, not markdown, checks off). */
  async function analysisOf(uri: string): Promise<{ doc: OpenDocument; analysis: Analysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc || !isIdeaCandidate(doc)) return undefined;
    const analysis = await analyzer.analyse(doc);
    if (!analysis.result || !analysis.result.doc.isIdeaFile) return undefined;
    return { doc, analysis };
  }

  /**
   * The parse and template of an open idea document, without waiting for its rules (symbols, folding,
   * completion and hover need no findings; on a big file the rules are most of a check).
   */
  async function modelOf(uri: string) {
    const doc = documents.get(uri);
    if (!doc || !isIdeaCandidate(doc) || !(await settings.get(uri)).enable) return undefined;
    const parsed = doc.parse();
    if (!parsed.isIdeaFile) return undefined;
    const resolved = analyzer.resolvedOf(doc) ?? (await analyzer.analyse(doc)).result?.resolved;
    if (!resolved) return undefined;
    return { doc, parsed: doc.parse(), resolved };
  }

  connection.onCompletion(
    request('completion', async (params) => {
      await indexSettled(); // mentors, skills and projects of the other files
      const found = await modelOf(params.textDocument.uri);
      if (!found) return { isIncomplete: false, items: [] };
      const snippetSupport = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      return completionList(found.doc.uri, found.parsed, params.position, found.resolved.template, index, snippetSupport);
    }),
  );

  connection.onHover(
    request('hover', async (params) => {
      await indexSettled();
      const found = await modelOf(params.textDocument.uri);
      if (!found) return null;
      const maintainers = analyzer.configOf(found.doc)?.maintainers;
      return hover(found.parsed, found.resolved, params.position, index, {
        upstream: upstream.known(await settings.get(found.doc.uri)),
        pathOf,
        ...(maintainers ? { maintainers } : {}),
      });
    }),
  );

  connection.onDocumentSymbol(
    request('documentSymbol', async (params) => {
      const found = await modelOf(params.textDocument.uri);
      return found ? documentSymbols(found.parsed) : [];
    }),
  );

  connection.onWorkspaceSymbol(
    request('workspaceSymbol', async (params) => {
      await indexSettled();
      return workspaceSymbols(index, params.query);
    }),
  );

  connection.onFoldingRanges(
    request('foldingRange', async (params) => {
      const found = await modelOf(params.textDocument.uri);
      return found ? foldingRanges(found.parsed) : [];
    }),
  );

  /** Checks a fixed text as the document's own check does (same template, settings and workspace). */
  function recheckOf(found: { doc: OpenDocument; analysis: Analysis }, result: CheckResult): Recheck {
    const checkSettings = settings.checkSettings(found.doc.uri, found.analysis.settings);
    return (text) =>
      checkDocument({
        uri: found.doc.uri,
        text,
        doc: parseDocument(text, { cache: found.doc.cache }),
        host,
        settings: checkSettings,
        workspace: index.vocabulary,
        config: result.config,
        resolved: result.resolved,
      });
  }

  connection.onCodeAction(
    request('codeAction', async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      const result = found?.analysis.result;
      if (!found || !result) return [];
      const support = {
        applyEdit: capabilities.workspace?.applyEdit === true,
        showDocument: capabilities.window?.showDocument?.support === true,
        snippetEdits: capabilities.workspace?.workspaceEdit?.snippetEditSupport === true && capabilities.workspace.workspaceEdit.documentChanges === true,
      };
      return codeActions(params, result, found.analysis.version, support, recheckOf(found, result));
    }),
  );

  connection.onExecuteCommand(
    request('executeCommand', async (params) => {
      const [argument] = params.arguments ?? [];
      if (params.command === SHOW_RULE_DOCUMENTATION_COMMAND) {
        const uri = typeof argument === 'string' ? ruleDocUri(argument) : undefined;
        if (!uri) return { shown: false };
        const shown = await connection.window.showDocument({ uri, takeFocus: true });
        return { shown: shown.success };
      }
      if (params.command === APPLY_FIX_ALL_COMMAND) return applyFixAll(typeof argument === 'string' ? argument : '');
      throw new ResponseError(ErrorCodes.InvalidParams, `soc-ideas: unknown command ${params.command}`);
    }),
  );

  /** A message for the user (`window/showMessage`: a notification, nothing to answer). */
  function tell(type: MessageType, message: string): void {
    connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => {});
  }

  /** Every automatic fix of an open idea document, applied through the client, and a message saying what changed. */
  async function applyFixAll(uri: string): Promise<FixAllSummary> {
    const found = await analysisOf(uri);
    const result = found?.analysis.result;
    if (!found || !result) return { fixes: 0, byRule: {} };
    const fixed = await fixAll(result, recheckOf(found, result));
    if (fixed.fixes === 0 || fixed.text === result.doc.text) {
      tell(MessageType.Info, 'SoC Ideas: nothing to fix automatically in this file.');
      return { fixes: 0, byRule: {} };
    }
    const applied = await connection.workspace.applyEdit({
      label: 'SoC Ideas: fix all',
      edit: { documentChanges: [{ textDocument: { uri, version: found.analysis.version }, edits: [wholeChange(result.doc, fixed.text)] }] },
    });
    if (!applied.applied) {
      tell(MessageType.Warning, `SoC Ideas: the fixes were not applied${applied.failureReason ? `: ${applied.failureReason}` : ' (the file changed meanwhile?)'}.`);
      return { fixes: 0, byRule: {} };
    }
    tell(MessageType.Info, `SoC Ideas: fixed ${describeFixes(fixed)}.`);
    return { fixes: fixed.fixes, byRule: Object.fromEntries(fixed.byRule) };
  }

  connection.onRequest(
    OUTLINE_REQUEST,
    request(OUTLINE_REQUEST, async (params: OutlineParams): Promise<Outline> => {
      const found = await analysisOf(params.uri);
      const basis = indexBasis();
      const result = found?.analysis.result;
      if (!result) return { file: params.uri, template: null, projects: [], isIdeaFile: false, basis };
      const outline = buildOutline(params.uri, result.doc, result.resolved, result.findings);
      // A folder of front-matter files is one list: the others' ideas from the index.
      const siblings = result.doc.frontMatter?.idea ? index.ideas().map((e) => ({ uri: e.uri, title: e.title, line: e.range.start.line })) : [];
      return { ...folderOutline(outline, result.doc, result.resolved, siblings), basis };
    }),
  );

  connection.onRequest(WORKSPACE_OUTLINE_REQUEST, request(WORKSPACE_OUTLINE_REQUEST, async (): Promise<WorkspaceOutline> => {
      await indexSettled(); // every idea file of the workspace, as the index will have them
      return workspaceOutlines.all();
    }));

  connection.onRequest(
    IDEA_SNIPPET_REQUEST,
    request(IDEA_SNIPPET_REQUEST, async (params: IdeaSnippetParams): Promise<IdeaSnippetResult> => {
      const doc = documents.get(params.uri);
      let resolved = doc ? (await analyzer.analyse(doc)).result?.resolved : undefined;
      if (!resolved) {
        // Not open or not checked (a new, empty file): the template the file would get.
        const current = await settings.get(params.uri);
        const config = await loadConfig(params.uri, host);
        const parsed = parseDocument(doc?.getText() ?? '');
        resolved = await resolveFor({ uri: params.uri, host, settings: settings.checkSettings(params.uri, current) }, parsed, config);
      }
      const text = doc?.parse();
      const snippet =
        text && params.position ? ideaSnippetAt(text, resolved.template, text.lines.offsetAt(params.position)).snippet : templateToSnippet(resolved.template);
      return { snippet, template: outlineTemplate(resolved) };
    }),
  );

  connection.onRequest(TEMPLATES_REQUEST, request(TEMPLATES_REQUEST, (): TemplatesResult => ({ presets: presetChoices() })));
}
