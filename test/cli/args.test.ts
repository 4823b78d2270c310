import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

test('lint: defaults and every flag, in both --flag value and --flag=value forms', () => {
  assert.deepEqual(parseArgs(['lint', 'a.md']), { command: 'lint', format: 'stylish', fix: false, paths: ['a.md'] });
  assert.deepEqual(parseArgs(['lint', '--format', 'json', '--config=c.json', '--template', 't.md', '--fix', 'a.md', 'dir']), {
    command: 'lint',
    format: 'json',
    fix: true,
    paths: ['a.md', 'dir'],
    config: 'c.json',
    template: 't.md',
  });
  assert.deepEqual(parseArgs(['lint', '--', '--weird.md']), { command: 'lint', format: 'stylish', fix: false, paths: ['--weird.md'] });
});

test('outline: one file, text by default', () => {
  assert.deepEqual(parseArgs(['outline', 'a.md']), { command: 'outline', format: 'text', file: 'a.md' });
  assert.deepEqual(parseArgs(['outline', '--format', 'json', 'a.md']), { command: 'outline', format: 'json', file: 'a.md' });
});

test('help and version', () => {
  assert.deepEqual(parseArgs(['--help']), { command: 'help' });
  assert.deepEqual(parseArgs(['lint', '--help']), { command: 'help' });
  assert.deepEqual(parseArgs(['--version']), { command: 'version' });
});

test('bad usage is a UsageError with a reason', () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /missing command/],
    [['check', 'a.md'], /unknown command 'check'/],
    [['lint'], /at least one PATH/],
    [['lint', '--bogus', 'a.md'], /unknown option '--bogus'/],
    [['lint', '-x', 'a.md'], /unknown option '-x'/],
    [['lint', '--format', 'text', 'a.md'], /unknown format 'text' for lint/],
    [['lint', 'a.md', '--format'], /needs a value/],
    [['lint', '--format', 'json', '--format', 'json', 'a.md'], /given twice/],
    [['outline', 'a.md', 'b.md'], /exactly one FILE/],
    [['outline', '--format', 'sarif', 'a.md'], /unknown format 'sarif' for outline/],
    [['outline', '--fix', 'a.md'], /unknown option '--fix'/],
  ];
  for (const [argv, reason] of cases) {
    assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && reason.test(e.message), argv.join(' '));
  }
});

test('lint --changed-since: a revision in both forms; not for outline, not with --fix, never an option', () => {
  assert.deepEqual(parseArgs(['lint', '--changed-since', 'origin/main', 'ideas']), {
    command: 'lint',
    format: 'stylish',
    fix: false,
    changedSince: 'origin/main',
    paths: ['ideas'],
  });
  assert.equal((parseArgs(['lint', '--changed-since=HEAD~2', '.']) as { changedSince?: string }).changedSince, 'HEAD~2');
  const cases: Array<[string[], RegExp]> = [
    [['outline', '--changed-since', 'HEAD', 'a.md'], /unknown option '--changed-since'/],
    [['lint', '--fix', '--changed-since', 'HEAD', '.'], /cannot be used together/],
    [['lint', '--changed-since', '--fix', '.'], /needs a git revision, not '--fix'/],
    [['lint', '--changed-since', 'a', '--changed-since', 'b', '.'], /given twice/],
    [['lint', '.', '--changed-since'], /needs a value/],
  ];
  for (const [argv, message] of cases) assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message), argv.join(' '));
});
