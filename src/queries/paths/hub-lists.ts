import type { Adjacency, PathIndex } from './path-index';

/** Nodes with more entries than this in one direction are hubs: their entries are also kept sorted by cost. */
export const HUB_DEGREE = 48;

/**
 * The entries of the hubs of one direction of the adjacency, sorted by the cost of a hop (then by edge number), so
 * that a weighted search takes a hub's relationships cheapest first, one at a time, only as far as its cost frontier
 * reaches (label-search.ts, meeting-bounds.ts), instead of looking at tens of thousands of them each time it settles a
 * hub. offset[v] is where v's sorted entries start (-1 when v is no hub); they end offset[v] + degree.
 */
export interface HubList {
  readonly offset: Int32Array;
  readonly edge: Int32Array;
  readonly node: Int32Array;
  readonly cost: Float64Array;
}

function build(index: PathIndex, list: Adjacency, costOf: (e: number) => number): HubList {
  const n = index.nodeCount;
  const offset = new Int32Array(n).fill(-1);
  let total = 0;
  for (let v = 0; v < n; v++) {
    const degree = list.start[v + 1] - list.start[v];
    if (degree > HUB_DEGREE) {
      offset[v] = total;
      total += degree;
    }
  }
  const edge = new Int32Array(total);
  const node = new Int32Array(total);
  const cost = new Float64Array(total);
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    if (offset[v] < 0) continue;
    order.length = 0;
    for (let p = list.start[v]; p < list.start[v + 1]; p++) order.push(p);
    const costs = new Map(order.map((p) => [p, costOf(list.edge[p])]));
    order.sort((a, b) => costs.get(a)! - costs.get(b)! || list.edge[a] - list.edge[b]);
    order.forEach((p, i) => {
      edge[offset[v] + i] = list.edge[p];
      node[offset[v] + i] = list.node[p];
      cost[offset[v] + i] = costs.get(p)!;
    });
  }
  return { offset, edge, node, cost };
}

const cache = new WeakMap<PathIndex, Map<string, { out: HubList; in: HubList }>>();

/**
 * The hub lists of an index for one cost function (named by `kind`: the cost of a hop must depend on the relationship
 * alone), built on first use and kept with the index.
 */
export function hubListsOf(index: PathIndex, kind: string, costOf: (e: number) => number): { out: HubList; in: HubList } {
  let byKind = cache.get(index);
  if (!byKind) cache.set(index, (byKind = new Map()));
  let lists = byKind.get(kind);
  if (!lists) byKind.set(kind, (lists = { out: build(index, index.out, costOf), in: build(index, index.in, costOf) }));
  return lists;
}
