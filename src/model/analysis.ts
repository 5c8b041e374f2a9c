/** The vocabulary of network analysis, shared by the domain (src/analysis), the API's enums and the client. */

/** The measures an entity can be ranked (and drawn) by. */
export const MEASURES = ['DEGREE', 'BETWEENNESS', 'PAGERANK', 'CLOSENESS'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_DEFINITIONS: Record<Measure, string> = {
  DEGREE: 'Degree centrality: distinct entities tied to it / (n − 1).',
  BETWEENNESS: 'Normalised betweenness: the share of shortest paths between other entities that pass through it (sampled on large networks; see Metrics.betweenness).',
  PAGERANK: 'PageRank (α = 0.85): where a walk along the ties spends its time.',
  CLOSENESS: 'Closeness (Wasserman–Faust): how near it is, on average, to the entities that can reach it.',
};

/** How something changed between two dates. */
export const CHANGE_KINDS = ['BEGAN', 'ENDED', 'BEGAN_AND_ENDED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The width of a timeline bucket. */
export const INTERVALS = ['YEAR', 'MONTH', 'DAY'] as const;
export type Interval = (typeof INTERVALS)[number];

/** One bar of the timeline. */
export interface TimelineBucket {
  /** The bucket as a partial date: "2020", "2020-01" or "2020-01-03". */
  readonly label: string;
  readonly start: string;
  readonly end: string;
  readonly events: number;
  readonly starts: number;
  readonly ends: number;
  readonly imprecise: number;
}
