import { DirectedGraph, UndirectedGraph } from 'graphology';

/** A simple graph as its ties: nodes 0..order-1, tie i from `from[i]` to `to[i]`, sorted by (from, to), no repeats. */
export interface Ties {
  readonly order: number;
  readonly directed: boolean;
  /** When undirected, from[i] < to[i]. */
  readonly from: Uint32Array;
  readonly to: Uint32Array;
}

interface Neighborhoods {
  readonly outStarts: Uint32Array;
  readonly outNeighbors: Uint32Array;
  readonly inStarts: Uint32Array;
  readonly inNeighbors: Uint32Array;
}

/** Each node's neighbours in ascending order (the ties are sorted, so one pass per side keeps that order). */
function gather(order: number, ties: number, ends: (take: (node: number, neighbor: number) => void) => void): { starts: Uint32Array; neighbors: Uint32Array } {
  const starts = new Uint32Array(order + 1);
  ends((node) => void starts[node + 1]++);
  for (let i = 0; i < order; i++) starts[i + 1] += starts[i];
  const next = starts.slice(0, order);
  const neighbors = new Uint32Array(ties);
  ends((node, neighbor) => void (neighbors[next[node]++] = neighbor));
  return { starts, neighbors };
}

export function tieNeighborhoods({ order, directed, from, to }: Ties): Neighborhoods {
  const size = from.length;
  if (!directed) {
    // Neighbour u < v of v comes from tie (u, v), and every such tie sorts before v's own ties (v, w): ascending.
    const both = gather(order, 2 * size, (take) => {
      for (let i = 0; i < size; i++) {
        take(from[i], to[i]);
        take(to[i], from[i]);
      }
    });
    return { outStarts: both.starts, outNeighbors: both.neighbors, inStarts: both.starts, inNeighbors: both.neighbors };
  }
  const out = gather(order, size, (take) => {
    for (let i = 0; i < size; i++) take(from[i], to[i]);
  });
  const into = gather(order, size, (take) => {
    for (let i = 0; i < size; i++) take(to[i], from[i]);
  });
  return { outStarts: out.starts, outNeighbors: out.neighbors, inStarts: into.starts, inNeighbors: into.neighbors };
}

/**
 * The ties as a graphology graph, for the library measures (graphology-metrics, graphology-communities-louvain).
 * Nodes are added in index order and ties in their sorted order, so each node's neighbours iterate in ascending
 * order whatever the keys are: the measures are the same with ids or index numbers as keys.
 */
export function simpleGraph(ties: Ties, key: (node: number) => string = String): UndirectedGraph | DirectedGraph {
  const graph = ties.directed ? new DirectedGraph() : new UndirectedGraph();
  for (let i = 0; i < ties.order; i++) graph.addNode(key(i));
  for (let i = 0; i < ties.from.length; i++) graph.addEdge(key(ties.from[i]), key(ties.to[i]));
  return graph;
}
