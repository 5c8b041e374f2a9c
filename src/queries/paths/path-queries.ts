import type { KnowledgeGraph } from '../../load';
import { bestPath } from './best-path';
import { checkPathArgs, type PathQuery } from './path-args';
import { OPEN_START, pathIndexOf } from './path-index';
import type { KPathsArgs, Path, PathArgs } from './path-types';
import { SearchSpace } from './search-space';
import { toPath } from './to-path';
import { kBestPaths } from './yen';

/*
 * Path queries: the rules in one place.
 *
 * Which relationships a path may use: the same rule as every other query (compileFilter): of an allowed type, present
 * as of `asOf` together with both its end entities, at least `minConfidence` confident (no confidence counts as 1),
 * not touching an entity in `avoid`. `directed: false` walks a relationship either way (a hop's `forward` says which
 * way it went); `directed: true` only source → target. Self-loops never appear on a path (paths are simple).
 *
 * Cost: HOPS counts hops; CONFIDENCE sums −ln(confidence) (the most probable path; no confidence = cost −ln 0.5,
 * confidence 0 = unusable); WEIGHT sums `weight` (1 when absent). Costs are summed in path order from `from`.
 *
 * Order of paths (how ties are broken, identically in shortestPath and paths): lower cost, then fewer hops, then the
 * smaller sequence of relationship ids compared hop by hop from `from` (ids compare as strings). So shortestPath is
 * always the first of paths, and repeated queries give the same answer.
 *
 * from == to: the zero-length path (length 0, cost 0, nodes [from], hops []), and paths returns just that one, when the
 * entity is present as of asOf; otherwise null / []. A path through an entity not present as of asOf does not exist.
 *
 * Chronological paths (chronological: true). Each relationship has a time window (model/validity.ts,
 * relationshipTime): a SPAN relation [start, end] widened to whole days of partial dates ("2020" is 2020-01-01 ..
 * 2020-12-31), an EVENT relation the days of its date (start .. end when it lasted), open ends unbounded, an undated
 * relationship always. A path from `from` to `to` is chronological when one can pick times t1 ≤ t2 ≤ … ≤ tn with each
 * ti inside the window of hop i. Equivalently, taking each hop as early as possible: t1 = lo1,
 * ti = max(t(i−1), lo_i), and every ti ≤ hi_i. In particular no hop ended before the previous hop began, and
 * overlapping windows may chain in either order (they share a day). Examples (days):
 *   - BACKS 2014..2016, then PERPETRATED on 2015-06-01: t1 = 2014-01-01, t2 = 2015-06-01 ≤ its end: chronological.
 *   - PERPETRATED on 2024-01-28, then BACKS 2014..2020: t2 = max(2024-01-28, 2014-01-01) = 2024-01-28 > 2020-12-31:
 *     not chronological (the backing had ended before the attack).
 *   - BACKS 2014..2020, then ALLIED_WITH from 2018 (no end), then ATTACKED on 2019-05-01: t = 2014-01-01,
 *     2018-01-01, 2019-05-01: chronological.
 *   - ATTACKED on 2019-05-01, then an undated LOCATED_AT, then TARGETED on 2019-04-30: t = 2019-05-01, 2019-05-01,
 *     then 2019-05-01 > 2019-04-30: not chronological (undated hops never move time back).
 *   - Direction does not change a window: a hop taken target → source has the relationship's own window.
 * The search is a label-setting search over (entity, hops, earliest time) (label-search.ts); Yen's spur searches
 * start from the root path's earliest arrival time.
 *
 * Limits: k 1..20, maxLength 1..16 hops; a query may expand at most PATH_LIMITS.searchBudget labels over all its
 * searches, after which it fails with BAD_USER_INPUT (argument maxLength) asking to narrow it.
 */

function prepare(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs): { query: PathQuery; space: SearchSpace; s: number; t: number } {
  const query = checkPathArgs(graph, from, to, args);
  const index = pathIndexOf(graph);
  const space = new SearchSpace(index, query);
  return { query, space, s: index.nodeIds.get(from)!, t: index.nodeIds.get(to)! };
}

/** The best path from `from` to `to` in the order of paths, or null when there is none. */
export function shortestPath(graph: KnowledgeGraph, from: string, to: string, args: PathArgs = {}): Path | null {
  const { space, s, t } = prepare(graph, from, to, args);
  if (!space.nodeOpen(s) || !space.nodeOpen(t)) return null;
  if (s === t) return toPath(graph, space, { nodes: [s], edges: [] });
  const found = bestPath(space, { node: s, cost: 0, hops: 0, time: OPEN_START }, t);
  return found && toPath(graph, space, found);
}

/** Up to k distinct simple paths from `from` to `to`, in the order of paths. */
export function kShortestPaths(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs = {}): Path[] {
  const { query, space, s, t } = prepare(graph, from, to, args);
  if (!space.nodeOpen(s) || !space.nodeOpen(t)) return [];
  if (s === t) return [toPath(graph, space, { nodes: [s], edges: [] })];
  return kBestPaths(space, s, t, query.k).map((found) => toPath(graph, space, found));
}
