import type { DirectedGraph, UndirectedGraph } from 'graphology';
import { louvain, pagerank } from './graph-algorithms';
import { ANALYSIS_SEED, seededRandom } from './seeded-random';
import { simpleGraph, type Ties } from './ties';

/**
 * The measures graphology's libraries compute, on the network's ties as a graphology graph keyed by node number, so
 * that they run the same in a worker thread (library-measures.worker.ts) as here: the results are arrays by node.
 */

export type LibraryJob = { readonly measure: 'pagerank' } | { readonly measure: 'louvain'; readonly resolution: number };

export interface LouvainResult {
  /** Louvain's own community label of each node (renumbered by communities.ts). */
  readonly labels: Int32Array;
  readonly modularity: number;
}

export type LibraryResult = Float64Array | LouvainResult;

type Network = UndirectedGraph | DirectedGraph;

/** PageRank, damping α = 0.85, dangling entities spreading their rank evenly; on an undirected graph each tie counts both ways. */
export function pageRankOf(network: Network): Float64Array {
  if (network.order === 0) return new Float64Array(0);
  const ranks = pagerank()(network, { alpha: 0.85, getEdgeWeight: null, tolerance: 1e-9, maxIterations: 1000 });
  return Float64Array.from({ length: network.order }, (_, i) => ranks[i] ?? 0);
}

/** Louvain (Blondel et al. 2008) with a seeded random order, so results repeat. Without ties every node is alone. */
export function louvainOf(network: Network, resolution: number): LouvainResult {
  if (network.size === 0) return { labels: Int32Array.from({ length: network.order }, (_, i) => i), modularity: 0 };
  const detailed = louvain().detailed(network, { getEdgeWeight: null, resolution, rng: seededRandom(ANALYSIS_SEED) });
  return { labels: Int32Array.from({ length: network.order }, (_, i) => detailed.communities[i]), modularity: detailed.modularity };
}

/** The jobs' results in order, over one graphology graph built once from the ties. */
export function runLibraryJobs(ties: Ties, jobs: readonly LibraryJob[]): LibraryResult[] {
  const network = simpleGraph(ties);
  return jobs.map((job) => (job.measure === 'pagerank' ? pageRankOf(network) : louvainOf(network, job.resolution)));
}

export const pageRankOfTies = (ties: Ties): Float64Array => pageRankOf(simpleGraph(ties));
export const louvainOfTies = (ties: Ties, resolution: number): LouvainResult => louvainOf(simpleGraph(ties), resolution);
