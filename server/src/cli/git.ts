// What changed since a git revision, per file: read from `git diff --unified=0` and `git ls-files --others`.
import { spawnSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { FileError } from './files';

/** Changes to one file, in 1-based line numbers of its current text. */
export interface FileChanges {
  /** New or untracked since the revision: every line counts as added. */
  readonly all: boolean;
  /** Lines added or changed. */
  readonly added: ReadonlySet<number>;
  /** Lines after which lines were deleted (0: at the top of the file). */
  readonly deletedAfter: ReadonlySet<number>;
}

export interface ChangesSince {
  /** Changes of the file at this absolute path; undefined when it did not change. */
  readonly get: (path: string) => FileChanges | undefined;
}

/**
 * Compares the revision with the working tree (staged and unstaged changes alike) for the `paths` the
 * user named (relative to `cwd`). The repository is the one holding the first path, so
 * `soc-ideas lint --changed-since main ../other-repo/ideas` works from anywhere.
 */
export function changesSince(ref: string, given: readonly string[], cwd: string): ChangesSince {
  const paths = given.map((p) => resolve(cwd, p));
  const first = paths[0] ?? cwd;
  const where = isDirectory(first) ? first : dirname(first);
  const top = git(['rev-parse', '--show-toplevel'], where);
  if (top.status !== 0) throw new FileError(`--changed-since needs a git repository: ${firstLine(top.stderr) || `none at ${where}`}`);
  const root = realpath(top.stdout.replace(/\r?\n$/, ''));
  const verified = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], where);
  if (verified.status !== 0) throw new FileError(`--changed-since: '${ref}' is not a commit in the repository at ${root}`);

  // Absolute pathspecs, matched literally so `*` or `:` in a name mean nothing special.
  const diff = git(
    ['--literal-pathspecs', '-c', 'core.quotePath=false', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', ref, '--', ...paths],
    where,
  );
  if (diff.status !== 0) throw new FileError(`--changed-since: git diff failed: ${firstLine(diff.stderr)}`);
  const untracked = git(['--literal-pathspecs', 'ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...paths], where);
  if (untracked.status !== 0) throw new FileError(`--changed-since: git ls-files failed: ${firstLine(untracked.stderr)}`);

  const byPath = parseUnifiedDiff(diff.stdout);
  for (const name of untracked.stdout.split('\0')) {
    if (name !== '') byPath.set(name, { all: true, added: new Set(), deletedAfter: new Set() });
  }
  return {
    get(path) {
      // Real folder (so /tmp → /private/tmp and the like match), the file's own name (a symlinked file is its own entry).
      const rel = relative(root, join(realpath(dirname(path)), basename(path)));
      return byPath.get(rel.split(sep).join('/'));
    },
  };
}

/** Changes per file (path relative to the repository root) in the output of `git diff --unified=0`. */
export function parseUnifiedDiff(text: string): Map<string, FileChanges> {
  const out = new Map<string, FileChanges>();
  let current: { all: boolean; added: Set<number>; deletedAfter: Set<number> } | undefined;
  let fromNothing = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      fromNothing = false;
    } else if (line.startsWith('--- ')) {
      fromNothing = line === '--- /dev/null';
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      if (target === '/dev/null') continue; // deleted: nothing left to report on
      const path = unquote(target).replace(/^b\//, '');
      current = { all: fromNothing, added: new Set(), deletedAfter: new Set() };
      out.set(path, current);
    } else if (current && line.startsWith('@@ ')) {
      const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const removed = hunk[1] === undefined ? 1 : Number(hunk[1]);
      const start = Number(hunk[2]);
      const count = hunk[3] === undefined ? 1 : Number(hunk[3]);
      // With no added line, git numbers the hunk by the line before the deletion.
      if (count === 0) {
        if (removed > 0) current.deletedAfter.add(start);
      } else {
        for (let l = start; l < start + count; l++) current.added.add(l);
      }
    }
  }
  return out;
}

/** git's C-style quoting of odd file names (`"a\tb.md"`, octal bytes for the rest). */
export function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"') || name.length < 2) return name;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  const body = Buffer.from(name.slice(1, -1), 'utf8');
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (byte !== 92 || i + 1 >= body.length) {
      bytes.push(byte);
      continue;
    }
    const next = String.fromCharCode(body[i + 1]!);
    const octal = /^[0-7]{3}$/.exec(body.subarray(i + 1, i + 4).toString('latin1'));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (simple[next] !== undefined) {
      bytes.push(simple[next]!);
      i += 1;
    } else {
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function git(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new FileError(`--changed-since needs git: ${code === 'ENOENT' ? 'git is not installed or not on PATH' : r.error.message}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((l) => l.trim() !== '')?.replace(/^fatal: /, '') ?? '';
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
