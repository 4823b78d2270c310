// `soc-ideas lint` on worker threads prints exactly what the run in one thread prints (SOC_IDEAS_WORKERS=1),
// in every format, with --changed-since too, over a workspace whose files need each other: mentors
// and skills across files, a sibling's template block, a PROJECT_IDEA_TEMPLATE.md, a config file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { LINT_FORMATS } from '../../server/src/cli/args';
import { WORKERS_ENV } from '../../server/src/cli/lint';
import { buildCli, parseFindings, type RunResult } from './helpers';

const SKILLS = ['Golang', 'Kubernetes', 'TypeScript', 'Rust', 'Python'];

/** An idea file of `ideas` ideas; every tenth spells a skill the others spell otherwise, every fifth misses its mentor. */
function ideaFile(name: string, ideas: number, options: { crlf?: boolean; mentor?: string } = {}): string {
  const lines = [`# ${name}`, '', `### Project ${name}`, ''];
  for (let i = 0; i < ideas; i++) {
    const skill = i % 10 === 9 ? 'golang' : SKILLS[i % SKILLS.length]!;
    lines.push(`#### ${name} idea ${i + 1}${i === 2 ? ' 🚀 with an emoji' : ''}`, '');
    lines.push(`-\tDescription: Make part ${i + 1} of ${name} faster, so that large installations stay responsive.`);
    lines.push(`-\tRecommended Skills: ${skill}, Git`);
    if (i % 5 !== 4) lines.push(`-\tMentor(s): ${i % 3 === 0 ? (options.mentor ?? 'Ada Park (@ada-park)') : 'Sam Roe (@samroe)'}`);
    lines.push(`-\tIssue: https://github.com/acme/${name.toLowerCase().replace(/\W+/g, '-')}/issues/${i + 1}`, '');
  }
  return lines.join(options.crlf ? '\r\n' : '\n');
}

const SIBLING_WITH_TEMPLATE = `# Term

## Template

\`\`\`
### CNCF Project Name
#### Title
- Description:
- Recommended Skills:
- Mentor(s):
- Upstream Issue (URL):
\`\`\`

### Harbor

#### Add a dry-run mode

- Description: Show what would be deleted.
- Recommended Skills: Go
- Mentor(s): Lee Calcote (@lcalcote)
- Upstream Issue (URL): https://github.com/acme/harbor/issues/1
`;

/** What the files of years/ are checked against: they have no Expected Outcome, so missing-field fires. */
const TEMPLATE_FILE = `# How to propose an idea

\`\`\`
### Project name

#### Idea title

-\tDescription:
-\tExpected Outcome:
-\tRecommended Skills:
-\tMentor(s):
-\tIssue:
\`\`\`
`;

/** Relative path → text. */
const WORKSPACE: Record<string, string> = {
  '.soc-ideas.json': '{ "rules": { "no-such-rule": "off" } }\n',
  'PROJECT_IDEA_TEMPLATE.md': TEMPLATE_FILE,
  'broken/PROJECT_IDEA_TEMPLATE.md': 'No template in here.\n',
  'broken/2021.md': ideaFile('Broken', 3),
  'term/project_ideas.md': SIBLING_WITH_TEMPLATE,
  'term/README.md': ideaFile('Term', 4, { mentor: 'Lee Calcote (@leecalcote)' }),
  'years/2019.md': ideaFile('Orbit', 40),
  'years/2020.md': ideaFile('Beacon', 12, { crlf: true }),
  'years/2021.md': ideaFile('Comet', 7, { mentor: 'Jon Smith (@ada-park)' }),
  'years/2022.md': ideaFile('Delta', 25),
  'years/2023.md': `\ufeff${ideaFile('Echo', 9)}`,
  'years/notes.md': '# Notes\n\nNo ideas in this file: a folder contributes only its idea files.\n',
  'outside.md': '# Not ideas\n\nNamed on the command line, so reported (with nothing to say).\n',
};

let cli = '';
let disposeCli = (): void => {};
let dir = '';
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), 'soc-ideas-workers-'));
  for (const [path, text] of Object.entries(WORKSPACE)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
after(() => {
  disposeCli();
  rmSync(dir, { recursive: true, force: true });
});

function lint(workers: number, args: readonly string[], env: NodeJS.ProcessEnv = process.env, script = cli): RunResult {
  const r = spawnSync(process.execPath, [script, 'lint', ...args], { cwd: dir, env: { ...env, NO_COLOR: '1', [WORKERS_ENV]: String(workers) }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PATHS = ['outside.md', '.'];

describe('worker threads print what one thread prints', () => {
  test('the workspace needs every kind of shared work (else the comparison proves little)', () => {
    const r = lint(1, ['--format', 'json', ...PATHS]);
    const findings = parseFindings(r.stdout);
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of ['mentor-identity', 'skill-spelling', 'missing-field']) assert.ok(rules.has(rule), `${rule} fires: ${[...rules].join(', ')}`);
    assert.ok(new Set(findings.map((f) => f.file)).size >= 7, 'findings in most files');
    assert.match(r.stderr, /no-such-rule/, 'the config problem is told');
    assert.match(r.stderr, /broken\/PROJECT_IDEA_TEMPLATE\.md holds no template/, 'the template note is told');
    assert.equal(r.stderr.split('\n').filter((l) => /no-such-rule/.test(l)).length, 1, 'once, however many files share the config');
  });

  for (const format of LINT_FORMATS) {
    test(`--format ${format}: the same output, errors and exit code with 2 and 5 threads`, () => {
      const serial = lint(1, ['--format', format, ...PATHS]);
      assert.equal(serial.status, 1, serial.stderr);
      for (const workers of [2, 5]) assert.deepEqual(lint(workers, ['--format', format, ...PATHS]), serial, `${workers} threads`);
    });
  }

  test('two files only, each named: still the same', () => {
    const args = ['--format', 'json', 'years/2021.md', 'years/2019.md'];
    assert.deepEqual(lint(2, args), lint(1, args));
  });

  const hasGit = spawnSync('git', ['--version']).status === 0;
  test('--changed-since: the same findings on the changed lines', { skip: hasGit ? false : 'git is not installed' }, () => {
    const repo = mkdtempSync(join(tmpdir(), 'soc-ideas-workers-git-'));
    try {
      const env = {
        ...process.env,
        GIT_CEILING_DIRECTORIES: dirname(repo),
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: join(repo, '.no-global-gitconfig'),
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.org',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.org',
      };
      const git = (...args: string[]) => assert.equal(spawnSync('git', args, { cwd: repo, env }).status, 0, `git ${args.join(' ')}`);
      for (const path of Object.keys(WORKSPACE)) {
        mkdirSync(join(repo, dirname(path)), { recursive: true });
        copyFileSync(join(dir, path), join(repo, path));
      }
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'ideas');
      writeFileSync(join(repo, 'years/2022.md'), ideaFile('Delta', 26)); // one idea more
      writeFileSync(join(repo, 'years/2024.md'), ideaFile('Foxtrot', 6)); // untracked
      const run = (workers: number) => {
        const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--changed-since', 'HEAD', '.'], {
          cwd: repo,
          env: { ...env, [WORKERS_ENV]: String(workers) },
          encoding: 'utf8',
        });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const serial = run(1);
      const files = new Set(parseFindings(serial.stdout).map((f) => f.file));
      assert.deepEqual([...files].sort(), ['years/2022.md', 'years/2024.md'], serial.stderr);
      assert.deepEqual(run(3), serial);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test('a CLI without its worker script beside it says so (exit 2), never a silent fallback', () => {
    const alone = mkdtempSync(join(tmpdir(), 'soc-ideas-cli-alone-'));
    try {
      copyFileSync(cli, join(alone, 'cli.js'));
      const r = lint(2, ['--format', 'json', ...PATHS], process.env, join(alone, 'cli.js'));
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^soc-ideas: internal error: .*cli-worker\.js/m);
      assert.equal(r.stdout, '');
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });
});
