// `soc-ideas lint`: read every file first (so a bad one stops the run before anything is written),
// index them all for the cross-file rules, then check, fix when asked, and report. Without --fix,
// several files are parsed and checked on worker threads (parallel.ts), one per core.
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { checkDocument, type CheckResult } from '../engine/check';
import { describeFixes, fixUntilStable } from '../engine/findings/fix';
import type { IdeaDocument } from '../engine/parse/model';
import { parseDocument } from '../engine/parse/parse';
import { WorkspaceIndex } from '../engine/workspace/workspace';
import { fileUri, uriToPath } from '../node/nodeHost';
import type { LintCommand } from './args';
import { expandPaths, readText, writeTextAtomically, type FileStamp, type InputFile, type ReadText } from './files';
import { formatFindings } from './formatters';
import { issueCheck } from './issues';
import { changesSince, type ChangesSince } from './git';
import { lintInWorkers } from './parallel';
import { compareFindings, fileReport, type CliFinding, type FileReport } from './report';
import { cliEnvironment, type CliEnvironment } from './settings';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (line: string) => void;
  readonly color: boolean;
  readonly version: string;
  /** Called with the file's path just before a fixed file replaces it (tests make a concurrent edit there). */
  readonly beforeRename?: (path: string) => void;
  /** The worker threads' script (dist/cli-worker.js beside dist/cli.js); without it every file is checked in this thread. */
  readonly workerScript?: string;
  /** dist/compile-cache.js beside dist/cli.js: worker threads run their script through V8's code cache. */
  readonly compileCacheScript?: string;
}

/** Overrides the number of worker threads (a whole number; 1: every file in the main thread). Tests compare the two. */
export const WORKERS_ENV = 'SOC_IDEAS_WORKERS';

interface Loaded {
  readonly file: InputFile;
  readonly uri: string;
  content: ReadText;
  /** Of the file as read: fixes are written only over exactly that. */
  readonly stamp: FileStamp;
  doc: IdeaDocument;
}

/** Tells one file's report: to stderr what it has to say, and its findings into the output. */
type Emit = (shownFile: string, report: FileReport) => void;

export async function runLint(command: LintCommand, io: CliIo): Promise<number> {
  const env = cliEnvironment(command, io.cwd);
  for (const w of env.warnings) io.stderr(`soc-ideas: ${w}`);

  const files = expandPaths(command.paths);
  const findings: CliFinding[] = [];
  const reported = new Set<string>();
  const emit: Emit = (shownFile, report) => {
    reportOnce(report, shownFile, reported, io);
    for (const f of report.findings) findings.push(f);
  };
  // Ask git only once every file was read, so an unreadable file is the error told first.
  const changes = command.changedSince !== undefined ? () => changesSince(command.changedSince!, command.paths, io.cwd) : undefined;
  // --fix checks each file against the others as fixed so far, and --check-issues asks GitHub once per
  // issue across files: one after another, in this thread.
  const workers = command.fix || command.checkIssues || io.workerScript === undefined ? 1 : workerCount(files.length);
  let writeFailed = false;
  if (workers > 1) {
    for (const { shownFile, report } of await lintInWorkers(io.workerScript!, io.compileCacheScript, workers, env.shared, files, changes)) emit(shownFile, report);
  } else {
    writeFailed = await lintInThisThread(files, command, env, io, changes, emit);
  }

  findings.sort(compareFindings);
  // SARIF and GitHub annotations locate files relative to the repository (the working folder in CI).
  const relativePaths = command.format === 'sarif' || command.format === 'github';
  const shown = relativePaths ? findings.map((f) => ({ ...f, file: relativePath(f.file, io.cwd) })) : findings;
  io.stdout(formatFindings(command.format, shown, { color: io.color, version: io.version }));
  if (writeFailed) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** One thread per core, never more than files; SOC_IDEAS_WORKERS overrides the cores. */
function workerCount(files: number): number {
  const asked = Number(process.env[WORKERS_ENV]);
  const threads = Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
  return Math.min(threads, files);
}

/** Every file in this thread, in order; with --fix, each checked against the others as fixed so far. Returns whether a fix could not be written. */
async function lintInThisThread(
  files: readonly InputFile[],
  command: LintCommand,
  env: CliEnvironment,
  io: CliIo,
  changedSince: (() => ChangesSince) | undefined,
  emit: Emit,
): Promise<boolean> {
  const loaded: Loaded[] = files.map((file) => {
    const { stamp, ...content } = readText(file);
    return { file, uri: fileUri(file.path), content, stamp, doc: parseDocument(content.text) };
  });
  const index = new WorkspaceIndex();
  for (const entry of loaded) index.update(entry.uri, entry.doc);
  const changes = changedSince?.();
  // A folder contributes only its idea files; a file named on the command line is always reported.
  const targets = loaded.filter((entry) => entry.doc.isIdeaFile || entry.file.explicit);

  const checkIssues = command.checkIssues ? issueCheck(io, env, index) : undefined;
  let writeFailed = false;
  // What --fix wrote, for its count line: fixes per rule over every file written.
  const written = { fixes: 0, files: 0, byRule: new Map<string, number>() };
  for (const entry of targets) {
    let result = await check(entry, env, index);
    if (command.fix) {
      const fixed = await fixAll(entry, env, index, result);
      if (fixed.text !== entry.content.text) {
        try {
          const beforeRename = io.beforeRename;
          writeTextAtomically(entry.file, { text: fixed.text, bom: entry.content.bom }, entry.stamp, beforeRename ? { beforeRename: () => beforeRename(entry.file.path) } : {});
          entry.content = { text: fixed.text, bom: entry.content.bom };
          entry.doc = fixed.result.doc;
          result = fixed.result;
          written.files++;
          written.fixes += fixed.fixes;
          for (const [rule, n] of fixed.byRule) written.byRule.set(rule, (written.byRule.get(rule) ?? 0) + n);
        } catch (e) {
          // The original is intact: report its findings as they are.
          io.stderr(`soc-ideas: ${(e as Error).message}`);
          index.update(entry.uri, result.doc);
          writeFailed = true;
        }
      }
    }
    if (checkIssues) result = await checkIssues(entry.uri, result);
    emit(entry.file.display, fileReport(entry.file.display, result, changes && { inFile: changes.get(entry.file.path) }));
  }
  if (command.fix) io.stderr(`soc-ideas: fixed ${describeFixes(written)} in ${written.files} ${written.files === 1 ? 'file' : 'files'}`);
  return writeFailed;
}

function check(entry: Loaded, env: CliEnvironment, index: WorkspaceIndex, text = entry.content.text, doc = entry.doc): Promise<CheckResult> {
  return checkDocument({ uri: entry.uri, text, doc, host: env.host, settings: env.settings, workspace: index });
}

/** Apply the certain fixes until none applies (as fix-all does in the editor); the final text, its check result and what was fixed. */
function fixAll(entry: Loaded, env: CliEnvironment, index: WorkspaceIndex, first: CheckResult) {
  return fixUntilStable(entry.content.text, first, (text) => {
    const doc = parseDocument(text);
    index.update(entry.uri, doc);
    return check(entry, env, index, text, doc);
  });
}

/** Config file problems and template notes go to stderr, each once however many files share them; a file's notice (checks limited) once for that file. */
export function reportOnce(report: Omit<FileReport, 'findings'>, shownFile: string, reported: Set<string>, io: CliIo): void {
  const uri = report.config.uri;
  if (uri !== undefined && !reported.has(uri)) {
    reported.add(uri);
    const path = uriToPath(uri);
    const shown = path !== undefined ? relative(io.cwd, path) : uri;
    for (const p of report.config.problems) io.stderr(`soc-ideas: ${shown}:${p.line + 1}:${p.character + 1}: ${p.message}`);
  }
  for (const note of report.notes) {
    if (reported.has(note)) continue;
    reported.add(note);
    io.stderr(`soc-ideas: ${note}`);
  }
  if (report.notice) io.stderr(`soc-ideas: ${shownFile}: ${report.notice}`);
}

/** Relative to the working folder, with forward slashes. */
function relativePath(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split(/[\\/]/).join('/');
}
