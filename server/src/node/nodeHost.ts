// The engine's `Host` over node:fs, for file:// URIs (the CLI and the Node language server).
// Every read is bounded: it opens without blocking (a FIFO has no writer), asks the open file what it
// is (fstat: no race with a swapped path), refuses anything but a regular file, and reads at most
// limit + 1 bytes.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, opendir, type FileHandle } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_LIST_ENTRIES, MAX_READ_BYTES, NOT_A_REGULAR_FILE, tooLarge, type FileContent, type Host, type Unreadable } from '../engine/host';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a file: undefined when it is missing, unreadable, or not UTF-8 (a BOM is dropped). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes); // TextDecoder drops a leading BOM by default
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** A file that could not be opened: a socket (ENXIO) is there but is no file; anything else is missing. */
function openFailure(error: unknown): FileContent {
  return (error as NodeJS.ErrnoException).code === 'ENXIO' ? NOT_A_REGULAR_FILE : undefined;
}

/** Why an open file is not read, from its fstat; undefined when it is read. */
function refusal(stats: Stats, limit: number): Unreadable | undefined {
  if (!stats.isFile()) return NOT_A_REGULAR_FILE;
  return stats.size > limit ? tooLarge(stats.size, limit) : undefined;
}

/** Room for the whole file and one byte more: a file that grew past the limit since fstat is caught. */
function bufferFor(stats: Stats, limit: number): Buffer {
  return Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
}

function contentOf(bytes: Uint8Array, limit: number): FileContent {
  if (bytes.length > limit) return tooLarge(bytes.length, limit);
  return decodeUtf8(bytes) ?? { unreadable: 'not valid UTF-8' };
}

/** The text of a file at a path, bounded (see the top of this file). */
export async function readBounded(path: string, limit = MAX_READ_BYTES): Promise<FileContent> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return openFailure(error);
  }
  try {
    const stats = await handle.stat();
    const refused = refusal(stats, limit);
    if (refused) return refused;
    const buffer = bufferFor(stats, limit);
    let total = 0;
    for (let n = -1; n !== 0 && total < buffer.length; total += n) n = (await handle.read(buffer, total, buffer.length - total, total)).bytesRead;
    return contentOf(buffer.subarray(0, total), limit);
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => {});
  }
}

/** `readBounded` for synchronous callers (the CLI's `--config`). */
export function readBoundedSync(path: string, limit = MAX_READ_BYTES): FileContent {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    return openFailure(error);
  }
  try {
    const stats = fstatSync(fd);
    const refused = refusal(stats, limit);
    if (refused) return refused;
    const buffer = bufferFor(stats, limit);
    let total = 0;
    for (let n = -1; n !== 0 && total < buffer.length; total += n) n = readSync(fd, buffer, total, buffer.length - total, total);
    return contentOf(buffer.subarray(0, total), limit);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

export const nodeHost: Host = {
  async readFile(uri: string): Promise<FileContent> {
    const path = uriToPath(uri);
    return path === undefined ? undefined : readBounded(path);
  },
  async listFolder(uri: string): Promise<readonly string[] | undefined> {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    try {
      const names: string[] = [];
      const dir = await opendir(path);
      for await (const entry of dir) {
        if (entry.isFile()) names.push(entry.name);
        if (names.length >= MAX_LIST_ENTRIES) break; // the loop's end closes the folder
      }
      return names.sort();
    } catch {
      return undefined;
    }
  },
};
