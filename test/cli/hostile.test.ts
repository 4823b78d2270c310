// `soc-ideas lint --fix` runs in CI on untrusted pull requests, often as root (issue 16): files and
// links planted by the pull request, files that change under it, output that cannot be written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import { lstatSync, readdirSync, readFileSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, parseFindings, runCli, scratchCopy, type RunResult } from './helpers';

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
    assert.equal(r.stderr, '');
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
    // The CLI reads every idea file, then the nearest .soc-ideas.json on its first check. As a FIFO,
    // that read waits for us: when our open for writing returns, the idea file has been read.
    mkfifo(join(scratch.dir, '.soc-ideas.json'));
    const { done } = startCli(['lint', '--fix', '--format', 'json', 'problems.md'], scratch.dir);
    const config = await open(join(scratch.dir, '.soc-ideas.json'), 'w');
    writeFileSync(file, edited);
    await config.writeFile('{}');
    await config.close();
    const r = await done;
    assert.equal(r.stderr, 'soc-ideas: problems.md: changed while fixing; fixes not written\n');
    assert.equal(r.status, 2);
    assert.equal(readFileSync(file, 'utf8'), edited);
    assert.deepEqual(readdirSync(scratch.dir).filter((name) => name.endsWith('.soc-ideas-tmp')), []);
    assert.ok(parseFindings(r.stdout).some((f) => f.rule === 'field-label'), 'the findings of what was read are reported');
  });
});
