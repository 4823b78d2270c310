// `soc-ideas lint`: read every file first (so a bad one stops the run before anything is written),
// index them all for the cross-file rules, then check, fix when asked, and report.
import { relative, resolve } from 'node:path';
import { checkDocument, type CheckResult } from '../engine/check';
import { applyFixes, automaticFixes } from '../engine/findings/fix';
import type { IdeaDocument } from '../engine/parse/model';
import { parseDocument } from '../engine/parse/parse';
import { WorkspaceIndex } from '../engine/workspace/workspace';
import { fileUri, uriToPath } from '../node/nodeHost';
import type { LintCommand } from './args';
import { findingsOnChanges } from './changed';
import { expandPaths, readText, writeTextAtomically, type FileStamp, type InputFile, type ReadText } from './files';
import { formatFindings } from './formatters';
import { issueCheck } from './issues';
import { changesSince, type ChangesSince } from './git';
import { compareFindings, toCliFinding, type CliFinding } from './report';
import { cliEnvironment, type CliEnvironment } from './settings';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (line: string) => void;
  readonly color: boolean;
  readonly version: string;
  /** Called with the file's path just before a fixed file replaces it (tests make a concurrent edit there). */
  readonly beforeRename?: (path: string) => void;
}

/** How many times `--fix` re-checks and applies again (a fix can make room for another). */
const MAX_FIX_PASSES = 10;

interface Loaded {
  readonly file: InputFile;
  readonly uri: string;
  content: ReadText;
  /** Of the file as read: fixes are written only over exactly that. */
  readonly stamp: FileStamp;
  doc: IdeaDocument;
}

export async function runLint(command: LintCommand, io: CliIo): Promise<number> {
  const env = cliEnvironment(command, io.cwd);
  for (const w of env.warnings) io.stderr(`soc-ideas: ${w}`);

  const loaded: Loaded[] = expandPaths(command.paths).map((file) => {
    const { stamp, ...content } = readText(file);
    return { file, uri: fileUri(file.path), content, stamp, doc: parseDocument(content.text) };
  });
  const index = new WorkspaceIndex();
  for (const entry of loaded) index.update(entry.uri, entry.doc);
  // Ask git before checking anything, so a bad revision stops the run at once.
  const changes: ChangesSince | undefined = command.changedSince !== undefined ? changesSince(command.changedSince, command.paths, io.cwd) : undefined;
  // A folder contributes only its idea files; a file named on the command line is always reported.
  const targets = loaded.filter((entry) => entry.doc.isIdeaFile || entry.file.explicit);

  const checkIssues = command.checkIssues ? issueCheck(io, env, index) : undefined;
  const findings: CliFinding[] = [];
  const reported = new Set<string>();
  let writeFailed = false;
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
        } catch (e) {
          // The original is intact: report its findings as they are.
          io.stderr(`soc-ideas: ${(e as Error).message}`);
          index.update(entry.uri, result.doc);
          writeFailed = true;
        }
      }
    }
    if (checkIssues) result = await checkIssues(entry.uri, result);
    reportOnce(result, entry.file.display, reported, io);
    const shown = changes ? findingsOnChanges(result.doc, result.findings, changes.get(entry.file.path)) : result.findings;
    for (const f of shown) findings.push(toCliFinding(entry.file.display, result.doc.lines, f));
  }

  findings.sort(compareFindings);
  // SARIF and GitHub annotations locate files relative to the repository (the working folder in CI).
  const relativePaths = command.format === 'sarif' || command.format === 'github';
  const shown = relativePaths ? findings.map((f) => ({ ...f, file: relativePath(f.file, io.cwd) })) : findings;
  io.stdout(formatFindings(command.format, shown, { color: io.color, version: io.version }));
  if (writeFailed) return 2;
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function check(entry: Loaded, env: CliEnvironment, index: WorkspaceIndex, text = entry.content.text, doc = entry.doc): Promise<CheckResult> {
  return checkDocument({ uri: entry.uri, text, doc, host: env.host, settings: env.settings, workspace: index });
}

/** Apply fixes until none applies; returns the final text and its check result. */
async function fixAll(entry: Loaded, env: CliEnvironment, index: WorkspaceIndex, first: CheckResult): Promise<{ text: string; result: CheckResult }> {
  let text = entry.content.text;
  let result = first;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = automaticFixes(result.findings);
    if (fixes.length === 0) break;
    const applied = applyFixes(text, fixes);
    if (applied.applied === 0 || applied.text === text) break;
    text = applied.text;
    const doc = parseDocument(text);
    index.update(entry.uri, doc);
    result = await check(entry, env, index, text, doc);
  }
  return { text, result };
}

/** Config file problems and template notes go to stderr, each once however many files share them; a file's notice (checks limited) once for that file. */
export function reportOnce(result: CheckResult, shownFile: string, reported: Set<string>, io: CliIo): void {
  const uri = result.config.uri;
  if (uri !== undefined && !reported.has(uri)) {
    reported.add(uri);
    const path = uriToPath(uri);
    const shown = path !== undefined ? relative(io.cwd, path) : uri;
    for (const p of result.config.problems) io.stderr(`soc-ideas: ${shown}:${p.line + 1}:${p.character + 1}: ${p.message}`);
  }
  for (const note of result.resolved.notes) {
    if (reported.has(note)) continue;
    reported.add(note);
    io.stderr(`soc-ideas: ${note}`);
  }
  if (result.notice) io.stderr(`soc-ideas: ${shownFile}: ${result.notice}`);
}

/** Relative to the working folder, with forward slashes. */
function relativePath(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split(/[\\/]/).join('/');
}
