import { dayToIso, ENTITY_KINDS, RELATION_TYPES, type EntityKind, type RelationType } from '../model';
import type { KnowledgeGraph } from '../load';
import { memoized } from './graph-memo';
import { compileFilter, type TraversalFilter } from './traversal-filter';

export interface Stats {
  readonly entities: number;
  readonly relationships: number;
  readonly byKind: readonly { kind: EntityKind; count: number }[];
  readonly byType: readonly { type: RelationType; count: number }[];
  /** The earliest and latest day any date in the (filtered) data touches, as YYYY-MM-DD. */
  readonly earliest: string | null;
  readonly latest: string | null;
}

/** Counts and date range under `asOf`; computed once per graph state and date (graph-memo.ts). */
export function stats(graph: KnowledgeGraph, args: { asOf?: string | null } = {}): Stats {
  const filter = compileFilter(graph, args);
  return memoized(graph, JSON.stringify(['stats', args.asOf ?? null]), () => computeStats(graph, filter));
}

function computeStats(graph: KnowledgeGraph, filter: TraversalFilter): Stats {
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
  graph.forEachEdge((id, attributes, source, target, sourceAttributes, targetAttributes) => {
    if (!filter.relationshipVisible(id, attributes) || !filter.entityVisible(source, sourceAttributes) || !filter.entityVisible(target, targetAttributes)) return;
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
