import type { AnalysisGraph } from './analysis-graph';

/**
 * The single-source search of Brandes' algorithm (unweighted: a breadth-first search counting shortest paths), over
 * the network's compressed neighbourhoods and allocating nothing per search. graphology-shortest-path's indexed
 * routine builds an array of predecessors per node per search: on a million ties that is millions of short-lived
 * arrays each time, and garbage collection dominates. Here predecessors are not stored: in an unweighted graph the
 * predecessors of w are its in-neighbours one step nearer the source. Path counts are doubles, which do not wrap
 * (graphology's Uint32Array does past 2³², silently).
 */
export class BrandesSearch {
  /** Nodes reached by the last search, in discovery order: `visited[0]` is the source. */
  readonly visited: Uint32Array;
  count = 0;
  /** Hops from the source (−1: not reached). */
  readonly distance: Int32Array;
  /** Number of shortest paths from the source. */
  readonly sigma: Float64Array;
  /** In-neighbourhoods (all neighbours on an undirected graph): `inNeighbors[inStarts[w] .. inStarts[w + 1])`. */
  readonly inStarts: ArrayLike<number>;
  readonly inNeighbors: ArrayLike<number>;
  private readonly outStarts: ArrayLike<number>;
  private readonly outNeighbors: ArrayLike<number>;

  constructor(analysis: AnalysisGraph) {
    const n = analysis.order;
    this.outStarts = analysis.outStarts;
    this.outNeighbors = analysis.outNeighbors;
    this.inStarts = analysis.inStarts;
    this.inNeighbors = analysis.inNeighbors;
    this.visited = new Uint32Array(n);
    this.distance = new Int32Array(n).fill(-1);
    this.sigma = new Float64Array(n);
  }

  run(source: number): void {
    const { visited, distance, sigma, outStarts, outNeighbors } = this;
    for (let i = 0; i < this.count; i++) {
      distance[visited[i]] = -1;
      sigma[visited[i]] = 0;
    }
    distance[source] = 0;
    sigma[source] = 1;
    visited[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = visited[head++];
      const next = distance[v] + 1;
      for (let j = outStarts[v], end = outStarts[v + 1]; j < end; j++) {
        const w = outNeighbors[j];
        if (distance[w] < 0) {
          distance[w] = next;
          visited[tail++] = w;
        }
        if (distance[w] === next) sigma[w] += sigma[v];
      }
    }
    this.count = tail;
  }

  /** Calls `take` with each predecessor of `w` on shortest paths from the last source. */
  forEachPredecessor(w: number, take: (v: number) => void): void {
    const before = this.distance[w] - 1;
    for (let j = this.inStarts[w], end = this.inStarts[w + 1]; j < end; j++) {
      const v = this.inNeighbors[j];
      if (this.distance[v] === before) take(v);
    }
  }
}
