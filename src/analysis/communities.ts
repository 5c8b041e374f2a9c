import type { AnalysisGraph } from './analysis-graph';
import { louvainOfTies, type LouvainResult } from './library-measures';
import { ANALYSIS_SEED } from './seeded-random';

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

/** Louvain's labels as communities numbered by size (modularity is 0 by convention when there are no ties). */
export function partitionOf(result: LouvainResult, resolution: number): Partition {
  const groups = new Map<number, number[]>();
  result.labels.forEach((label, i) => {
    const group = groups.get(label);
    if (group) group.push(i);
    else groups.set(label, [i]);
  });
  // Members are pushed in index (= id) order, so group[0] is the lowest id.
  const members = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
  const community = new Uint32Array(result.labels.length);
  members.forEach((group, c) => {
    for (const i of group) community[i] = c;
  });
  return { community, members, modularity: result.modularity, resolution, seed: ANALYSIS_SEED };
}

export function communities(analysis: AnalysisGraph, resolution: number = DEFAULT_RESOLUTION): Partition {
  return partitionOf(louvainOfTies(analysis, resolution), resolution);
}
