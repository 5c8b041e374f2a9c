import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/**
 * Reads the smallest shortest path (of `length` hops) off both searches of fewestHops (bidirectional-bfs.ts).
 * Positions 0..a lie in the complete forward layers (distForward equals the position) and the rest in the complete
 * backward layers (distBackward is length − position); entities of the layer cut short by the meeting carry a distance
 * one too large and never qualify. A depth-first walk from s tries the relationships of each entity in id order and
 * keeps the first that leads on to t: past position a every candidate does (the backward BFS proves it), before it an
 * entity found to lead nowhere is marked and never tried again, so the walk costs at most one look at each forward
 * entity's relationships. `windows` are the forward lists' asOf windows (SearchSpace.windowsOf), null without asOf.
 */
export function readPath(space: SearchSpace, windows: readonly Int32Array[] | null, s: number, t: number, stamp: number, a: number, length: number): FoundPath {
  const scratch = space.scratch;
  const { seenForward, distForward, seenBackward, distBackward, onPath: deadEnd } = scratch;
  const { edgeSource, edgeTarget } = space.index;
  const dead = scratch.nextStamp();
  const allowed = space.typeAllowed;
  const { asOfLo, asOfHi } = space;
  const checksMore = space.checksMore;
  const lists = space.forwardLists;
  const nodes = [s];
  const edges: number[] = [];
  // The candidates of the entities on the current walk, stacked: each level's are steps[from .. top).
  let steps = scratch.steps;
  let top = 0;
  const walk = (u: number, position: number): boolean => {
    if (position === length) return u === t;
    const next = position + 1;
    const from = top;
    for (let l = 0; l < lists.length; l++) {
      const { start, runStart, runOffset, runType, edge, node } = lists[l];
      const window = windows === null ? null : windows[l];
      if (top + start[u + 1] - start[u] > steps.length) steps = scratch.growSteps(top + start[u + 1] - start[u]);
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          const v = node[p];
          const leads = next <= a ? seenForward[v] === stamp && distForward[v] === next && deadEnd[v] !== dead : seenBackward[v] === stamp && distBackward[v] === length - next;
          if (!leads) continue;
          if (window !== null && (window[2 * p] > asOfHi || window[2 * p + 1] < asOfLo)) continue;
          if (checksMore && !space.otherChecksOpen(edge[p])) continue;
          steps[top++] = edge[p];
        }
      }
    }
    // In id (edge number) order: the lists are grouped by type. A relationship is listed once at u (a self-loop,
    // listed twice, never leads on), so its other end is the end that is not u.
    steps.subarray(from, top).sort();
    const candidates = steps;
    for (let i = from; i < top; i++) {
      const e = candidates[i];
      const v = edgeSource[e] === u ? edgeTarget[e] : edgeSource[e];
      if (deadEnd[v] === dead && next <= a) continue;
      nodes.push(v);
      edges.push(e);
      if (walk(v, next)) return true;
      nodes.pop();
      edges.pop();
    }
    top = from;
    deadEnd[u] = dead;
    return false;
  };
  walk(s, 0);
  return { nodes, edges };
}
