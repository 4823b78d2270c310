// writeTextAtomically with a hook between writing the temporary file and the rename: an edit made
// meanwhile (by an editor, a formatter, another job) must survive, and nothing be left behind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPaths, readText, writeTextAtomically, type WriteHooks } from '../../server/src/cli/files';

const ORIGINAL = '#### An idea\n\n-\tDescription: first\n';
const FIXED = '#### An idea\n\n-\tDescription: fixed\n';

/** A scratch idea.md read as lint reads it, then written with `hooks`. */
function fixWith(t: { after: (fn: () => void) => void }, beforeRename?: (path: string) => void): { path: string; dir: string; write: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-write-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'idea.md');
  writeFileSync(path, ORIGINAL);
  const [file] = expandPaths([path]);
  const { stamp, bom } = readText(file!);
  const hooks: WriteHooks = beforeRename ? { beforeRename: () => beforeRename(path) } : {};
  return { path, dir, write: () => writeTextAtomically(file!, { text: FIXED, bom }, stamp, hooks) };
}

const changed = (path: string) => ({ message: `${path}: changed while fixing; fixes not written` });
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name !== 'idea.md');

describe('writeTextAtomically: lost edits', () => {
  test('unchanged: the fixed text replaces the original, no temporary file left', (t) => {
    const { path, dir, write } = fixWith(t, () => {});
    write();
    assert.equal(readFileSync(path, 'utf8'), FIXED);
    assert.deepEqual(leftovers(dir), []);
  });

  test('appended to meanwhile: refused, the edit kept, the temporary file removed', (t) => {
    const { path, dir, write } = fixWith(t, (p) => writeFileSync(p, `${ORIGINAL}more\n`));
    assert.throws(write, changed(path));
    assert.equal(readFileSync(path, 'utf8'), `${ORIGINAL}more\n`);
    assert.deepEqual(leftovers(dir), []);
  });

  test('same size and mtime put back: the content hash still tells', (t) => {
    const { path, write } = fixWith(t, (p) => {
      const { atime, mtime } = statSync(p);
      writeFileSync(p, ORIGINAL.replace('first', 'FIRST'));
      utimesSync(p, atime, mtime);
    });
    assert.throws(write, changed(path));
    assert.equal(readFileSync(path, 'utf8'), ORIGINAL.replace('first', 'FIRST'));
  });

  test('replaced by another file with the same bytes (an editor saving by rename): refused', (t) => {
    const { path, write } = fixWith(t, (p) => {
      writeFileSync(`${p}.new`, ORIGINAL);
      renameSync(`${p}.new`, p);
    });
    assert.throws(write, changed(path));
    assert.equal(readFileSync(path, 'utf8'), ORIGINAL);
  });

  test('replaced by a symlink: refused, the link and its target untouched', (t) => {
    const { path, dir, write } = fixWith(t, (p) => {
      writeFileSync(join(dir, 'victim'), ORIGINAL);
      rmSync(p);
      symlinkSync('victim', p);
    });
    assert.throws(write, changed(path));
    assert.equal(readFileSync(join(dir, 'victim'), 'utf8'), ORIGINAL);
    assert.deepEqual(leftovers(dir), ['victim']);
  });

  test('deleted meanwhile: refused, not recreated', (t) => {
    const { path, dir, write } = fixWith(t, (p) => rmSync(p));
    assert.throws(write, changed(path));
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a failure after the temporary file exists: it is removed, the original intact', (t) => {
    const { path, dir, write } = fixWith(t, () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });
    assert.throws(write, { message: `${path}: cannot write fixes (write failed (ENOSPC))` });
    assert.equal(readFileSync(path, 'utf8'), ORIGINAL);
    assert.deepEqual(leftovers(dir), []);
  });
});
