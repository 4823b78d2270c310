// The only way the engine reaches files: Node passes `fs`, the browser passes `vscode.workspace.fs`.
// Locations are URI strings (`file:///a/b.md`, `vscode-vfs://github/org/repo/b.md`).

export interface Host {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
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
