// Which files to lint, reading them (UTF-8 strictly, BOM remembered), and writing fixes safely.
import { accessSync, constants, lstatSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeUtf8 } from '../node/nodeHost';

/** A failure the user must see as one line on stderr, with exit code 2. */
export class FileError extends Error {}

export interface InputFile {
  /** As the user named it, or its folder argument joined with the path below it. */
  readonly display: string;
  readonly path: string;
  /** Named on the command line (linted even when it is not an idea file). */
  readonly explicit: boolean;
}

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Files named, and markdown files under folders named, in a stable order, each once. */
export function expandPaths(paths: readonly string[]): InputFile[] {
  const seen = new Set<string>();
  const out: InputFile[] = [];
  const add = (file: InputFile): void => {
    if (seen.has(file.path)) return;
    seen.add(file.path);
    out.push(file);
  };
  for (const given of paths) {
    const abs = resolve(given);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (e) {
      throw new FileError(`${given}: ${reason(e, 'no such file or directory')}`);
    }
    if (!isDir) {
      add({ display: given, path: abs, explicit: true });
      continue;
    }
    for (const rel of walkMarkdown(abs)) {
      add({ display: join(given, rel), path: join(abs, rel), explicit: false });
    }
  }
  return out;
}

/** Relative paths of markdown files under `root`, sorted, skipping node_modules and .git, not following links to folders. */
function walkMarkdown(root: string): string[] {
  const found: string[] = [];
  const visit = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (e) {
      throw new FileError(`${join(root, rel)}: ${reason(e, 'cannot read folder')}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = rel ? join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(child);
      } else if (MARKDOWN.test(entry.name) && (entry.isFile() || isFileLink(join(root, child)))) {
        found.push(child);
      }
    }
  };
  visit('');
  return found;
}

function isFileLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink() && statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface ReadText {
  /** The text without a leading BOM: what the engine sees, so positions match what editors show. */
  readonly text: string;
  readonly bom: boolean;
}

export function readText(file: InputFile): ReadText {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch (e) {
    throw new FileError(`${file.display}: ${reason(e, 'cannot read file')}`);
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new FileError(`${file.display}: not valid UTF-8`);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, bom };
}

/**
 * Replace the file's content without ever leaving it half written: write a temporary file beside it,
 * give it the original's mode, then rename it over the original. A read-only file is left alone.
 */
export function writeTextAtomically(file: InputFile, content: ReadText): void {
  const target = realpathSafe(file.path); // a symlink keeps pointing at the file we rewrite
  const temp = join(dirname(target), `.${basename(target)}.soc-ideas-tmp`);
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new FileError(`${file.display}: cannot write fixes (file is read-only)`);
  }
  try {
    const mode = statSync(target).mode & 0o7777;
    writeFileSync(temp, (content.bom ? '\ufeff' : '') + content.text, { encoding: 'utf8', mode });
    chmodSync(temp, mode); // the umask may have narrowed it
    renameSync(temp, target);
  } catch (e) {
    try {
      if (lstatSync(temp).isFile()) rmSync(temp);
    } catch {
      // nothing to clean up
    }
    throw new FileError(`${file.display}: cannot write fixes (${reason(e, 'write failed')})`);
  }
}

function realpathSafe(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A short reason from a Node error: "no such file or directory", "permission denied". */
function reason(e: unknown, fallback: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EROFS':
      return 'read-only file system';
    default:
      return typeof code === 'string' ? `${fallback} (${code})` : fallback;
  }
}
