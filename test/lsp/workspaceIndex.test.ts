// The server's workspace index on its own: host-agnostic scanning (injected file listing and
// reading), and updates that notice what changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { IdeaFileIndex } from '../../server/src/server/workspaceIndex';

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
