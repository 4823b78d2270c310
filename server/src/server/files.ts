// The engine's Host as the server sees files: open documents win over disk, and disk reads are
// cached (templates and `.soc-ideas.json` are read on every check) until a watched-file event or a
// configuration change says they may have changed.
import type { FileContent, Host } from '../engine/host';
import type { DocumentStore } from './documents';

export class CachingHost implements Host {
  private readonly cache = new Map<string, Promise<FileContent>>();
  /** Bumped on every invalidation: results that depend on files compare it. */
  generation = 0;

  constructor(
    private readonly disk: Host,
    private readonly documents: DocumentStore,
  ) {}

  readFile(uri: string): Promise<FileContent> {
    const open = this.documents.get(uri);
    if (open) return Promise.resolve(open.getText());
    let text = this.cache.get(uri);
    if (!text) {
      text = this.disk.readFile(uri).catch(() => undefined);
      this.cache.set(uri, text);
    }
    return text;
  }

  listFolder(uri: string): Promise<readonly string[] | undefined> {
    return this.disk.listFolder ? this.disk.listFolder(uri).catch(() => undefined) : Promise.resolve(undefined);
  }

  /** Read from disk, bypassing open documents (indexing a file that was just closed). */
  readFromDisk(uri: string): Promise<FileContent> {
    this.cache.delete(uri);
    return this.disk.readFile(uri).catch(() => undefined);
  }

  /** Forget a file; true when the engine had read it (then whatever used it must be checked again). */
  invalidate(uri: string): boolean {
    if (!this.cache.delete(uri)) return false;
    this.generation++;
    return true;
  }

  /** The engine read this file (a template or config), so its changes matter to the checks. */
  isWatched(uri: string): boolean {
    return this.cache.has(uri);
  }

  /** Something read through this host changed without a disk event (an open template was edited). */
  touch(): void {
    this.generation++;
  }

  clear(): void {
    this.cache.clear();
    this.generation++;
  }
}
