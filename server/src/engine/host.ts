// The only way the engine reaches files: Node passes `fs`, the browser passes `vscode.workspace.fs`.
// Locations are URI strings (`file:///a/b.md`, `vscode-vfs://github/org/repo/b.md`).

export interface Host {
  /**
   * The file's text; why a file that is there is not read (`Unreadable`: not a regular file, too
   * large, not UTF-8); or undefined when it does not exist or cannot be opened.
   */
  readFile(uri: string): Promise<FileContent>;
  /**
   * The names of the regular files in a folder (at most MAX_LIST_ENTRIES), or undefined when it
   * cannot be listed. Optional: a host without it gives no folder-wide answers (a folder of
   * front-matter files is then judged file by file).
   */
  listFolder?(uri: string): Promise<readonly string[] | undefined>;
}

/** A folder listing is cut at this many names. */
export const MAX_LIST_ENTRIES = 2000;

/** List through a host that may lack `listFolder` or throw: both are "cannot be listed". */
export async function listContent(host: Host, uri: string): Promise<readonly string[] | undefined> {
  try {
    return (await host.listFolder?.(uri))?.slice(0, MAX_LIST_ENTRIES);
  } catch {
    return undefined;
  }
}

/** A file that is there but is not read; `unreadable` completes "X is …" in a note or problem. */
export interface Unreadable {
  readonly unreadable: string;
}

export type FileContent = string | Unreadable | undefined;

/**
 * Files read through a host (configs, templates, indexed idea files) are at most this large: a
 * bigger one is a mistake or an attack, and reading it would hold the whole of it in memory.
 */
export const MAX_READ_BYTES = 16 * 1024 * 1024;

export const NOT_A_REGULAR_FILE: Unreadable = { unreadable: 'not a regular file' };

export function tooLarge(bytes: number, limit = MAX_READ_BYTES): Unreadable {
  const mb = (n: number) => String(Math.round((n / (1024 * 1024)) * 10) / 10);
  return { unreadable: `too large (${mb(bytes)} MB, limit ${mb(limit)} MB)` };
}

/** Read through a host that may throw: a throw is treated like a missing file (callers never fail). */
export async function readContent(host: Host, uri: string): Promise<FileContent> {
  try {
    return await host.readFile(uri);
  } catch {
    return undefined;
  }
}

export interface Logger {
  log(message: string): void;
}

export const silentLogger: Logger = { log() {} };

/** The folder part of a URI: `file:///a/b/c.md` → `file:///a/b`. */
export function uriDirname(uri: string): string {
  const slash = uri.lastIndexOf('/');
  if (slash < 0) return uri;
  const scheme = uri.indexOf('://');
  if (scheme >= 0 && slash <= scheme + 3) return uri; // at the root already
  const dir = uri.slice(0, slash);
  return dir.endsWith(':/') || dir.endsWith('://') ? uri : dir;
}

export function uriJoin(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Resolve a relative path (`../templates/t.md`) or an absolute one against a folder URI. */
export function uriResolve(dir: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return path;
  const schemeEnd = dir.indexOf('://');
  const prefix = schemeEnd >= 0 ? dir.slice(0, schemeEnd + 3) : '';
  let rest = schemeEnd >= 0 ? dir.slice(schemeEnd + 3) : dir;
  // authority (may be empty for file:///)
  const firstSlash = rest.indexOf('/');
  const authority = firstSlash >= 0 ? rest.slice(0, firstSlash) : rest;
  rest = firstSlash >= 0 ? rest.slice(firstSlash) : '/';
  const parts = path.startsWith('/') ? [] : rest.split('/').filter(Boolean);
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `${prefix}${authority}/${parts.join('/')}`;
}
