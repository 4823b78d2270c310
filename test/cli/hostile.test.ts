// `soc-ideas lint --fix` runs in CI on untrusted pull requests, often as root (issue 16): files and
// links planted by the pull request, files that change under it, output that cannot be written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { closeSync, lstatSync, openSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../../server/src/cli/run';
import { buildCli, FIXTURES, parseFindings, runCli, scratchCopy, type RunResult } from './helpers';

let cli = '';
let disposeCli = (): void => {};
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
});
after(() => disposeCli());

/** The CLI running in the background: stdout and stderr collected when they are pipes. */
function startCli(args: readonly string[], cwd: string, stdio: StdioOptions = 'pipe'): { child: ReturnType<typeof spawn>; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = once(child, 'close').then(([status]) => ({ status: status as number | null, stdout, stderr }));
  return { child, done };
}

/** Node has no mkfifo. */
function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

describe('--fix writes only the file it read', () => {
  test('a symlink planted at the old fixed temporary name is not written through', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const victim = join(scratch.dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(scratch.dir, '.problems.md.soc-ideas-tmp'));
    const r = runCli(cli, ['lint', '--fix', 'problems.md'], scratch.dir);
    assert.equal(r.stderr, 'soc-ideas: fixed 1 problem (field-label 1) in 1 file\n');
    assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
    const file = join(scratch.dir, 'problems.md');
    assert.ok(lstatSync(file).isFile() && !lstatSync(file).isSymbolicLink());
    assert.match(readFileSync(file, 'utf8'), /^-\tMentor\(s\): Sam Roe \(@samroe\)$/m, 'fixed');
    assert.ok(lstatSync(join(scratch.dir, '.problems.md.soc-ideas-tmp')).isSymbolicLink(), 'the planted link is left as it was');
  });

  test('an idea file changed between reading and writing: fixes not written, the edit kept, exit 2', async (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const file = join(scratch.dir, 'problems.md');
    const edited = `${readFileSync(file, 'utf8')}\nAn edit made while soc-ideas ran.\n`;
    // The CLI in process, with the edit made at the last moment: after the fixes are computed and
    // the temporary file written, just before it would replace the original.
    const out: string[] = [];
    const err: string[] = [];
    const status = await main(['lint', '--fix', '--format', 'json', file], {
      cwd: scratch.dir,
      stdout: (x) => out.push(x),
      stderr: (x) => err.push(x),
      color: false,
      version: 'test',
      beforeRename: (path) => writeFileSync(path, edited),
    });
    assert.deepEqual(err, [`soc-ideas: ${file}: changed while fixing; fixes not written`, 'soc-ideas: fixed 0 problems in 0 files']);
    assert.equal(status, 2);
    assert.equal(readFileSync(file, 'utf8'), edited);
    assert.deepEqual(readdirSync(scratch.dir).filter((name) => name.endsWith('.soc-ideas-tmp')), []);
    assert.ok(parseFindings(out.join('')).some((f) => f.rule === 'field-label'), 'the findings of what was read are reported');
  });
});

describe('only regular files of a sane size are read', () => {
  /** As runCli, but a CLI that blocks is killed after a few seconds instead of hanging the suite. */
  const runQuickly = (args: readonly string[], cwd: string): RunResult => {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 10_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  test('a file over 64 MB: "too large", not "not valid UTF-8", exit 2', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    writeFileSync(join(scratch.dir, 'big.md'), '');
    truncateSync(join(scratch.dir, 'big.md'), 65 * 1024 * 1024); // sparse: costs no disk
    const r = runQuickly(['lint', 'big.md'], scratch.dir);
    assert.equal(r.stderr, 'soc-ideas: big.md: too large (65.0 MB, limit 64 MB)\n');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
  });

  test('a FIFO, /dev/zero and /dev/stdin named on the command line: refused at once, exit 2', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    mkfifo(join(scratch.dir, 'fifo.md'));
    for (const path of ['fifo.md', '/dev/zero', '/dev/stdin']) {
      const started = Date.now();
      const r = runQuickly(['lint', '--fix', 'problems.md', path], scratch.dir);
      assert.equal(r.stderr, `soc-ideas: ${path}: not a regular file\n`, path);
      assert.equal(r.status, 2, path);
      assert.ok(Date.now() - started < 5_000, `${path} answered quickly`);
    }
    assert.equal(readFileSync(join(scratch.dir, 'problems.md'), 'utf8'), readFileSync(join(FIXTURES, 'problems.md'), 'utf8'), 'nothing fixed when one file is refused');
  });
});

describe('a file reached twice is linted and indexed once', () => {
  test('named twice, directly and through a link, and through its folder: the findings of one run on it', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    mkdirSync(join(scratch.dir, 'links'));
    symlinkSync('../problems.md', join(scratch.dir, 'links', 'link.md'));
    const alone = runCli(cli, ['lint', '--format', 'json', 'problems.md'], scratch.dir);
    for (const paths of [['problems.md', 'problems.md'], ['problems.md', './links/../problems.md'], ['problems.md', 'links/link.md'], ['problems.md', 'links']]) {
      const r = runCli(cli, ['lint', '--format', 'json', ...paths], scratch.dir);
      assert.equal(r.stdout, alone.stdout, paths.join(' '));
      assert.equal(r.status, alone.status);
    }
    // Through the link first: reported under the first name, no duplicate-idea against itself.
    const viaLink = parseFindings(runCli(cli, ['lint', '--format', 'json', 'links/link.md', 'problems.md'], scratch.dir).stdout);
    assert.deepEqual(viaLink, parseFindings(alone.stdout).map((f) => ({ ...f, file: 'links/link.md' })));
  });

  test('--fix on a file named directly and through a link: fixed once, no "changed while fixing"', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    symlinkSync('problems.md', join(scratch.dir, 'link.md'));
    const r = runCli(cli, ['lint', '--fix', 'problems.md', 'link.md'], scratch.dir);
    assert.equal(r.stderr, 'soc-ideas: fixed 1 problem (field-label 1) in 1 file\n', 'one file, fixed once');
    assert.match(readFileSync(join(scratch.dir, 'problems.md'), 'utf8'), /^-\tMentor\(s\): Sam Roe/m);
    assert.ok(lstatSync(join(scratch.dir, 'link.md')).isSymbolicLink());
  });
});

describe('terminal control characters from the files are shown escaped in the human formats', () => {
  const ESC = '\u001b';
  const BEL = '\u0007';
  const BS = '\u0008';
  // Clear the screen, a forged OSC 8 link, bell, backspaces, a C1 CSI and a right-to-left override.
  const title = `Idea ${ESC}]8;;https://evil.example${BEL}click${ESC}]8;;${BEL} here${BS}${BS} \u202egnp.exe\u009b2J`;
  const text = [
    `### Pro${ESC}[2Jject`,
    '',
    `#### ${title}`,
    '',
    `-\tDescription: Something ${ESC}[31mred.`,
    `-\tRecommended Skills: Go${BEL}, Type${ESC}script`,
    `-\tMet${ESC}[2Jor(s): Sam Roe (@samroe)`,
    '-\tIssue: https://github.com/a/b/issues/1',
    '',
    `#### ${title}`,
    '',
    '-\tDescription: again',
    '',
    // An idea written at project level: its finding quotes the project heading.
    '### Write a plugin at project level',
    '',
    '-\tDescription: d',
    '-\tRecommended Skills: Go',
    '-\tMentor(s): Sam Roe (@samroe)',
    '-\tIssue: https://github.com/a/b/issues/2',
    '',
  ].join('\n');
  const name = `evil${ESC}[2J.md`;
  /** Any C0 control but tab and newline, DEL, C1, bidi embeddings/overrides/isolates. */
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  const assertEscaped = (output: string, what: string): void => {
    assert.doesNotMatch(output, RAW, `${what}: ${JSON.stringify(output)}`);
    assert.ok(output.includes('\\x1b[2J'), `${what} shows the escape visibly: ${JSON.stringify(output)}`);
  };

  test('stylish, github and outline text on stdout; file names on stderr; JSON still exact', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    writeFileSync(join(scratch.dir, name), text);
    // A stated template: its missing fields are errors (a guessed one raises none).
    const stylish = runCli(cli, ['lint', '--template', 'cncf-2019', name], scratch.dir);
    assert.equal(stylish.status, 1, stylish.stderr);
    assertEscaped(stylish.stdout, 'stylish');
    assert.match(stylish.stdout, /its project "Pro\\x1b\[2Jject"/, 'the project heading is quoted, escaped');
    const github = runCli(cli, ['lint', '--template', 'cncf-2019', '--format', 'github', name], scratch.dir);
    assertEscaped(github.stdout, 'github');
    assert.equal(
      github.stdout.trimEnd().split('\n').length,
      parseFindings(runCli(cli, ['lint', '--template', 'cncf-2019', '--format', 'json', name], scratch.dir).stdout).length,
      'one line per finding',
    );
    const outline = runCli(cli, ['outline', name], scratch.dir);
    assert.equal(outline.status, 0, outline.stderr);
    assertEscaped(outline.stdout, 'outline');
    assert.match(outline.stdout, /\\u202egnp\.exe\\x9b2J/);
    assert.match(outline.stdout, /skills: Go\\x07, Type\\x1bscript/);

    // JSON keeps the exact text (JSON.stringify escapes C0 controls; a consumer decodes it).
    const json = parseFindings(runCli(cli, ['lint', '--format', 'json', name], scratch.dir).stdout);
    assert.ok(json.every((f) => f.file === name));
    assert.ok(json.some((f) => f.message.includes(`Pro${ESC}[2Jject`)));

    writeFileSync(join(scratch.dir, name), Buffer.from([0x23, 0xe9, 0x0a]));
    const bad = runCli(cli, ['lint', name], scratch.dir);
    assert.equal(bad.stderr, 'soc-ideas: evil\\x1b[2J.md: not valid UTF-8\n');
  });
});

describe('output that cannot be written: exit 2, at most one line on stderr, no stack trace', () => {
  /** Thousands of findings: far more than a pipe holds. */
  const bigIdeaFile = (dir: string): string => {
    // A misspelt label in each: a slip per idea, never folded into one note.
    const ideas = Array.from({ length: 3000 }, (_, i) => `#### Idea ${i}\n\n-\tDescription: something\n-\tMetor(s): Sam Roe (@samroe)\n`).join('\n');
    writeFileSync(join(dir, 'big.md'), `${readFileSync(join(dir, 'problems.md'), 'utf8')}\n${ideas}`);
    return 'big.md';
  };

  test('stdout is /dev/full (ENOSPC)', async (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const full = openSync('/dev/full', 'w');
    t.after(() => closeSync(full));
    const r = await startCli(['lint', 'problems.md'], scratch.dir, ['ignore', full, 'pipe']).done;
    assert.equal(r.stderr, 'soc-ideas: cannot write output (ENOSPC)\n');
    assert.equal(r.status, 2);
  });

  test('stdout is a pipe closed after the first chunk (`| head -1`, EPIPE)', async (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const { child, done } = startCli(['lint', bigIdeaFile(scratch.dir)], scratch.dir, ['ignore', 'pipe', 'pipe']);
    child.stdout!.once('data', () => child.stdout!.destroy());
    const r = await done;
    assert.ok(r.stderr.split('\n').filter(Boolean).length <= 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at |Error:|internal/, r.stderr);
    assert.equal(r.status, 2, r.stderr);
  });
});
