import type { HubList } from './hub-lists';
import type { LabelPool } from './label-pool';
import type { LowerBounds } from './lower-bounds';
import type { NodeHeap } from './node-heap';
import type { Adjacency } from './path-index';
import { PATH_LIMITS } from './path-types';
import type { SearchSpace } from './search-space';

/**
 * Lower bounds of the cost still to go to t with at most r more hops, for the A* label search (label-search.ts).
 *
 * A bidirectional label-setting search between s and t under the query's filters, cost and hop limit, ignoring time
 * order and tie-breaks: each side keeps, per entity, the labels (cost, hops) that no cheaper label with as few hops
 * beats, settles them in cost order, and the side with the smaller queue goes next. It stops once the two cheapest
 * open labels together cost at least the cheapest s–t walk met (a forward and a backward label at one entity, their
 * hops within the limit). The backward labels settled by then give the exact cost from v to t within r hops when it is
 * below the backward side's cheapest open label, which bounds every other case (labels settle in cost order); when the
 * backward side has run dry, what it never settled cannot reach t within the hops at all.
 *
 * The bounds hold for every search of the query towards t (what only narrows a search — time order, the bans of Yen's
 * spur searches — can only raise the true cost), so A* gives exactly the path the plain label search gives. Knowing
 * the hops is what makes them tight: the cheapest walk often has more hops than maxLength allows, and a bound that
 * ignored hops would let the search wander along cheap walks that cannot arrive in time. Each side covers about half
 * the cost of the answer, where a one-sided search covers all of it: in a graph whose neighbourhoods grow fast, far
 * fewer entities.
 */
export class CostBounds implements LowerBounds {
  readonly connected: boolean;
  /** The cheapest walk of at most maxLength hops met (LowerBounds.cheapest). */
  readonly cheapest: number;
  private readonly beyond: number;
  private readonly side: Side;

  constructor(space: SearchSpace, s: number, t: number) {
    const arrays = space.scratch.bounds;
    const hubs = space.hubLists();
    const forward = new Side(space, true, arrays.forwardLabels, arrays.forwardHeap, arrays.forwardHead, arrays.forwardMark, arrays.forwardOpen, arrays.forwardOpenMark, space.forwardLists, hubs?.forward ?? null, s);
    const backward = new Side(space, false, arrays.backwardLabels, arrays.backwardHeap, arrays.backwardHead, arrays.backwardMark, arrays.backwardOpen, arrays.backwardOpenMark, space.backwardLists, hubs?.backward ?? null, t);
    // Each origin counts as settled from the start, so a side that reaches the other's origin meets it at once.
    forward.settleOrigin();
    backward.settleOrigin();
    let best = s === t ? 0 : Infinity;
    for (;;) {
      const top = forward.top() + backward.top();
      if (!(top < best)) break; // also when a side has run dry (Infinity)
      // The side that has done less work goes next (queue sizes say little once hubs are cursors).
      const [side, other] = forward.work <= backward.work ? [forward, backward] : [backward, forward];
      best = Math.min(best, side.settleNext(other, best));
    }
    this.connected = best < Infinity;
    this.cheapest = best;
    this.beyond = backward.top();
    this.side = backward;
  }

  bound(v: number, hops: number): number {
    const exact = this.side.cheapestWithin(v, hops);
    return exact < this.beyond ? exact : this.beyond;
  }
}

/**
 * One side: labels (entity, hops, cost) in a pool; per entity, mark[v] === stamp when it has settled labels, linked
 * from head[v] through labels.nextSettled (latest first: costs decreasing, hops increasing), and open[v] an open label
 * that a new label must beat in cost or hops to be worth queueing. A hub's relationships are taken cheapest first
 * through a cursor (label-pool.ts aux) that stays queued at the cost of the next one.
 */
class Side {
  private readonly stamp: number;
  private readonly maxHops: number;
  private readonly origin: number;
  /** Relationships looked at so far. */
  work = 0;

  constructor(
    private readonly space: SearchSpace,
    /** The forward side only finds the cheapest walk; the backward side's labels are the bounds and are all kept. */
    private readonly forward: boolean,
    private readonly labels: LabelPool,
    readonly heap: NodeHeap,
    private readonly head: Int32Array,
    private readonly mark: Uint32Array,
    private readonly open: Int32Array,
    private readonly openMark: Uint32Array,
    private readonly lists: readonly Adjacency[],
    private readonly hubs: readonly HubList[] | null,
    origin: number,
  ) {
    this.stamp = space.scratch.nextStamp();
    this.maxHops = space.maxLength;
    labels.reset();
    heap.reset();
    this.origin = labels.add(origin, -1, -1, 0, 0, 0);
    heap.push(0, this.origin);
  }

  /** Counts the origin label as settled (it is queued all the same, to be extended). */
  settleOrigin(): void {
    const v = this.labels.node[this.origin];
    this.mark[v] = this.stamp;
    this.head[v] = this.origin;
    this.labels.nextSettled[this.origin] = -1;
  }

  /** The cost of the cheapest open label (Infinity when none is left), after dropping those that lost meanwhile. */
  top(): number {
    const { heap, labels } = this;
    while (heap.size > 0 && heap.topNode !== this.origin && labels.aux[heap.topNode] === 0 && this.beaten(labels.node[heap.topNode], labels.hops[heap.topNode])) heap.pop();
    return heap.size > 0 ? heap.topKey : Infinity;
  }

  /** The cheapest settled cost at v with at most `hops` hops (Infinity when none). */
  cheapestWithin(v: number, hops: number): number {
    if (this.mark[v] !== this.stamp) return Infinity;
    const labels = this.labels;
    let cheapest = Infinity;
    for (let l = this.head[v]; l !== -1; l = labels.nextSettled[l]) if (labels.hops[l] <= hops) cheapest = labels.cost[l];
    return cheapest;
  }

  /** True when a settled label at v has at most `hops` hops (it costs no more: labels settle in cost order). */
  private beaten(v: number, hops: number): boolean {
    if (this.mark[v] !== this.stamp) return false;
    const labels = this.labels;
    for (let l = this.head[v]; l !== -1; l = labels.nextSettled[l]) if (labels.hops[l] <= hops) return true;
    return false;
  }

  /** A lower bound of the cost from v to this side's origin within `hops` hops (the other side's A* bound). */
  private lowerBound(v: number, hops: number): number {
    const exact = this.cheapestWithin(v, hops);
    const open = this.heap.size > 0 ? this.heap.topKey : Infinity;
    return exact < open ? exact : open;
  }

  /** The cheapest walk through v made of a label of this side (cost, hops) and a settled or open one of the other. */
  private join(other: Side, v: number, cost: number, hops: number): number {
    let cheapest = cost + other.cheapestWithin(v, this.maxHops - hops);
    if (other.openMark[v] === other.stamp) {
      const open = other.open[v];
      if (other.labels.hops[open] + hops <= this.maxHops && cost + other.labels.cost[open] < cheapest) cheapest = cost + other.labels.cost[open];
    }
    return cheapest;
  }

  /**
   * Settles the cheapest open label, or takes the next relationship of the cheapest cursor; returns the cheapest s–t
   * walk met (or Infinity). A forward label that cannot lead to a walk cheaper than `best` is not queued.
   */
  settleNext(other: Side, best: number): number {
    const { space, heap, labels, head, mark } = this;
    const label = heap.topNode;
    heap.pop();
    const aux = labels.aux[label];
    if (aux !== 0) return this.advance(other, best, label, aux);
    const u = labels.node[label];
    const cost = labels.cost[label];
    const hops = labels.hops[label];
    if (label !== this.origin) {
      if (mark[u] !== this.stamp) {
        mark[u] = this.stamp;
        head[u] = -1;
      }
      labels.nextSettled[label] = head[u];
      head[u] = label;
    }
    space.budget.spend(1);
    best = Math.min(best, this.join(other, u, cost, hops));
    if (hops >= this.maxHops) return best;
    const allowed = space.typeAllowed;
    for (let i = 0; i < this.lists.length; i++) {
      const hub = this.hubs?.[i];
      if (hub && hub.offset[u] >= 0) {
        const first = hub.offset[u];
        this.queueCursor(label, first, i, hub, best);
        continue;
      }
      const { runStart, runOffset, runType, edge, node } = this.lists[i];
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          best = this.relax(other, best, u, hops, edge[p], node[p], cost + space.edgeCost(edge[p]));
        }
      }
    }
    return best;
  }

  /** Queues a cursor at position `at` of a hub's sorted entries, extending `parent`. */
  private queueCursor(parent: number, at: number, list: number, hub: HubList, best: number): void {
    const labels = this.labels;
    const next = labels.cost[parent] + hub.cost[at];
    // Past `best` no forward entry can help (the entries only get dearer).
    if (this.forward && next >= best) return;
    const cursor = labels.add(labels.node[parent], hub.edge[at], parent, labels.hops[parent] + 1, next, 0);
    labels.aux[cursor] = 1 + ((at << 1) | list);
    this.heap.push(next, cursor);
  }

  /** Takes a cursor's next relationship and queues the cursor at the one after, if the hub has more. */
  private advance(other: Side, best: number, cursor: number, aux: number): number {
    const labels = this.labels;
    const at = (aux - 1) >> 1;
    const list = (aux - 1) & 1;
    const hub = this.hubs![list];
    const parent = labels.parent[cursor];
    const u = labels.node[parent];
    best = this.relax(other, best, u, labels.hops[parent], hub.edge[at], hub.node[at], labels.cost[cursor]);
    const degree = this.lists[list].start[u + 1] - this.lists[list].start[u];
    if (at + 1 < hub.offset[u] + degree) this.queueCursor(parent, at + 1, list, hub, best);
    return best;
  }

  /** Queues the label reaching v over e from u (at `hops`), unless it cannot matter; returns the cheapest walk met. */
  private relax(other: Side, best: number, u: number, hops: number, e: number, v: number, next: number): number {
    const { space, labels } = this;
    this.work++;
    if (v === u || this.beaten(v, hops + 1)) return best;
    if (!space.edgeOpen(e) || !space.nodeOpen(v)) return best;
    if (this.forward && next + other.lowerBound(v, this.maxHops - hops - 1) >= best) return best;
    if (this.openMark[v] === this.stamp) {
      const open = this.open[v];
      if (labels.cost[open] <= next && labels.hops[open] <= hops + 1) return best;
    }
    const added = labels.add(v, -1, -1, hops + 1, next, 0);
    this.heap.push(next, added);
    if (labels.size > PATH_LIMITS.maxLabels) space.budget.exhaust();
    if (this.openMark[v] !== this.stamp || next <= labels.cost[this.open[v]]) {
      this.open[v] = added;
      this.openMark[v] = this.stamp;
    }
    const through = this.join(other, v, next, hops + 1);
    return through < best ? through : best;
  }
}
