import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/**
 * Reads the smallest shortest path (of `length` hops) off both searches of fewestHops (bidirectional-bfs.ts).
 * Positions 0..a lie in the complete forward layers (distForward equals the position) and the rest in the complete
 * backward layers (distBackward is length − position); entities of the layer cut short by the meeting carry a distance
 * one too large and never qualify. A depth-first walk from s tries the relationships of each entity in id order and
 * keeps the first that leads on to t: past position a every candidate does (the backward BFS proves it), before it an
 * entity found to lead nowhere is marked and never tried again.
 *
 * Each entity's lists are runs of one type sorted by edge number, so the relationships in id order are a merge of
 * its runs: a cursor per run stops at the run's first relationship that leads on, the smallest cursor is tried, and a
 * run is read further only when its candidate fails. On a path through hubs this reads a few entries per run instead
 * of every relationship of every entity on the path. `windows` are the forward lists' asOf windows
 * (SearchSpace.windowsOf), null without asOf.
 */
export function readPath(space: SearchSpace, windows: readonly Int32Array[] | null, s: number, t: number, stamp: number, a: number, length: number): FoundPath {
  const scratch = space.scratch;
  const { seenForward, distForward, seenBackward, distBackward, onPath: deadEnd } = scratch;
  const dead = scratch.nextStamp();
  const allowed = space.typeAllowed;
  const { asOfLo, asOfHi } = space;
  const checksMore = space.checksMore;
  const lists = space.forwardLists;
  const nodes = [s];
  const edges: number[] = [];
  // The runs' cursors of the entities on the current walk, stacked: a level's are [from, top) of these arrays.
  const { cursor, end, listOf } = scratch.runCursors;
  let top = 0;

  /** The first entry at or after p, before `stop`, of a relationship that leads on to an entity at `next` (or stop). */
  const seek = (l: number, p: number, stop: number, next: number): number => {
    const { edge, node } = lists[l];
    const window = windows === null ? null : windows[l];
    for (; p < stop; p++) {
      const v = node[p];
      const leads = next <= a ? seenForward[v] === stamp && distForward[v] === next && deadEnd[v] !== dead : seenBackward[v] === stamp && distBackward[v] === length - next;
      if (!leads) continue;
      if (window !== null && (window[2 * p] > asOfHi || window[2 * p + 1] < asOfLo)) continue;
      if (checksMore && !space.otherChecksOpen(edge[p])) continue;
      return p;
    }
    return stop;
  };

  const walk = (u: number, position: number): boolean => {
    if (position === length) return u === t;
    const next = position + 1;
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
      const list = lists[listOf[best]];
      const v = list.node[cursor[best]];
      if (!(deadEnd[v] === dead && next <= a)) {
        nodes.push(v);
        edges.push(bestEdge);
        if (walk(v, next)) return true;
        nodes.pop();
        edges.pop();
      }
      cursor[best] = seek(listOf[best], cursor[best] + 1, end[best], next);
    }
    top = from;
    deadEnd[u] = dead;
    return false;
  };
  walk(s, 0);
  return { nodes, edges };
}
