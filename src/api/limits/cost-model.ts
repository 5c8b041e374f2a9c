/**
 * How the cost of an operation is estimated, as data. Every field costs 1; a list field costs
 * 1 + size × (the cost of its selection), where size is how many items it may return:
 * - the product of the size arguments (`limit`, `first`, `k`, `depth`, `maxLength`) of the field or of the object
 *   field above it that returns it, defaults applied: neighborhood(depth: 4, limit: 5000) returns one Subgraph whose
 *   nodes and edges lists are each counted 20,000 times (its `truncated` once); paths(k: 20) counts 20 × maxLength;
 * - times the assumed size of a list whose length no argument states (below);
 * - 1 for every other list (small fixed lists such as aliases and attributes).
 * The estimate is about the number of values in the response, and errs high.
 */
export interface CostModel {
  /** Arguments whose values multiply the cost of the field's selection. */
  readonly sizeArguments: readonly string[];
  /** "Type.field" → assumed number of items, for lists of unknown length. */
  readonly assumedSizes: Readonly<Record<string, number>>;
  /**
   * "Type.field" → the argument naming the entity whose relationships the list holds: its size is at most that
   * entity's real degree (the field's own `first` still caps it). Under a list of entities (no single id), at most the
   * largest degree in the graph.
   */
  readonly boundedByDegree: Readonly<Record<string, string>>;
}

/** The degrees of the graph being served, for lists sized by them. */
export interface DegreeOracle {
  /** The number of relationships at an entity (an upper bound), or 0 when there is no such entity. */
  degreeOf(id: string): number;
  /** The largest degree in the graph. */
  maxDegree(): number;
}

export const COST_MODEL: CostModel = {
  sizeArguments: ['limit', 'first', 'k', 'depth', 'maxLength'],
  assumedSizes: {
    // The whole network (truncated past 20,000 elements by the query layer): sized for a dataset of about 1,000 elements.
    'Query.network': 1000,
    'Entity.relationshipCounts': 16,
    'Query.sources': 100,
    'Query.relationTypes': 30,
    'Relationship.evidence': 3,
    // Other relationships between a path hop's two entities: rarely more than a couple.
    'Hop.alternatives': 3,
    // A timeline's buckets: a few decades of years, or a few years of months.
    'Timeline.buckets': 200,
  },
  boundedByDegree: {
    // entity(id: "x") { relationships(first: 500) } costs x's real degree when that is smaller than 500.
    'Entity.relationships': 'id',
  },
};
