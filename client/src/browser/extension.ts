// Entry point of the extension in the browser (vscode.dev, github.dev): the language server runs in a
// web worker, and it reads and lists files by asking this side, which has vscode.workspace.fs. Everything
// else (status bar, Ideas tree, commands) is the Node entry's, through activateWith.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import {
  LIST_FILES_REQUEST,
  READ_FILE_REQUEST,
  type ListFilesParams,
  type ListFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../../server/src/protocol';
import { MAX_READ_BYTES, NOT_A_REGULAR_FILE, tooLarge } from '../../../server/src/engine/host';
import { activateWith, deactivateClient, type SocIdeasApi } from '../activate';
import { initializationOptions } from '../initializationOptions';
import { listIdeaFiles } from './listFiles';

export type { SocIdeasApi } from '../activate';

// The web worker's constructor (the project's tsconfig has no "dom" lib).
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
interface ServerWorker {
  addEventListener(type: 'error', listener: (event: { message?: string; filename?: string; lineno?: number }) => void): void;
  terminate(): void;
}

/** Also the settings prefix, as in the Node entry. */
const CLIENT_ID = 'socIdeas';

export function activate(context: vscode.ExtensionContext): SocIdeasApi {
  return activateWith(context, (ctx, output) => {
    const serverMain = vscode.Uri.joinPath(ctx.extensionUri, 'dist/web/server.js').toString(true);
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.soc-ideas.json,PROJECT_IDEA_TEMPLATE.md}');
    ctx.subscriptions.push(watcher);
    const clientOptions: LanguageClientOptions = {
      // Any scheme: in the browser files are vscode-vfs:, github:, vscode-test-web: ..., never only file:.
      documentSelector: [{ language: 'markdown' }],
      synchronize: { fileEvents: watcher, configurationSection: 'socIdeas' },
      initializationOptions: initializationOptions(ctx),
      outputChannel: output,
    };
    // A factory, so that a restart gets a fresh worker.
    let worker: ServerWorker | undefined;
    // The client does not end a worker it did not create: end the old one on restart and on deactivation.
    ctx.subscriptions.push({ dispose: () => worker?.terminate() });
    const startWorker = async () => {
      worker?.terminate();
      worker = new Worker(serverMain, { name: 'SoC Ideas language server' });
      // A worker that fails to load says so only here (the client just sees no answer).
      worker.addEventListener('error', (event) => {
        const message = `the language server worker failed: ${event.message ?? 'unknown error'} (${event.filename ?? serverMain}:${event.lineno ?? 0})`;
        output.error(message);
        console.error(`SoC Ideas: ${message}`);
      });
      // Transports, not the worker: the client's `instanceof Worker` fails on the extension host's Worker.
      return { reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) };
    };
    const client = new LanguageClient(CLIENT_ID, 'SoC Ideas', startWorker, clientOptions);
    client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params.uri));
    client.onRequest(LIST_FILES_REQUEST, (params: ListFilesParams): Promise<ListFilesResult> => listIdeaFiles(vscode.Uri.parse(params.folderUri)));
    return client;
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's text through the workspace file system; no text when it is missing, unreadable or not UTF-8.
 * Bounded as the Node host is: only regular files (no directory; a symbolic link counts as its target),
 * at most MAX_READ_BYTES.
 */
async function readFile(uri: string): Promise<ReadFileResult> {
  try {
    const target = vscode.Uri.parse(uri);
    const stat = await vscode.workspace.fs.stat(target);
    if ((stat.type & vscode.FileType.File) === 0) return NOT_A_REGULAR_FILE;
    if (stat.size > MAX_READ_BYTES) return tooLarge(stat.size);
    return { text: utf8.decode(await vscode.workspace.fs.readFile(target)) };
  } catch {
    return {};
  }
}
