import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { version } from '../../package.json';
import { buildCli, parseFindings, REL_FIXTURES, runCli, scratchCopy, type JsonFinding } from './helpers';
import { RULE_IDS } from '../../server/src/engine/rules/ids';

let cli = '';
let disposeCli = (): void => {};
before(async () => {
  ({ cli, dispose: disposeCli } = await buildCli());
});
after(() => disposeCli());

const problems = `${REL_FIXTURES}/problems.md`;
const byRule = (findings: JsonFinding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('exit codes and usage', () => {
  test('a clean idea file: exit 0, empty JSON array', () => {
    const r = runCli(cli, ['lint', '--format', 'json', `${REL_FIXTURES}/clean.md`]);
    assert.equal(r.stderr, '');
    assert.deepEqual(parseFindings(r.stdout), []);
    assert.equal(r.status, 0);
  });

  test('an error found: exit 1', () => {
    const r = runCli(cli, ['lint', '--format', 'json', problems]);
    assert.equal(r.status, 1, r.stderr);
    const findings = parseFindings(r.stdout);
    const missing = byRule(findings, 'missing-field');
    assert.equal(missing.length, 1, JSON.stringify(findings));
    assert.equal(missing[0]!.severity, 'error');
    assert.match(missing[0]!.message, /Issue/);
    assert.ok(missing[0]!.line >= 6 && missing[0]!.line <= 11, 'missing-field points into the first idea');
  });

  test('a non-idea file named explicitly: linted, no findings, exit 0', () => {
    const r = runCli(cli, ['lint', '--format', 'json', `${REL_FIXTURES}/notes.md`]);
    assert.equal(r.status, 0);
    assert.deepEqual(parseFindings(r.stdout), []);
  });

  test('nonexistent path: exit 2 with a one-line reason', () => {
    const r = runCli(cli, ['lint', `${REL_FIXTURES}/nope.md`]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `soc-ideas: ${REL_FIXTURES}/nope.md: no such file or directory\n`);
  });

  test('bad flag: exit 2 with the reason and the usage on stderr', () => {
    const r = runCli(cli, ['lint', '--frobnicate', problems]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^soc-ideas: unknown option '--frobnicate'\nUsage:\n {2}soc-ideas lint /);
    assert.equal(runCli(cli, []).status, 2);
    assert.equal(runCli(cli, ['lint', '--format', 'xml', problems]).status, 2);
  });

  test('--help and --version', () => {
    const help = runCli(cli, ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /soc-ideas outline \[--format text\|json\]/);
    const v = runCli(cli, ['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout, `${version}\n`);
  });

  test('invalid UTF-8: exit 2, named, nothing written even with --fix', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const file = join(scratch.dir, 'latin1.md');
    const bytes = Buffer.concat([readFileSync(join(scratch.dir, 'problems.md')), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    writeFileSync(file, bytes);
    const r = runCli(cli, ['lint', '--fix', 'latin1.md', 'problems.md'], scratch.dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'soc-ideas: latin1.md: not valid UTF-8\n');
    assert.deepEqual(readFileSync(file), bytes);
    assert.equal(readFileSync(join(scratch.dir, 'problems.md'), 'utf8'), readFileSync(`${REL_FIXTURES}/problems.md`, 'utf8'), 'no file is fixed when one is unreadable');
  });
});

describe('directories', () => {
  test('every idea file below, non-idea markdown and node_modules/.git skipped, paths as typed', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    for (const hidden of ['dir/node_modules/pkg', 'dir/.git']) {
      mkdirSync(join(scratch.dir, hidden), { recursive: true });
      writeFileSync(join(scratch.dir, hidden, 'skipped.md'), readFileSync(join(scratch.dir, 'problems.md')));
    }
    // A stated template: its missing field is an error (a guessed one raises none).
    const r = runCli(cli, ['lint', '--template', 'cncf-2019', '--format', 'json', 'dir'], scratch.dir);
    const files = [...new Set(parseFindings(r.stdout).map((f) => f.file))];
    assert.deepEqual(files, ['dir/sub/more-ideas.markdown'], r.stdout);
    assert.equal(r.status, 1, 'more-ideas.markdown lacks its Issue');
    // The clean file and the README were visited but have nothing to say: run them one by one.
    assert.deepEqual(parseFindings(runCli(cli, ['lint', '--template', 'cncf-2019', '--format', 'json', 'dir/ideas.md'], scratch.dir).stdout), []);
  });

  test('a file named twice (itself and through its folder) is reported once', () => {
    const r = runCli(cli, ['lint', '--format', 'json', problems, REL_FIXTURES]);
    const once = parseFindings(runCli(cli, ['lint', '--format', 'json', problems]).stdout);
    const both = parseFindings(r.stdout).filter((f) => f.file.endsWith('problems.md'));
    assert.equal(both.length, once.length);
  });
});

describe('positions', () => {
  test('1-based lines and UTF-16 columns with CRLF, tabs and emoji before the problem', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const lf = readFileSync(join(scratch.dir, 'problems.md'), 'utf8')
      .replace('#### Faster rule evaluation', '#### Faster 🚀 rule evaluation')
      .replace('-\tIssue: https://github.com/prometheus/prometheus/issues/4321', '-\tIssue: 🚀\t😀 https://github.com/prometheus/prometheus/issues');
    writeFileSync(join(scratch.dir, 'lf.md'), lf);
    writeFileSync(join(scratch.dir, 'crlf.md'), lf.replace(/\n/g, '\r\n'));
    const lines = lf.split('\n');
    const at = (f: JsonFinding) => {
      assert.equal(f.line, f.endLine, `single-line finding ${JSON.stringify(f)}`);
      return lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);
    };
    const lfFindings = parseFindings(runCli(cli, ['lint', '--format', 'json', 'lf.md'], scratch.dir).stdout);
    const crlfFindings = parseFindings(runCli(cli, ['lint', '--format', 'json', 'crlf.md'], scratch.dir).stdout);
    assert.deepEqual(
      crlfFindings.map(({ file: _f, ...rest }) => rest),
      lfFindings.map(({ file: _f, ...rest }) => rest),
      'CRLF line ends change no position',
    );
    const label = byRule(crlfFindings, 'field-label')[0];
    assert.ok(label, JSON.stringify(crlfFindings));
    assert.equal(label.line, 10);
    assert.equal(label.column, 3, 'after "-" and a tab');
    assert.match(at(label), /^Metor\(s\)/);
    const missing = byRule(crlfFindings, 'missing-field')[0];
    assert.ok(missing, JSON.stringify(crlfFindings));
    assert.match(at(missing), /rule evaluation$/, 'the end column counts the emoji as two UTF-16 units');
    const issue = byRule(crlfFindings, 'issue-link')[0];
    assert.ok(issue, JSON.stringify(crlfFindings));
    assert.match(at(issue), /^(🚀|😀|https:\/\/github\.com\/prometheus\/prometheus\/issues)/, `the issue-link range starts on its text: "${at(issue)}"`);
  });
});

describe('formats', () => {
  test('stylish: file header, rows, summary, no colour when piped', () => {
    const r = runCli(cli, ['lint', problems]);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, /\u001b\[/);
    const lines = r.stdout.split('\n');
    assert.equal(lines[1], problems);
    assert.match(lines[2]!, /^ {2}\d+:\d+ +(error|warning|info|hint) +\S.* {2}[a-z-]+$/);
    assert.match(r.stdout, /✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\)\n$/);
  });

  test('sarif: one run, all rules, results located with relative forward-slash URIs', () => {
    const r = runCli(cli, ['lint', '--format', 'sarif', problems]);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.ok(log.$schema);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'soc-ideas');
    assert.equal(run.tool.driver.rules.length, RULE_IDS.length);
    const json = parseFindings(runCli(cli, ['lint', '--format', 'json', problems]).stdout);
    assert.equal(run.results.length, json.length);
    for (const [i, result] of run.results.entries()) {
      const f = json[i]!;
      assert.equal(result.ruleId, f.rule);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, f.rule);
      assert.equal(result.level, f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note');
      assert.deepEqual(result.locations[0].physicalLocation, {
        artifactLocation: { uri: problems },
        region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
      });
    }
  });

  test('github: one workflow command per finding', () => {
    const r = runCli(cli, ['lint', '--format', 'github', problems]);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const json = parseFindings(runCli(cli, ['lint', '--format', 'json', problems]).stdout);
    assert.equal(lines.length, json.length);
    for (const [i, line] of lines.entries()) {
      const f = json[i]!;
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      assert.ok(
        line.startsWith(`::${command} file=${problems},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${f.rule}::`),
        line,
      );
    }
  });
});

describe('config', () => {
  test('the nearest .soc-ideas.json applies; --config replaces it; bad entries warn on stderr', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const lint = (...args: string[]) => runCli(cli, ['lint', '--format', 'json', ...args, 'problems.md'], scratch.dir);
    assert.ok(byRule(parseFindings(lint().stdout), 'field-label').length > 0);

    writeFileSync(join(scratch.dir, '.soc-ideas.json'), '{\n  "rules": { "field-label": "off", "missing-field": "warning", "no-such-rule": "off" }\n}\n');
    const near = lint();
    const nearFindings = parseFindings(near.stdout);
    assert.deepEqual(byRule(nearFindings, 'field-label'), []);
    assert.ok(byRule(nearFindings, 'missing-field').every((f) => f.severity === 'warning'));
    assert.equal(near.status, 0, 'the only error was turned into a warning');
    assert.match(near.stderr, /^soc-ideas: \.soc-ideas\.json:2:\d+: Unknown rule id "no-such-rule"/);

    writeFileSync(join(scratch.dir, 'strict.json'), '{ "rules": { "list-marker": "error" } }');
    const replaced = parseFindings(lint('--config', 'strict.json').stdout);
    assert.ok(byRule(replaced, 'field-label').length > 0, 'the nearest config no longer applies');

    const missing = runCli(cli, ['lint', '--config', 'absent.json', 'problems.md'], scratch.dir);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'soc-ideas: absent.json: cannot read config file\n');
  });

  test('--template (relative to the working folder) and a --config template (relative to the config) apply', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    mkdirSync(join(scratch.dir, 'cfg'));
    const template = '### Template\n\n#### Title\n\n-\tDescription:\n-\tRecommended Skills:\n-\tMentor(s):\n-\tIssue:\n-\tDifficulty: Easy, Medium, or Hard\n';
    writeFileSync(join(scratch.dir, 'cfg', 'tpl.md'), template);
    writeFileSync(join(scratch.dir, 'cfg', 'conf.json'), '{ "template": "tpl.md" }');
    const wantsDifficulty = (r: { stdout: string; status: number | null }) => {
      const missing = byRule(parseFindings(r.stdout), 'missing-field');
      assert.equal(r.status, 1);
      assert.equal(missing.length, 1, r.stdout);
      assert.match(missing[0]!.message, /Difficulty/);
    };
    wantsDifficulty(runCli(cli, ['lint', '--format', 'json', '--template', 'cfg/tpl.md', 'clean.md'], scratch.dir));
    wantsDifficulty(runCli(cli, ['lint', '--format', 'json', '--config', 'cfg/conf.json', 'clean.md'], scratch.dir));
    const preset = runCli(cli, ['lint', '--format', 'json', '--template', 'cncf-2019', 'clean.md'], scratch.dir);
    assert.equal(preset.status, 0, preset.stdout + preset.stderr);
  });

  test('a maintainers list: from the nearest config or --config (relative to it), in one thread or several; a broken one warns', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    mkdirSync(join(scratch.dir, 'cfg'));
    writeFileSync(join(scratch.dir, 'cfg', 'maintainers.csv'), 'Project,Maintainer Name,Github Name\r\nKubernetes,Sam Roe,samroe\r\n');
    writeFileSync(join(scratch.dir, 'cfg', 'conf.json'), '{ "maintainers": "maintainers.csv" }');
    const run = (args: string[], workers?: string) => {
      const env = { ...process.env, NO_COLOR: '1', ...(workers ? { SOC_IDEAS_WORKERS: workers } : {}) };
      const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', ...args], { cwd: scratch.dir, env, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const viaFlag = run(['--config', 'cfg/conf.json', 'clean.md']);
    assert.equal(viaFlag.stderr, '');
    const found = byRule(parseFindings(viaFlag.stdout), 'mentor-maintainer');
    assert.equal(found.length, 1, viaFlag.stdout);
    assert.equal(found[0]!.severity, 'info');
    assert.equal(found[0]!.line, 15);
    assert.match(found[0]!.message, /^@janedoe is not listed among the maintainers of Kubernetes in maintainers\.csv \(1 listed\)/);
    assert.equal(viaFlag.status, 0, 'a note is no error');
    // Several files, several threads: the same output.
    const one = run(['--config', 'cfg/conf.json', '.'], '1');
    const two = run(['--config', 'cfg/conf.json', '.'], '2');
    assert.equal(two.stdout, one.stdout);
    assert.ok(byRule(parseFindings(one.stdout), 'mentor-maintainer').length >= 1);
    // The nearest .soc-ideas.json names it the same way.
    writeFileSync(join(scratch.dir, '.soc-ideas.json'), '{ "maintainers": "cfg/maintainers.csv" }');
    assert.deepEqual(byRule(parseFindings(run(['clean.md']).stdout), 'mentor-maintainer'), found);
    // Without a list: nothing.
    rmSync(join(scratch.dir, '.soc-ideas.json'));
    assert.deepEqual(byRule(parseFindings(run(['clean.md']).stdout), 'mentor-maintainer'), []);
    // A broken list: one warning on stderr, no finding, and the run goes on.
    writeFileSync(join(scratch.dir, 'cfg', 'maintainers.csv'), 'Team,Email\nx,y\n');
    const broken = run(['--config', 'cfg/conf.json', 'clean.md']);
    assert.equal(broken.status, 0);
    assert.equal(broken.stderr, 'soc-ideas: cfg/conf.json:1:18: "maintainers": maintainers.csv cannot be used: its header row names no project column (it has "Team", "Email"; a project column and a GitHub handle or name column are needed); mentor-maintainer is not checked\n');
    assert.deepEqual(byRule(parseFindings(broken.stdout), 'mentor-maintainer'), []);
    writeFileSync(join(scratch.dir, '.soc-ideas.json'), '{ "maintainers": "cfg/nope.csv" }');
    const missing = run(['clean.md']);
    assert.equal(missing.stderr, 'soc-ideas: .soc-ideas.json:1:18: "maintainers": nope.csv was not found; mentor-maintainer is not checked\n');
  });

  test('--template with a missing file: exit 2', () => {
    const r = runCli(cli, ['lint', '--template', 'no/such/template.md', problems]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^soc-ideas: no\/such\/template\.md: template file not found\n$/);
  });
});

describe('--fix', () => {
  test('applies the certain fixes, keeps the rest of the file and its mode, reports what remains', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const file = join(scratch.dir, 'problems.md');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o640);
    const fixed = runCli(cli, ['lint', '--fix', '--format', 'json', 'problems.md'], scratch.dir);
    // One count line on stderr (stdout stays the report), naming the rules fixed.
    assert.match(fixed.stderr, /^soc-ideas: fixed (\d+) problems? \((?:[a-z-]+ \d+)(?:, [a-z-]+ \d+)*\) in 1 file\n$/);
    assert.match(fixed.stderr, /field-label \d+/);
    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.match(after, /^-\tMentor\(s\): Sam Roe \(@samroe\)$/m, 'the misspelt label got its canonical form');
    // Every line the fixes did not touch is still there, in order.
    const afterLines = after.split('\n');
    let k = 0;
    for (const line of before.split('\n')) {
      if (line.includes('Metor(s)')) continue;
      const found = afterLines.indexOf(line, k);
      assert.ok(found >= 0, `line kept: ${JSON.stringify(line)}`);
      k = found + 1;
    }
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(scratch.dir).filter((name) => name.endsWith('.soc-ideas-tmp')), [], 'no temporary file left');

    const relint = runCli(cli, ['lint', '--format', 'json', 'problems.md'], scratch.dir);
    assert.deepEqual(byRule(parseFindings(relint.stdout), 'field-label'), []);
    assert.equal(relint.stdout, fixed.stdout, '--fix reported exactly what a new run finds');
    assert.equal(relint.status, fixed.status);
    // A second --fix has nothing left to do, and says so.
    const again = runCli(cli, ['lint', '--fix', 'problems.md'], scratch.dir);
    assert.equal(readFileSync(file, 'utf8'), after);
    assert.equal(again.stderr, 'soc-ideas: fixed 0 problems in 0 files\n');
  });

  test('a symlink stays a symlink: the file it points at is rewritten', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    symlinkSync('problems.md', join(scratch.dir, 'link.md'));
    runCli(cli, ['lint', '--fix', 'link.md'], scratch.dir);
    assert.ok(lstatSync(join(scratch.dir, 'link.md')).isSymbolicLink());
    assert.match(readFileSync(join(scratch.dir, 'problems.md'), 'utf8'), /^-\tMentor\(s\): Sam Roe/m);
  });

  test('a BOM is kept on write and does not move positions', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const text = readFileSync(join(scratch.dir, 'problems.md'), 'utf8');
    writeFileSync(join(scratch.dir, 'bom.md'), `\ufeff${text}`);
    const plain = runCli(cli, ['lint', '--format', 'json', 'problems.md'], scratch.dir).stdout;
    const bom = runCli(cli, ['lint', '--format', 'json', 'bom.md'], scratch.dir).stdout;
    assert.equal(bom.replaceAll('bom.md', 'problems.md'), plain);
    runCli(cli, ['lint', '--fix', 'bom.md', 'problems.md'], scratch.dir);
    const bytes = readFileSync(join(scratch.dir, 'bom.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), readFileSync(join(scratch.dir, 'problems.md'), 'utf8'));
  });

  test('a write that fails: exit 2, one line on stderr, original intact', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    // A name of 250 bytes is fine, but its temporary file's name is over 255: even root cannot create it.
    const name = `${'x'.repeat(247)}.md`;
    const file = join(scratch.dir, name);
    renameSync(join(scratch.dir, 'problems.md'), file);
    const before = readFileSync(file, 'utf8');
    const r = runCli(cli, ['lint', '--fix', '--format', 'json', name], scratch.dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `soc-ideas: ${name}: cannot write fixes (file name too long)\nsoc-ideas: fixed 0 problems in 0 files\n`, 'what was not written is not counted');
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.ok(byRule(parseFindings(r.stdout), 'field-label').length > 0, 'the findings of the unchanged file are reported');
  });

  test('a read-only file (0444) is left alone, by root too: exit 2, original intact', (t) => {
    const scratch = scratchCopy();
    t.after(scratch.dispose);
    const file = join(scratch.dir, 'problems.md');
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o444);
    const r = runCli(cli, ['lint', '--fix', '--format', 'json', 'problems.md'], scratch.dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'soc-ideas: problems.md: cannot write fixes (file is read-only)\nsoc-ideas: fixed 0 problems in 0 files\n');
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.equal(statSync(file).mode & 0o777, 0o444);
    assert.ok(byRule(parseFindings(r.stdout), 'field-label').length > 0, 'the findings of the unchanged file are reported');
  });
});
