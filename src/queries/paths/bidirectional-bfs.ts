import type { FoundPath } from './path-types';
import { readPath, sideWork, type SearchSide } from './read-path';
import type { SearchSpace } from './search-space';

/** What expanding a layer found: where the queue now ends, the next layer's work (total degree), a meeting (-1: none). */
interface Expansion {
  length: number;
  work: number;
  meeting: number;
}

/**
 * Expands one BFS layer (queue[from..to)) of one side, stopping at the first entity the other side has reached.
 * The checks are edgeOpen and nodeOpen taken apart so that each costs only when it applies: the type by whole runs,
 * asOf on the windows kept in adjacency order (read next to the entries), the rest (confidence, bans) per
 * relationship only when the query has them.
 */
function expandLayer(space: SearchSpace, side: SearchSide, from: number, to: number, marks: Uint32Array, stamp: number): Expansion {
  // This side's stamp and distance of v are at 4v + own, 4v + own + 1; the other side's stamp at 4v + other.
  const own = side.marks;
  const other = 2 - own;
  const queue = side.queue;
  const depth = marks[4 * queue[from] + own + 1] + 1;
  const allowed = side.typeAllowed;
  const { asOfLo, asOfHi } = space;
  const checksMore = space.checksMore;
  const checksNodes = side.datesChecked ? space.checksNodeMarks : space.checksNodes;
  const { lists, windows } = side;
  const facts = space.index.nodeFacts;
  const undirected = lists.length > 1;
  let length = to;
  let work = 0;
  for (let q = from; q < to; q++) {
    const u = queue[q];
    for (let l = 0; l < lists.length; l++) {
      const list = lists[l];
      const { runType, edge, node } = list;
      const window = windows === null ? null : windows[l];
      // Without a types filter the node's entries are one run: start[u] .. start[u + 1].
      const runs = allowed === null ? list.start : list.runOffset;
      const first = allowed === null ? u : list.runStart[u];
      const last = allowed === null ? u + 1 : list.runStart[u + 1];
      for (let r = first; r < last; r++) {
        if (allowed !== null && allowed[runType[r]] === 0) continue;
        for (let p = runs[r], end = runs[r + 1]; p < end; p++) {
          const v = node[p];
          const at = 4 * v;
          if (marks[at + own] === stamp) continue;
          if (window !== null && (window[2 * p] > asOfHi || window[2 * p + 1] < asOfLo)) continue;
          if ((checksMore && !space.otherChecksOpen(edge[p])) || (checksNodes && !space.nodeOpen(v))) continue;
          marks[at + own] = stamp;
          marks[at + own + 1] = depth;
          queue[length++] = v;
          if (marks[at + other] === stamp) return { length, work, meeting: v };
          work += undirected ? facts[4 * v + 2] : list.start[v + 1] - list.start[v];
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
 * was complete without a meeting). The path is then read off by readPath, with each side's complete layers (where
 * they start in the queue, and their work). Visited marks are generation stamps, so a search costs what it explores,
 * not the size of the graph. s and t must be open and distinct.
 */
export function fewestHops(space: SearchSpace, s: number, t: number, maxHops: number): FoundPath | null {
  if (maxHops < 1) return null;
  const scratch = space.scratch;
  const stamp = scratch.nextStamp();
  const marks = scratch.bfsMarks;
  const hop = space.hopLists();
  const shared = { typeAllowed: hop.typeAllowed, datesChecked: hop.datesChecked, depth: 0 };
  const forward: SearchSide = { lists: hop.forward, windows: hop.forwardWindows, queue: scratch.queueForward, layers: scratch.layersForward, marks: 0, ...shared };
  const backward: SearchSide = { lists: hop.backward, windows: hop.backwardWindows, queue: scratch.queueBackward, layers: scratch.layersBackward, marks: 2, ...shared };
  // A side's layer d is queue[layers.start[d] .. layers.start[d + 1]); its last complete layer is d = depth.
  for (const [side, end] of [[forward, s], [backward, t]] as const) {
    marks[4 * end + side.marks] = stamp;
    marks[4 * end + side.marks + 1] = 0;
    side.queue[0] = end;
    side.layers.start[0] = 0;
    side.layers.start[1] = 1;
    side.layers.work[0] = sideWork(space, side.lists, end);
  }
  while (forward.depth + backward.depth < maxHops) {
    const f = forward.layers;
    const b = backward.layers;
    if (f.start[forward.depth] === f.start[forward.depth + 1] || b.start[backward.depth] === b.start[backward.depth + 1]) return null;
    const isForward = f.work[forward.depth] <= b.work[backward.depth];
    const side = isForward ? forward : backward;
    const from = side.layers.start[side.depth];
    const to = side.layers.start[side.depth + 1];
    const expansion = expandLayer(space, side, from, to, marks, stamp);
    space.budget.spend(to - from);
    if (expansion.meeting >= 0) return readPath(space, forward, backward, s, t, stamp);
    side.depth++;
    side.layers.start[side.depth + 1] = expansion.length;
    side.layers.work[side.depth] = expansion.work;
  }
  return null;
}
