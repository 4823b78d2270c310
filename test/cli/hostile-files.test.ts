// The CLI reads configs and templates through the bounded Node host (issue 16): a device or FIFO named
// as a template or config is refused at once with a clear message, never read or waited on.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCli, type RunResult } from './helpers';

const IDEAS = '### Project\n\n#### Idea\n\n-\tDescription: d\n-\tRecommended Skills: Go\n-\tMentor(s): A B (@ab)\n-\tIssue: https://github.com/o/r/issues/1\n';

let cli = '';
let disposeCli = (): void => {};
let dir = '';
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), 'soc-ideas-cli-hostile-'));
  writeFileSync(join(dir, 'ideas.md'), IDEAS);
  execFileSync('mkfifo', [join(dir, 'config.fifo')]);
});
after(() => {
  disposeCli();
  rmSync(dir, { recursive: true, force: true });
});

/** Like runCli, with a deadline: a read that blocks is the bug, so it must fail, not hang the suite. */
function run(args: readonly string[]): RunResult {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 10_000 });
  assert.equal(r.signal, null, `the CLI was killed after 10 s: ${r.stderr}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('"template": "/dev/zero" in .soc-ideas.json: a note on stderr, the preset is used', { timeout: 15_000 }, () => {
  writeFileSync(join(dir, '.soc-ideas.json'), '{"template": "/dev/zero"}');
  try {
    const r = run(['lint', '--format', 'json', 'ideas.md']);
    assert.match(r.stderr, /^soc-ideas: template '\/dev\/zero' is not a regular file \(\.soc-ideas\.json\); using .* \(cncf-\d+\)$/m);
    assert.ok(Array.isArray(JSON.parse(r.stdout)), 'the file is still checked');
  } finally {
    rmSync(join(dir, '.soc-ideas.json'));
  }
});

test('--config naming a FIFO: refused at once, exit 2', { timeout: 15_000 }, () => {
  const r = run(['lint', '--config', 'config.fifo', 'ideas.md']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /config\.fifo: not a regular file/);
});

test('--template naming a FIFO: a note, the preset is used', { timeout: 15_000 }, () => {
  const r = run(['lint', '--format', 'json', '--template', 'config.fifo', 'ideas.md']);
  assert.match(r.stderr, /template 'config\.fifo' is not a regular file/);
  assert.equal(r.status, 0, r.stderr);
});
