// The language server in Node: `soc-ideas-language-server --stdio` (or `--node-ipc`, `--socket=PORT`;
// vscode-languageserver reads the transport from the command line). Files come from node:fs.
import { existsSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from '../server/guard';
import { startServer } from '../server/server';
import { githubEndpoint, nodeHttpGet } from './github';
import { IndexThread } from './indexThread';
import { fileUri, nodeHost, uriToPath } from './nodeHost';

/** Folders never worth walking into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);
const WANTED = /(?:\.md|\.markdown|\/\.soc-ideas\.json)$/i;

/** Markdown and config files under a folder, depth first; unreadable folders are skipped. */
async function listFiles(folderUri: string): Promise<string[]> {
  const root = uriToPath(folderUri);
  if (root === undefined) return [];
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    let entries;
    try {
      entries = await opendir(dir);
    } catch {
      return;
    }
    for await (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await walk(path, depth + 1);
      } else if (entry.isFile()) {
        const uri = fileUri(path);
        if (WANTED.test(uri)) out.push(uri);
      }
    }
  };
  await walk(root, 0);
  return out.sort();
}

/** Exit code of a server that had a stray error while SOC_IDEAS_EXIT_ON_UNHANDLED is set (tests). */
const UNHANDLED_EXIT_CODE = 70;

/**
 * A stray rejection or exception is a bug, but one document's bug must not end the server for every
 * other: it is logged and the server goes on. Tests set SOC_IDEAS_EXIT_ON_UNHANDLED so that it fails them.
 */
function logStrayErrors(): void {
  let reporting = false; // a report that fails (the client went away) must not report itself forever
  const report = (kind: string) => (error: unknown) => {
    if (reporting) return;
    reporting = true;
    const message = `soc-ideas: unhandled ${kind}: ${describeError(error)}`;
    try {
      process.stderr.write(`${message}\n`);
      if (process.env.SOC_IDEAS_EXIT_ON_UNHANDLED) process.exit(UNHANDLED_EXIT_CODE);
      connection.console.error(message);
    } catch {
      // nowhere left to log to
    } finally {
      reporting = false;
    }
  };
  process.on('unhandledRejection', report('rejection'));
  process.on('uncaughtException', report('exception'));
}

if (!process.argv.slice(2).some((a) => /^--(?:stdio|node-ipc|socket=\d+|pipe=.+)$/.test(a))) {
  process.stderr.write('usage: soc-ideas-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

/** The rule pages beside the bundle (dist/server.js → docs/rules), when the package has them. */
function ruleDocsFolder(): string | undefined {
  const folder = resolve(__dirname, '../docs/rules');
  return existsSync(folder) ? `${fileUri(folder)}/` : undefined;
}

const connection = createConnection(ProposedFeatures.all);
logStrayErrors();
const ruleDocsUri = ruleDocsFolder();
// SOC_IDEAS_INDEX_WORKER=0: index in this thread, one file per turn (as a web worker does).
const indexThread = process.env.SOC_IDEAS_INDEX_WORKER === '0' ? undefined : IndexThread.beside(__dirname, (m) => connection.console.warn(m));
startServer(connection, {
  host: nodeHost,
  ...(ruleDocsUri ? { ruleDocsUri } : {}),
  ...(indexThread ? { parseForIndex: (uri: string, text: string) => indexThread.parse(uri, text) } : {}),
  listFiles,
  yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
  github: { get: nodeHttpGet, ...githubEndpoint(process.env) },
  name: 'soc-ideas-language-server',
});
connection.listen();

// vscode-languageserver exits by itself when stdin closes (code 1 without `shutdown`, as LSP says),
// on `exit`, and when the client process named in `initialize` dies.
