/**
 * A small deterministic generator of numbers in [0, 1), so a benchmark or tuning run that samples
 * can be repeated exactly from its seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
