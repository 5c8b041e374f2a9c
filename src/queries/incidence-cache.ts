import type { RelationshipRecord } from '../model';
import { onGraphChange, type GraphChange, type KnowledgeGraph } from '../load';
import { buildIncidence, copyEntry, emptyEntries, setEntry, setOther, type Incidence } from './incidence';

/** Entities with fewer relationships are read from the graph on each call; more, and their incidence is cached. */
const CACHED_FROM_DEGREE = 256;
/** Entities with at least this many relationships are indexed before the first request (warmIncidences). */
export const WARM_FROM_DEGREE = 4096;
/** At most this many cached relationship entries in all (about 60 bytes each); past it the oldest entries go. */
const MAX_CACHED_ENTRIES = 8_000_000;
/** A batch that changes more of one entity's relationships than this rebuilds its entry instead of updating it. */
const MAX_UPDATES_PER_BATCH = 256;

const incidentTo = (record: RelationshipRecord, id: string) => record.source === id || record.target === id;

/**
 * The cached incidences of one graph. An announced change updates the entries it touches in place (a merge of the
 * sorted entries with the changed relationships: milliseconds for a million entries), so an edit at a busy entity
 * does not cost a rebuild; a batch too large to merge drops what it touches, and a rebuilt graph is indexed again.
 */
class IncidenceCache {
  readonly entries = new Map<string, Incidence>();
  size = 0;

  constructor(private readonly graph: KnowledgeGraph) {
    onGraphChange(graph, (change) => this.apply(change));
  }

  get(id: string): Incidence {
    const known = this.entries.get(id);
    if (known) return known;
    const incidence = buildIncidence(this.graph, id);
    if (incidence.edges.length >= CACHED_FROM_DEGREE) this.keep(incidence);
    return incidence;
  }

  private keep(incidence: Incidence): void {
    this.drop(incidence.id);
    this.entries.set(incidence.id, incidence);
    this.size += incidence.edges.length;
    for (const [oldest] of this.entries) {
      if (this.size <= MAX_CACHED_ENTRIES || oldest === incidence.id) break;
      this.drop(oldest);
    }
  }

  warm(minDegree: number): number {
    let warmed = 0;
    this.graph.forEachNode((id) => {
      if (this.graph.degree(id) < minDegree) return;
      this.get(id);
      warmed++;
    });
    return warmed;
  }

  drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.size -= entry.edges.length;
  }

  private apply(change: GraphChange): void {
    if (change.rebuilt) {
      this.entries.clear();
      this.size = 0;
      this.warm(WARM_FROM_DEGREE);
      return;
    }
    // Relationships removed from, and added to (or changed at), each cached entity.
    const touched = new Map<string, { removed: Set<string>; added: Set<string> }>();
    const touch = (id: string) => {
      let sets = touched.get(id);
      if (!sets) touched.set(id, (sets = { removed: new Set(), added: new Set() }));
      return sets;
    };
    for (const { before, after } of change.relationships) {
      for (const id of new Set([before?.source, before?.target, after?.source, after?.target])) {
        if (id === undefined || !this.entries.has(id)) continue;
        const sets = touch(id);
        if (before && incidentTo(before, id)) sets.removed.add(before.id);
        if (after && incidentTo(after, id) && this.graph.hasEdge(after.id)) sets.added.add(after.id);
      }
    }
    for (const [id, { removed, added }] of touched) {
      const entry = this.entries.get(id)!;
      if (!this.graph.hasNode(id) || removed.size + added.size > MAX_UPDATES_PER_BATCH) this.drop(id);
      else this.keep(this.merged(entry, removed, [...added].sort()));
    }
    for (const entity of change.removedEntities) this.drop(entity);
    // A cached entry holds the kind and window of the entities at the other ends: refresh them where they changed.
    for (const entity of change.entities) {
      if (!this.graph.hasNode(entity)) continue;
      const attributes = this.graph.getNodeAttributes(entity);
      for (const entry of this.entries.values()) {
        if (entry.id !== entity && !this.graph.areNeighbors(entry.id, entity)) continue;
        for (let i = 0; i < entry.other.length; i++) if (entry.other[i] === entity) setOther(entry, i, attributes);
      }
    }
  }

  /** The entry with `removed` taken out and `added` (sorted ids of relationships now in the graph) merged in. */
  private merged(entry: Incidence, removed: ReadonlySet<string>, added: readonly string[]): Incidence {
    const kept = entry.edges.length - entry.edges.reduce((count, edge) => count + (removed.has(edge) ? 1 : 0), 0);
    const result = emptyEntries(kept + added.length);
    let from = 0;
    let next = 0;
    for (let to = 0; to < result.edges.length; to++) {
      while (from < entry.edges.length && removed.has(entry.edges[from])) from++;
      if (next < added.length && (from >= entry.edges.length || added[next] < entry.edges[from])) {
        const edge = added[next++];
        const [source, target] = this.graph.extremities(edge);
        const other = source === entry.id ? target : source;
        setEntry(result, to, edge, source === target ? 3 : source === entry.id ? 1 : 2, this.graph.getEdgeAttributes(edge), other, this.graph.getNodeAttributes(other));
      } else copyEntry(entry, from++, result, to);
    }
    return { id: entry.id, ...result };
  }
}

const caches = new WeakMap<KnowledgeGraph, IncidenceCache>();

function cacheOf(graph: KnowledgeGraph): IncidenceCache {
  let cache = caches.get(graph);
  if (!cache) caches.set(graph, (cache = new IncidenceCache(graph)));
  return cache;
}

/** The relationships at an entity (which must exist), in id order (incidence.ts). */
export function incidenceOf(graph: KnowledgeGraph, id: string): Incidence {
  return cacheOf(graph).get(id);
}

/**
 * Indexes every entity with at least `minDegree` relationships now, so that no request pays for it: about a second per
 * million relationships, once. Returns how many entities were indexed.
 */
export function warmIncidences(graph: KnowledgeGraph, minDegree = WARM_FROM_DEGREE): number {
  return cacheOf(graph).warm(minDegree);
}
