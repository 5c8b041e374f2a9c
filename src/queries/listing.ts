import type { EntityRecord, RelationshipRecord } from '../model';
import type { KnowledgeGraph } from '../load';
import { DEFAULTS } from './defaults';
import { paginate, type Page } from './pagination';
import { compileFilter, incidentRelationships, type Direction, type FilterArgs } from './traversal-filter';

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Entities in id order, filtered by kind (and asOf, when given). */
export function listEntities(graph: KnowledgeGraph, args: FilterArgs & PageArgs): Page<EntityRecord> {
  const filter = compileFilter(graph, args);
  const ids = graph.filterNodes((id, attributes) => filter.entityVisible(id, attributes)).sort(byKey);
  return paginate(ids, (id) => graph.getNodeAttributes(id).record, args.first ?? DEFAULTS.first, args.after);
}

/** Relationships in id order, filtered by type and asOf (both ends must be present too). */
export function listRelationships(graph: KnowledgeGraph, args: FilterArgs & PageArgs): Page<RelationshipRecord> {
  const filter = compileFilter(graph, args);
  const ids = graph.filterEdges((id) => filter.relationshipUsable(graph, id)).sort(byKey);
  return paginate(ids, (id) => graph.getEdgeAttributes(id).record, args.first ?? DEFAULTS.first, args.after);
}

/** An entity's relationships under the filter, in id order. */
export function relationshipsOf(graph: KnowledgeGraph, id: string, direction: Direction | null | undefined, args: FilterArgs): RelationshipRecord[] {
  const filter = compileFilter(graph, args);
  return incidentRelationships(graph, id, direction ?? DEFAULTS.direction, filter).map((edge) => graph.getEdgeAttributes(edge).record);
}

export function degreeOf(graph: KnowledgeGraph, id: string, direction: Direction | null | undefined, args: FilterArgs): number {
  return incidentRelationships(graph, id, direction ?? DEFAULTS.direction, compileFilter(graph, args)).length;
}
