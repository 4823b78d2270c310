// Entry point of dist/index-worker.js: the Node server's worker thread for the workspace index. It
// parses the files it is sent and answers what the index keeps of each (`indexedFile`, plain data),
// so the thread that answers edits never parses a file that is not open.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { indexedFile } from '../server/workspaceIndex';
import type { FromIndexWorker, ToIndexWorker } from './indexThread';

const port = parentPort!;

// On a busy machine the thread that answers edits goes first: this thread runs at the lowest
// priority. Linux only (a thread's id is where /proc/thread-self points; setpriority on it sets the
// thread's nice value); elsewhere it runs at the process's priority.
try {
  const tid = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
  if (tid > 0) setPriority(tid, 19);
} catch {
  // no /proc, or not allowed: the default priority
}

port.on('message', (message: ToIndexWorker) => {
  let answer: FromIndexWorker;
  try {
    answer = { id: message.id, file: indexedFile(message.uri, message.text) };
  } catch (error) {
    answer = { id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
