import { fewestHops } from './bidirectional-bfs';
import { cheapestPath, type SearchStart } from './label-search';
import type { LowerBounds } from './lower-bounds';
import { HopLimitedBounds } from './hop-limited-bounds';
import { HopPenaltyBounds } from './hop-penalty-bounds';
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
  const bounds = (space.bounds ??= nearTarget(space, boundsTowards(space, start.node, t), t));
  if (!bounds.connected) return null;
  // The query's first search (no bans) finds a path no dearer than the cheapest walk the bounds met, unless time order
  // rules that walk out: its cost caps the search from the start (with the label search's slack for rounding).
  const cap = first && !space.chronological ? bounds.cheapest * (1 + 1e-9) : Infinity;
  return cheapestPath(space, start, t, Math.min(costLimit, cap), bounds);
}

/**
 * One label per entity first (meeting-bounds.ts): when the cheapest walk from s to t fits within the hop limit (a
 * quarter to a half of the benchmark's queries), its bounds serve. When it is longer, a fewest-hops search says whether any path
 * fits at all (often none does under a small maxLength: then there is no path, with no label search to prove it); if
 * one does, the one-label search with a penalty λ on every hop gives hop-aware bounds (hop-penalty-bounds.ts). λ starts
 * at PENALTY × the cheapest walk's cost per allowed hop and grows fourfold while the penalised walk is still too long;
 * the bounds hold for any λ, and the fewest-hops path is a walk within the limit whose cost caps the A* search.
 */
function boundsTowards(space: SearchSpace, s: number, t: number): LowerBounds {
  const plain = new MeetingBounds(space, s, t);
  if (!plain.connected || plain.fits) return plain;
  const fewest = fewestHops(space, s, t, space.maxLength);
  if (!fewest) return NO_PATH;
  // At least 1 per allowed hop: walks of cost 0 (confidence 1, weight 0) would otherwise give no penalty at all.
  let penalty = (PENALTY * Math.max(plain.bound(s), 1)) / space.maxLength;
  let penalized = new MeetingBounds(space, s, t, penalty, 2);
  for (let attempt = 1; attempt < PENALTY_ATTEMPTS && !penalized.fits; attempt++) {
    penalty *= 4;
    penalized = new MeetingBounds(space, s, t, penalty, 2);
  }
  return new HopPenaltyBounds(plain, penalized, Math.min(penalized.cheapest, space.pathCost(fewest.edges)));
}

/**
 * The bounds, with hop distances to t (hop-limited-bounds.ts): Infinity wherever t is further than the hops left. The
 * breadth-first layers cost a few thousand relationships looked at; they are built for every weighted query that has
 * a path, since the label search (and each of Yen's spur searches) then queues far fewer labels.
 */
function nearTarget(space: SearchSpace, bounds: LowerBounds, t: number): LowerBounds {
  return bounds.connected ? new HopLimitedBounds(space, bounds, t) : bounds;
}

const NO_PATH: LowerBounds = { connected: false, cheapest: Infinity, bound: () => Infinity };

/**
 * Measured on the benchmark's graph (200,000 entities, 1,000,000 relationships): with λ = 4 × cost per hop, the 95th
 * percentile of search work fell from about 21,000 labels (λ = 0.5) to 3,700 under CONFIDENCE and from 117,000 to
 * 3,300 under WEIGHT; 8 and 16 gave the same within noise.
 */
const PENALTY = 4;
const PENALTY_ATTEMPTS = 3;
