// Every read through the Node host is bounded (issue 16): regular files only, at most MAX_READ_BYTES,
// and nothing blocks (a FIFO with no writer, /dev/zero). Refused files become a clear note or problem,
// and the next template source is used. Each test must finish at once: a hang is the bug.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkDocument } from '../../server/src/engine/check';
import { fileUri, nodeHost, readBounded, readBoundedSync } from '../../server/src/node/nodeHost';

const FAST = { timeout: 3000 };
const IDEAS = '### Project\n\n#### Idea\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\tMentor(s): A B (@ab)\n-\tIssue: https://github.com/o/r/issues/1\n';
const TEMPLATE = '### Template\n\n```\n#### Project\n##### Title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s):\n-\tIssue:\n```\n';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc-ideas-bounded-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the scratch folder, with the files given (path → text). */
function folder(name: string, files: Record<string, string> = {}): string {
  const root = join(dir, name);
  mkdirSync(root, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('readBounded and readBoundedSync', () => {
  const readers = { async: readBounded, sync: async (path: string, limit?: number) => readBoundedSync(path, limit) };
  for (const [kind, read] of Object.entries(readers)) {
    test(`${kind}: a regular file is read; a missing one is undefined`, FAST, async () => {
      const root = folder(`plain-${kind}`, { 'a.md': '\ufeffhello' });
      assert.equal(await read(join(root, 'a.md')), 'hello');
      assert.equal(await read(join(root, 'missing.md')), undefined);
    });

    test(`${kind}: devices, symbolic links to them, FIFOs, sockets and folders are not regular files`, FAST, async () => {
      const root = folder(`special-${kind}`);
      symlinkSync('/dev/zero', join(root, 'zero-link'));
      mkfifo(join(root, 'fifo'));
      const socket = join(root, 'socket');
      const server = createServer();
      await new Promise<void>((done) => server.listen(socket, done));
      try {
        for (const path of ['/dev/zero', '/dev/null', join(root, 'zero-link'), join(root, 'fifo'), socket, root]) {
          assert.deepEqual(await read(path), { unreadable: 'not a regular file' }, path);
        }
      } finally {
        server.close();
      }
    });

    test(`${kind}: a file over the limit is too large, with its size and the limit`, FAST, async () => {
      const root = folder(`large-${kind}`, { 'small.md': 'x'.repeat(11) });
      const big = join(root, 'big.md');
      writeFileSync(big, '');
      truncateSync(big, 17 * 1024 * 1024); // sparse: no 17 MB written
      assert.deepEqual(await read(big), { unreadable: 'too large (17 MB, limit 16 MB)' });
      assert.deepEqual(await read(join(root, 'small.md'), 10), { unreadable: 'too large (0 MB, limit 0 MB)' });
      assert.equal(await read(join(root, 'small.md'), 11), 'x'.repeat(11));
    });

    test(`${kind}: bytes that are not UTF-8 are said to be so`, FAST, async () => {
      const root = folder(`latin1-${kind}`);
      writeFileSync(join(root, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      assert.deepEqual(await read(join(root, 'latin1.md')), { unreadable: 'not valid UTF-8' });
    });
  }
});

describe('refused files while checking an idea file', () => {
  /** Check ideas/ideas.md under `root` through the Node host. */
  const check = (root: string) => checkDocument({ uri: fileUri(join(root, 'ideas/ideas.md')), text: IDEAS, host: nodeHost });

  test('"template": "/dev/zero" in .soc-ideas.json: a note, and the nearest PROJECT_IDEA_TEMPLATE.md is used', FAST, async () => {
    const root = folder('config-dev-zero', { 'ideas/.soc-ideas.json': '{"template": "/dev/zero"}', 'PROJECT_IDEA_TEMPLATE.md': TEMPLATE });
    const result = await check(root);
    assert.deepEqual(result.config.problems, []);
    assert.equal(result.resolved.source.kind, 'file');
    assert.equal(result.resolved.source.uri, fileUri(join(root, 'PROJECT_IDEA_TEMPLATE.md')));
    assert.equal(result.resolved.notes.length, 1);
    assert.match(result.resolved.notes[0]!, /^template '\/dev\/zero' is not a regular file \(\.soc-ideas\.json\); using /);
  });

  test('a PROJECT_IDEA_TEMPLATE.md that links to /dev/zero: a note, and the next one up is used', FAST, async () => {
    const root = folder('template-link', { 'PROJECT_IDEA_TEMPLATE.md': TEMPLATE, 'ideas/x.md': '' });
    symlinkSync('/dev/zero', join(root, 'ideas/PROJECT_IDEA_TEMPLATE.md'));
    const result = await check(root);
    assert.equal(result.resolved.source.uri, fileUri(join(root, 'PROJECT_IDEA_TEMPLATE.md')));
    assert.match(result.resolved.notes[0]!, /\/ideas\/PROJECT_IDEA_TEMPLATE\.md is not a regular file; using /);
  });

  test('a FIFO as the configured template and as PROJECT_IDEA_TEMPLATE.md: notes, and the preset is used', FAST, async () => {
    const root = folder('template-fifo', { 'ideas/.soc-ideas.json': '{"template": "t.fifo"}' });
    mkfifo(join(root, 'ideas/t.fifo'));
    mkfifo(join(root, 'ideas/PROJECT_IDEA_TEMPLATE.md'));
    const result = await check(root);
    assert.equal(result.resolved.source.kind, 'preset');
    assert.match(result.resolved.notes[0]!, /^template 't\.fifo' is not a regular file \(\.soc-ideas\.json\)/);
    assert.match(result.resolved.notes[1]!, /\/ideas\/PROJECT_IDEA_TEMPLATE\.md is not a regular file/);
  });

  test('a template file over the size limit: a note with its size', FAST, async () => {
    const root = folder('template-big', { 'ideas/.soc-ideas.json': '{"template": "big.md"}', 'ideas/big.md': '' });
    truncateSync(join(root, 'ideas/big.md'), 20 * 1024 * 1024);
    const result = await check(root);
    assert.match(result.resolved.notes[0]!, /^template 'big\.md' is too large \(20 MB, limit 16 MB\) \(\.soc-ideas\.json\)/);
  });

  test('a FIFO as .soc-ideas.json: a config problem, the defaults are used', FAST, async () => {
    const root = folder('config-fifo', { '.soc-ideas.json': '{"rules": {"list-marker": "off"}}', 'ideas/x.md': '' });
    mkfifo(join(root, 'ideas/.soc-ideas.json'));
    const result = await check(root);
    assert.equal(result.config.uri, fileUri(join(root, 'ideas/.soc-ideas.json')));
    assert.deepEqual(result.config.config, {});
    assert.deepEqual(result.config.problems, [{ message: '.soc-ideas.json is not a regular file; the defaults are used', line: 0, character: 0 }]);
  });
});
