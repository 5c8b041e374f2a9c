import { bestPath } from './best-path';
import type { SearchStart } from './label-search';
import { OPEN_START } from './path-index';
import type { FoundPath } from './path-types';
import type { SearchSpace } from './search-space';

/** A path with its cost, and where it left the path it was derived from (Lawler: spur searches start there). */
export interface RankedPath extends FoundPath {
  readonly cost: number;
  readonly deviation: number;
}

/** The order of paths: lower cost, then fewer hops, then the smaller sequence of relationship ids (edge numbers). */
export function comparePaths(a: RankedPath, b: RankedPath): number {
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  if (a.edges.length !== b.edges.length) return a.edges.length - b.edges.length;
  for (let i = 0; i < a.edges.length; i++) {
    if (a.edges[i] !== b.edges[i]) return a.edges[i] - b.edges[i];
  }
  return 0;
}

function sharePrefix(a: readonly number[], b: readonly number[], length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function insertSorted(candidates: RankedPath[], path: RankedPath): void {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comparePaths(candidates[mid], path) < 0) low = mid + 1;
    else high = mid;
  }
  candidates.splice(low, 0, path);
}

/**
 * The k best simple paths from s to t in the order of paths (Yen's algorithm, with Lawler's saving: a path's spur
 * searches start where it left its parent, since earlier spurs were searched for the parent already).
 *
 * Paths are distinct as sequences of entities: parallel relationships between the same two entities are one hop, taken
 * by its best relationship (the others are the hop's alternatives, see to-path.ts). For each spur entity of the last
 * accepted path, the root (its part up to the spur) is kept, the root's other entities are banned, and so are the
 * relationships from the spur entity to the next entity of every accepted path with the same root; the best spur path
 * completes a candidate. Spur searches start with the root's cost, hops and earliest arrival time, so costs are summed
 * in path order and chronological spurs continue where the root ends. Once enough candidates are in hand, a spur search
 * is cut at the cost of the last one that could still be accepted, and worse candidates are dropped.
 *
 * Chronological paths are the exception: there the best relationship of one hop depends on the hops around it (an
 * earlier one may be needed to continue in time), so fixing a root's relationships could hide paths. Their search
 * ranks sequences of relationships, as Yen's algorithm does, and keeps the first — the best — of each sequence of
 * entities, until it has k of them.
 */
export function kBestPaths(space: SearchSpace, s: number, t: number, k: number): RankedPath[] {
  const origin: SearchStart = { node: s, cost: 0, hops: 0, time: OPEN_START };
  const first = bestPath(space, origin, t);
  if (!first) return [];
  const byEntities = !space.chronological;
  const accepted: RankedPath[] = [{ ...first, cost: space.pathCost(first.edges), deviation: 0 }];
  const distinct: RankedPath[] = [accepted[0]];
  const seenEntities = new Set<string>([first.nodes.join(',')]);
  const candidates: RankedPath[] = [];
  const known = new Set<string>([(byEntities ? first.nodes : first.edges).join(',')]);
  while (distinct.length < k) {
    const last = accepted[accepted.length - 1];
    const needed = byEntities ? k - accepted.length : Infinity;
    // Spur entities from the end backwards: searches near t are cheap and fill the candidates, whose cost then cuts the
    // searches near s short (the set of candidates does not depend on the order).
    for (let i = last.edges.length - 1; i >= last.deviation; i--) {
      const sameRoot = accepted.filter((path) => path.edges.length > i && (byEntities ? sharePrefix(path.nodes, last.nodes, i + 1) : sharePrefix(path.edges, last.edges, i)));
      const bannedEdges = byEntities ? [...new Set(sameRoot.map((path) => path.nodes[i + 1]))].flatMap((next) => space.relationshipsBetween(last.nodes[i], next)) : sameRoot.map((path) => path.edges[i]);
      const start: SearchStart = { node: last.nodes[i], cost: space.pathCost(last.edges, 0, i), hops: i, time: space.arrivalTime(last.edges, i)! };
      const limit = candidates.length >= needed ? candidates[needed - 1].cost : Infinity;
      space.ban(last.nodes.slice(0, i), bannedEdges);
      let spur: FoundPath | null;
      try {
        spur = bestPath(space, start, t, limit);
      } finally {
        space.clearBans();
      }
      if (!spur) continue;
      const nodes = [...last.nodes.slice(0, i), ...spur.nodes];
      const edges = [...last.edges.slice(0, i), ...spur.edges];
      const key = (byEntities ? nodes : edges).join(',');
      if (known.has(key)) continue;
      known.add(key);
      insertSorted(candidates, { nodes, edges, cost: space.pathCost(edges), deviation: i });
      if (candidates.length > needed) candidates.length = needed;
    }
    const next = candidates.shift();
    if (!next) break;
    accepted.push(next);
    const entities = next.nodes.join(',');
    if (!seenEntities.has(entities)) {
      seenEntities.add(entities);
      distinct.push(next);
    }
  }
  return distinct;
}
