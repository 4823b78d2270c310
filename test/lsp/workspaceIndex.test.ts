// The server's workspace index on its own: host-agnostic scanning (injected file listing and
// reading), and updates that notice what changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { IdeaFileIndex, indexedFile } from '../../server/src/server/workspaceIndex';

const IDEAS = '### Tidepool\n\n#### Export metrics\n\n-\tDescription: d\n-\tRecommended Skills: Golang\n-\tMentor(s): Tom Becker (@tbecker)\n';

test('scan indexes the markdown idea files listed, skipping what it is told to', async () => {
  const files: Record<string, string> = {
    'mem:///a/ideas.md': IDEAS,
    'mem:///a/notes.md': '# Notes\n\nNothing here.\n',
    'mem:///a/open.md': IDEAS.replace('Tidepool', 'Harborline'),
    'mem:///a/.soc-ideas.json': '{}',
  };
  const index = new IdeaFileIndex();
  let yields = 0;
  const reported: number[] = [];
  await index.scan(
    ['mem:///a'],
    {
      listFiles: async () => Object.keys(files),
      readFile: async (uri) => files[uri],
      yieldNow: async () => {
        yields++;
      },
    },
    (uri) => uri.endsWith('/open.md'),
    { report: (done) => reported.push(done) },
  );
  assert.equal(index.fileCount, 1);
  assert.deepEqual(index.ideas().map((i) => [i.uri, i.project, i.title]), [['mem:///a/ideas.md', 'Tidepool', 'Export metrics']]);
  assert.deepEqual([...index.projectTitles()], [['Tidepool', 1]]);
  assert.equal(yields, 3, 'a turn of the event loop before each markdown file');
  assert.deepEqual(reported, [0, 1, 2]);
});

test('update says whether the vocabulary changed, and keeps ranges current', () => {
  const index = new IdeaFileIndex();
  const uri = 'mem:///ideas.md';
  assert.equal(index.update(uri, parseDocument(IDEAS)), true);
  assert.equal(index.update(uri, parseDocument(IDEAS.replace('Description: d', 'Description: dd'))), false);
  assert.equal(index.vocabulary.mentorUses()[0]!.range.start.line, 6);
  assert.equal(index.update(uri, parseDocument(`\n${IDEAS}`)), false, 'lines moved, nothing new');
  assert.equal(index.vocabulary.mentorUses()[0]!.range.start.line, 7);
  assert.equal(index.ideas()[0]!.range.start.line, 3);
  assert.equal(index.update(uri, parseDocument(IDEAS.replace('Golang', 'Rust'))), true);
  assert.ok(index.vocabulary.skills().has('rust'));
  assert.equal(index.update(uri, parseDocument('# Not ideas any more\n')), true);
  assert.equal(index.fileCount, 0);
});

/** Everything the index answers, as plain data. */
function contents(index: IdeaFileIndex) {
  return {
    ideas: index.ideas(),
    projects: [...index.projectTitles()],
    mentors: index.vocabulary.mentorUses().map((m) => ({ uri: m.uri, title: m.ideaTitle, name: m.name, handle: m.handle, email: m.email, range: m.range })),
    skills: [...index.vocabulary.skills()].map(([key, use]) => [key, [...use.spellings], use.total]),
  };
}

const FILES: Record<string, string> = {
  'mem:///w/a.md': IDEAS,
  'mem:///w/b.md': `\n\n${IDEAS.replace('Tidepool', 'Harborline').replace('Tom Becker (@tbecker)', 'Ana Souza (@asouza), Li Wei (@liwei)')}`,
  'mem:///w/c.md': '# Notes\n',
  'mem:///w/d.md': IDEAS.replace('Golang', 'golang., Rust').replace('Export metrics', 'Another idea'),
};

function sources(extra: Partial<import('../../server/src/server/workspaceIndex').IndexSources> = {}) {
  return { listFiles: async () => Object.keys(FILES), readFile: async (uri: string) => FILES[uri], yieldNow: async () => {}, ...extra };
}

function sequential(): IdeaFileIndex {
  const index = new IdeaFileIndex();
  for (const [uri, text] of Object.entries(FILES)) index.update(uri, parseDocument(text));
  return index;
}

test('a scan parsed elsewhere (a worker), or here after the worker failed, holds what a sequential index holds', async () => {
  const inThread = new IdeaFileIndex();
  await inThread.scan(['mem:///w'], sources(), () => false);
  const viaWorker = new IdeaFileIndex();
  let parsed = 0;
  // Answers out of order, as a worker with several files under way may.
  await viaWorker.scan(['mem:///w'], sources({ parse: async (uri, text) => (await new Promise((r) => setTimeout(r, uri.endsWith('a.md') ? 20 : 0)), parsed++, indexedFile(uri, text)) }), () => false);
  const failing = new IdeaFileIndex();
  await failing.scan(['mem:///w'], sources({ parse: async () => Promise.reject(new Error('worker gone')) }), () => false);
  assert.equal(parsed, 4);
  assert.deepEqual(contents(inThread), contents(sequential()));
  assert.deepEqual(contents(viaWorker), contents(sequential()));
  assert.deepEqual(contents(failing), contents(sequential()));
});

test('a scan waits for the foreground before parsing here, and never overwrites a file updated meanwhile', async () => {
  const index = new IdeaFileIndex();
  const order: string[] = [];
  const newer = IDEAS.replace('Tom Becker (@tbecker)', 'Newer Mentor (@newer)');
  await index.scan(
    ['mem:///w'],
    sources({
      foreground: async () => {
        order.push('foreground');
      },
      readFile: async (uri) => {
        order.push(`read ${uri.slice(-4)}`);
        // The file is opened and edited while the scan runs: its text wins.
        if (uri.endsWith('a.md')) index.update(uri, parseDocument(newer));
        return FILES[uri];
      },
    }),
    () => false,
  );
  assert.equal(order[0], 'foreground', 'the open documents go first');
  assert.deepEqual(index.vocabulary.mentorUses().filter((m) => m.uri === 'mem:///w/a.md').map((m) => m.handle), ['newer']);
});
