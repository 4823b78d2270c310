import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspacePath } from '../../server/src/server/paths';

test('a file is named by its path in the workspace folder, as VS Code names it', () => {
  const one = ['file:///repo'];
  assert.equal(workspacePath('file:///repo/programs/lfx/2021/README.md', one), 'programs/lfx/2021/README.md');
  assert.equal(workspacePath('file:///repo/a%20b/%C3%A9t%C3%A9.md', one), 'a b/été.md', 'decoded');
  // Multi-root: the folder's name first; the innermost folder wins.
  const two = ['file:///w/root-a', 'file:///w/root-a/nested', 'file:///w/root-b/'];
  assert.equal(workspacePath('file:///w/root-b/x/README.md', two), 'root-b/x/README.md');
  assert.equal(workspacePath('file:///w/root-a/nested/README.md', two), 'nested/README.md');
  // A folder name is not a prefix of another's: root-a is not root-ab.
  assert.equal(workspacePath('file:///w/root-ab/README.md', two), '/w/root-ab/README.md');
  // Outside every folder: the file's own path, or the URI.
  assert.equal(workspacePath('file:///elsewhere/ideas.md', one), '/elsewhere/ideas.md');
  assert.equal(workspacePath('untitled:Untitled-1', one), 'untitled:Untitled-1');
  assert.equal(workspacePath('file:///repo/bad%E0.md', one), 'bad%E0.md', 'a malformed escape is kept as it is');
});
