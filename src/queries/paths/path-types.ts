import type { EntityRecord, RelationshipRecord, RelationType } from '../../model';

/** What a path query minimises. One definition; the GraphQL enum derives from it. */
export const PATH_COSTS = ['HOPS', 'CONFIDENCE', 'WEIGHT'] as const;
export type PathCost = (typeof PATH_COSTS)[number];

/**
 * The confidence the CONFIDENCE cost assumes for a relationship that has none: an unrated claim counts as a coin flip,
 * so a path through rated relationships is preferred to one through unrated ones. (minConfidence still lets unrated
 * relationships through: it filters out what is known to be doubtful, not what was never rated.)
 */
export const UNRATED_CONFIDENCE = 0.5;

export const PATH_COST_DEFINITIONS: Record<PathCost, string> = {
  HOPS: 'The number of relationships on the path.',
  CONFIDENCE: `The sum of −ln(confidence) over the hops: the most probable path (largest product of confidences). A relationship with no confidence counts as ${UNRATED_CONFIDENCE} (an unrated claim, cost ln 2 ≈ 0.693); confidence 0 makes a relationship unusable.`,
  WEIGHT: "The sum of the relationships' numeric weight (1 when absent).",
};

/** Bounds of the path arguments. */
export const PATH_LIMITS = {
  maxK: 20,
  maxLength: 16,
  /**
   * Label expansions (a BFS node expansion, or a label popped by the label-setting search) one query may spend over
   * all its searches. Past it the query fails with BAD_USER_INPUT instead of tying up the server.
   */
  searchBudget: 2_000_000,
  /** Labels one label-setting search may hold (about 40 bytes each); past it the query fails the same way. */
  maxLabels: 8_000_000,
} as const;

export const PATH_DEFAULTS = {
  k: 3,
  maxLength: 8,
  cost: 'HOPS',
  directed: false,
  chronological: false,
} as const satisfies { k: number; maxLength: number; cost: PathCost; directed: boolean; chronological: boolean };

/** Arguments of shortestPath, as the API takes them; null means the default. */
export interface PathArgs {
  readonly types?: readonly RelationType[] | null;
  /** Only source → target when true; either way when false (the default). */
  readonly directed?: boolean | null;
  readonly asOf?: string | null;
  /** Entities the path must not pass through (not `from` or `to`). */
  readonly avoid?: readonly string[] | null;
  readonly minConfidence?: number | null;
  /** At most this many hops, 1..16 (default 8). */
  readonly maxLength?: number | null;
  readonly cost?: PathCost | null;
  /** Only time-respecting paths (see chronological-rule in label-search.ts). */
  readonly chronological?: boolean | null;
}

/** Arguments of paths: the same, and how many paths. */
export interface KPathsArgs extends PathArgs {
  /** 1..20 (default 3). */
  readonly k?: number | null;
}

/** One step of a path: the relationship, the entities it went from and to, and whether it went source → target. */
export interface PathHop {
  readonly relationship: RelationshipRecord;
  readonly from: EntityRecord;
  readonly to: EntityRecord;
  readonly forward: boolean;
  /**
   * The other relationships between the same two entities that the query could have walked here (parallel
   * relationships are one hop, not distinct paths), best first: lower cost, then id.
   */
  readonly alternatives: readonly RelationshipRecord[];
}

export interface Path {
  /** Number of hops. */
  readonly length: number;
  /** The path's cost under the query's cost function (hops, −Σln(confidence), or Σweight), summed from `from` on. */
  readonly cost: number;
  /** The entities in order, `from` first and `to` last (length + 1 of them). */
  readonly nodes: readonly EntityRecord[];
  readonly hops: readonly PathHop[];
}

/** A path found by a search, in index numbers: nodes[0] is where it starts, edges[i] joins nodes[i] and nodes[i + 1]. */
export interface FoundPath {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
}
