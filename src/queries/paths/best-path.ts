import { fewestHops } from './bidirectional-bfs';
import { cheapestPath, type SearchStart } from './label-search';
import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/**
 * The best path from start.node to t under the space's rules, of cost at most costLimit: a bidirectional BFS when
 * hops are the cost and time does not matter, else the label-setting search. Both return the same path for the same
 * question (the first in the order of paths), so the choice is only about speed.
 */
export function bestPath(space: SearchSpace, start: SearchStart, t: number, costLimit = Infinity): FoundPath | null {
  const maxHops = space.maxLength - start.hops;
  if (maxHops < 1) return null;
  if (space.cost === 'HOPS' && !space.chronological) return fewestHops(space, start.node, t, Math.min(maxHops, Math.floor(costLimit - start.cost)));
  return cheapestPath(space, start, t, costLimit);
}
