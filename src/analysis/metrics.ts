import { InvalidInputError, isSafeId, MEASURES, type EntityRecord, type Measure } from '../model';
import type { KnowledgeGraph } from '../load';
import { requireEntity } from '../queries';
import { analysisSnapshot, type AnalysisSnapshot } from './analysis-cache';
import type { AnalysisArgs } from './analysis-args';
import { MAX_SAMPLES, type Betweenness } from './betweenness';
import { DEFAULT_RESOLUTION } from './communities';
import type { LibraryJob } from './library-measures';
import { isPending, type PendingWork } from './paced-work';

export const METRICS_DEFAULTS = { orderBy: 'PAGERANK', limit: 50 } as const satisfies { orderBy: Measure; limit: number };
export const MAX_METRICS_LIMIT = 5000;

export interface MetricsArgs extends AnalysisArgs {
  readonly orderBy?: Measure | null;
  readonly limit?: number | null;
  /** Only these entities' rows (ranks stay those in the whole network). */
  readonly ids?: readonly string[] | null;
  /** Betweenness pivots; omitted, exact on networks small enough and sampled above. */
  readonly samples?: number | null;
}

/** One entity's measures in a snapshot; each measure is computed (for the whole network, once) when first read. */
export class EntityMetrics {
  constructor(
    private readonly snapshot: AnalysisSnapshot,
    private readonly graph: KnowledgeGraph,
    readonly index: number,
    private readonly orderBy: Measure,
    private readonly samples: number | null,
  ) {}

  get entity(): EntityRecord {
    return this.graph.getNodeAttributes(this.snapshot.analysis.ids[this.index]).record;
  }

  /** Position in the ranking by `orderBy`, 1 first. */
  get rank(): number {
    return this.snapshot.ranks(rankingKey(this.orderBy, this.samples), measureValues(this.snapshot, this.orderBy, this.samples))[this.index];
  }

  get degree(): number {
    return this.snapshot.degree()[this.index];
  }

  get neighbors(): number {
    return this.snapshot.neighbors()[this.index];
  }

  get betweenness(): number {
    return this.snapshot.betweenness(this.samples).values[this.index];
  }

  get pagerank(): number {
    return this.snapshot.pageRank()[this.index];
  }

  get closeness(): number {
    return this.snapshot.closeness(this.samples)[this.index];
  }

  get community(): number {
    return this.snapshot.communities().community[this.index];
  }
}

export interface MetricsResult {
  readonly entities: number;
  /** Distinct ties between entities (the simple graph the measures are computed on). */
  readonly ties: number;
  readonly relationships: number;
  readonly directed: boolean;
  readonly totalCount: number;
  readonly items: readonly EntityMetrics[];
  /** How betweenness was computed (read lazily: asking for it computes it). */
  readonly betweenness: Betweenness;
}

function measureValues(snapshot: AnalysisSnapshot, measure: Measure, samples: number | null): ArrayLike<number> {
  switch (measure) {
    case 'DEGREE':
      return snapshot.degree();
    case 'BETWEENNESS':
      return snapshot.betweenness(samples).values;
    case 'CLOSENESS':
      return snapshot.closeness(samples);
    default:
      return snapshot.pageRank();
  }
}

const rankingKey = (measure: Measure, samples: number | null) => (measure === 'BETWEENNESS' || measure === 'CLOSENESS' ? `${measure}:${samples ?? 'default'}` : measure);

function checkSamples(samples: number | null | undefined): number | null {
  if (samples === undefined || samples === null) return null;
  if (!Number.isInteger(samples) || samples < 2 || samples > MAX_SAMPLES) throw new InvalidInputError('samples', `must be an integer from 2 to ${MAX_SAMPLES}, got ${samples}`);
  return samples;
}

/** The entities ranked by a measure under the filters, with all their measures. */
function checkMetricsArgs(args: MetricsArgs): { limit: number; orderBy: Measure; samples: number | null } {
  const limit = args.limit ?? METRICS_DEFAULTS.limit;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_METRICS_LIMIT) throw new InvalidInputError('limit', `must be an integer from 0 to ${MAX_METRICS_LIMIT}, got ${limit}`);
  const orderBy = args.orderBy ?? METRICS_DEFAULTS.orderBy;
  if (!(MEASURES as readonly string[]).includes(orderBy)) throw new InvalidInputError('orderBy', `must be one of ${MEASURES.join(', ')}, got ${String(orderBy)}`);
  return { limit, orderBy, samples: checkSamples(args.samples) };
}

export function metrics(graph: KnowledgeGraph, args: MetricsArgs): MetricsResult {
  const { limit, orderBy, samples } = checkMetricsArgs(args);
  const snapshot = analysisSnapshot(graph, args);
  let wanted: Set<number> | null = null;
  if (args.ids) {
    wanted = new Set();
    for (const id of args.ids) {
      if (!isSafeId(id)) throw new InvalidInputError('ids', `"${id}" is not a valid entity id`);
      requireEntity(graph, id, 'ids');
      const index = snapshot.analysis.indexOf.get(id);
      if (index !== undefined) wanted.add(index);
    }
  }
  const ranking = snapshot.ranking(rankingKey(orderBy, samples), measureValues(snapshot, orderBy, samples));
  const items: EntityMetrics[] = [];
  for (const index of ranking) {
    if (items.length >= limit) break;
    if (wanted && !wanted.has(index)) continue;
    items.push(new EntityMetrics(snapshot, graph, index, orderBy, samples));
  }
  return {
    entities: snapshot.order,
    ties: snapshot.analysis.ties,
    relationships: snapshot.analysis.relationships,
    directed: snapshot.analysis.directed,
    totalCount: wanted ? wanted.size : snapshot.order,
    items,
    get betweenness() {
      return snapshot.betweenness(samples);
    },
  };
}

/** One entity's measures under the filters; null when the filters leave it out of the network. */
export function entityMetrics(graph: KnowledgeGraph, id: string, args: AnalysisArgs & Pick<MetricsArgs, 'orderBy' | 'samples'>): EntityMetrics | null {
  requireEntity(graph, id);
  const samples = checkSamples(args.samples);
  const snapshot = analysisSnapshot(graph, args);
  const index = snapshot.analysis.indexOf.get(id);
  return index === undefined ? null : new EntityMetrics(snapshot, graph, index, args.orderBy ?? METRICS_DEFAULTS.orderBy, samples);
}

/** Which of the measures computed in graphology's libraries a query reads. */
export interface LibraryReads {
  readonly pageRank: boolean;
  readonly communities: boolean;
}

/**
 * What a query that reads PageRank or communities must wait for: their computation in a worker thread when the
 * network is large and they are not known yet, else null.
 */
export function libraryMeasuresPending(graph: KnowledgeGraph, args: MetricsArgs, reads: LibraryReads): PendingWork<unknown> | null {
  checkMetricsArgs(args);
  const jobs: LibraryJob[] = [];
  if (reads.pageRank) jobs.push({ measure: 'pagerank' });
  if (reads.communities) jobs.push({ measure: 'louvain', resolution: DEFAULT_RESOLUTION });
  return jobs.length === 0 ? null : analysisSnapshot(graph, args).libraryPending(jobs);
}

/**
 * What a query that reads betweenness or closeness must wait for: their computation in the background when they are
 * not known yet for these filters and samples, else null (the synchronous functions above then answer at once).
 */
export function betweennessPending(graph: KnowledgeGraph, args: AnalysisArgs & Pick<MetricsArgs, 'samples'>): PendingWork<unknown> | null {
  const known = analysisSnapshot(graph, args).betweennessSoon(checkSamples(args.samples));
  return isPending(known) ? known : null;
}
