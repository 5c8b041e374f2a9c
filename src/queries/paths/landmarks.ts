import { isPending, runInBackground, runNow, type PendingWork, type Work } from '../../analysis/paced-work';
import { FLAG, onGraphChange, type KnowledgeGraph } from '../../load';
import { NodeHeap } from './node-heap';
import { pathIndexOf, type PathIndex } from './path-index';
import { UNRATED_CONFIDENCE } from './path-types';

/** How many landmarks a graph gets (fewer when it has fewer entities). */
export const LANDMARK_COUNT = 16;
/** How many of them a query uses: those that bound the cost from its `from` to its `to` best. */
const ACTIVE = 4;
/** Graphs with at most this many relationships get their landmarks at once, in the query that first asks for them. */
const AT_ONCE_EDGES = 20_000;
/** Entities settled between two progress reports of the background computation (a few milliseconds of work). */
const STEP = 2048;
/**
 * Relative margin taken off a landmark bound. The distances are rounded to Float32 (relative error ≤ 2⁻²⁴ each) and
 * summed in another order than a path's cost; |d(L,t) − d(L,v)| − (d(L,t) + d(L,v))·2⁻²⁰ stays below the exact
 * difference, hence below every true cost from v to t.
 */
const MARGIN = 2 ** -20;
const UNRATED_COST = -Math.log(UNRATED_CONFIDENCE);

/**
 * Landmark (ALT) lower bounds for CONFIDENCE paths. For a few landmarks L chosen far apart (farthest first), the
 * cheapest undirected CONFIDENCE cost d(L, v) to every entity v, computed once per graph with every relationship of
 * positive confidence usable. By the triangle inequality any walk from v to t costs at least |d(L,t) − d(L,v)|; the
 * filters of a query (types, asOf, minConfidence, avoid), its direction, hop limit, time order and the bans of Yen's
 * spur searches only take walks away, so the bound holds for every CONFIDENCE query on the same graph.
 *
 * Stored entity-major (the K distances of an entity side by side, one cache line), Float32: 4·K bytes per entity.
 * Computed in the background in slices (analysis/paced-work.ts) on the first CONFIDENCE query of a large graph —
 * queries until then use the bounds they had — and dropped when the graph announces a change.
 */
export class Landmarks {
  constructor(
    /** The landmark entities, in the order chosen. */
    readonly nodes: Int32Array,
    /** d(nodes[i], v) at v·count + i; Infinity when v cannot be reached from the landmark. */
    readonly distance: Float32Array,
  ) {}

  get count(): number {
    return this.nodes.length;
  }

  /** The bound towards t, with the ACTIVE landmarks that bound the cost from s to t best. */
  towards(s: number, t: number): LandmarkBound {
    const k = this.count;
    const atS = (i: number) => difference(this.distance[s * k + i], this.distance[t * k + i]);
    const chosen = Array.from({ length: k }, (_, i) => i)
      .sort((a, b) => atS(b) - atS(a) || a - b)
      .slice(0, ACTIVE);
    return new LandmarkBound(this.distance, k, Int32Array.from(chosen), Float64Array.from(chosen, (i) => this.distance[t * k + i]));
  }
}

/** |a − b| less the rounding margin, 0 when it says nothing (both unreachable), Infinity when one side is unreachable. */
export function difference(a: number, b: number): number {
  if (a === b) return 0;
  const gap = a > b ? a - b : b - a;
  if (gap === Infinity) return Infinity;
  const bound = gap - (a + b) * MARGIN;
  return bound > 0 ? bound : 0;
}

/** Lower bounds of the CONFIDENCE cost of any walk from v to one entity t. */
export class LandmarkBound {
  constructor(
    private readonly distance: Float32Array,
    private readonly stride: number,
    private readonly active: Int32Array,
    private readonly toTarget: Float64Array,
  ) {}

  bound(v: number): number {
    const { distance, active, toTarget } = this;
    const base = v * this.stride;
    let best = 0;
    for (let i = 0; i < active.length; i++) {
      const bound = difference(distance[base + active[i]], toTarget[i]);
      if (bound > best) best = bound;
    }
    return best;
  }
}

/** One direction of the adjacency with the cost of each entry beside it, so that a pass reads them in order. */
interface CostedList {
  readonly start: Int32Array;
  readonly node: Int32Array;
  readonly cost: Float64Array;
}

/** Cheapest undirected costs from `origin` over relationships of positive confidence (Dijkstra), yielding now and then. */
function* distancesFrom(lists: readonly CostedList[], origin: number, into: Float64Array, heap: NodeHeap, settled: Uint8Array): Generator<void, void, void> {
  into.fill(Infinity);
  settled.fill(0);
  heap.reset();
  into[origin] = 0;
  heap.push(0, origin);
  let steps = 0;
  while (heap.size > 0) {
    const u = heap.topNode;
    const cost = heap.topKey;
    heap.pop();
    if (settled[u] === 1) continue;
    settled[u] = 1;
    for (let i = 0; i < lists.length; i++) {
      const { start, node, cost: hop } = lists[i];
      for (let p = start[u], end = start[u + 1]; p < end; p++) {
        const next = cost + hop[p];
        const w = node[p];
        if (next < into[w]) {
          into[w] = next;
          heap.push(next, w);
        }
      }
    }
    if (++steps === STEP) {
      steps = 0;
      yield;
    }
  }
}

/** The farthest entity by `distance` (finite values only) that is no landmark yet; -1 when none is left. */
function farthest(distance: Float64Array, chosen: readonly number[]): number {
  let best = -1;
  for (let v = 0; v < distance.length; v++) {
    const d = distance[v];
    if (d !== Infinity && d > 0 && (best < 0 || d > distance[best]) && !chosen.includes(v)) best = v;
  }
  return best;
}

/**
 * Chooses and measures the landmarks: a first pass from the entity of highest degree finds the farthest entity, the
 * first landmark; each next one is the entity farthest from all landmarks so far (the smallest of its distances).
 */
function* computeLandmarks(index: PathIndex): Work<Landmarks> {
  const n = index.nodeCount;
  const costOf = (e: number) => {
    const confidence = index.confidence[e];
    return !(index.flags[e] & FLAG.hasConfidence) ? UNRATED_COST : confidence > 0 ? -Math.log(confidence) : Infinity;
  };
  const lists = [index.out, index.in].map(({ start, edge, node }) => ({ start, node, cost: Float64Array.from(edge, costOf) }));
  const heap = new NodeHeap();
  const settled = new Uint8Array(n);
  const distance = new Float64Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const total = Math.min(LANDMARK_COUNT, n) + 1;
  let seed = 0;
  for (let v = 1; v < n; v++) if (index.degree[v] > index.degree[seed]) seed = v;
  const chosen: number[] = [];
  const width = total - 1;
  let table = new Float32Array(n * width);
  if (n > 0) yield* progress(distancesFrom(lists, seed, distance, heap, settled), 0, total);
  for (let next = n > 0 ? farthest(distance, chosen) : -1; next >= 0 && chosen.length < width; next = farthest(nearest, chosen)) {
    const column = chosen.length;
    chosen.push(next);
    yield* progress(distancesFrom(lists, next, distance, heap, settled), chosen.length, total);
    for (let v = 0; v < n; v++) {
      table[v * width + column] = distance[v];
      if (distance[v] < nearest[v]) nearest[v] = distance[v];
    }
  }
  const k = chosen.length;
  if (k < width) {
    // Fewer entities within reach than landmarks wanted (a small graph): close the table up.
    const narrow = new Float32Array(n * k);
    for (let v = 0; v < n; v++) narrow.set(table.subarray(v * width, v * width + k), v * k);
    table = narrow;
  }
  return new Landmarks(Int32Array.from(chosen), table);
}

/** Passes on a pass's pauses as the share of passes done. */
function* progress(pass: Generator<void, void, void>, done: number, total: number): Work<void> {
  for (let step = pass.next(); !step.done; step = pass.next()) yield done / total;
}

/** Per graph: the index the landmarks are for, and the landmarks or their computation under way. */
interface Entry {
  readonly index: PathIndex;
  landmarks: Landmarks | PendingWork<Landmarks> | null;
}

const entries = new WeakMap<KnowledgeGraph, Entry>();
const ready = new WeakMap<PathIndex, Landmarks>();
const subscribed = new WeakSet<KnowledgeGraph>();

/**
 * Asks for the landmarks of a graph (for its current path index): computed at once for a small graph, else started in
 * the background if they are not there or under way yet (when the background lane is full, the next query asks
 * again). Queries read them with landmarksOf once they are there.
 */
export function requestLandmarks(graph: KnowledgeGraph, index: PathIndex = pathIndexOf(graph)): void {
  const entry = entries.get(graph);
  if (entry && entry.index === index && entry.landmarks !== null) return;
  if (!subscribed.has(graph)) {
    subscribed.add(graph);
    onGraphChange(graph, () => {
      const stale = entries.get(graph);
      if (stale) ready.delete(stale.index);
      entries.delete(graph);
    });
  }
  const current: Entry = { index, landmarks: null };
  entries.set(graph, current);
  if (index.edgeCount <= AT_ONCE_EDGES) {
    finish(current, runNow(computeLandmarks(index)));
    return;
  }
  try {
    const pending = runInBackground('path landmarks', computeLandmarks(index), () => (entries.get(graph) === current ? null : new Error('the graph changed')));
    current.landmarks = pending;
    pending.then((landmarks) => finish(current, landmarks)).catch(() => undefined);
  } catch {
    entries.delete(graph); // the lane is full: a later query asks again
  }
}

function finish(entry: Entry, landmarks: Landmarks): void {
  entry.landmarks = landmarks;
  ready.set(entry.index, landmarks);
}

/**
 * Computes the landmarks of a graph now if they are not there (the benchmark, tests, a server that warms up), or waits
 * for the computation under way.
 */
export async function landmarksReady(graph: KnowledgeGraph): Promise<Landmarks> {
  requestLandmarks(graph);
  const entry = entries.get(graph);
  if (entry && isPending(entry.landmarks)) return entry.landmarks;
  if (entry?.landmarks instanceof Landmarks) return entry.landmarks;
  const index = pathIndexOf(graph);
  const current: Entry = { index, landmarks: null };
  entries.set(graph, current);
  finish(current, runNow(computeLandmarks(index)));
  return current.landmarks as Landmarks;
}

/** The landmarks of an index once computed (null until then, and for an index that has been replaced). */
export function landmarksOf(index: PathIndex): Landmarks | null {
  return ready.get(index) ?? null;
}
