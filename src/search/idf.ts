/** Inverse document frequency, BM25's form (always > 0): how much a stem used by `df` of `n` documents tells. */
export function idfOf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
