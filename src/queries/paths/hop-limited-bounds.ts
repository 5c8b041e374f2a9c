import type { LowerBounds } from './lower-bounds';
import type { Adjacency, PathIndex } from './path-index';
import type { SearchSpace } from './search-space';

/**
 * The breadth-first layers stop before looking at more relationships than this. Measured at 200,000 entities (1M
 * relationships, CONFIDENCE, CPU time per query, interleaved): 16,000 reaches 3 hops from t for most targets and cut
 * paths(k: 5) by 80% and shortestPath by about 20%; 4,000 (mostly 2 hops) gained less for paths(k: 5), 50,000 cost
 * more than it saved.
 */
export const LAYER_WORK = 16_000;

/**
 * Hop-aware lower bounds on top of `inner` (hop-free or hop-penalised, best-path.ts): a breadth-first search backward
 * from t, layer by layer while its work stays within `workLimit`, marks every entity within `radius` hops of t with its
 * hop distance; any other entity is more than `radius` hops away. A walk from v with k hops left cannot arrive when v
 * is more than k hops from t, so its bound is Infinity; otherwise the inner bound serves.
 *
 * Why: most of the A* label search's work was labels two to four hops before the hop limit at entities from which t
 * is further than the hops left (about half of the labels queued at 200,000 entities); the inner bounds, which do not
 * count hops (or count them only through one penalty per hop), let them into the queue. Hop distances involve no
 * arithmetic, so there is no rounding to guard against. The layers follow every relationship of a type the query
 * allows (no other filter), so they never overstate the hops under any filter, time order or Yen's bans.
 *
 * For one entity and one k the bound is a single number, so labels at one (entity, hops) still leave the queue in the
 * order of paths. Consistent: if t is within k − 1 hops of a neighbour w, it is within k hops of v.
 */
export class HopLimitedBounds implements LowerBounds {
  readonly connected: boolean;
  readonly cheapest: number;
  /** Every entity within `radius` hops of t is marked with its hop distance; Infinity when the layers ran out. */
  readonly radius: number;
  private readonly stamp: number;
  private readonly arrays: LayerArrays;
  private readonly target: number;

  constructor(
    space: SearchSpace,
    /** The bounds this adds hop distances to. */
    readonly inner: LowerBounds,
    t: number,
    workLimit = LAYER_WORK,
  ) {
    this.connected = inner.connected;
    this.cheapest = inner.cheapest;
    this.target = t;
    this.arrays = layerArraysOf(space.index);
    this.stamp = this.arrays.nextStamp();
    this.radius = this.layers(space, t, workLimit);
  }

  bound(v: number, hops: number): number {
    if (v === this.target) return 0;
    if (hops <= 0) return Infinity;
    // The arrays are shared by the index's searches: once later layers have re-marked them, only the inner bound holds.
    if (this.arrays.current !== this.stamp) return this.inner.bound(v, hops);
    const { mark, distance } = this.arrays;
    // Unmarked: more than radius hops away.
    if (mark[v] === this.stamp ? distance[v] > hops : hops <= this.radius) return Infinity;
    return this.inner.bound(v, hops);
  }

  /** Layers backward from t; returns the radius fully explored (Infinity: every entity that can reach t is marked). */
  private layers(space: SearchSpace, t: number, workLimit: number): number {
    const { mark, distance, queue } = this.arrays;
    const allowed = space.typeAllowed;
    const lists: readonly Adjacency[] = space.backwardLists;
    mark[t] = this.stamp;
    distance[t] = 0;
    queue[0] = t;
    let layerStart = 0;
    let layerEnd = 1;
    let work = 0;
    for (let depth = 1; depth <= space.maxLength; depth++) {
      if (layerStart === layerEnd) return Infinity;
      let end = layerEnd;
      for (let i = layerStart; i < layerEnd; i++) {
        const u = queue[i];
        for (let l = 0; l < lists.length; l++) work += lists[l].start[u + 1] - lists[l].start[u];
        // The layer at `depth` stays incomplete; the entities it marked are depth hops away all the same.
        if (work > workLimit) return depth - 1;
        for (let l = 0; l < lists.length; l++) {
          const { start, runStart, runOffset, runType, node } = lists[l];
          if (allowed === null) {
            end = this.visit(node, start[u], start[u + 1], depth, end);
            continue;
          }
          for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
            if (allowed[runType[r]] !== 0) end = this.visit(node, runOffset[r], runOffset[r + 1], depth, end);
          }
        }
      }
      layerStart = layerEnd;
      layerEnd = end;
    }
    return space.maxLength;
  }

  /** Marks the unmarked entities of node[from..to) at `depth` and queues them from queue[end]; returns the new end. */
  private visit(node: Int32Array, from: number, to: number, depth: number, end: number): number {
    const { mark, distance, queue } = this.arrays;
    const stamp = this.stamp;
    for (let p = from; p < to; p++) {
      const w = node[p];
      if (mark[w] === stamp) continue;
      mark[w] = stamp;
      distance[w] = depth;
      queue[end++] = w;
    }
    return end;
  }
}

/** Per entity the layers' stamp and hop distance, and their queue: 9 bytes per entity, kept with the index. */
class LayerArrays {
  readonly mark: Uint32Array;
  readonly distance: Uint8Array;
  readonly queue: Int32Array;
  private generation = 0;

  /** The stamp of the latest layers: marks of any other are stale. */
  get current(): number {
    return this.generation;
  }

  constructor(nodeCount: number) {
    this.mark = new Uint32Array(nodeCount);
    this.distance = new Uint8Array(nodeCount);
    this.queue = new Int32Array(nodeCount);
  }

  /** A stamp not used by earlier layers (clearing the marks on the rare wrap-around). */
  nextStamp(): number {
    if (this.generation === 0xffffffff) {
      this.mark.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

const arraysByIndex = new WeakMap<PathIndex, LayerArrays>();

function layerArraysOf(index: PathIndex): LayerArrays {
  let arrays = arraysByIndex.get(index);
  if (!arrays) arraysByIndex.set(index, (arrays = new LayerArrays(index.nodeCount)));
  return arrays;
}
