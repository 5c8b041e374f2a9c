import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { KnowledgeGraph } from '../load';
import type { TraversalFilter } from '../queries';

/**
 * The network the measures are computed on: the entities and relationships `network` shows under the same filter,
 * as a simple graph. Several relationships between two entities are one tie (networkx's Graph/DiGraph semantics);
 * a relationship from an entity to itself is no tie. Undirected unless `directed`.
 */
export interface AnalysisGraph {
  readonly graph: UndirectedGraph | DirectedGraph;
  readonly directed: boolean;
  /** Entity ids in ascending order; index i is node i of every measure array. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Usable relationships, parallel ones and self-loops included. */
  readonly relationships: number;
}

/**
 * Nodes go in id order and ties in (source, target) index order, so the graph, and every measure that depends on
 * the order of neighbours (Louvain), is the same whatever order the records were added or edited in.
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
  const analysis = directed ? new DirectedGraph() : new UndirectedGraph();
  for (const id of ids) analysis.addNode(id);
  let previous = -1;
  for (const pair of sorted) {
    if (pair === previous) continue;
    previous = pair;
    analysis.addEdge(ids[Math.floor(pair / n)], ids[pair % n]);
  }
  return { graph: analysis, directed, ids, indexOf, relationships };
}
