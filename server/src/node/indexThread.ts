// The Node server's side of the index worker thread (indexWorker.ts → dist/index-worker.js, beside
// dist/server.js): one thread, started when the first file is to be indexed, that never keeps the
// process alive. When it cannot start or dies, `parse` rejects and the index parses in the server's
// own thread, one file per turn (as in a web worker).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IndexedFile } from '../server/workspaceIndex';

export interface ToIndexWorker {
  readonly id: number;
  readonly uri: string;
  readonly text: string;
}

export type FromIndexWorker = { readonly id: number; readonly file: IndexedFile } | { readonly id: number; readonly error: string };

export class IndexThread {
  private worker: Worker | undefined;
  private broken: string | undefined;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (file: IndexedFile) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The worker script beside the server bundle, when it is there. */
  static beside(folder: string, log: (message: string) => void): IndexThread | undefined {
    const script = join(folder, 'index-worker.js');
    return existsSync(script) ? new IndexThread(script, log) : undefined;
  }

  parse(uri: string, text: string): Promise<IndexedFile> {
    const worker = this.start();
    if (!worker) return Promise.reject(new Error(this.broken ?? 'no index worker'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref(); // alive while it has work
      worker.postMessage({ id, uri, text } satisfies ToIndexWorker);
    });
  }

  private start(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script);
      worker.unref();
      worker.on('message', (message: FromIndexWorker) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (this.pending.size === 0) worker.unref();
        if ('file' in message) waiting.resolve(message.file);
        else waiting.reject(new Error(message.error));
      });
      worker.on('error', (error) => this.fail(`the index worker failed: ${error.message}`));
      worker.on('exit', (code) => this.fail(`the index worker exited (code ${code})`));
      this.worker = worker;
      return worker;
    } catch (error) {
      this.fail(`the index worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private fail(reason: string): void {
    if (this.broken) return;
    this.broken = reason;
    this.worker = undefined;
    this.log(`${reason}; indexing goes on in the server's thread`);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(new Error(reason));
  }
}
