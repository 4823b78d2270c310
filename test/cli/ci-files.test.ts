// action.yml, the example workflow and .pre-commit-hooks.yaml: well-formed, consistent with each other
// and with the CLI, and the action's script run for real by bash (npx replaced by the built CLI).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pkg from '../../package.json';
import { buildCli, FIXTURES, REPO } from './helpers';

// js-yaml comes with the dev tools (mocha needs it); without it only the textual checks run.
type Load = (text: string) => unknown;
const load: Load | undefined = (() => {
  try {
    return (createRequire(__filename)('js-yaml') as { load: Load }).load;
  } catch {
    return undefined;
  }
})();
const noYaml = load ? false : 'js-yaml is not installed: YAML structure not checked';

const actionText = readFileSync(join(REPO, 'action.yml'), 'utf8');
const workflowText = readFileSync(join(REPO, 'docs/examples/soc-ideas.yml'), 'utf8');
const hooksText = readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8');

interface ActionStep {
  name?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const EXPECTED_INPUTS = ['paths', 'format', 'changed-since', 'version', 'node-version'];

/** `${{ inputs.NAME }}` references, found in the text itself (no YAML parser needed). */
function inputReferences(text: string): string[] {
  return [...text.matchAll(/\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}/g)].map((m) => m[1]!);
}

/** Input names declared under `inputs:` (two-space indented keys up to the next top-level key). */
function declaredInputs(text: string): string[] {
  const block = /^inputs:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? '';
  return [...block.matchAll(/^ {2}([A-Za-z0-9_-]+):/gm)].map((m) => m[1]!);
}

describe('action.yml', () => {
  test('declares the inputs it uses and uses the inputs it declares', () => {
    assert.deepEqual(declaredInputs(actionText), EXPECTED_INPUTS);
    const used = new Set(inputReferences(actionText));
    assert.deepEqual([...used].sort(), [...EXPECTED_INPUTS].sort());
  });

  test('a composite action: Node set up, then npx soc-ideas lint with the inputs', { skip: noYaml }, () => {
    const action = load!(actionText) as Action;
    assert.ok(action.name && action.description);
    assert.equal(action.runs.using, 'composite');
    assert.equal(action.inputs.paths!.default, '.');
    assert.equal(action.inputs.format!.default, 'github');
    assert.equal(action.inputs['changed-since']!.default, '${{ github.event.pull_request.base.sha }}');
    assert.ok(action.inputs.version!.default);
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description.length > 10, name);

    const [setup, lint] = action.runs.steps;
    assert.match(setup!.uses ?? '', /^actions\/setup-node@v\d+$/);
    assert.equal(lint!.shell, 'bash', 'composite run steps need a shell');
    // Every variable the script reads is set from an input.
    const env = lint!.env ?? {};
    const read = new Set([...(lint!.run ?? '').matchAll(/\$\{?(SOC_IDEAS_[A-Z_]+)/g)].map((m) => m[1]!));
    assert.deepEqual([...read].sort(), Object.keys(env).sort());
    for (const value of Object.values(env)) assert.match(value, /^\$\{\{ inputs\.[a-z-]+ \}\}$/);
    assert.match(lint!.run ?? '', /npx --yes "soc-ideas@\$\{SOC_IDEAS_VERSION\}" "\$\{args\[@\]\}" -- "\$\{paths\[@\]\}"/);
    assert.doesNotMatch(lint!.run ?? '', /\$\{\{/, 'no expression pasted into the script');
  });
});

describe('action.yml script, run by bash', { skip: noYaml }, () => {
  let cli = '';
  let disposeCli = (): void => {};
  let dir = '';
  let repo = '';
  let bin = '';
  let base = '';
  const gitEnv = (): NodeJS.ProcessEnv => ({
    ...process.env,
    NO_COLOR: '1',
    GIT_CEILING_DIRECTORIES: dirname(dir),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(dir, 'no-gitconfig'),
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.org',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.org',
  });
  const gitIn = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  const git = (...args: string[]) => gitIn(repo, ...args);

  before(async () => {
    ({ cli, dispose: disposeCli } = await buildCli());
    dir = mkdtempSync(join(tmpdir(), 'soc-ideas-action-'));
    repo = join(dir, 'repo');
    bin = join(dir, 'bin');
    spawnSync('mkdir', ['-p', repo, bin]);
    // Stands in for the registry: `npx --yes soc-ideas@VERSION ARGS` runs the CLI just built, and
    // records the package it was asked for.
    writeFileSync(
      join(bin, 'npx'),
      `#!/usr/bin/env bash\n[ "$1" = --yes ] && shift\necho "$1" > "${join(dir, 'npx-package')}"\nshift\nexec "${process.execPath}" "${cli}" "$@"\n`,
    );
    chmodSync(join(bin, 'npx'), 0o755);
    git('init', '-q');
    copyFileSync(join(FIXTURES, 'problems.md'), join(repo, 'ideas.md'));
    copyFileSync(join(FIXTURES, 'clean.md'), join(repo, 'clean ideas.md'));
    git('add', '.');
    git('commit', '-q', '-m', 'ideas');
    base = git('rev-parse', 'HEAD');
    appendFileSync(join(repo, 'ideas.md'), '\n#### Silence by label\n\n-\tDescription: Silence every alert that has a label.\n-\tRecomended Skills: Go\n-\tMentor(s): Sam Roe (@samroe)\n-\tIssue: https://github.com/prometheus/alertmanager/issues/1\n');
  });
  after(() => {
    disposeCli();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function runScript(inputs: Record<string, string>, cwd = repo) {
    const action = load!(actionText) as Action;
    const step = action.runs.steps.find((s) => s.run)!;
    const env: NodeJS.ProcessEnv = { ...gitEnv(), PATH: `${bin}:${process.env.PATH}` };
    // What the runner does: evaluate each `${{ inputs.x }}` (defaults filled in) into the step's env.
    for (const [name, value] of Object.entries(step.env ?? {})) {
      const input = /inputs\.([a-z-]+)/.exec(value)![1]!;
      env[name] = inputs[input] ?? action.inputs[input]!.default ?? '';
    }
    return spawnSync('bash', ['-c', step.run!], { cwd, env, encoding: 'utf8' });
  }

  test('on a pull request: annotations for the changed lines only, the version asked for', () => {
    const r = runScript({ 'changed-since': base, version: '1.2.3' });
    assert.equal(r.status, 0, `a warning alone does not fail the job: ${r.stderr}`);
    assert.equal(r.stdout, '::warning file=ideas.md,line=22,col=3,endLine=22,endColumn=20,title=field-label::Label this field as the template does: write "Recommended Skills", not "Recomended Skills".\n');
    assert.equal(readFileSync(join(dir, 'npx-package'), 'utf8'), 'soc-ideas@1.2.3\n');
  });

  test('on a push (no base commit): every problem; paths are split on spaces', () => {
    const r = runScript({ 'changed-since': '', paths: 'ideas.md clean.md', format: 'json' });
    // "clean.md" does not exist ("clean ideas.md" does): paths are split on spaces, as documented.
    assert.equal(r.status, 2);
    assert.match(r.stderr, /clean\.md: no such file or directory/);
    const all = runScript({ 'changed-since': '', format: 'json' });
    assert.equal(all.status, 1, all.stderr);
    const rules = (JSON.parse(all.stdout) as { rule: string }[]).map((f) => f.rule).sort();
    assert.deepEqual(rules, ['field-label', 'field-label', 'missing-field']);
  });

  test('in a shallow checkout (actions/checkout\'s default) the base commit is fetched first', () => {
    // The pull request as a commit on top of the base, then cloned one commit deep as CI would.
    const pr = join(dir, 'pr');
    const checkout = join(dir, 'checkout');
    gitIn(dir, 'clone', '-q', repo, pr);
    copyFileSync(join(repo, 'ideas.md'), join(pr, 'ideas.md'));
    gitIn(pr, 'commit', '-q', '-am', 'a new idea');
    gitIn(dir, 'clone', '-q', '--depth=1', `file://${pr}`, checkout);
    assert.equal(spawnSync('git', ['cat-file', '-e', `${base}^{commit}`], { cwd: checkout, env: gitEnv() }).status !== 0, true, 'the base is not there yet');
    const r = runScript({ 'changed-since': base }, checkout);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^::warning file=ideas\.md,line=22,col=3,[^\n]*title=field-label::[^\n]*\n$/);
  });
});

describe('docs/examples/soc-ideas.yml', { skip: noYaml }, () => {
  interface Workflow {
    on: Record<string, unknown>;
    jobs: Record<string, { steps: ActionStep[]; permissions?: Record<string, string> }>;
  }
  const workflow = () => load!(workflowText) as Workflow;

  test('runs on pull requests and uses the action with inputs it declares', () => {
    const w = workflow();
    assert.ok('pull_request' in w.on);
    const action = load!(actionText) as Action;
    const uses = Object.values(w.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith('soc-ideas/soc-ideas@'));
    assert.equal(uses.length, 1);
    for (const key of Object.keys(uses[0]!.with ?? {})) assert.ok(key in action.inputs, key);
    // Inputs mentioned in comments under `with:` exist too.
    for (const m of workflowText.matchAll(/^\s+# ([a-z-]+): /gm)) assert.ok(m[1]! in action.inputs, m[1]);
  });

  test('the SARIF alternative uploads the file the CLI writes, with the permission it needs', () => {
    const job = workflow().jobs['code-scanning']!;
    assert.equal(job.permissions?.['security-events'], 'write');
    const run = job.steps.find((s) => s.run?.includes('--format sarif'))!;
    const written = /> (\S+\.sarif)/.exec(run.run!)![1];
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.equal(upload.with?.sarif_file, written);
  });
});

describe('.pre-commit-hooks.yaml', { skip: noYaml }, () => {
  test('one node hook running the package bin on markdown files', () => {
    const hooks = load!(hooksText) as Array<{ id: string; language: string; entry: string; files: string }>;
    assert.equal(hooks.length, 1);
    const hook = hooks[0]!;
    assert.equal(hook.id, 'soc-ideas');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'soc-ideas lint');
    assert.ok(hook.entry.split(' ')[0]! in pkg.bin, 'the entry is a bin of the package');
    const files = new RegExp(hook.files);
    assert.ok(files.test('ideas/README.md'));
    assert.ok(!files.test('notes.txt') && !files.test('a.md.bak'));
  });
});
