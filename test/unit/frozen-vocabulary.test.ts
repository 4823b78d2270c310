// The CLI's worker threads check against a FrozenVocabulary made of every file's FileVocabulary (sent
// between threads as JSON): it must list what a WorkspaceIndex fed the same documents lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/engine/parse/parse';
import { fileVocabulary, FrozenVocabulary, WorkspaceIndex, type FileVocabulary, type WorkspaceVocabulary } from '../../server/src/engine/workspace/workspace';

const FILES: Record<string, string> = {
  'file:///w/a.md': '### P\n\n#### One 🚀\n\n-\tDescription: d\n-\tRecommended Skills: Golang, Kubernetes.\n-\tMentor(s): Ada Park (@ada-park), Sam Roe (sam@example.org)\n',
  'file:///w/notes.md': '# Notes\n\nNo ideas here.\n',
  'file:///w/b.md': '### Q\r\n\r\n#### Two\r\n\r\n- Description: d\r\n- Recommended Skills: golang, Rust\r\n- Mentor(s): Jon Smith (@ada-park)\r\n\r\n#### Three\r\n\r\n- Recommended Skills: Golang\r\n- Mentor(s): @samroe\r\n',
};

function listed(vocabulary: WorkspaceVocabulary) {
  return {
    fileCount: vocabulary.fileCount,
    skills: [...vocabulary.skills()].map(([key, use]) => [key, [...use.spellings], use.total]),
    mentors: vocabulary.mentorUses().map((u) => ({ uri: u.uri, ideaTitle: u.ideaTitle, range: u.range, name: u.name, handle: u.handle, email: u.email })),
  };
}

test('a FrozenVocabulary of the files, sent as JSON, lists what a WorkspaceIndex of them lists', () => {
  const index = new WorkspaceIndex();
  const parts: FileVocabulary[] = [];
  for (const [uri, text] of Object.entries(FILES)) {
    const doc = parseDocument(text);
    index.update(uri, doc);
    const part = fileVocabulary(uri, doc);
    if (part) parts.push(part);
  }
  assert.equal(parts.length, 2, 'no part for a file without ideas');
  const frozen = new FrozenVocabulary(JSON.parse(JSON.stringify(parts)) as FileVocabulary[]);
  const expected = listed(index);
  assert.deepEqual(listed(frozen), expected);
  assert.equal(expected.mentors.length, 4);
  assert.deepEqual(expected.mentors[2]!.range, { start: { line: 6, character: 13 }, end: { line: 6, character: 34 } }, 'ranges in the CRLF file');
});
