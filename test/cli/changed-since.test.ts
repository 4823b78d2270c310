// `soc-ideas lint --changed-since REF` on a real, temporary git repository.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseUnifiedDiff, unquote } from '../../server/src/cli/git';
import { buildCli, FIXTURES, parseFindings, type JsonFinding } from './helpers';

let cli = '';
let disposeCli = (): void => {};
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
});
after(() => disposeCli());

/** A scratch folder that git never sees as inside another repository. */
function scratch(): { dir: string; env: NodeJS.ProcessEnv; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'soc-ideas-git-'));
  const env = {
    ...process.env,
    NO_COLOR: '1',
    GIT_CEILING_DIRECTORIES: dirname(dir),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(dir, '.no-global-gitconfig'),
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
  };
  return { dir, env, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function lint(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const brief = (f: JsonFinding) => `${f.file}:${f.line} ${f.rule}`;

const NEW_IDEA = `
#### Alert history export

-	Description: Export the history of fired alerts as CSV so teams can review them after an incident.
-	Recomended Skills: Go
-	Mentor(s): Sam Roe (@samroe)
`;

const hasGit = spawnSync('git', ['--version']).status === 0;

describe('--changed-since', { skip: hasGit ? false : 'git is not installed' }, () => {
  let repo = '';
  let env: NodeJS.ProcessEnv = {};
  let dispose = (): void => {};
  let base = '';

  before(() => {
    ({ dir: repo, env, dispose } = scratch());
    git(['init', '-q'], repo, env);
    // The template is stated, as a CI set-up would: a guessed one raises no errors (FINDINGS-POLICY).
    writeFileSync(join(repo, '.soc-ideas.json'), '{ "template": "cncf-2019" }\n');
    mkdirSync(join(repo, 'ideas'));
    mkdirSync(join(repo, 'old'));
    // problems.md already has two problems in its first idea (a misspelt "Metor(s)" label, no Issue).
    copyFileSync(join(FIXTURES, 'problems.md'), join(repo, 'ideas/acme.md'));
    copyFileSync(join(FIXTURES, 'problems.md'), join(repo, 'old/legacy.md'));
    git(['add', '.'], repo, env);
    git(['commit', '-q', '-m', 'ideas'], repo, env);
    base = git(['rev-parse', 'HEAD'], repo, env).trim();
    git(['commit', '-q', '--allow-empty', '-m', 'later'], repo, env);

    // The change under review: the second idea loses its Recommended Skills line, a new idea with a
    // misspelt label and no Issue is appended, and a wholly new (untracked) idea file arrives.
    const acme = join(repo, 'ideas/acme.md');
    const text = readFileSync(acme, 'utf8');
    writeFileSync(acme, text.replace(/^-\tRecommended Skills: TypeScript, React\n/m, ''));
    appendFileSync(acme, NEW_IDEA);
    copyFileSync(join(FIXTURES, 'problems.md'), join(repo, 'ideas/new.md'));
  });
  after(() => dispose());

  test('without it every problem is reported, old ones included', () => {
    const r = lint(['--format', 'json', '.'], repo, env);
    assert.equal(r.status, 1, r.stderr);
    const all = parseFindings(r.stdout).map(brief);
    assert.ok(all.includes('ideas/acme.md:10 field-label'), all.join('\n'));
    assert.ok(all.includes('old/legacy.md:6 missing-field'), all.join('\n'));
  });

  test('reports only the problems the change brought: changed lines, changed ideas, new files', () => {
    const r = lint(['--format', 'json', '--changed-since', base, '.'], repo, env);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1);
    assert.deepEqual(parseFindings(r.stdout).map(brief), [
      'ideas/acme.md:12 missing-field', // the second idea lost its Recommended Skills line (a deletion inside it)
      'ideas/acme.md:18 missing-field', // the new idea: reported on its heading
      'ideas/acme.md:21 field-label', // the new idea's "Recomended Skills"
      'ideas/new.md:6 missing-field', // an untracked file is wholly new
      'ideas/new.md:10 field-label',
    ]);
  });

  test('files and folders alike, from another working folder, in the github format', () => {
    const r = lint(['--format', 'github', '--changed-since', base, join(repo, 'ideas/acme.md'), join(repo, 'old')], tmpdir(), env);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3, r.stdout);
    // Absolute paths on the command line, annotations relative to the working folder (GitHub needs that).
    const file = `${basename(repo)}/ideas/acme.md`;
    for (const line of lines) assert.ok(/^::(error|warning) file=([^,]*),line=(12|18|21),/.exec(line)?.[2] === file, line);
  });

  test('an unchanged file and a clean change: nothing to report, exit 0', () => {
    const r = lint(['--format', 'json', '--changed-since', base, 'old'], repo, env);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(parseFindings(r.stdout), []);
    const head = lint(['--format', 'json', '--changed-since', 'HEAD', 'old/legacy.md'], repo, env);
    assert.equal(head.status, 0, head.stderr);
    assert.deepEqual(parseFindings(head.stdout), []);
  });

  test("an edit anywhere in an old idea brings back that idea's heading findings (documented rule)", (t) => {
    const legacy = join(repo, 'old/legacy.md');
    const before = readFileSync(legacy, 'utf8');
    t.after(() => writeFileSync(legacy, before));
    writeFileSync(legacy, before.replace('Evaluate independent groups', 'Evaluate the independent groups'));
    const r = lint(['--format', 'json', '--changed-since', base, 'old'], repo, env);
    // The edited Description line holds no problem; the idea's missing Issue (on its heading) is shown,
    // its misspelt "Metor(s)" on an untouched line is not.
    assert.deepEqual(parseFindings(r.stdout).map(brief), ['old/legacy.md:6 missing-field']);
  });

  test('a bad revision: exit 2 with a one-line reason, nothing on stdout', () => {
    const r = lint(['--changed-since', 'no-such-branch', '.'], repo, env);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^soc-ideas: --changed-since: 'no-such-branch' is not a commit in the repository at .*\n$/);
  });

  test('outside a git repository: exit 2 with a one-line reason', (t) => {
    const outside = scratch();
    t.after(outside.dispose);
    copyFileSync(join(FIXTURES, 'problems.md'), join(outside.dir, 'ideas.md'));
    const r = lint(['--changed-since', 'HEAD', 'ideas.md'], outside.dir, outside.env);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^soc-ideas: --changed-since needs a git repository: not a git repository.*\n$/);
  });

  test('usage: with --fix, without a value, or a value that looks like an option: exit 2', () => {
    for (const args of [['--fix', '--changed-since', 'HEAD', '.'], ['.', '--changed-since'], ['--changed-since', '--format', '.']]) {
      const r = lint(args, repo, env);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /^soc-ideas: /);
    }
  });
});

describe('reading git diff output', () => {
  test('added lines, changed lines, deletions, new and deleted files', () => {
    const diff = [
      'diff --git a/ideas.md b/ideas.md',
      'index 1111111..2222222 100644',
      '--- a/ideas.md',
      '+++ b/ideas.md',
      '@@ -3 +3 @@ heading',
      '-old',
      '+new',
      '@@ -10,2 +9,0 @@',
      '-gone',
      '-gone too',
      '@@ -20,0 +19,3 @@',
      '+a',
      '+b',
      '+c',
      'diff --git a/fresh.md b/fresh.md',
      'new file mode 100644',
      '--- /dev/null',
      '+++ b/fresh.md',
      '@@ -0,0 +1,2 @@',
      '+x',
      '+y',
      'diff --git a/removed.md b/removed.md',
      'deleted file mode 100644',
      '--- a/removed.md',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-z',
      'diff --git "a/we\\"ird\\tname \\303\\274.md" "b/we\\"ird\\tname \\303\\274.md"',
      '--- "a/we\\"ird\\tname \\303\\274.md"',
      '+++ "b/we\\"ird\\tname \\303\\274.md"',
      '@@ -1,0 +2 @@',
      '+q',
      '',
    ].join('\n');
    const changes = parseUnifiedDiff(diff);
    assert.deepEqual([...changes.keys()], ['ideas.md', 'fresh.md', 'we"ird\tname ü.md']);
    const ideas = changes.get('ideas.md')!;
    assert.equal(ideas.all, false);
    assert.deepEqual([...ideas.added], [3, 19, 20, 21]);
    assert.deepEqual([...ideas.deletedAfter], [9]);
    assert.equal(changes.get('fresh.md')!.all, true);
    assert.deepEqual([...changes.get('we"ird\tname ü.md')!.added], [2]);
  });

  test('unquote: plain names pass, C-style quoting and octal UTF-8 bytes decode', () => {
    assert.equal(unquote('b/plain name.md'), 'b/plain name.md');
    assert.equal(unquote('"b/a\\\\b\\n.md"'), 'b/a\\b\n.md');
    assert.equal(unquote('"b/\\360\\237\\230\\200.md"'), 'b/😀.md');
  });
});
