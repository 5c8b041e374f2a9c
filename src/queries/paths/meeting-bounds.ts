import type { HubList } from './hub-lists';
import type { LowerBounds } from './lower-bounds';
import type { NodeHeap } from './node-heap';
import type { Adjacency } from './path-index';
import type { MeetingArrays } from './scratch';
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
 * needs hop-aware bounds: the same search with a penalty per hop (hop-penalty-bounds.ts; best-path.ts decides).
 * Either way the answer is the A* label search's, in the exact order of paths: these bounds only make it cheaper to find.
 *
 * Cheaper than a label search with labels per hop count because each entity is settled once, and a label is only queued
 * when it could still be settled before the search stops (its cost plus the other side's cheapest open label is
 * below the cheapest walk); a hub's relationships are taken cheapest first through a cursor (hub-lists.ts), only as
 * far as the search goes.
 */
export class MeetingBounds implements LowerBounds {
  readonly connected: boolean;
  /** The cost of the cheapest walk met, summed in path order, when it fits within maxLength (else Infinity). */
  readonly cheapest: number;
  /** True when the cheapest walk met has at most maxLength hops. */
  readonly fits: boolean;
  /** The hops of the cheapest walk met. */
  readonly cheapestHops: number;
  private readonly beyond: number;
  private readonly backward: Side;

  /**
   * With a hop `penalty` λ > 0 every hop costs λ more: the search then finds walks of fewer hops, and its costs D(v) to
   * t bound the cost within r hops by D(v) − λ·r (hop-penalty-bounds.ts). `slot` says which backward arrays keep the
   * bounds (scratch.ts meetingSide).
   */
  constructor(
    space: SearchSpace,
    s: number,
    t: number,
    readonly penalty = 0,
    slot: 1 | 2 = 1,
  ) {
    const { scratch } = space;
    const heaps = scratch.weighted;
    const hubs = space.hubLists();
    const forward = new Side(space, scratch.meetingSide(0), heaps.forwardHeap, space.forwardLists, hubs?.forward ?? null, penalty, s);
    const backward = new Side(space, scratch.meetingSide(slot), heaps.backwardHeap, space.backwardLists, hubs?.backward ?? null, penalty, t);
    const meeting: Meeting = { cost: s === t ? 0 : Infinity, hops: 0, forwardEnd: s, edge: -1, backwardEnd: t };
    for (;;) {
      const forwardTop = forward.top();
      const backwardTop = backward.top();
      if (!(forwardTop + backwardTop < meeting.cost)) break; // also when a side has run dry (Infinity)
      if (forward.work <= backward.work) forward.settleNext(backward, backwardTop, meeting, true);
      else backward.settleNext(forward, forwardTop, meeting, false);
    }
    this.connected = meeting.cost < Infinity;
    // Read from the parents now (a label at an end of the meeting may have improved since: the walk costs no more).
    const edges = this.connected ? walk(space, forward, backward, meeting) : [];
    this.cheapestHops = edges.length;
    this.fits = this.connected && edges.length <= space.maxLength;
    this.cheapest = this.fits ? space.pathCost(edges) : Infinity;
    this.beyond = backward.top();
    this.backward = backward;
  }

  /** A lower bound of the cost (with the hop penalty) of any walk from v to t. */
  bound(v: number): number {
    return this.backward.settled(v) ? this.backward.cost[v] : this.beyond;
  }
}

/** The relationships of the walk met: forward parents back to s, the meeting relationship, backward parents on to t. */
function walk(space: SearchSpace, forward: Side, backward: Side, meeting: Meeting): number[] {
  const { edgeSource, edgeTarget } = space.index;
  const other = (e: number, v: number) => (edgeSource[e] === v ? edgeTarget[e] : edgeSource[e]);
  const head: number[] = [];
  for (let v = meeting.forwardEnd, e = forward.parent(v); e >= 0; v = other(e, v), e = forward.parent(v)) head.push(e);
  const edges = head.reverse();
  if (meeting.edge >= 0) edges.push(meeting.edge);
  for (let v = meeting.backwardEnd, e = backward.parent(v); e >= 0; v = other(e, v), e = backward.parent(v)) edges.push(e);
  return edges;
}

/** The cheapest walk met: forwardEnd (reached from s) and backwardEnd (reached from t), joined by edge (-1: the same entity). */
interface Meeting {
  cost: number;
  hops: number;
  forwardEnd: number;
  edge: number;
  backwardEnd: number;
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
  /** Hub cursors, three numbers each (hub, position, list); queued in the heap as ~(index of the first). */
  private readonly cursors: number[] = [];
  private readonly reachedStamp: number;
  private readonly settledStamp: number;
  readonly cost: Float64Array;
  private readonly hops: Int32Array;
  private readonly mark: Uint32Array;
  private readonly parents: Int32Array;

  constructor(
    private readonly space: SearchSpace,
    arrays: MeetingArrays,
    private readonly heap: NodeHeap,
    private readonly lists: readonly Adjacency[],
    private readonly hubs: readonly HubList[] | null,
    private readonly penalty: number,
    origin: number,
  ) {
    ({ cost: this.cost, hops: this.hops, mark: this.mark, parent: this.parents } = arrays);
    this.reachedStamp = space.scratch.nextStamp();
    this.settledStamp = space.scratch.nextStamp();
    heap.reset();
    this.cost[origin] = 0;
    this.hops[origin] = 0;
    this.parents[origin] = -1;
    this.mark[origin] = this.reachedStamp;
    heap.push(0, origin);
  }

  /** The relationship by which v was reached (-1 at the origin). */
  parent(v: number): number {
    return this.parents[v];
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
    while (heap.size > 0 && heap.topNode >= 0 && mark[heap.topNode] === settledStamp) heap.pop();
    const open = heap.size > 0 ? heap.topKey : Infinity;
    return open < this.pruned ? open : this.pruned;
  }

  /**
   * Settles the cheapest open entity, or takes the next relationship of the cheapest hub cursor (top() has just
   * dropped the settled entities from the heap, and the caller checked that it is not a pruned label); walks met
   * lower meeting.
   */
  settleNext(other: Side, otherTop: number, meeting: Meeting, isForward: boolean): void {
    const { space, heap } = this;
    const u = heap.topNode;
    heap.pop();
    if (u < 0) {
      this.advance(~u, other, otherTop, meeting, isForward);
      return;
    }
    this.mark[u] = this.settledStamp;
    space.budget.spend(1);
    const cost = this.cost[u];
    // The other side may have reached u over a relationship this side's hub cursors have not taken yet.
    if (other.reached(u)) this.meet(meeting, cost + other.cost[u], this.hops[u] + other.hops[u], u, -1, u);
    const penalty = this.penalty;
    const hops = this.hops[u];
    const allowed = space.typeAllowed;
    for (let i = 0; i < this.lists.length; i++) {
      const hub = this.hubs?.[i];
      if (hub && hub.offset[u] >= 0) {
        this.queueCursor(u, hub.offset[u], i, otherTop, meeting);
        continue;
      }
      const { runStart, runOffset, runType, edge, node } = this.lists[i];
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          this.relax(other, otherTop, meeting, isForward, u, hops, edge[p], node[p], cost + space.edgeCost(edge[p]) + penalty);
        }
      }
    }
  }

  /**
   * Queues a cursor over hub u's relationships sorted by cost (hub-lists.ts), at position `at`, keyed by the label its
   * next relationship would give: a hub's thousands of relationships are taken one at a time, in cost order, only as
   * far as the search goes. Past what could still be settled, the cursor is dropped like a label.
   */
  private queueCursor(u: number, at: number, list: number, otherTop: number, meeting: Meeting): void {
    const next = this.cost[u] + this.hubs![list].cost[at] + this.penalty;
    if (next + otherTop >= meeting.cost) {
      if (next < this.pruned) this.pruned = next;
      return;
    }
    const cursor = this.cursors.length;
    this.cursors.push(u, at, list);
    this.heap.push(next, ~cursor);
  }

  /** Takes a cursor's next relationship and queues the cursor at the one after, if the hub has more. */
  private advance(cursor: number, other: Side, otherTop: number, meeting: Meeting, isForward: boolean): void {
    const [u, at, list] = [this.cursors[cursor], this.cursors[cursor + 1], this.cursors[cursor + 2]];
    const hub = this.hubs![list];
    this.relax(other, otherTop, meeting, isForward, u, this.hops[u], hub.edge[at], hub.node[at], this.cost[u] + hub.cost[at] + this.penalty);
    if (at + 1 < hub.offset[u] + this.lists[list].start[u + 1] - this.lists[list].start[u]) this.queueCursor(u, at + 1, list, otherTop, meeting);
  }

  private meet(meeting: Meeting, cost: number, hops: number, forwardEnd: number, edge: number, backwardEnd: number): void {
    if (cost < meeting.cost || (cost === meeting.cost && hops < meeting.hops)) {
      meeting.cost = cost;
      meeting.hops = hops;
      meeting.forwardEnd = forwardEnd;
      meeting.edge = edge;
      meeting.backwardEnd = backwardEnd;
    }
  }

  private relax(other: Side, otherTop: number, meeting: Meeting, isForward: boolean, u: number, hops: number, e: number, w: number, next: number): void {
    this.work++;
    const mark = this.mark[w];
    if (w === u || mark === this.settledStamp) return;
    const steps = hops + 1;
    if (mark === this.reachedStamp && (this.cost[w] < next || (this.cost[w] === next && this.hops[w] <= steps))) return;
    const space = this.space;
    if (!space.edgeOpen(e) || !space.nodeOpen(w)) return;
    if (other.reached(w)) this.meet(meeting, next + other.cost[w], steps + other.hops[w], isForward ? u : w, e, isForward ? w : u);
    // A label that costs at least the cheapest walk together with the other side's cheapest open label would only be
    // settled after the search stops; its cost still bounds what this side has not settled.
    if (next + otherTop >= meeting.cost) {
      if (next < this.pruned) this.pruned = next;
      return;
    }
    this.cost[w] = next;
    this.hops[w] = steps;
    this.parents[w] = e;
    this.mark[w] = this.reachedStamp;
    this.heap.push(next, w);
  }
}
