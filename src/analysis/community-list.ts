import { InvalidInputError, type EntityRecord } from '../model';
import type { KnowledgeGraph } from '../load';
import { analysisSnapshot } from './analysis-cache';
import type { AnalysisArgs } from './analysis-args';
import { DEFAULT_RESOLUTION } from './communities';
import type { PendingWork } from './paced-work';

export const COMMUNITIES_DEFAULTS = { limit: 50, minSize: 1, resolution: DEFAULT_RESOLUTION } as const;
export const MAX_COMMUNITIES_LIMIT = 1000;

export interface CommunitiesArgs extends AnalysisArgs {
  /** Above 1, smaller communities; below 1, larger ones. */
  readonly resolution?: number | null;
  readonly limit?: number | null;
  /** Leave out communities with fewer members (isolated entities are communities of one). */
  readonly minSize?: number | null;
}

export interface Community {
  /** The community's number, the same as EntityMetrics.community: 0 is the largest. */
  readonly id: number;
  readonly size: number;
  /** Members, the most connected first (ties by id). */
  readonly members: readonly EntityRecord[];
  /** Ties between two members. */
  readonly internalTies: number;
  /** Ties from a member to an entity outside. */
  readonly externalTies: number;
}

export interface CommunitiesResult {
  readonly modularity: number;
  readonly resolution: number;
  readonly seed: number;
  /** All communities, before minSize and limit. */
  readonly count: number;
  readonly communities: readonly Community[];
}

function checkCommunitiesArgs(args: CommunitiesArgs): { resolution: number; limit: number; minSize: number } {
  const resolution = args.resolution ?? COMMUNITIES_DEFAULTS.resolution;
  if (!(resolution > 0 && resolution <= 100)) throw new InvalidInputError('resolution', `must be a number above 0 and at most 100, got ${resolution}`);
  const limit = args.limit ?? COMMUNITIES_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_COMMUNITIES_LIMIT) throw new InvalidInputError('limit', `must be an integer from 0 to ${MAX_COMMUNITIES_LIMIT}, got ${limit}`);
  const minSize = args.minSize ?? COMMUNITIES_DEFAULTS.minSize;
  if (!Number.isInteger(minSize) || minSize < 1) throw new InvalidInputError('minSize', `must be an integer of at least 1, got ${minSize}`);
  return { resolution, limit, minSize };
}

/** What communitiesOf must wait for: Louvain in a worker thread when the network is large and it is not known yet, else null. */
export function communitiesPending(graph: KnowledgeGraph, args: CommunitiesArgs): PendingWork<unknown> | null {
  const { resolution } = checkCommunitiesArgs(args);
  return analysisSnapshot(graph, args).libraryPending([{ measure: 'louvain', resolution }]);
}

export function communitiesOf(graph: KnowledgeGraph, args: CommunitiesArgs): CommunitiesResult {
  const { resolution, limit, minSize } = checkCommunitiesArgs(args);
  const snapshot = analysisSnapshot(graph, args);
  const partition = snapshot.communities(resolution);
  const { ids } = snapshot.analysis;
  const chosen = partition.members.slice(0, limit).filter((group) => group.length >= minSize);
  const internal = new Uint32Array(chosen.length);
  const external = new Uint32Array(chosen.length);
  const { from, to } = snapshot.analysis;
  for (let i = 0; i < from.length; i++) {
    const a = partition.community[from[i]];
    const b = partition.community[to[i]];
    if (a === b) {
      if (a < chosen.length) internal[a]++;
      continue;
    }
    if (a < chosen.length) external[a]++;
    if (b < chosen.length) external[b]++;
  }
  const neighbors = snapshot.neighbors();
  return {
    modularity: partition.modularity,
    resolution,
    seed: partition.seed,
    count: partition.members.length,
    communities: chosen.map((group, id) => ({
      id,
      size: group.length,
      members: [...group].sort((a, b) => neighbors[b] - neighbors[a] || a - b).map((i) => graph.getNodeAttributes(ids[i]).record),
      internalTies: internal[id],
      externalTies: external[id],
    })),
  };
}
