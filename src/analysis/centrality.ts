import type { AnalysisGraph } from './analysis-graph';
import { degreeCentrality, pagerank } from './graph-algorithms';

/**
 * The measures graphology-metrics computes, as arrays aligned with `analysis.ids`, with the definitions networkx uses
 * (so its published values are the reference): see the README, "Network analysis".
 */

const aligned = (analysis: AnalysisGraph, mapping: Record<string, number>) => Float64Array.from(analysis.ids, (id) => mapping[id] ?? 0);

/** Distinct neighbours / (n − 1); in a directed graph, in- plus out-neighbours. */
export function degree(analysis: AnalysisGraph): Float64Array {
  if (analysis.graph.order < 2) return new Float64Array(analysis.graph.order);
  return aligned(analysis, degreeCentrality()(analysis.graph));
}

/** How many distinct entities an entity is tied to (in either direction). */
export function neighbors(analysis: AnalysisGraph): Uint32Array {
  return Uint32Array.from(analysis.ids, (id) => analysis.graph.degree(id));
}

/** PageRank, damping α = 0.85, dangling entities spreading their rank evenly; on an undirected graph each tie counts both ways. */
export function pageRank(analysis: AnalysisGraph): Float64Array {
  if (analysis.graph.order === 0) return new Float64Array(0);
  return aligned(analysis, pagerank()(analysis.graph, { alpha: 0.85, getEdgeWeight: null, tolerance: 1e-9, maxIterations: 1000 }));
}
