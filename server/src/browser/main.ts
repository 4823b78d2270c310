// The language server in a web worker (vscode.dev, github.dev): the same server as in Node, but the
// worker has no file system, so files are read and listed by asking the client, which answers with
// vscode.workspace.fs and vscode.workspace.findFiles. No Node built-ins may reach this bundle.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import type { Host } from '../engine/host';
import {
  LIST_FILES_REQUEST,
  READ_FILE_REQUEST,
  type ListFilesParams,
  type ListFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../protocol';
import { startServer } from '../server/server';

// The worker's global scope (DedicatedWorkerGlobalScope); the project's tsconfig has no "webworker" lib.
declare const self: object;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as never), new BrowserMessageWriter(self as never));

const host: Host = {
  async readFile(uri) {
    try {
      const result = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams);
      if (typeof result?.text === 'string') return result.text;
      return typeof result?.unreadable === 'string' ? { unreadable: result.unreadable } : undefined;
    } catch {
      return undefined;
    }
  },
};

/** Folders whose listing is not every file, and why. */
const partial = new Map<string, string>();
/** Folders that could not be listed at all: only their open files are known. */
const unlisted = new Map<string, string>();

async function listFiles(folderUri: string): Promise<string[]> {
  partial.delete(folderUri);
  unlisted.delete(folderUri);
  try {
    const result = await connection.sendRequest<ListFilesResult>(LIST_FILES_REQUEST, { folderUri } satisfies ListFilesParams);
    if (result.limitation) (result.uris.length ? partial : unlisted).set(folderUri, result.limitation);
    return [...result.uris];
  } catch (error) {
    unlisted.set(folderUri, `${folderUri} could not be listed (${error instanceof Error ? error.message : String(error)})`);
    return [];
  }
}

/** What the workspace-wide parts (mentor and skill completions, duplicate checks) are based on. */
function indexBasis(fileCount: number): string {
  const files = `${fileCount} idea ${fileCount === 1 ? 'file' : 'files'}`;
  if (unlisted.size > 0) return `only open files (${files}): ${[...unlisted.values(), ...partial.values()].join('; ')}`;
  return `${files} indexed via vscode.workspace.fs${partial.size ? `; not every file: ${[...partial.values()].join('; ')}` : ''}`;
}

startServer(connection, {
  host,
  listFiles,
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
  indexBasis,
  // The worker's fetch (api.github.com answers cross-origin requests).
  github: { get: (url, init) => fetch(url, init) },
  name: 'soc-ideas-language-server (web worker)',
});
connection.listen();
