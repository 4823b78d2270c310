// The command line, parsed by hand: two commands, a handful of flags, no dependency.

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export const OUTLINE_FORMATS = ['text', 'json'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];
export type OutlineFormat = (typeof OUTLINE_FORMATS)[number];

export interface LintCommand {
  readonly command: 'lint';
  readonly format: LintFormat;
  readonly config?: string;
  readonly template?: string;
  readonly fix: boolean;
  /** Look each linked issue up on GitHub (issue-state, issue-assigned): the only option that makes requests. */
  readonly checkIssues?: true;
  /** A git revision: report only findings on lines changed since it (see changed.ts). */
  readonly changedSince?: string;
  readonly paths: readonly string[];
}

export interface OutlineCommand {
  readonly command: 'outline';
  readonly format: OutlineFormat;
  readonly config?: string;
  readonly template?: string;
  readonly file: string;
}

export type Command = LintCommand | OutlineCommand | { readonly command: 'help' } | { readonly command: 'version' };

/** Bad usage: main prints the message and the usage on stderr and exits 2. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  soc-ideas lint [--format stylish|json|sarif|github] [--config FILE] [--template FILE]
                 [--fix | --changed-since REF] [--check-issues] PATH...
  soc-ideas outline [--format text|json] [--config FILE] [--template FILE] FILE
  soc-ideas --help | --version

lint     check idea files (a directory means every idea file under it)
outline  print the projects and ideas of one file

Options:
  --format    output format (lint: stylish, json, sarif, github; outline: text, json)
  --config    use this config file instead of the nearest .soc-ideas.json
  --template  template file (or built-in preset id) to check against
  --fix       apply every certain fix, then report what remains
  --changed-since REF
              report only problems on lines added or changed since the git revision REF
              (and problems on an idea's heading when any line of that idea changed)
  --check-issues
              look every linked issue up on GitHub (a token from GITHUB_TOKEN, if set):
              report issues that do not exist, are closed or are assigned to someone else
Exit codes: 0 no error found, 1 errors found, 2 bad usage, unreadable file or fixes not written.`;

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('missing command');
  const first = args[0]!;
  if (first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  if (first !== 'lint' && first !== 'outline') throw new UsageError(`unknown command '${first}'`);

  const flags: { format?: string; config?: string; template?: string; 'changed-since'?: string; fix: boolean; checkIssues: boolean } = { fix: false, checkIssues: false };
  const positional: string[] = [];
  let help = false;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--fix' && first === 'lint') {
      flags.fix = true;
      continue;
    }
    if (arg === '--check-issues' && first === 'lint') {
      flags.checkIssues = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (name !== 'format' && name !== 'config' && name !== 'template' && !(name === 'changed-since' && first === 'lint')) {
        throw new UsageError(`unknown option '${arg}'`);
      }
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else value = args[++i];
      if (value === undefined || value === '') throw new UsageError(`option '--${name}' needs a value`);
      if (flags[name] !== undefined) throw new UsageError(`option '--${name}' given twice`);
      flags[name] = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    positional.push(arg);
  }
  if (help) return { command: 'help' };

  const common = {
    ...(flags.config !== undefined ? { config: flags.config } : {}),
    ...(flags.template !== undefined ? { template: flags.template } : {}),
  };
  if (first === 'lint') {
    const format = flags.format ?? 'stylish';
    if (!(LINT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format '${format}' for lint (use ${LINT_FORMATS.join(', ')})`);
    }
    if (positional.length === 0) throw new UsageError('lint needs at least one PATH');
    const changedSince = flags['changed-since'];
    if (changedSince !== undefined && flags.fix) throw new UsageError("'--fix' and '--changed-since' cannot be used together");
    if (changedSince?.startsWith('-')) throw new UsageError(`'--changed-since' needs a git revision, not '${changedSince}'`);
    return {
      command: 'lint',
      format: format as LintFormat,
      fix: flags.fix,
      ...(flags.checkIssues ? { checkIssues: true as const } : {}),
      ...(changedSince !== undefined ? { changedSince } : {}),
      paths: positional,
      ...common,
    };
  }
  const format = flags.format ?? 'text';
  if (!(OUTLINE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' for outline (use ${OUTLINE_FORMATS.join(', ')})`);
  }
  if (positional.length !== 1) throw new UsageError('outline needs exactly one FILE');
  return { command: 'outline', format: format as OutlineFormat, file: positional[0]!, ...common };
}
