/**
 * A seeded pseudo-random generator (mulberry32), and a way to run code that calls Math.random with it instead.
 *
 * fCoSE draws its spectral starting layout with Math.random and offers no seed, so the same network would land
 * differently on every load and a shared link would show another picture. Running the (synchronous) layout with
 * Math.random swapped for a seeded generator makes it repeatable; the original is always put back.
 */

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` (which must be synchronous) with Math.random seeded; restores Math.random even when it throws. */
export function withSeededRandom<T>(seed: number, work: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return work();
  } finally {
    Math.random = original;
  }
}
