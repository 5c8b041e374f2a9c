import type { KnowledgeGraph } from '../load';
import type { TraversalFilter } from '../queries';
import { tieNeighborhoods, type Ties } from './ties';

/**
 * The network the measures are computed on: the entities and relationships `network` shows under the same filter,
 * as a simple graph. Several relationships between two entities are one tie (networkx's Graph/DiGraph semantics);
 * a relationship from an entity to itself is no tie. Undirected unless `directed`.
 *
 * Held as typed arrays, not as a graphology graph: building one took most of a first analysis's time (its addEdge
 * and the garbage of its edge objects), and the library measures that need one build it from the ties themselves,
 * in a worker thread on large networks (library-measures.ts).
 */
export interface AnalysisGraph extends Ties {
  /** Entity ids in ascending order; index i is node i of every measure array. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Usable relationships, parallel ones and self-loops included. */
  readonly relationships: number;
  /** Distinct ties: the simple graph's edges. */
  readonly ties: number;
  /** Out-neighbours of i (all neighbours when undirected), ascending: `outNeighbors[outStarts[i] .. outStarts[i + 1])`. */
  readonly outStarts: Uint32Array;
  readonly outNeighbors: Uint32Array;
  /** In-neighbours, the same way (the out-neighbourhoods themselves when undirected). */
  readonly inStarts: Uint32Array;
  readonly inNeighbors: Uint32Array;
}

/**
 * Nodes are numbered in id order and ties sorted by (source, target) index, so the network, and every measure that
 * depends on the order of neighbours (Louvain), is the same whatever order the records were added or edited in.
 */
export function buildAnalysisGraph(graph: KnowledgeGraph, filter: TraversalFilter, directed: boolean): AnalysisGraph {
  const ids = graph.filterNodes((id, attributes) => filter.entityVisible(id, attributes)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const pairs: number[] = [];
  let relationships = 0;
  // filter.relationshipUsable, with the ends' visibility read from the index instead of looked up again.
  graph.forEachEdge((edge, attributes, source, target) => {
    const from = indexOf.get(source);
    const to = indexOf.get(target);
    if (from === undefined || to === undefined || !filter.relationshipVisible(edge, attributes)) return;
    relationships++;
    if (source === target) return;
    let u = from;
    let v = to;
    if (!directed && u > v) [u, v] = [v, u];
    pairs.push(u * n + v);
  });
  const sorted = Float64Array.from(pairs).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  const tieFrom = new Uint32Array(distinct);
  const tieTo = new Uint32Array(distinct);
  for (let i = 0; i < distinct; i++) {
    tieFrom[i] = Math.floor(sorted[i] / n);
    tieTo[i] = sorted[i] - tieFrom[i] * n;
  }
  const ties: Ties = { order: n, directed, from: tieFrom, to: tieTo };
  return { ...ties, ...tieNeighborhoods(ties), ids, indexOf, relationships, ties: distinct };
}
