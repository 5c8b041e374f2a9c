import { fewestHops } from './bidirectional-bfs';
import { CostBounds } from './cost-bounds';
import { cheapestPath, type SearchStart } from './label-search';
import type { LowerBounds } from './lower-bounds';
import { MeetingBounds } from './meeting-bounds';
import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/**
 * The best path from start.node to t under the space's rules, of cost at most costLimit: a bidirectional BFS when
 * hops are the cost and time does not matter, else the label-setting search, as A* towards t with the cost bounds of
 * the query (computed by the query's first search, from its `from`, and kept for Yen's spur searches). Every way
 * returns the same path for the same question (the first in the order of paths), so the choice is only about speed.
 */
export function bestPath(space: SearchSpace, start: SearchStart, t: number, costLimit = Infinity): FoundPath | null {
  const maxHops = space.maxLength - start.hops;
  if (maxHops < 1) return null;
  if (space.cost === 'HOPS' && !space.chronological) return fewestHops(space, start.node, t, Math.min(maxHops, Math.floor(costLimit - start.cost)));
  const first = space.bounds === null;
  const bounds = (space.bounds ??= boundsTowards(space, start.node, t));
  if (!bounds.connected) return null;
  // The query's first search (no bans) finds a path no dearer than the cheapest walk the bounds met, unless time order
  // rules that walk out: its cost caps the search from the start (with the label search's slack for rounding).
  const cap = first && !space.chronological ? bounds.cheapest * (1 + 1e-9) : Infinity;
  return cheapestPath(space, start, t, Math.min(costLimit, cap), bounds);
}

/**
 * One label per entity first (meeting-bounds.ts): when the cheapest walk from s to t fits within the hop limit — the
 * common case — its bounds serve; when it is longer, the hop-aware bounds (cost-bounds.ts), which cost more to compute
 * but keep the A* search from following cheap walks that cannot arrive in time. No walk at all: no path either way.
 */
function boundsTowards(space: SearchSpace, s: number, t: number): LowerBounds {
  const meeting = new MeetingBounds(space, s, t);
  return meeting.connected && !meeting.fits ? new CostBounds(space, s, t) : meeting;
}
