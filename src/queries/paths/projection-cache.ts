import { RELATION_TYPES } from '../../model';
import { buildProjection, type FilterProjection, type ProjectionFilter } from './filter-projection';
import type { PathIndex } from './path-index';

/**
 * The filter projections of one index (filter-projection.ts), least recently used first, at most PROJECTIONS_KEPT. A
 * projection is built when a filter is asked for the second time among the last ASKED_MEMORY filters, so that a date
 * slider, which asks each date once, never pays for one per step; the first query with a new filter searches the
 * index's own lists with their checks. Building blocks the query that asks: 0.06-0.24 s of CPU per million
 * relationships (README, "Paths between actors"). Kept with the index, so they go when it goes: onGraphChange drops
 * the index on every announced change, and the next query builds a new index and starts a new cache.
 */
export class ProjectionCache {
  private readonly built = new Map<string, FilterProjection>();
  /** Filters without a projection: how often each was asked, and on which ask its projection is built. */
  private readonly asked = new Map<string, { times: number; buildOn: number }>();

  constructor(private readonly index: PathIndex) {}

  /**
   * The projection for the filter, or null while it has been asked only once. No filter is a filter too: the
   * projection then merges each entity's type runs (and both directions when undirected) into one list sorted by
   * relationship id, which spares reading the path the merge of runs.
   */
  projectionFor(filter: ProjectionFilter): FilterProjection | null {
    const key = keyOf(filter);
    const projection = this.built.get(key);
    if (projection) {
      this.built.delete(key);
      this.built.set(key, projection);
      return projection;
    }
    const asked = this.asked.get(key) ?? { times: 0, buildOn: BUILD_ON_ASK };
    this.asked.delete(key);
    if (++asked.times < asked.buildOn) {
      this.remember(key, asked);
      return null;
    }
    const fresh = buildProjection(this.index, filter);
    this.built.set(key, fresh);
    this.buildOn.set(key, asked.buildOn);
    const budget = PROJECTION_BYTES_PER_RELATIONSHIP * this.index.edgeCount;
    while (this.built.size > PROJECTIONS_KEPT || (this.built.size > 1 && this.heldBytes() > budget)) {
      // An evicted filter waits twice as many asks for its next build: more filters in turn than the cache holds
      // would otherwise rebuild one every other query.
      const evicted = this.built.keys().next().value!;
      this.built.delete(evicted);
      this.remember(evicted, { times: 0, buildOn: 2 * this.buildOn.get(evicted)! });
      this.buildOn.delete(evicted);
    }
    return fresh;
  }

  /** On which ask each held projection was built. */
  private readonly buildOn = new Map<string, number>();

  private remember(key: string, asked: { times: number; buildOn: number }): void {
    this.asked.set(key, asked);
    if (this.asked.size > ASKED_MEMORY) this.asked.delete(this.asked.keys().next().value!);
  }

  private heldBytes(): number {
    let bytes = 0;
    for (const projection of this.built.values()) bytes += projection.bytes;
    return bytes;
  }

  /** The projections held, least recently used first (for tests and the benchmark). */
  held(): readonly FilterProjection[] {
    return [...this.built.values()];
  }
}

function keyOf(filter: ProjectionFilter): string {
  const types = filter.typeAllowed === null ? '*' : RELATION_TYPES.filter((_, t) => filter.typeAllowed![t] === 1).join('+');
  const dates = filter.checkAsOf ? `${filter.asOfLo}..${filter.asOfHi}` : '*';
  return `${filter.directed ? 'directed' : 'undirected'} ${types} ${dates}`;
}

/** Projections kept per index. Each costs 16 bytes per relationship it keeps and 4 or 8 per entity. */
export const PROJECTIONS_KEPT = 2;
/**
 * What the projections held may take together, per relationship of the graph (the newest is kept whatever its size):
 * 0.032 GB per million relationships, within the 0.6 GB budget with the store-backed server's 0.566.
 */
export const PROJECTION_BYTES_PER_RELATIONSHIP = 32;
/** The ask on which a filter's projection is first built (after an eviction, twice as many asks as the time before). */
export const BUILD_ON_ASK = 2;
/** How many filters asked once are remembered (a key each). */
const ASKED_MEMORY = 64;

const caches = new WeakMap<PathIndex, ProjectionCache>();

export function projectionCacheOf(index: PathIndex): ProjectionCache {
  let cache = caches.get(index);
  if (!cache) {
    cache = new ProjectionCache(index);
    caches.set(index, cache);
  }
  return cache;
}
