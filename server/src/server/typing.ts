// A field being written is not an error yet (issue 15): `- Mentor(s): ` is empty for as long as it
// takes to type the name. An empty-field finding on the line of the last edit is held back until the
// user edits another line (moves on) or pauses; then the same check is published whole.
import type { Analysis } from './analysis';
import type { OpenDocument } from './documents';

/** Rules whose finding on the line being written waits for the user to move on or pause. */
const HELD_RULES: ReadonlySet<string> = new Set(['empty-field']);

export interface HeldBack {
  /** The analysis without the held findings: what to publish now. */
  readonly shown: Analysis;
  /** When (ms from now) the pause is over and the whole analysis is due. */
  readonly dueIn: number;
}

/** What to hold back of `analysis` while its document is being typed in; undefined: publish it whole. */
export function holdWhileTyping(analysis: Analysis, doc: OpenDocument, pauseMs: number, now = Date.now()): HeldBack | undefined {
  const { result } = analysis;
  const edit = doc.lastEdit;
  if (!result || !edit || pauseMs <= 0) return undefined;
  const dueIn = edit.at + pauseMs - now;
  if (dueIn <= 0) return undefined;
  const lines = result.doc.lines;
  const findings = result.findings.filter((f) => !(HELD_RULES.has(f.rule) && lines.positionAt(f.span.start).line === edit.line));
  if (findings.length === result.findings.length) return undefined;
  return { shown: { ...analysis, result: { ...result, findings } }, dueIn };
}
