import { InvalidInputError, RELATION_TYPES, type EntityRecord, type RelationshipRecord, type RelationType } from '../model';
import type { KnowledgeGraph } from '../load';
import { DEFAULTS } from './defaults';
import { memoized } from './graph-memo';
import { incidenceTest, indexAfter, passesAll, usableTypeCounts } from './incidence';
import { incidenceOf } from './incidence-cache';
import { checkPageSize, paginate, type Page } from './pagination';
import { sortedEntityIds, sortedRelationshipIds } from './sorted-keys';
import { compileFilter, type Direction, type FilterArgs } from './traversal-filter';

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

const filterKey = (what: string, args: FilterArgs) => JSON.stringify([what, args.types ?? null, args.kinds ?? null, args.asOf ?? null, args.minConfidence ?? null, args.avoid ?? null]);

/** Entities in id order, filtered by kind (and asOf, when given). */
export function listEntities(graph: KnowledgeGraph, args: FilterArgs & PageArgs): Page<EntityRecord> {
  const filter = compileFilter(graph, args);
  const ids = memoized(graph, filterKey('entities', args), () => sortedEntityIds(graph).filter((id) => filter.entityVisible(id, graph.getNodeAttributes(id))));
  return paginate(ids, (id) => graph.getNodeAttributes(id).record, args.first ?? DEFAULTS.first, args.after);
}

/** Relationships in id order, filtered by type and asOf (both ends must be present too). */
export function listRelationships(graph: KnowledgeGraph, args: FilterArgs & PageArgs): Page<RelationshipRecord> {
  const filter = compileFilter(graph, args);
  const ids = memoized(graph, filterKey('relationships', args), () => {
    const all = sortedRelationshipIds(graph);
    if (passesAll(filter.criteria, 'BOTH')) return all;
    // One pass over the graph with every attribute at hand (no lookups), then the ids in order.
    const usable = new Set<string>();
    graph.forEachEdge((id, attributes, source, target, sourceAttributes, targetAttributes) => {
      if (filter.relationshipVisible(id, attributes) && filter.entityVisible(source, sourceAttributes) && filter.entityVisible(target, targetAttributes)) usable.add(id);
    });
    return usable.size === all.length ? all : all.filter((id) => usable.has(id));
  });
  return paginate(ids, (id) => graph.getEdgeAttributes(id).record, args.first ?? DEFAULTS.first, args.after);
}

export interface RelationshipsOfArgs extends FilterArgs {
  /** At most this many (0..500). */
  readonly first?: number | null;
  /** The id of the last relationship of the previous page: the page starts after it. */
  readonly after?: string | null;
}

/**
 * A page of an entity's relationships under the filter, in id order: at most `first`, after the relationship `after`.
 * Bounded whatever the degree: the entity's relationships are kept in id order (incidence.ts), so a page is a binary
 * search and a walk of the page's length (longer only when the filter skips many).
 */
export function relationshipsOf(graph: KnowledgeGraph, id: string, direction: Direction | null | undefined, args: RelationshipsOfArgs = {}): RelationshipRecord[] {
  const first = args.first ?? DEFAULTS.entityRelationships;
  checkPageSize(first);
  if (args.after !== undefined && args.after !== null && (typeof args.after !== 'string' || args.after.length > 400)) throw new InvalidInputError('after', 'must be the id of the last relationship of the previous page');
  const filter = compileFilter(graph, args);
  const incidence = incidenceOf(graph, id);
  const usable = incidenceTest(filter.criteria, direction ?? DEFAULTS.direction);
  const page: RelationshipRecord[] = [];
  for (let i = args.after ? indexAfter(incidence, args.after) : 0; i < incidence.edges.length && page.length < first; i++) {
    if (usable(incidence, i)) page.push(graph.getEdgeAttributes(incidence.edges[i]).record);
  }
  return page;
}

export function degreeOf(graph: KnowledgeGraph, id: string, direction: Direction | null | undefined, args: FilterArgs): number {
  return usableTypeCounts(incidenceOf(graph, id), compileFilter(graph, args).criteria, direction ?? DEFAULTS.direction).reduce((sum, count) => sum + count, 0);
}

/** How many usable relationships of each type an entity has (types with none left out). */
export function relationshipCountsOf(graph: KnowledgeGraph, id: string, direction: Direction | null | undefined, args: FilterArgs): { type: RelationType; count: number }[] {
  const counts = usableTypeCounts(incidenceOf(graph, id), compileFilter(graph, args).criteria, direction ?? DEFAULTS.direction);
  return RELATION_TYPES.flatMap((type, index) => (counts[index] > 0 ? [{ type, count: counts[index] }] : []));
}
