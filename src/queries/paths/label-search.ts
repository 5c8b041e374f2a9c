import type { LowerBounds } from './lower-bounds';
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
 * Slack on keys, relative: a key (cost so far + bound) and the cost of the path it leads to are sums of the same hop
 * costs in a different order, so they may differ in the last bits. Labels within the slack are still expanded.
 */
const SLACK = 1e-9;

/**
 * The best path from start.node to t in the order of paths (lowest cost, then fewest hops, then the smallest
 * sequence of relationship ids), with at most space.maxLength hops in all (start.hops included), of cost at most
 * costLimit, and when the space is chronological, time-respecting.
 *
 * A label-setting search (Dijkstra over labels rather than entities). A label is a walk from the start; it carries
 * its cost, hops, and the earliest time the walk can be at its end (the chronological rule: t = max(t, lo) per hop,
 * which must stay ≤ hi). A label is dropped when an earlier label at the same entity has cost ≤, hops ≤ and time ≤
 * its own: whatever the later label can still do, the earlier one can do as well and ends up no worse in the order.
 * The best walk is always a simple path: cutting a cycle out of a walk keeps it time-respecting, never raises its cost
 * and removes hops. An entity keeps at most one settled label per hop count, so the work is O(maxLength · E log E).
 *
 * With bounds (lower-bounds.ts) the search is A*: labels leave the queue by cost plus the bound of the cost still to
 * go (with so many hops left), so it heads for t instead of spreading evenly. At one entity with one hop count the
 * bound is the same for every label, so labels there still leave in the order of paths; the search stops once no label
 * left can lead to a path as good as the best found. A hub's relationships are then taken cheapest first through a
 * cursor (hub-lists.ts), only as far as the search's cost frontier reaches. Without bounds the first label to reach t
 * is the answer.
 */
export function cheapestPath(space: SearchSpace, start: SearchStart, t: number, costLimit: number, bounds: LowerBounds | null = null): FoundPath | null {
  const scratch = space.scratch;
  const { labels, heap, settledSeen, settledHead } = scratch;
  // Per entity, the open label a new one must beat to be queued.
  const { forwardOpen: open, forwardOpenMark: openMark } = scratch.weighted;
  const stamp = scratch.nextStamp();
  const chronological = space.chronological;
  const { lo, hi } = space.index;
  const maxHops = space.maxLength;
  const allowed = space.typeAllowed;
  const lists = space.forwardLists;
  const hubs = bounds ? space.hubLists()?.forward ?? null : null;
  labels.reset();
  heap.reset();
  const startKey = start.cost + (bounds ? bounds.bound(start.node, maxHops - start.hops) : 0);
  if (startKey === Infinity || startKey > costLimit * (1 + SLACK)) return null;
  heap.push(labels.add(start.node, -1, -1, start.hops, start.cost, start.time, startKey));

  const dominated = (v: number, cost: number, hops: number, time: number): boolean => {
    if (settledSeen[v] !== stamp) return false;
    for (let l = settledHead[v]; l !== -1; l = labels.nextSettled[l]) {
      if (labels.cost[l] <= cost && labels.hops[l] <= hops && labels.time[l] <= time) return true;
    }
    return false;
  };

  let best = -1;
  let keyLimit = costLimit * (1 + SLACK);

  /** Queues the label reaching w over e from `parent` (at v), unless it cannot lead to a path as good as needed. */
  const relax = (parent: number, v: number, e: number, w: number, next: number): void => {
    if (w === v || next > costLimit) return;
    const hops = labels.hops[parent] + 1;
    // The bound first: it rules out most relationships (hop-limited-bounds.ts) for less than the filters cost.
    const key = bounds ? next + bounds.bound(w, maxHops - hops) : next;
    if (key > keyLimit || key === Infinity) return;
    if (!space.edgeOpen(e) || !space.nodeOpen(w)) return;
    let arrival = labels.time[parent];
    if (chronological) {
      if (lo[e] > arrival) arrival = lo[e];
      if (arrival > hi[e]) return;
    }
    if (dominated(w, next, hops, arrival)) return;
    const added = labels.add(w, e, parent, hops, next, arrival, key);
    if (openMark[w] === stamp) {
      const o = open[w];
      if (labels.cost[o] <= next && labels.hops[o] <= hops && labels.time[o] <= arrival) {
        // An open label at w at least as good in every way and earlier in the order: the new one is not needed.
        if (labels.cost[o] < next || labels.hops[o] < hops || labels.before(o, added)) {
          labels.size--;
          return;
        }
      }
      if (!(next <= labels.cost[o] && hops <= labels.hops[o] && arrival <= labels.time[o])) {
        heap.push(added);
        return;
      }
    }
    open[w] = added;
    openMark[w] = stamp;
    heap.push(added);
    if (labels.size > PATH_LIMITS.maxLabels) space.budget.exhaust();
  };

  /** Queues a cursor over a hub's sorted relationships at position `at` (label-pool.ts aux), keyed by its cost alone. */
  const queueCursor = (parent: number, at: number, list: number): void => {
    const hub = hubs![list];
    const next = labels.cost[parent] + hub.cost[at];
    if (next > keyLimit) return;
    const cursor = labels.add(labels.node[parent], hub.edge[at], parent, labels.hops[parent] + 1, next, labels.time[parent], next);
    labels.aux[cursor] = 1 + ((at << 1) | list);
    heap.push(cursor);
  };

  while (heap.size > 0) {
    const label = heap.pop();
    if (labels.key[label] > keyLimit) break;
    const aux = labels.aux[label];
    if (aux !== 0) {
      // A cursor: its next relationship, then the cursor moves on.
      const at = (aux - 1) >> 1;
      const list = (aux - 1) & 1;
      const parent = labels.parent[label];
      const v = labels.node[parent];
      const hub = hubs![list];
      relax(parent, v, hub.edge[at], hub.node[at], labels.cost[label]);
      if (at + 1 < hub.offset[v] + lists[list].start[v + 1] - lists[list].start[v]) queueCursor(parent, at + 1, list);
      continue;
    }
    const v = labels.node[label];
    const hops = labels.hops[label];
    const time = labels.time[label];
    const cost = labels.cost[label];
    if (dominated(v, cost, hops, time)) continue;
    if (settledSeen[v] !== stamp) {
      settledSeen[v] = stamp;
      settledHead[v] = -1;
    }
    labels.nextSettled[label] = settledHead[v];
    settledHead[v] = label;
    if (v === t) {
      if (!bounds) return walkBack(labels, label);
      if (best < 0 || labels.before(label, best)) {
        best = label;
        keyLimit = Math.min(keyLimit, cost * (1 + SLACK));
      }
      continue;
    }
    space.budget.spend(1);
    if (hops >= maxHops) continue;
    for (let i = 0; i < lists.length; i++) {
      const hub = hubs?.[i];
      if (hub && hub.offset[v] >= 0) {
        queueCursor(label, hub.offset[v], i);
        continue;
      }
      const { runStart, runOffset, runType, edge, node } = lists[i];
      for (let r = runStart[v], runEnd = runStart[v + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) relax(label, v, edge[p], node[p], cost + space.edgeCost(edge[p]));
      }
    }
  }
  return best >= 0 ? walkBack(labels, best) : null;
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
