import type { AnalysisGraph } from './analysis-graph';
import { louvain } from './graph-algorithms';
import { ANALYSIS_SEED, seededRandom } from './seeded-random';

/** Louvain communities: Blondel et al. 2008, graphology's implementation, with a seeded random order so results repeat. */

export interface Partition {
  /** The community of each entity (aligned with `analysis.ids`), numbered by size, largest first (ties: lowest member id). */
  readonly community: Uint32Array;
  /** The entities of each community, in id order. */
  readonly members: readonly (readonly number[])[];
  readonly modularity: number;
  readonly resolution: number;
  readonly seed: number;
}

export const DEFAULT_RESOLUTION = 1;

export function communities(analysis: AnalysisGraph, resolution: number = DEFAULT_RESOLUTION): Partition {
  const n = analysis.graph.order;
  let raw: Record<string, number>;
  let modularity = 0;
  if (analysis.graph.size === 0) {
    // No ties: every entity is its own community (Louvain has nothing to optimise; modularity is 0 by convention).
    raw = Object.fromEntries(analysis.ids.map((id, i) => [id, i]));
  } else {
    const detailed = louvain().detailed(analysis.graph, { getEdgeWeight: null, resolution, rng: seededRandom(ANALYSIS_SEED) });
    raw = detailed.communities;
    modularity = detailed.modularity;
  }
  const groups = new Map<number, number[]>();
  analysis.ids.forEach((id, i) => {
    const label = raw[id];
    const group = groups.get(label);
    if (group) group.push(i);
    else groups.set(label, [i]);
  });
  // Members are pushed in index (= id) order, so group[0] is the lowest id.
  const members = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  const community = new Uint32Array(n);
  members.forEach((group, c) => {
    for (const i of group) community[i] = c;
  });
  return { community, members, modularity, resolution, seed: ANALYSIS_SEED };
}
