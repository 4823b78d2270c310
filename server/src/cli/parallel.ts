// `soc-ideas lint` on worker threads (worker.ts). Files are read here (a bad one stops the run before
// any work), parsed there, biggest first, each by the next thread free; the threads send back each
// idea file's vocabulary, which is put together here in the order of the files (the order the
// in-thread run indexes them in) and sent to every thread; each then checks the files it parsed,
// one by one as it answers, and when it has none left takes the last of the thread with the most
// left, parsing it again (else it would idle while that one finishes).
// Reports come back per file and are returned in the order of the files, so the output is the
// in-thread run's, byte for byte. A vocabulary travels as JSON, written by the thread that parsed
// the file and read once by each thread: this one only joins the texts.
import { Worker } from 'node:worker_threads';
import { cachedWorkerCode } from '../node/compileCache';
import { fileUri } from '../node/nodeHost';
import { readText, type InputFile } from './files';
import type { ChangesSince, FileChanges } from './git';
import type { FileReport } from './report';
import type { SharedEnvironment } from './settings';

/** What the main thread sends a worker. `file` is the file's place in the run's order. */
export type ToWorker =
  | { readonly kind: 'parse'; readonly file: number; readonly uri: string; readonly text: string }
  /** The JSON of `FileVocabulary[]`: every idea file of the run, in order. Sent once, before any check. */
  | { readonly kind: 'vocabulary'; readonly vocabulary: string }
  | {
      readonly kind: 'check';
      readonly file: number;
      readonly shownFile: string;
      /** With --changed-since. */
      readonly changes?: { readonly inFile: FileChanges | undefined };
      /** A file another worker parsed, taken from its queue because this one has none left: parsed again here. */
      readonly parse?: { readonly uri: string; readonly text: string };
    }
  /** Every file checked: the thread ends itself, so it can write its code cache (compileCache.ts). */
  | { readonly kind: 'stop' };

export type FromWorker =
  | { readonly kind: 'parsed'; readonly file: number; readonly isIdeaFile: boolean; /** The JSON of its `FileVocabulary`, for an idea file. */ readonly vocabulary?: string }
  | { readonly kind: 'checked'; readonly file: number; readonly report: FileReport }
  | { readonly kind: 'failed'; readonly message: string };

/** What a worker is started with. */
export interface WorkerStart {
  readonly environment: SharedEnvironment;
}

/** Files a worker is given ahead of its answers, so it never waits for the next one. */
const AHEAD = 2;

export async function lintInWorkers(
  script: string,
  /** dist/compile-cache.js, when it is beside the CLI: each thread runs `script` through it. */
  compileCacheScript: string | undefined,
  count: number,
  environment: SharedEnvironment,
  files: readonly InputFile[],
  changedSince: (() => ChangesSince) | undefined,
): Promise<Array<{ readonly shownFile: string; readonly report: FileReport }>> {
  // Started first: a thread loads its script while this one reads the files.
  const workerData = { environment } satisfies WorkerStart;
  const start = (): Worker =>
    compileCacheScript !== undefined ? new Worker(cachedWorkerCode(compileCacheScript, script), { eval: true, workerData }) : new Worker(script, { workerData });
  const workers = Array.from({ length: count }, start);
  try {
    const texts = files.map((file) => readText(file).text);
    const parsed: Array<Extract<FromWorker, { kind: 'parsed' }> | undefined> = files.map(() => undefined);
    const checked: Array<FileReport | undefined> = files.map(() => undefined);
    const owner: number[] = [];
    /** Per worker, the files it parsed that are reported and not yet sent to be checked, in order. */
    const unchecked: number[][] = workers.map(() => []);
    let targets: number[] = [];
    let checksLeft = 0;

    const queue = files.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length || a - b);
    let parsesLeft = files.length;
    const giveNext = (w: number): void => {
      const file = queue.shift();
      if (file === undefined) return;
      owner[file] = w;
      post(workers[w]!, { kind: 'parse', file, uri: fileUri(files[file]!.path), text: texts[file]! });
    };

    let changes: ChangesSince | undefined;
    const done = new Promise<void>((resolveDone, reject) => {
      const startChecks = (): void => {
        // A folder contributes only its idea files; a file named on the command line is always reported.
        targets = files.flatMap((f, i) => (parsed[i]!.isIdeaFile || f.explicit ? [i] : []));
        checksLeft = targets.length;
        if (checksLeft === 0) return resolveDone();
        const vocabulary = `[${parsed.flatMap((p) => (p!.vocabulary !== undefined ? [p!.vocabulary] : [])).join(',')}]`;
        for (const i of targets) unchecked[owner[i]!]!.push(i);
        workers.forEach((worker) => post(worker, { kind: 'vocabulary', vocabulary }));
        for (let i = 0; i < AHEAD; i++) workers.forEach((_, w) => giveCheck(w));
      };
      /** The next file a worker parsed; with none left, the last of the worker with the most text left, parsed again. */
      const giveCheck = (w: number): void => {
        let file = unchecked[w]!.shift();
        let taken = false;
        if (file === undefined) {
          const left = (v: number): number => unchecked[v]!.reduce((sum, i) => sum + texts[i]!.length, 0);
          const from = workers.map((_, v) => v).reduce((best, v) => (left(v) > left(best) ? v : best), w);
          file = unchecked[from]!.pop();
          if (file === undefined) return;
          taken = true;
        }
        post(workers[w]!, {
          kind: 'check',
          file,
          shownFile: files[file]!.display,
          ...(changes ? { changes: { inFile: changes.get(files[file]!.path) } } : {}),
          ...(taken ? { parse: { uri: fileUri(files[file]!.path), text: texts[file]! } } : {}),
        });
      };
      workers.forEach((worker, w) => {
        worker.on('message', (message: FromWorker) => {
          switch (message.kind) {
            case 'parsed':
              parsed[message.file] = message;
              giveNext(w);
              if (--parsesLeft === 0) startChecks();
              return;
            case 'checked':
              checked[message.file] = message.report;
              giveCheck(w);
              if (--checksLeft === 0) resolveDone();
              return;
            case 'failed':
              return reject(new Error(message.message));
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code})`)));
      });
      for (let i = 0; i < AHEAD; i++) workers.forEach((_, w) => giveNext(w));
      // git runs while the threads parse; it must answer before any file is checked.
      try {
        changes = changedSince?.();
      } catch (e) {
        reject(e);
      }
    });
    await done;
    await Promise.all(workers.map((worker) => new Promise((ended) => (worker.once('exit', ended), post(worker, { kind: 'stop' })))));
    return targets.map((i) => ({ shownFile: files[i]!.display, report: checked[i]! }));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function post(worker: Worker, message: ToWorker): void {
  worker.postMessage(message);
}
