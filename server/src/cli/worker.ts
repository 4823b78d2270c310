// Entry point of dist/cli-worker.js: one of `soc-ideas lint`'s worker threads (see parallel.ts).
// Parses the files it is given and sends back their vocabulary; then checks them against the
// vocabulary of every file of the run.
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument } from '../engine/check';
import type { IdeaDocument } from '../engine/parse/model';
import { parseDocument } from '../engine/parse/parse';
import { fileVocabulary, FrozenVocabulary, type FileVocabulary } from '../engine/workspace/workspace';
import type { FromWorker, ToWorker, WorkerStart } from './parallel';
import { fileReport } from './report';
import { sharedEnvironment } from './settings';

const port = parentPort!;
const env = sharedEnvironment((workerData as WorkerStart).environment);
const parsed = new Map<number, { readonly uri: string; readonly doc: IdeaDocument }>();
/** Every idea file's vocabulary, from the first message after the parses. */
let workspace: FrozenVocabulary | undefined;

function send(message: FromWorker): void {
  port.postMessage(message);
}

async function handle(message: ToWorker): Promise<void> {
  if (message.kind === 'stop') process.exit(0);
  if (message.kind === 'parse') {
    const doc = parseDocument(message.text);
    parsed.set(message.file, { uri: message.uri, doc });
    const vocabulary = fileVocabulary(message.uri, doc);
    send({ kind: 'parsed', file: message.file, isIdeaFile: doc.isIdeaFile, ...(vocabulary ? { vocabulary: JSON.stringify(vocabulary) } : {}) });
    return;
  }
  if (message.kind === 'vocabulary') {
    workspace = new FrozenVocabulary(JSON.parse(message.vocabulary) as FileVocabulary[]);
    return;
  }
  const { file, shownFile, changes, parse } = message;
  const { uri, doc } = parse !== undefined ? { uri: parse.uri, doc: parseDocument(parse.text) } : parsed.get(file)!;
  parsed.delete(file);
  const result = await checkDocument({ uri, text: doc.text, doc, host: env.host, settings: env.settings, workspace: workspace! });
  send({ kind: 'checked', file, report: fileReport(shownFile, result, changes) });
}

port.on('message', (message: ToWorker) => {
  handle(message).catch((e: unknown) => send({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
});
