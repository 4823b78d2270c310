// Entry point of dist/index-worker.js: the Node server's worker thread for the workspace index. It
// parses the files it is sent and answers what the index keeps of each (`indexedFile`, plain data),
// so the thread that answers edits never parses a file that is not open.
import { parentPort } from 'node:worker_threads';
import { indexedFile } from '../server/workspaceIndex';
import type { FromIndexWorker, ToIndexWorker } from './indexThread';

const port = parentPort!;

port.on('message', (message: ToIndexWorker) => {
  let answer: FromIndexWorker;
  try {
    answer = { id: message.id, file: indexedFile(message.uri, message.text) };
  } catch (error) {
    answer = { id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(answer);
});
