import type { AnalysisGraph } from './analysis-graph';

/**
 * Degree measures, with the definitions networkx uses (so its published values are the reference): see the README,
 * "Network analysis". PageRank is in library-measures.ts.
 */

/** How many entities an entity is tied to; in a directed network, in- plus out-neighbours (a tie both ways counts twice). */
export function neighbors(analysis: AnalysisGraph): Uint32Array {
  const { outStarts, inStarts, directed } = analysis;
  return Uint32Array.from(analysis.ids, (_, i) => outStarts[i + 1] - outStarts[i] + (directed ? inStarts[i + 1] - inStarts[i] : 0));
}

/** neighbors / (n − 1). */
export function degree(analysis: AnalysisGraph): Float64Array {
  const n = analysis.order;
  if (n < 2) return new Float64Array(n);
  return Float64Array.from(neighbors(analysis), (count) => count / (n - 1));
}
