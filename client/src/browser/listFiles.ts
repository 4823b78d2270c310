// The markdown and config files of a workspace folder, for the web worker's index. findFiles is fast
// where the file system has a search provider (github.dev); where it finds nothing, the folder is walked
// with readDirectory instead. Either way a limit keeps it bounded, and the answer says when it was hit.
import * as vscode from 'vscode';
import type { ListFilesResult } from '../../../server/src/protocol';

export const MAX_FILES = 2000;
/** Directory entries looked at when walking: a big repository is not read whole from the browser. */
const MAX_WALKED_ENTRIES = 20_000;
const WANTED = /(?:\.md|\.markdown|\/\.soc-ideas\.json)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export async function listIdeaFiles(folderUri: vscode.Uri): Promise<ListFilesResult> {
  // The server drops trailing slashes: `vscode-test-web://mount` has no path, and joinPath needs one.
  const folder = folderUri.path === '' ? folderUri.with({ path: '/' }) : folderUri;
  let found: vscode.Uri[] = [];
  try {
    found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/{*.md,*.markdown,.soc-ideas.json}'), '**/node_modules/**', MAX_FILES);
  } catch {
    // No search for this file system: walk it below.
  }
  if (found.length > 0) {
    const uris = found.map((u) => u.toString()).sort();
    return uris.length >= MAX_FILES ? { uris, limitation: `the search stopped at ${MAX_FILES} files` } : { uris };
  }
  return walk(folder);
}

async function walk(folder: vscode.Uri): Promise<ListFilesResult> {
  const uris: string[] = [];
  const pending: vscode.Uri[] = [folder];
  let entriesSeen = 0;
  let unreadable = 0;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      unreadable++;
      continue;
    }
    for (const [name, type] of entries) {
      if (++entriesSeen > MAX_WALKED_ENTRIES || uris.length >= MAX_FILES) {
        return { uris: uris.sort(), limitation: `only the first ${entriesSeen - 1} entries of ${folder.toString(true)} were looked at` };
      }
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED_DIRECTORIES.has(name)) pending.push(child);
      } else if (WANTED.test(child.path)) {
        uris.push(child.toString());
      }
    }
  }
  if (unreadable > 0 && uris.length === 0) return { uris, limitation: `${folder.toString(true)} could not be read` };
  return { uris: uris.sort(), ...(unreadable > 0 ? { limitation: `${unreadable} folder(s) could not be read` } : {}) };
}
