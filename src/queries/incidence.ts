import { ENTITY_KINDS, RELATION_TYPES, type DayInterval } from '../model';
import type { EntityAttributes, KnowledgeGraph, RelationshipAttributes } from '../load';

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

type Entries = { edges: string[]; other: string[] } & Omit<Incidence, 'id' | 'edges' | 'other'>;

/** Room for n entries, all zero. */
export function emptyEntries(n: number): Entries {
  return {
    edges: new Array<string>(n),
    other: new Array<string>(n),
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
}

/** Entry i: relationship `edge` (its attributes) seen from the entity at `ends`, the other end `other` (its attributes). */
export function setEntry(entries: Entries, i: number, edge: string, ends: number, attributes: RelationshipAttributes, other: string, otherAttributes: EntityAttributes): void {
  const type = TYPE_INDEX.get(attributes.record.type) ?? 0;
  entries.edges[i] = edge;
  entries.other[i] = other;
  entries.ends[i] = ends;
  entries.type[i] = type;
  entries.typeCounts[type]++;
  entries.lo[i] = attributes.window.lo;
  entries.hi[i] = attributes.window.hi;
  entries.confidence[i] = attributes.record.confidence ?? 1;
  setOther(entries, i, otherAttributes);
}

/** The other end's kind and window at entry i (also when that entity changed). */
export function setOther(entries: Pick<Incidence, 'otherKind' | 'otherLo' | 'otherHi'>, i: number, otherAttributes: EntityAttributes): void {
  entries.otherKind[i] = KIND_INDEX.get(otherAttributes.record.kind) ?? 0;
  entries.otherLo[i] = otherAttributes.window.lo;
  entries.otherHi[i] = otherAttributes.window.hi;
}

/** Copies entry `from` of `source` to entry `to` of `target`. */
export function copyEntry(source: Incidence, from: number, target: Entries, to: number): void {
  target.edges[to] = source.edges[from];
  target.other[to] = source.other[from];
  target.ends[to] = source.ends[from];
  target.type[to] = source.type[from];
  target.typeCounts[source.type[from]]++;
  target.lo[to] = source.lo[from];
  target.hi[to] = source.hi[from];
  target.confidence[to] = source.confidence[from];
  target.otherKind[to] = source.otherKind[from];
  target.otherLo[to] = source.otherLo[from];
  target.otherHi[to] = source.otherHi[from];
}

/** The incidence of `id`, read from the graph. */
export function buildIncidence(graph: KnowledgeGraph, id: string): Incidence {
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
  const entries = emptyEntries(n);
  for (let i = 0; i < n; i++) {
    const from = order ? order[i] : i;
    setEntry(entries, i, edges[from], ends[from], records[from], others[from], otherAttributes[from]);
  }
  return { id, ...entries };
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
