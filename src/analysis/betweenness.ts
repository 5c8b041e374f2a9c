import type { AnalysisGraph } from './analysis-graph';
import { BrandesSearch } from './brandes';
import { runNow, type Work } from './paced-work';
import { sampleWithoutReplacement, seededRandom } from './seeded-random';

/**
 * Normalised betweenness, exact or estimated from a sample of pivots.
 *
 * Exact: Brandes' algorithm with every entity as a source, normalised as networkx does: the sum over ordered pairs (s, t)
 * of the share of shortest s–t paths through v, divided by (n − 1)(n − 2), for directed and undirected graphs alike.
 *
 * Sampled (Brandes & Pich 2007, as networkx's `k`): single-source dependencies are accumulated from k pivots drawn
 * without replacement and scaled as networkx 3.6 does: by 1/(k (n − 2)) for an entity that was not a pivot and by
 * 1/((k − 1)(n − 2)) for one that was (a pivot is never inside its own paths). Each pivot adds to v a term in [0, 1],
 * so by Hoeffding's inequality (which holds for sampling without replacement) and a union bound over the n entities,
 * every estimate is within ±sqrt(ln(2n/δ) / (2(k − 1))) of the exact value with probability at least 1 − δ.
 *
 * Closeness needs all distances too, so on the same networks it is estimated from the same searches (Eppstein & Wang
 * 2004): with r the pivots that reach v and Σd their distances to it, (r / Σd) × (r / k_v), k_v the pivots other than
 * v; with every entity a pivot that is the exact Wasserman–Faust closeness.
 *
 * Both are computed as Work (paced-work.ts) that yields after each pivot, so that a server computes them in slices.
 */

export interface Betweenness {
  readonly values: Float64Array;
  /** Closeness from the same searches (see above). */
  readonly closeness: Float64Array;
  readonly approximate: boolean;
  /** Pivots used (n when exact). */
  readonly samples: number;
  /** Largest difference from the exact value, with probability `confidence` for every entity at once; 0 when exact. */
  readonly errorBound: number;
  readonly confidence: number;
}

export const BETWEENNESS_CONFIDENCE = 0.95;

/**
 * Above this many node visits plus tie scans (n × (n + m) for the exact computation) betweenness is sampled by
 * default: about a second of work on one idle core (node visits and tie scans cost some 10 ns each).
 */
export const EXACT_BETWEENNESS_WORK = 100_000_000;
/** Fewest pivots a default sample takes. */
export const MIN_DEFAULT_SAMPLES = 32;
/** Most pivots a query may ask for. */
export const MAX_SAMPLES = 100_000;

/** The pivots a query uses when it does not say: all (exact) when the exact work fits the budget, else as many as fit it. */
export function defaultSamples(order: number, ties: number): number {
  const perPivot = order + ties;
  if (order * perPivot <= EXACT_BETWEENNESS_WORK) return order;
  return Math.min(order, Math.max(MIN_DEFAULT_SAMPLES, Math.floor(EXACT_BETWEENNESS_WORK / perPivot)));
}

export function hoeffdingBound(order: number, samples: number, confidence: number = BETWEENNESS_CONFIDENCE): number {
  if (samples >= order) return 0;
  if (samples < 2) return 1;
  return Math.min(1, Math.sqrt(Math.log((2 * order) / (1 - confidence)) / (2 * (samples - 1))));
}

export function betweenness(analysis: AnalysisGraph, samples?: number): Betweenness {
  return runNow(betweennessWork(analysis, samples));
}

/** Betweenness with `samples` pivots (every entity, exact, when samples ≥ n), yielding the share done after each pivot. */
export function* betweennessWork(analysis: AnalysisGraph, samples: number = defaultSamples(analysis.order, analysis.ties)): Work<Betweenness> {
  const n = analysis.order;
  const pivots = samples >= n ? Uint32Array.from({ length: n }, (_, i) => i) : sampleWithoutReplacement(n, samples, seededRandom());
  return yield* estimateWork(analysis, pivots);
}

/** Betweenness and closeness estimated from these pivots (all of them: the exact values). */
export function estimateFromPivots(analysis: AnalysisGraph, pivots: Uint32Array): Betweenness {
  return runNow(estimateWork(analysis, pivots));
}

function* estimateWork(analysis: AnalysisGraph, pivots: Uint32Array): Work<Betweenness> {
  const n = analysis.order;
  const { dependencies: values, reached, distances } = yield* accumulate(analysis, pivots);
  const isPivot = new Uint8Array(n);
  for (const pivot of pivots) isPivot[pivot] = 1;
  const k = pivots.length;
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    values[v] *= n <= 2 ? 0 : isPivot[v] ? (k > 1 ? 1 / ((k - 1) * (n - 2)) : 0) : 1 / (k * (n - 2));
    const others = isPivot[v] ? k - 1 : k;
    closeness[v] = distances[v] > 0 && others > 0 ? (reached[v] / distances[v]) * (reached[v] / others) : 0;
  }
  const approximate = k < n;
  return { values, closeness, approximate, samples: k, errorBound: hoeffdingBound(n, k), confidence: approximate ? BETWEENNESS_CONFIDENCE : 1 };
}

/**
 * Over the pivots s: the sums of the single-source dependencies δ_s(v) (Brandes' accumulation), and for closeness how
 * many pivots reach v and their summed distances to it.
 */
function* accumulate(analysis: AnalysisGraph, pivots: Uint32Array): Generator<number, { dependencies: Float64Array; reached: Uint32Array; distances: Float64Array }, void> {
  const n = analysis.order;
  const search = new BrandesSearch(analysis);
  const { visited, distance, sigma, inStarts, inNeighbors } = search;
  const delta = new Float64Array(n);
  const sums = new Float64Array(n);
  const reached = new Uint32Array(n);
  const distances = new Float64Array(n);
  for (let p = 0; p < pivots.length; p++) {
    const s = pivots[p];
    search.run(s);
    // In reverse order of discovery every node comes after all its successors: its dependency is final then, and is
    // reset for the next pivot once it has been passed on to its predecessors.
    for (let i = search.count - 1; i > 0; i--) {
      const w = visited[i];
      reached[w]++;
      distances[w] += distance[w];
      const coefficient = (1 + delta[w]) / sigma[w];
      const before = distance[w] - 1;
      for (let j = inStarts[w], end = inStarts[w + 1]; j < end; j++) {
        const v = inNeighbors[j];
        if (distance[v] === before) delta[v] += sigma[v] * coefficient;
      }
      sums[w] += delta[w];
      delta[w] = 0;
    }
    delta[s] = 0;
    yield (p + 1) / pivots.length;
  }
  return { dependencies: sums, reached, distances };
}
