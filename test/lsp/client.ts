// A small LSP client for protocol tests and the benchmark: spawns the real bundled server
// (`node dist/server.js --stdio`) and talks JSON-RPC to it over its stdio.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_JS = resolve(REPO_ROOT, 'dist/server.js');

/**
 * Bundle the server (and the other entries) as `npm run build` does. Test files run in parallel, so
 * one builds while the others wait (a lock folder), rather than two writing dist/ at once.
 */
export function buildServer(): void {
  const lock = resolve(REPO_ROOT, 'dist/.lsp-test-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 50) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) rmSync(lock, { recursive: true, force: true }); // a crashed run left it
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export const uriOf = (path: string) => pathToFileURL(path).href;

/** The rule pages the bundled server links to (beside dist/: docs/rules). */
export const RULE_DOCS_URI = `${uriOf(resolve(REPO_ROOT, 'docs/rules'))}/`;

/**
 * The server logs a stray rejection or exception and keeps serving; under this variable it exits with
 * UNHANDLED_EXIT_CODE instead, so that in tests such a bug fails (server/src/node/main.ts).
 */
export const EXIT_ON_UNHANDLED_ENV = 'SOC_IDEAS_EXIT_ON_UNHANDLED';
export const UNHANDLED_EXIT_CODE = 70;

export interface StartOptions {
  /** Workspace folder paths. */
  readonly folders?: readonly string[];
  /** What `workspace/configuration` answers for the `socIdeas` section; undefined: no pull support. */
  readonly settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>);
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Node options before the server script (`--import` a module that misbehaves). */
  readonly nodeArgs?: readonly string[];
  /** 'logged': run the server as users do, where a stray error is only logged (default: it fails the test). */
  readonly strayErrors?: 'fail' | 'logged';
  /** Extra environment variables for the server process. */
  readonly env?: Readonly<Record<string, string>>;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

interface Waiter<T> {
  readonly match: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly logs: string[] = [];
  readonly registrations: unknown[] = [];
  readonly progress: Array<{ kind: string; message?: string; percentage?: number }> = [];
  /** `workspace/applyEdit` and `window/showDocument` requests from the server (both answered as done). */
  readonly serverRequests: Array<{ method: string; params: any }> = [];
  /** What the server wrote to stderr. */
  stderr = '';
  private readonly waiters: Array<Waiter<{ method: string; params: unknown }>> = [];
  /** The server's exit code, once it has exited. */
  readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    private readonly options: StartOptions,
  ) {
    this.exited = new Promise((done) => process.on('exit', (code) => done(code)));
    connection.onNotification((method, params) => {
      const note = { method, params };
      if (method === 'textDocument/publishDiagnostics') this.diagnostics.push(params as PublishDiagnosticsParams);
      if (method === 'window/logMessage') this.logs.push((params as { message: string }).message);
      this.notifications.push(note);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.match(note)) {
          this.waiters.splice(i, 1);
          w.resolve(note);
        }
      }
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      params.items.map((item) => {
        const s = this.options.settings;
        return typeof s === 'function' ? s(item.scopeUri) : (s ?? {});
      }),
    );
    connection.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (params: unknown) => {
      this.serverRequests.push({ method: 'workspace/applyEdit', params });
      return { applied: true };
    });
    connection.onRequest('window/showDocument', (params: unknown) => {
      this.serverRequests.push({ method: 'window/showDocument', params });
      return { success: true };
    });
    // `$/progress` does not reach the catch-all handler: the connection routes it by token.
    connection.onUnhandledProgress((params) => this.progress.push(params.value as { kind: string }));
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run node scripts/build.mjs`);
    const env = { ...process.env, ...options.env, [EXIT_ON_UNHANDLED_ENV]: options.strayErrors === 'logged' ? '' : '1' };
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    const folders = options.folders ?? [];
    const capabilities = options.capabilities ?? (options.settings === undefined ? { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, configuration: false } } : FULL_CAPABILITIES);
    await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f.slice(f.lastIndexOf('/') + 1) })),
      capabilities,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the first notification (already received after `since`, or coming) that matches. */
  waitFor(method: string, match: (params: any) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<any> {
    const done = this.notifications.slice(since).find((n) => n.method === method && match(n.params));
    if (done) return Promise.resolve(done.params);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} matching in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match: (n) => n.method === method && match(n.params),
        resolve: (n) => {
          clearTimeout(timer);
          resolvePromise(n.params);
        },
      });
    });
  }

  /** The next diagnostics for a URI (optionally of a given version or matching a test) after `since`. */
  waitForDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => p.uri === uri && match(p), since);
  }

  /** Index of the next notification: pass it as `since` to wait only for later ones. */
  get mark(): number {
    return this.notifications.length;
  }

  /** Resolves when the workspace index is built (the server logs a line when it is). */
  indexed(): Promise<unknown> {
    return this.waitFor('window/logMessage', (p: { message: string }) => p.message.startsWith('indexed '));
  }

  open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** `shutdown` + `exit`, then the process's exit code. */
  async stop(): Promise<number | null> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const code = await Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
    this.assertNoStrayError(code);
    return code;
  }

  /** A stray rejection or exception in the server is a bug, whichever test was running. */
  private assertNoStrayError(code: number | null): void {
    if (this.options.strayErrors === 'logged') return;
    if (code === UNHANDLED_EXIT_CODE || /soc-ideas: unhandled/.test(this.stderr)) {
      throw new Error(`the server had an unhandled error (exit code ${code}):\n${this.stderr}`);
    }
  }

  /** Throws when the server process is gone (it must outlive anything a client sends). */
  assertAlive(): void {
    if (this.process.exitCode !== null || this.process.signalCode !== null) {
      throw new Error(`the server exited (code ${this.process.exitCode}, signal ${this.process.signalCode}):\n${this.stderr}`);
    }
  }

  /** Close stdin without `exit`: the server must go away by itself. */
  async closeStdin(): Promise<number | null> {
    this.process.stdin!.end();
    const code = await Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
    this.assertNoStrayError(code);
    return code;
  }
}
