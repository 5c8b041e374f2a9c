/** The seed of every random choice the analyses make (Louvain's visiting order, betweenness pivots), so results repeat. */
export const ANALYSIS_SEED = 20240421;

/** A small deterministic generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number = ANALYSIS_SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let z = Math.imul(a ^ (a >>> 15), 1 | a);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct integers of 0..n-1, drawn uniformly without replacement (a partial Fisher–Yates shuffle), in ascending order. */
export function sampleWithoutReplacement(n: number, count: number, random: () => number): Uint32Array {
  const pool = new Uint32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  const k = Math.min(count, n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, k).sort();
}
