import { ENTITY_KINDS, RELATION_TYPES, type DayInterval } from '../model';
import { onGraphChange, type EntityAttributes, type KnowledgeGraph, type RelationshipAttributes } from '../load';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/** A traversal filter's arguments, checked and compiled (traversal-filter.ts): what incidence entries are tested against. */
export interface FilterCriteria {
  readonly types?: ReadonlySet<string>;
  readonly kinds?: ReadonlySet<string>;
  readonly asOf?: DayInterval;
  readonly minConfidence?: number;
  /** Absent when empty. */
  readonly avoid?: ReadonlySet<string>;
}

/**
 * The relationships at one entity, in id order, with what a filter needs to judge each one kept in typed arrays: an
 * entity with a million relationships is filtered in a few milliseconds instead of a second of attribute lookups.
 * Self-loops appear once.
 */
export interface Incidence {
  readonly id: string;
  /** Relationship ids, ascending. */
  readonly edges: readonly string[];
  /** The entity at the other end (the entity itself for a self-loop). */
  readonly other: readonly string[];
  /** 1 when the entity is the source, 2 when it is the target, 3 for a self-loop. */
  readonly ends: Uint8Array;
  /** Index into RELATION_TYPES. */
  readonly type: Uint8Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Confidence, 1 when absent. */
  readonly confidence: Float64Array;
  /** The other end's kind (index into ENTITY_KINDS) and window. */
  readonly otherKind: Uint8Array;
  readonly otherLo: Float64Array;
  readonly otherHi: Float64Array;
  /** How many relationships of each type, unfiltered. */
  readonly typeCounts: Int32Array;
}

const TYPE_INDEX: ReadonlyMap<string, number> = new Map(RELATION_TYPES.map((type, index) => [type, index]));
const KIND_INDEX: ReadonlyMap<string, number> = new Map(ENTITY_KINDS.map((kind, index) => [kind, index]));

/** Entities with fewer relationships are read from the graph on each call; more, and their incidence is cached. */
const CACHED_FROM_DEGREE = 256;
/** At most this many cached relationship entries in all (about 60 bytes each); past it the oldest entries go. */
const MAX_CACHED_ENTRIES = 8_000_000;

function build(graph: KnowledgeGraph, id: string): Incidence {
  const edges: string[] = [];
  const ends: number[] = [];
  const records: RelationshipAttributes[] = [];
  const others: string[] = [];
  const otherAttributes: EntityAttributes[] = [];
  graph.forEachOutEdge(id, (edge, attributes, _source, target, _sourceAttributes, targetAttributes) => {
    edges.push(edge);
    ends.push(target === id ? 3 : 1);
    records.push(attributes);
    others.push(target);
    otherAttributes.push(targetAttributes);
  });
  graph.forEachInEdge(id, (edge, attributes, source, _target, sourceAttributes) => {
    if (source === id) return; // a self-loop, already listed as an out-edge
    edges.push(edge);
    ends.push(2);
    records.push(attributes);
    others.push(source);
    otherAttributes.push(sourceAttributes);
  });
  const n = edges.length;
  // Relationships are added to the graph in id order, so each list is mostly sorted already (TimSort is near linear).
  let order: number[] | undefined;
  for (let i = 1; i < n; i++) {
    if (!(edges[i - 1] < edges[i])) {
      order = Array.from({ length: n }, (_, index) => index).sort((a, b) => (edges[a] < edges[b] ? -1 : edges[a] > edges[b] ? 1 : 0));
      break;
    }
  }
  const incidence = {
    id,
    edges: order ? new Array<string>(n) : edges,
    other: order ? new Array<string>(n) : others,
    ends: new Uint8Array(n),
    type: new Uint8Array(n),
    lo: new Float64Array(n),
    hi: new Float64Array(n),
    confidence: new Float64Array(n),
    otherKind: new Uint8Array(n),
    otherLo: new Float64Array(n),
    otherHi: new Float64Array(n),
    typeCounts: new Int32Array(RELATION_TYPES.length),
  };
  for (let i = 0; i < n; i++) {
    const from = order ? order[i] : i;
    if (order) {
      incidence.edges[i] = edges[from];
      incidence.other[i] = others[from];
    }
    const attributes = records[from];
    const other = otherAttributes[from];
    const type = TYPE_INDEX.get(attributes.record.type) ?? 0;
    incidence.ends[i] = ends[from];
    incidence.type[i] = type;
    incidence.typeCounts[type]++;
    incidence.lo[i] = attributes.window.lo;
    incidence.hi[i] = attributes.window.hi;
    incidence.confidence[i] = attributes.record.confidence ?? 1;
    incidence.otherKind[i] = KIND_INDEX.get(other.record.kind) ?? 0;
    incidence.otherLo[i] = other.window.lo;
    incidence.otherHi[i] = other.window.hi;
  }
  return incidence;
}

class IncidenceCache {
  readonly entries = new Map<string, Incidence>();
  size = 0;

  constructor(private readonly graph: KnowledgeGraph) {
    onGraphChange(graph, (change) => {
      if (change.rebuilt) return this.clear();
      for (const { before, after } of change.relationships) {
        for (const record of [before, after]) if (record) this.drop(record.source).drop(record.target);
      }
      // A cached entry holds the kind and window of the entities at the other ends.
      for (const entity of [...change.entities, ...change.removedEntities]) {
        this.drop(entity);
        for (const hub of [...this.entries.keys()]) if (this.graph.hasNode(entity) && this.graph.areNeighbors(hub, entity)) this.drop(hub);
      }
    });
  }

  get(id: string): Incidence {
    const known = this.entries.get(id);
    if (known) return known;
    const incidence = build(this.graph, id);
    if (incidence.edges.length >= CACHED_FROM_DEGREE) {
      this.entries.set(id, incidence);
      this.size += incidence.edges.length;
      for (const [oldest] of this.entries) {
        if (this.size <= MAX_CACHED_ENTRIES || oldest === id) break;
        this.drop(oldest);
      }
    }
    return incidence;
  }

  drop(id: string): this {
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      this.size -= entry.edges.length;
    }
    return this;
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}

const caches = new WeakMap<KnowledgeGraph, IncidenceCache>();

/** The relationships at an entity (which must exist), in id order. */
export function incidenceOf(graph: KnowledgeGraph, id: string): Incidence {
  let cache = caches.get(graph);
  if (!cache) caches.set(graph, (cache = new IncidenceCache(graph)));
  return cache.get(id);
}

/** Tests entries of an incidence against a filter and a walking direction, without touching the graph. */
export interface IncidenceTest {
  (incidence: Incidence, index: number): boolean;
}

export function incidenceTest(criteria: FilterCriteria, direction: Direction): IncidenceTest {
  const { types, kinds, asOf, minConfidence, avoid } = criteria;
  const typeOk = types ? RELATION_TYPES.map((type) => types.has(type)) : undefined;
  const kindOk = kinds ? ENTITY_KINDS.map((kind) => kinds.has(kind)) : undefined;
  const mask = direction === 'OUT' ? 1 : direction === 'IN' ? 2 : 3;
  return (incidence, i) =>
    (incidence.ends[i] & mask) !== 0 &&
    (!typeOk || typeOk[incidence.type[i]]) &&
    (minConfidence === undefined || incidence.confidence[i] >= minConfidence) &&
    (!asOf || (incidence.lo[i] <= asOf.hi && incidence.hi[i] >= asOf.lo && incidence.otherLo[i] <= asOf.hi && incidence.otherHi[i] >= asOf.lo)) &&
    (!kindOk || kindOk[incidence.otherKind[i]]) &&
    (!avoid || !avoid.has(incidence.other[i]));
}

/** The first index whose relationship id is greater than `after` (binary search). */
export function indexAfter(incidence: Incidence, after: string): number {
  let low = 0;
  let high = incidence.edges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (incidence.edges[mid] <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** True when the criteria let every relationship through in this direction: counts can be read, not scanned. */
export function passesAll(criteria: FilterCriteria, direction: Direction): boolean {
  return direction === 'BOTH' && !criteria.types && !criteria.kinds && !criteria.asOf && criteria.minConfidence === undefined && !criteria.avoid;
}

/** How many usable relationships of each type the entity has (indexed like RELATION_TYPES). */
export function usableTypeCounts(incidence: Incidence, criteria: FilterCriteria, direction: Direction): Int32Array {
  if (passesAll(criteria, direction)) return incidence.typeCounts.slice();
  const counts = new Int32Array(RELATION_TYPES.length);
  const usable = incidenceTest(criteria, direction);
  for (let i = 0; i < incidence.edges.length; i++) if (usable(incidence, i)) counts[incidence.type[i]]++;
  return counts;
}
