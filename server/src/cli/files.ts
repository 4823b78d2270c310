// Which files to lint, reading them (UTF-8 strictly, BOM remembered), and writing fixes safely.
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type BigIntStats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { decodeUtf8 } from '../node/nodeHost';

/** A failure the user must see as one line on stderr, with exit code 2. */
export class FileError extends Error {}

export interface InputFile {
  /** As the user named it, or its folder argument joined with the path below it. */
  readonly display: string;
  readonly path: string;
  /** `path` with every link resolved, once: what is read, written back and told apart from other names of it. */
  readonly real: string;
  /** Named on the command line (linted even when it is not an idea file). */
  readonly explicit: boolean;
}

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/**
 * Files named, and markdown files under folders named, in a stable order, each once however it is
 * reached (twice, through a link, through its folder): the first name wins. Only regular files: a
 * FIFO or a device (/dev/zero, /dev/stdin) would block or never end.
 */
export function expandPaths(paths: readonly string[]): InputFile[] {
  const seen = new Set<string>();
  const out: InputFile[] = [];
  const add = (display: string, path: string, explicit: boolean): void => {
    const real = realpathOf(display, path);
    if (seen.has(real)) return;
    seen.add(real);
    out.push({ display, path, real, explicit });
  };
  for (const given of paths) {
    const abs = resolve(given);
    let stat;
    try {
      stat = statSync(abs); // stat, not open: a FIFO does not block here
    } catch (e) {
      throw new FileError(`${given}: ${reason(e, 'no such file or directory')}`);
    }
    if (stat.isFile()) add(given, abs, true);
    else if (stat.isDirectory()) for (const rel of walkMarkdown(abs)) add(join(given, rel), join(abs, rel), false);
    else throw new FileError(`${given}: not a regular file`);
  }
  return out;
}

function realpathOf(display: string, path: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    throw new FileError(`${display}: ${reason(e, 'cannot resolve path')}`);
  }
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

/** What was read, to tell before writing fixes whether the file changed since. */
export interface FileStamp {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  /** sha256 of the bytes: a same-size edit within the clock's resolution still shows. */
  readonly sha256: string;
}

export interface ReadResult extends ReadText {
  readonly stamp: FileStamp;
}

/**
 * Bigger files are refused before reading: the engine runs rules only up to 8 M characters
 * (RULES_SIZE_LIMIT) and parses far bigger ones slowly; real idea files are under 1 MB.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const MIB = 1024 * 1024;

export function readText(file: InputFile): ReadResult {
  const { bytes, stamp } = readRegularFile(file);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new FileError(`${file.display}: not valid UTF-8`);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text, bom, stamp };
}

/** The optional open flags are 0 where the platform lacks them (O_NOFOLLOW, O_NONBLOCK on Windows). */
const O_NOFOLLOW = (constants.O_NOFOLLOW as number | undefined) ?? 0;
const O_NONBLOCK = (constants.O_NONBLOCK as number | undefined) ?? 0;

/**
 * The bytes of `file.real` and their stamp. Non-blocking, so a FIFO swapped in after expandPaths
 * does not hang the open; not following a link, so what is read is what will be written; at most
 * MAX_FILE_BYTES + 1 bytes, so a file that grows (or lies about its size) cannot exhaust memory.
 */
function readRegularFile(file: InputFile): { bytes: Buffer; stamp: FileStamp } {
  let fd: number;
  try {
    fd = openSync(file.real, constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
  } catch (e) {
    throw new FileError(`${file.display}: ${reason(e, 'cannot read file')}`);
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) throw new FileError(`${file.display}: not a regular file`);
    if (stat.size > BigInt(MAX_FILE_BYTES)) throw tooLarge(file, Number(stat.size));
    const bytes = readAtMost(fd, MAX_FILE_BYTES + 1);
    if (bytes.length > MAX_FILE_BYTES) throw tooLarge(file, bytes.length);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { bytes, stamp: { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, sha256 } };
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`${file.display}: ${reason(e, 'cannot read file')}`);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: InputFile, bytes: number): FileError {
  return new FileError(`${file.display}: too large (${(bytes / MIB).toFixed(1)} MB, limit ${MAX_FILE_BYTES / MIB} MB)`);
}

function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, MIB));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.sha256 === b.sha256;
}

/** For tests: runs between writing the temporary file and the last look at the original. */
export interface WriteHooks {
  readonly beforeRename?: () => void;
}

/**
 * Replace the file's content without ever leaving it half written, and without losing an edit
 * made meanwhile: write a new temporary file beside `file.real` (the path that was read, a
 * symlink named by the user already resolved), give it the original's mode and owner, check the
 * original is still exactly what was read, then rename the temporary file over it. A read-only
 * file is left alone, even when root could write it. A change after the last check and before the
 * rename (microseconds) is not caught: no lock is shared with editors.
 */
export function writeTextAtomically(file: InputFile, content: ReadText, read: FileStamp, hooks: WriteHooks = {}): void {
  const stat = lstatOrUndefined(file.real);
  if (!stat?.isFile() || stat.ino !== read.ino || stat.dev !== read.dev) throw changedWhileFixing(file);
  if (isReadOnly(file.real, Number(stat.mode))) throw new FileError(`${file.display}: cannot write fixes (file is read-only)`);
  const temp = tempPathBeside(file.real);
  try {
    writeNewFile(temp, (content.bom ? '\ufeff' : '') + content.text, stat);
    hooks.beforeRename?.();
    if (!unchangedSinceRead(file, read)) throw changedWhileFixing(file);
    renameSync(temp, file.real);
  } catch (e) {
    removeQuietly(temp);
    if (e instanceof FileError) throw e;
    throw new FileError(`${file.display}: cannot write fixes (${reason(e, 'write failed')})`);
  }
}

function changedWhileFixing(file: InputFile): FileError {
  return new FileError(`${file.display}: changed while fixing; fixes not written`);
}

/** Root passes accessSync on any file, so the mode bits decide too: nobody may write a 0444 file. */
function isReadOnly(path: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return true;
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** A random name, so nobody can plant a link at it in advance (and O_EXCL refuses one anyway). */
function tempPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.soc-ideas-tmp`);
}

/** Created here and now (O_EXCL, never through a link), with the original's mode and, as root, its owner. */
function writeNewFile(path: string, text: string, like: BigIntStats): void {
  const mode = Number(like.mode) & 0o7777;
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, mode);
  try {
    writeFileSync(fd, text, 'utf8');
    fchmodSync(fd, mode); // the umask may have narrowed it
    if (process.getuid?.() === 0) fchownSync(fd, Number(like.uid), Number(like.gid)); // CI runs --fix as root on the runner's files
    fsyncSync(fd); // the rename must not land before the content does
  } finally {
    closeSync(fd);
  }
}

function unchangedSinceRead(file: InputFile, read: FileStamp): boolean {
  try {
    return sameStamp(readRegularFile(file).stamp, read);
  } catch {
    return false; // gone, replaced by a link or a FIFO, or grown too large: not what was read
  }
}

function lstatOrUndefined(path: string): BigIntStats | undefined {
  try {
    return lstatSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path); // removes the name only: never follows a link put there meanwhile
  } catch {
    // never created, or already gone
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
    case 'ELOOP':
      return 'is a symbolic link'; // swapped in after its name was resolved
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return typeof code === 'string' ? `${fallback} (${code})` : fallback;
  }
}
