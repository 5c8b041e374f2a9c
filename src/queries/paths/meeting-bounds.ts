import type { HubList } from './hub-lists';
import type { LowerBounds } from './lower-bounds';
import type { NodeHeap } from './node-heap';
import type { Adjacency } from './path-index';
import type { SearchSpace } from './search-space';

/**
 * Lower bounds of the cost still to go to t from a plain bidirectional Dijkstra search: one label per entity, hops
 * not limited, under the query's filters. Each side settles entities in cost order (fewer hops first among equally
 * cheap labels), the side that has looked at fewer relationships goes next, and every relationship relaxed towards an
 * entity the other side has reached closes a walk from s to t. The search stops once the two sides' cheapest open
 * labels together cost at least the cheapest walk met: that walk is then the cheapest of all (in exact arithmetic).
 *
 * The backward side's settled costs are exact costs to t, and every other entity costs at least its cheapest open
 * label; neither depends on hops, so they bound the cost within any hop limit, and what only narrows a search (time
 * order, the bans of Yen's spur searches) keeps them valid. When the cheapest walk met has at most maxLength hops
 * (`fits`), it is also a walk the A* label search may take, so its cost caps that search; when it has more, the query
 * needs the hop-aware bounds of cost-bounds.ts (best-path.ts decides). Either way the answer is the A* label
 * search's, in the exact order of paths: these bounds only make it cheaper to find.
 *
 * Cheaper than cost-bounds.ts because each entity is settled once, not once per hop count, and a label is only queued
 * when it could still be settled before the search stops (its cost plus the other side's cheapest open label is
 * below the cheapest walk); a hub's relationships are read cheapest first (hub-lists.ts) and no further than that
 * walk's cost.
 */
export class MeetingBounds implements LowerBounds {
  readonly connected: boolean;
  readonly cheapest: number;
  /** The hops of the cheapest walk met (the fewest among walks met at that cost). */
  readonly cheapestHops: number;
  /** True when the cheapest walk met has at most maxLength hops. */
  readonly fits: boolean;
  private readonly beyond: number;
  private readonly backward: Side;

  constructor(space: SearchSpace, s: number, t: number) {
    const { scratch } = space;
    const heaps = scratch.bounds;
    const costs = scratch.costs;
    const hubs = space.hubLists();
    const forward = new Side(space, costs.forward, scratch.distForward, scratch.seenForward, heaps.forwardHeap, space.forwardLists, hubs?.forward ?? null, s);
    const backward = new Side(space, costs.backward, scratch.distBackward, scratch.seenBackward, heaps.backwardHeap, space.backwardLists, hubs?.backward ?? null, t);
    const meeting: Meeting = s === t ? { cost: 0, hops: 0 } : { cost: Infinity, hops: 0 };
    for (;;) {
      const forwardTop = forward.top();
      const backwardTop = backward.top();
      if (!(forwardTop + backwardTop < meeting.cost)) break; // also when a side has run dry (Infinity)
      if (forward.work <= backward.work) forward.settleNext(backward, backwardTop, meeting);
      else backward.settleNext(forward, forwardTop, meeting);
    }
    this.connected = meeting.cost < Infinity;
    this.cheapest = meeting.cost;
    this.cheapestHops = meeting.hops;
    this.fits = this.connected && meeting.hops <= space.maxLength;
    this.beyond = backward.top();
    this.backward = backward;
  }

  bound(v: number): number {
    return this.backward.settled(v) ? this.backward.cost[v] : this.beyond;
  }
}

interface Meeting {
  cost: number;
  hops: number;
}

/**
 * One side of the search. Per entity: mark[v] is the side's `reached` stamp while it has an open label (its cost and
 * hops in cost[v] and hops[v]; older, dearer entries of v in the heap are skipped), the `settled` stamp once settled.
 */
class Side {
  /** Relationships looked at so far. */
  work = 0;
  /** The cheapest label left out of the queue because it could not be settled before the search stops. */
  private pruned = Infinity;
  private readonly reachedStamp: number;
  private readonly settledStamp: number;

  constructor(
    private readonly space: SearchSpace,
    readonly cost: Float64Array,
    private readonly hops: Int32Array,
    private readonly mark: Uint32Array,
    private readonly heap: NodeHeap,
    private readonly lists: readonly Adjacency[],
    private readonly hubs: readonly HubList[] | null,
    origin: number,
  ) {
    this.reachedStamp = space.scratch.nextStamp();
    this.settledStamp = space.scratch.nextStamp();
    heap.reset();
    cost[origin] = 0;
    hops[origin] = 0;
    mark[origin] = this.reachedStamp;
    heap.push(0, origin);
  }

  settled(v: number): boolean {
    return this.mark[v] === this.settledStamp;
  }

  private reached(v: number): boolean {
    const mark = this.mark[v];
    return mark === this.reachedStamp || mark === this.settledStamp;
  }

  /**
   * The cost of the cheapest open label, pruned ones included (Infinity when none is left): a lower bound of the cost
   * between this side's origin and any entity it has not settled.
   */
  top(): number {
    const { heap, mark, settledStamp } = this;
    while (heap.size > 0 && mark[heap.topNode] === settledStamp) heap.pop();
    const open = heap.size > 0 ? heap.topKey : Infinity;
    return open < this.pruned ? open : this.pruned;
  }

  /**
   * Settles the cheapest open entity (top() has just dropped the settled ones from the heap, and the caller checked
   * that it is not a pruned label) and relaxes its relationships; walks met lower meeting.
   */
  settleNext(other: Side, otherTop: number, meeting: Meeting): void {
    const { space, heap } = this;
    const u = heap.topNode;
    heap.pop();
    this.mark[u] = this.settledStamp;
    space.budget.spend(1);
    const cost = this.cost[u];
    const hops = this.hops[u];
    const allowed = space.typeAllowed;
    for (let i = 0; i < this.lists.length; i++) {
      const hub = this.hubs?.[i];
      if (hub && hub.offset[u] >= 0) {
        // Sorted by cost: past the cheapest walk met, no entry can lower it or be settled.
        for (let at = hub.offset[u], end = at + this.lists[i].start[u + 1] - this.lists[i].start[u]; at < end; at++) {
          const next = cost + hub.cost[at];
          if (next >= meeting.cost) {
            if (next < this.pruned) this.pruned = next;
            break;
          }
          this.relax(other, otherTop, meeting, u, hops, hub.edge[at], hub.node[at], next);
        }
        continue;
      }
      const { runStart, runOffset, runType, edge, node } = this.lists[i];
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          this.relax(other, otherTop, meeting, u, hops, edge[p], node[p], cost + space.edgeCost(edge[p]));
        }
      }
    }
  }

  private relax(other: Side, otherTop: number, meeting: Meeting, u: number, hops: number, e: number, w: number, next: number): void {
    this.work++;
    const mark = this.mark[w];
    if (w === u || mark === this.settledStamp) return;
    const steps = hops + 1;
    if (mark === this.reachedStamp && (this.cost[w] < next || (this.cost[w] === next && this.hops[w] <= steps))) return;
    const space = this.space;
    if (!space.edgeOpen(e) || !space.nodeOpen(w)) return;
    if (other.reached(w)) {
      const through = next + other.cost[w];
      const throughHops = steps + other.hops[w];
      if (through < meeting.cost || (through === meeting.cost && throughHops < meeting.hops)) {
        meeting.cost = through;
        meeting.hops = throughHops;
      }
    }
    // A label that costs at least the cheapest walk together with the other side's cheapest open label would only be
    // settled after the search stops; its cost still bounds what this side has not settled.
    if (next + otherTop >= meeting.cost) {
      if (next < this.pruned) this.pruned = next;
      return;
    }
    this.cost[w] = next;
    this.hops[w] = steps;
    this.mark[w] = this.reachedStamp;
    this.heap.push(next, w);
  }
}
