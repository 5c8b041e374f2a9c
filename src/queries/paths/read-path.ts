import type { Adjacency } from './path-index';
import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/** One side of a fewest-hops search (bidirectional-bfs.ts) as it stands when the sides meet. */
export interface SearchSide {
  /** The lists the side walks and, with asOf, their windows in adjacency order (SearchSpace.windowsOf), aligned. */
  readonly lists: readonly Adjacency[];
  readonly windows: readonly Int32Array[] | null;
  /** The types checked by run (null: none), and whether the lists are a projection that needs no date checks (HopLists). */
  readonly typeAllowed: Uint8Array | null;
  readonly datesChecked: boolean;
  readonly queue: Int32Array;
  /** Where the side's stamp and distance are in Scratch.bfsMarks: 4v + marks, 4v + marks + 1. */
  readonly marks: 0 | 2;
  /** Layer d is queue[start[d] .. start[d + 1]), its work (total degree) work[d]. */
  readonly layers: { readonly start: Int32Array; readonly work: Float64Array };
  /** The side's last complete layer. */
  depth: number;
}

/** The work of expanding v on a side: its out- or in-degree when directed, its whole degree when not. */
export function sideWork(space: SearchSpace, lists: readonly Adjacency[], v: number): number {
  return lists.length === 1 ? lists[0].start[v + 1] - lists[0].start[v] : space.index.nodeFacts[4 * v + 2];
}

/**
 * Reads the smallest shortest path off both sides of fewestHops once they met. Its length is forward.depth +
 * backward.depth + 1: positions 0..a (a = forward.depth) lie in the complete forward layers (the forward distance
 * equals the position), the rest in the complete backward layers (the backward distance is length − position); entities of the layer cut
 * short by the meeting carry a distance one too large and never qualify. A depth-first walk from s tries the
 * relationships of each entity in id order and keeps the first that leads on to t: past position a every candidate
 * does (the backward BFS proves it), before it an entity found to lead nowhere is marked and never tried again.
 *
 * An entity's candidates are found the cheaper of two ways. From its own lists, runs of one type sorted by edge
 * number: a cursor per run stops at the run's first relationship that leads on, the smallest cursor is tried, and a
 * run is read further only when its candidate fails. Or, when the next position's layer has less work than the entity
 * has relationships (a hub on the path, next to a small layer), from that layer's side: the relationships its
 * entities have with this one, sorted.
 */
export function readPath(space: SearchSpace, forward: SearchSide, backward: SearchSide, s: number, t: number, stamp: number): FoundPath {
  const scratch = space.scratch;
  const { bfsMarks: marks, onPath: deadEnd } = scratch;
  const { edgeSource, edgeTarget } = space.index;
  const dead = scratch.nextStamp();
  const a = forward.depth;
  const length = forward.depth + backward.depth + 1;
  const allowed = forward.typeAllowed;
  const { asOfLo, asOfHi } = space;
  const checksMore = space.checksMore;
  const { lists, windows } = forward;
  const nodes = [s];
  const edges: number[] = [];
  // The runs' cursors of the entities on the current walk, stacked: a level's are [from, top) of these arrays.
  const { cursor, end, listOf } = scratch.runCursors;
  let top = 0;
  let steps = scratch.steps;
  let stepsTop = 0;

  const usable = (window: Int32Array | null, p: number, e: number) =>
    (window === null || (window[2 * p] <= asOfHi && window[2 * p + 1] >= asOfLo)) && (!checksMore || space.otherChecksOpen(e));

  /** The first entry at or after p, before `stop`, of a relationship that leads on to an entity at `next` (or stop). */
  const seek = (l: number, p: number, stop: number, next: number): number => {
    const { edge, node } = lists[l];
    const window = windows === null ? null : windows[l];
    for (; p < stop; p++) {
      const v = node[p];
      const leads = next <= a ? marks[4 * v] === stamp && marks[4 * v + 1] === next && deadEnd[v] !== dead : marks[4 * v + 2] === stamp && marks[4 * v + 3] === length - next;
      if (leads && usable(window, p, edge[p])) return p;
    }
    return stop;
  };

  /** Tries v (reached from u by e) at `next`; true when the walk reached t through it. */
  const tryStep = (e: number, v: number, next: number): boolean => {
    if (deadEnd[v] === dead && next <= a) return false;
    nodes.push(v);
    edges.push(e);
    if (walk(v, next)) return true;
    nodes.pop();
    edges.pop();
    return false;
  };

  /** Walks on from u through its own lists, merging its runs by edge number. */
  const fromOwnLists = (u: number, next: number): boolean => {
    const from = top;
    for (let l = 0; l < lists.length; l++) {
      const { runStart, runOffset, runType } = lists[l];
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        const p = seek(l, runOffset[r], runOffset[r + 1], next);
        if (p === runOffset[r + 1]) continue;
        cursor[top] = p;
        end[top] = runOffset[r + 1];
        listOf[top++] = l;
      }
    }
    for (;;) {
      // The smallest edge number among the runs' candidates; a self-loop, listed twice, never leads on.
      let best = -1;
      let bestEdge = 0;
      for (let i = from; i < top; i++) {
        if (cursor[i] === end[i]) continue;
        const e = lists[listOf[i]].edge[cursor[i]];
        if (best < 0 || e < bestEdge) {
          best = i;
          bestEdge = e;
        }
      }
      if (best < 0) break;
      if (tryStep(bestEdge, lists[listOf[best]].node[cursor[best]], next)) return true;
      cursor[best] = seek(listOf[best], cursor[best] + 1, end[best], next);
    }
    top = from;
    return false;
  };

  /**
   * Walks on from u through the relationships the entities of the layer at `next` have with u, read from their side:
   * a step u → v is listed at v in the backward side's lists, which mirror the forward ones (out-lists ↔ in-lists).
   */
  const fromLayer = (u: number, next: number, side: SearchSide, d: number): boolean => {
    const from = stepsTop;
    for (let q = side.layers.start[d], last = side.layers.start[d + 1]; q < last; q++) {
      const v = side.queue[q];
      if (deadEnd[v] === dead && next <= a) continue;
      for (let l = 0; l < backward.lists.length; l++) {
        const { runStart, runOffset, runType, edge, node } = backward.lists[l];
        const window = backward.windows === null ? null : backward.windows[l];
        for (let r = runStart[v], runEnd = runStart[v + 1]; r < runEnd; r++) {
          if (allowed !== null && allowed[runType[r]] === 0) continue;
          for (let p = runOffset[r], stop = runOffset[r + 1]; p < stop; p++) {
            if (node[p] !== u || !usable(window, p, edge[p])) continue;
            if (stepsTop === steps.length) steps = scratch.growSteps(stepsTop + 1);
            steps[stepsTop++] = edge[p];
          }
        }
      }
    }
    steps.subarray(from, stepsTop).sort();
    const candidates = steps;
    for (let i = from, last = stepsTop; i < last; i++) {
      const e = candidates[i];
      // The same relationship may be listed twice at v (a self-loop never is here: v ≠ u).
      if (i > from && e === candidates[i - 1]) continue;
      if (tryStep(e, edgeSource[e] === u ? edgeTarget[e] : edgeSource[e], next)) return true;
    }
    stepsTop = from;
    return false;
  };

  function walk(u: number, position: number): boolean {
    if (position === length) return u === t;
    const next = position + 1;
    const [side, d] = next <= a ? [forward, next] : [backward, length - next];
    const found = side.layers.work[d] < sideWork(space, lists, u) ? fromLayer(u, next, side, d) : fromOwnLists(u, next);
    if (!found) deadEnd[u] = dead;
    return found;
  }

  walk(s, 0);
  return { nodes, edges };
}
