// Applies fixes to a text. Edits that overlap an edit already taken are skipped (a later pass
// picks them up), so applying never garbles text and every byte outside the edits is kept.
import type { Finding, Fix, TextEdit } from './findings';

export interface FixResult {
  readonly text: string;
  readonly applied: number;
  readonly skipped: number;
}

export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const taken: TextEdit[] = [];
  let applied = 0;
  let skipped = 0;
  for (const fix of fixes) {
    if (fix.interactive) continue;
    const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
    const valid = edits.every((e) => e.span.start >= 0 && e.span.end <= text.length && e.span.start <= e.span.end);
    const overlaps = edits.some((e, i) => (i > 0 && edits[i - 1]!.span.end > e.span.start) || taken.some((t) => overlap(t, e)));
    if (!valid || overlaps) {
      skipped++;
      continue;
    }
    taken.push(...edits);
    applied++;
  }
  taken.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const edit of taken) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return { text: out, applied, skipped };
}

/** Two edits touch the same text (two inserts at one point also count: their order would be a guess). */
function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === b.span.start) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/** The fixes of these findings that fix-all may apply. */
export function automaticFixes(findings: readonly Finding[]): Fix[] {
  return findings.flatMap((f) => (f.fix && !f.fix.interactive ? [f.fix] : []));
}
