// Binary search over lists kept in text order (headings, ideas, findings by place).

/**
 * The first index in [from, length) where `before(index)` is false, for a `before` that holds for a
 * leading run of the list and then never again (a partition point; `length` when it always holds).
 */
export function partitionPoint(length: number, before: (index: number) => boolean, from = 0): number {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
