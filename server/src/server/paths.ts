// How the server names a file to the user: its path relative to the workspace folder it is in, as
// VS Code's `asRelativePath` does (in a multi-root workspace, the folder's name first). A repository
// with dozens of README.md files needs more than the file name ("README.md [Ln 1896]" says nothing).

/** The folder URIs (no trailing slash) → a function naming a URI for the user. */
export function workspacePathNamer(folders: () => readonly string[]): (uri: string) => string {
  return (uri) => workspacePath(uri, folders());
}

export function workspacePath(uri: string, folders: readonly string[]): string {
  let best: string | undefined;
  for (const folder of folders) {
    const base = folder.replace(/\/+$/, '');
    if (uri.startsWith(`${base}/`) && (best === undefined || base.length > best.length)) best = base;
  }
  if (best !== undefined) {
    const relative = decode(uri.slice(best.length + 1));
    return folders.length > 1 ? `${decode(lastSegment(best))}/${relative}` : relative;
  }
  // Outside every folder: the file's own path for a file URI, else the URI as it is.
  return uri.startsWith('file://') ? decode(uri.replace(/^file:\/\/[^/]*/, '')) : uri;
}

function lastSegment(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
