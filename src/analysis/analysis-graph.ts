import type { KnowledgeGraph } from '../load';
import { relationshipColumnTest, type TraversalFilter } from '../queries';
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
  // filter.relationshipUsable over the graph's columns: no record is made, and each end's visibility is its index.
  const { nodeKeys, table } = graph.compact();
  const indexOfNode = Int32Array.from(nodeKeys, (key) => indexOf.get(key) ?? -1);
  const visible = relationshipColumnTest(filter.criteria, table);
  const { source, target } = table;
  const pairs = new Float64Array(table.count);
  let count = 0;
  let relationships = 0;
  for (let slot = 0; slot < table.count; slot++) {
    const from = indexOfNode[source[slot]];
    const to = indexOfNode[target[slot]];
    if (from < 0 || to < 0 || !visible(slot)) continue;
    relationships++;
    if (from === to) continue;
    pairs[count++] = directed || from < to ? from * n + to : to * n + from;
  }
  const sorted = pairs.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (distinct === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  const tieFrom = new Uint32Array(distinct);
  const tieTo = new Uint32Array(distinct);
  for (let i = 0; i < distinct; i++) {
    tieFrom[i] = Math.floor(sorted[i] / n);
    tieTo[i] = sorted[i] - tieFrom[i] * n;
  }
  const ties: Ties = { order: n, directed, from: tieFrom, to: tieTo };
  return { ...ties, ...tieNeighborhoods(ties), ids, indexOf, relationships, ties: distinct };
}
