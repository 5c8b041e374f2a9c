import { dayToIso, ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from '../model';
import type { KnowledgeGraph } from '../load';
import { compileFilter } from './traversal-filter';

export interface Stats {
  readonly entities: number;
  readonly relationships: number;
  readonly byKind: readonly { kind: EntityKind; count: number }[];
  readonly byType: readonly { type: RelationType; count: number }[];
  /** The earliest and latest day any date in the (filtered) data touches, as YYYY-MM-DD. */
  readonly earliest: string | null;
  readonly latest: string | null;
}

export function stats(graph: KnowledgeGraph, args: { asOf?: string | null } = {}): Stats {
  const filter = compileFilter(graph, args);
  const kinds = new Map<string, number>();
  const types = new Map<string, number>();
  let entities = 0;
  let relationships = 0;
  let earliest = Infinity;
  let latest = -Infinity;
  const widen = (lo: number, hi: number) => {
    if (Number.isFinite(lo)) {
      earliest = Math.min(earliest, lo);
      latest = Math.max(latest, lo);
    }
    if (Number.isFinite(hi)) {
      earliest = Math.min(earliest, hi);
      latest = Math.max(latest, hi);
    }
  };
  graph.forEachNode((id, attributes) => {
    if (!filter.entityVisible(id, attributes)) return;
    entities++;
    kinds.set(attributes.record.kind, (kinds.get(attributes.record.kind) ?? 0) + 1);
    widen(attributes.window.lo, attributes.window.hi);
  });
  graph.forEachEdge((id, attributes) => {
    if (!filter.relationshipUsable(graph, id)) return;
    relationships++;
    types.set(attributes.record.type, (types.get(attributes.record.type) ?? 0) + 1);
    widen(attributes.time.lo, attributes.time.hi);
  });
  return {
    entities,
    relationships,
    byKind: ENTITY_KINDS.filter((kind) => kinds.has(kind)).map((kind) => ({ kind, count: kinds.get(kind)! })),
    byType: RELATION_TYPES.filter((type) => types.has(type)).map((type) => ({ type, count: types.get(type)! })),
    earliest: Number.isFinite(earliest) ? dayToIso(earliest) : null,
    latest: Number.isFinite(latest) ? dayToIso(latest) : null,
  };
}
