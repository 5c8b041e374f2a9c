import { PATH_LIMITS, type FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/** Where a search starts: an entity, with the cost, hops and earliest time of the root path that led there. */
export interface SearchStart {
  readonly node: number;
  readonly cost: number;
  readonly hops: number;
  readonly time: number;
}

/**
 * The best path from start.node to t in the order of paths (lowest cost, then fewest hops, then the smallest
 * sequence of relationship ids), with at most space.maxLength hops in all (start.hops included), of cost at most
 * costLimit, and when the space is chronological, time-respecting.
 *
 * A label-setting search (Dijkstra over labels rather than entities). A label is a walk from the start; it carries
 * its cost, hops, and the earliest time the walk can be at its end (the chronological rule: t = max(t, lo) per hop,
 * which must stay ≤ hi). Labels leave the heap in the order of paths, so the first label to reach t is the best
 * path. A label is dropped when an earlier label at the same entity has hops ≤ and time ≤ its own: whatever the
 * later label can still do, the earlier one can do as well and ends up no worse in the order. The best walk is always a
 * simple path: cutting a cycle out of a walk keeps it time-respecting, never raises its cost and removes hops.
 * An entity keeps at most one settled label per hop count, so the work is O(maxLength · E log E) at worst.
 */
export function cheapestPath(space: SearchSpace, start: SearchStart, t: number, costLimit: number): FoundPath | null {
  const scratch = space.scratch;
  const { labels, heap, settledSeen, settledHead } = scratch;
  const stamp = scratch.nextStamp();
  const chronological = space.chronological;
  const times = space.index.time;
  const maxHops = space.maxLength;
  labels.reset();
  heap.reset();
  heap.push(labels.add(start.node, -1, -1, start.hops, start.cost, start.time));

  const dominated = (v: number, hops: number, time: number): boolean => {
    if (settledSeen[v] !== stamp) return false;
    for (let l = settledHead[v]; l !== -1; l = labels.nextSettled[l]) {
      if (labels.hops[l] <= hops && labels.time[l] <= time) return true;
    }
    return false;
  };

  while (heap.size > 0) {
    const label = heap.pop();
    const v = labels.node[label];
    const hops = labels.hops[label];
    const time = labels.time[label];
    if (dominated(v, hops, time)) continue;
    if (settledSeen[v] !== stamp) {
      settledSeen[v] = stamp;
      settledHead[v] = -1;
    }
    labels.nextSettled[label] = settledHead[v];
    settledHead[v] = label;
    if (v === t) return walkBack(labels, label);
    space.budget.spend(1);
    if (hops >= maxHops) continue;
    const cost = labels.cost[label];
    for (const { start: first, edge, node } of space.forwardLists) {
      for (let p = first[v], end = first[v + 1]; p < end; p++) {
        const e = edge[p];
        const w = node[p];
        if (!space.edgeOpen(e) || !space.nodeOpen(w)) continue;
        const next = cost + space.edgeCost(e);
        if (next > costLimit) continue;
        let arrival = time;
        if (chronological) {
          if (times[2 * e] > arrival) arrival = times[2 * e];
          if (arrival > times[2 * e + 1]) continue;
        }
        if (dominated(w, hops + 1, arrival)) continue;
        heap.push(labels.add(w, e, label, hops + 1, next, arrival));
        if (labels.size > PATH_LIMITS.maxLabels) space.budget.exhaust();
      }
    }
  }
  return null;
}

function walkBack(labels: { node: Int32Array; edge: Int32Array; parent: Int32Array }, label: number): FoundPath {
  const nodes: number[] = [];
  const edges: number[] = [];
  for (let l = label; l !== -1; l = labels.parent[l]) {
    nodes.push(labels.node[l]);
    if (labels.parent[l] !== -1) edges.push(labels.edge[l]);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}
