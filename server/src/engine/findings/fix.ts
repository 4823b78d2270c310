// Applies fixes to a text. Edits that overlap an edit already taken are skipped (a later pass
// picks them up), so applying never garbles text and every byte outside the edits is kept.
import type { Finding, Fix, TextEdit } from './findings';

export interface FixResult {
  readonly text: string;
  readonly applied: number;
  readonly skipped: number;
  /** The fixes applied (the others overlapped one of them, or did not fit the text). */
  readonly appliedFixes: readonly Fix[];
}

export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const taken: TextEdit[] = [];
  const appliedFixes: Fix[] = [];
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
    appliedFixes.push(fix);
    applied++;
  }
  taken.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const edit of taken) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return { text: out, applied, skipped, appliedFixes };
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

/** How many times fix-all re-checks and applies again (a fix can make room for another). */
export const MAX_FIX_PASSES = 10;

export interface FixAllResult<R> {
  readonly text: string;
  /** The check of `text` (the first one when nothing was fixed). */
  readonly result: R;
  /** Fixes applied over all passes, per rule (a fix shared by several findings counts once). */
  readonly byRule: ReadonlyMap<string, number>;
  readonly fixes: number;
}

/**
 * Fix-all, `--fix` and `source.fixAll`: every automatic fix, applied and the text checked again,
 * until nothing changes (at most MAX_FIX_PASSES passes). `recheck` is the caller's own check.
 */
export async function fixUntilStable<R extends { readonly findings: readonly Finding[] }>(
  text: string,
  first: R,
  recheck: (text: string) => Promise<R>,
): Promise<FixAllResult<R>> {
  let result = first;
  const byRule = new Map<string, number>();
  let fixes = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const ruleOf = new Map<Fix, string>();
    for (const f of result.findings) if (f.fix && !f.fix.interactive && !ruleOf.has(f.fix)) ruleOf.set(f.fix, f.rule);
    if (!ruleOf.size) break;
    const applied = applyFixes(text, [...ruleOf.keys()]);
    if (applied.applied === 0 || applied.text === text) break;
    text = applied.text;
    for (const fix of applied.appliedFixes) {
      const rule = ruleOf.get(fix)!;
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      fixes++;
    }
    result = await recheck(text);
  }
  return { text, result, byRule, fixes };
}

/** "3 problems (list-marker 2, field-label 1)": what a fix-all fixed, for the user. */
export function describeFixes(fixed: Pick<FixAllResult<unknown>, 'byRule' | 'fixes'>): string {
  const parts = [...fixed.byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => `${rule} ${n}`);
  return `${fixed.fixes} ${fixed.fixes === 1 ? 'problem' : 'problems'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}
