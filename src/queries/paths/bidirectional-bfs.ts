import type { Adjacency } from './path-index';
import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/** The work of expanding v on a side: its out- or in-degree when directed, its whole degree when not. */
function degree(space: SearchSpace, lists: readonly Adjacency[], v: number): number {
  return lists.length === 1 ? lists[0].start[v + 1] - lists[0].start[v] : space.index.degree[v];
}

/** What expanding a layer found: where the queue now ends, the next layer's work (total degree), a meeting (-1: none). */
interface Expansion {
  length: number;
  work: number;
  meeting: number;
}

/** Expands one BFS layer (queue[from..to)) of one side, stopping at the first entity the other side has reached. */
function expandLayer(
  space: SearchSpace,
  lists: readonly Adjacency[],
  queue: Int32Array,
  from: number,
  to: number,
  seen: Uint32Array,
  dist: Int32Array,
  otherSeen: Uint32Array,
  stamp: number,
): Expansion {
  const depth = dist[queue[from]] + 1;
  const allowed = space.typeAllowed;
  let length = to;
  let work = 0;
  for (let q = from; q < to; q++) {
    const u = queue[q];
    for (const { runStart, runOffset, runType, edge, node } of lists) {
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          const v = node[p];
          if (seen[v] === stamp || !space.edgeOpen(edge[p]) || !space.nodeOpen(v)) continue;
          seen[v] = stamp;
          dist[v] = depth;
          queue[length++] = v;
          if (otherSeen[v] === stamp) return { length, work, meeting: v };
          work += degree(space, lists, v);
        }
      }
    }
  }
  return { length, work, meeting: -1 };
}

/**
 * The path with the fewest hops from s to t (at most maxHops) and, among those, the smallest sequence of
 * relationship ids. A bidirectional BFS expands layers of the side with less work (total degree) and stops at the
 * first entity both sides reach: its length, forwardDepth + backwardDepth + 1, is the shortest (every earlier layer
 * was complete without a meeting). The path is then read off by readPath. Visited marks are generation stamps, so a
 * search costs what it explores, not the size of the graph. s and t must be open and distinct.
 */
export function fewestHops(space: SearchSpace, s: number, t: number, maxHops: number): FoundPath | null {
  if (maxHops < 1) return null;
  const scratch = space.scratch;
  const stamp = scratch.nextStamp();
  const { seenForward, distForward, seenBackward, distBackward, queueForward, queueBackward } = scratch;
  seenForward[s] = stamp;
  distForward[s] = 0;
  queueForward[0] = s;
  seenBackward[t] = stamp;
  distBackward[t] = 0;
  queueBackward[0] = t;
  // Each side's last complete layer is queue[start..end), at distance depth from that side's end.
  let forwardStart = 0;
  let forwardEnd = 1;
  let forwardDepth = 0;
  let forwardWork = degree(space, space.forwardLists, s);
  let backwardStart = 0;
  let backwardEnd = 1;
  let backwardDepth = 0;
  let backwardWork = degree(space, space.backwardLists, t);
  while (forwardDepth + backwardDepth < maxHops) {
    if (forwardStart === forwardEnd || backwardStart === backwardEnd) return null;
    const forward = forwardWork <= backwardWork;
    const expansion = forward
      ? expandLayer(space, space.forwardLists, queueForward, forwardStart, forwardEnd, seenForward, distForward, seenBackward, stamp)
      : expandLayer(space, space.backwardLists, queueBackward, backwardStart, backwardEnd, seenBackward, distBackward, seenForward, stamp);
    space.budget.spend(forward ? forwardEnd - forwardStart : backwardEnd - backwardStart);
    if (expansion.meeting >= 0) return readPath(space, s, t, stamp, forwardDepth, forwardDepth + backwardDepth + 1);
    if (forward) {
      forwardStart = forwardEnd;
      forwardEnd = expansion.length;
      forwardWork = expansion.work;
      forwardDepth++;
    } else {
      backwardStart = backwardEnd;
      backwardEnd = expansion.length;
      backwardWork = expansion.work;
      backwardDepth++;
    }
  }
  return null;
}

/**
 * Reads the smallest shortest path (of `length` hops) off both searches. Positions 0..a lie in the complete forward
 * layers (distForward equals the position) and the rest in the complete backward layers (distBackward is length −
 * position); entities of the layer cut short by the meeting carry a distance one too large and never qualify. A
 * depth-first walk from s tries the relationships of each entity in id order and keeps the first that leads on to t:
 * past position a every candidate does (the backward BFS proves it), before it an entity found to lead nowhere is
 * marked and never tried again, so the walk costs at most one look at each forward entity's relationships.
 */
function readPath(space: SearchSpace, s: number, t: number, stamp: number, a: number, length: number): FoundPath {
  const { seenForward, distForward, seenBackward, distBackward, onPath: deadEnd } = space.scratch;
  const dead = space.scratch.nextStamp();
  const allowed = space.typeAllowed;
  const nodes = [s];
  const edges: number[] = [];
  const walk = (u: number, position: number): boolean => {
    if (position === length) return u === t;
    const next = position + 1;
    // The relationships that lead on, in id (edge number) order: the lists are grouped by type, so sort them.
    const steps: [number, number][] = [];
    for (const { runStart, runOffset, runType, edge, node } of space.forwardLists) {
      for (let r = runStart[u], runEnd = runStart[u + 1]; r < runEnd; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runOffset[r], end = runOffset[r + 1]; p < end; p++) {
          const v = node[p];
          const leads =
            next <= a ? seenForward[v] === stamp && distForward[v] === next && deadEnd[v] !== dead : seenBackward[v] === stamp && distBackward[v] === length - next;
          if (leads && space.edgeOpen(edge[p])) steps.push([edge[p], v]);
        }
      }
    }
    steps.sort((x, y) => x[0] - y[0]);
    for (const [e, v] of steps) {
      if (deadEnd[v] === dead && next <= a) continue;
      nodes.push(v);
      edges.push(e);
      if (walk(v, next)) return true;
      nodes.pop();
      edges.pop();
    }
    deadEnd[u] = dead;
    return false;
  };
  walk(s, 0);
  return { nodes, edges };
}
