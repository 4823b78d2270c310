// The engine's `Host` over node:fs, for file:// URIs (the CLI and the Node language server).
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Host } from '../engine/host';

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

export const nodeHost: Host = {
  async readFile(uri: string): Promise<string | undefined> {
    const path = uriToPath(uri);
    if (path === undefined) return undefined;
    try {
      return decodeUtf8(await readFile(path));
    } catch {
      return undefined;
    }
  },
};
