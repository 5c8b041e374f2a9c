import { InvalidInputError, isSafeId, type DayInterval, type EntityKind, type RelationType } from '../model';
import type { EntityAttributes, KnowledgeGraph, RelationshipAttributes } from '../load';
import { parseAsOf, presentAsOf } from './as-of';
import { requireEntity } from './entities';
import { incidenceTest, type Direction, type FilterCriteria } from './incidence';
import { incidenceOf } from './incidence-cache';

export type { Direction, FilterCriteria } from './incidence';

/** What a traversal, listing or path query may see. Arguments as the API takes them. */
export interface FilterArgs {
  readonly types?: readonly RelationType[] | null;
  readonly kinds?: readonly EntityKind[] | null;
  readonly asOf?: string | null;
  readonly minConfidence?: number | null;
  /** Entities that must not be visited. */
  readonly avoid?: readonly string[] | null;
}

/** A compiled filter: which entities and relationships are visible. */
export interface TraversalFilter {
  readonly asOf?: DayInterval;
  readonly criteria: FilterCriteria;
  entityVisible(id: string, attributes: EntityAttributes): boolean;
  relationshipVisible(id: string, attributes: RelationshipAttributes): boolean;
  /** A relationship is usable when it and both its ends are visible. */
  relationshipUsable(graph: KnowledgeGraph, id: string): boolean;
}

export function compileFilter(graph: KnowledgeGraph, args: FilterArgs = {}): TraversalFilter {
  const asOf = parseAsOf(args.asOf);
  const types = args.types && args.types.length > 0 ? new Set<string>(args.types) : undefined;
  const kinds = args.kinds && args.kinds.length > 0 ? new Set<string>(args.kinds) : undefined;
  const minConfidence = args.minConfidence ?? undefined;
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new InvalidInputError('minConfidence', `must be a number from 0 to 1, got ${minConfidence}`);
  }
  const avoid = new Set<string>();
  for (const id of args.avoid ?? []) {
    if (!isSafeId(id)) throw new InvalidInputError('avoid', `"${id}" is not a valid entity id`);
    requireEntity(graph, id);
    avoid.add(id);
  }
  const entityVisible = (id: string, attributes: EntityAttributes) =>
    !avoid.has(id) && (!kinds || kinds.has(attributes.record.kind)) && presentAsOf(attributes.window, asOf);
  const relationshipVisible = (_id: string, attributes: RelationshipAttributes) =>
    (!types || types.has(attributes.record.type)) &&
    presentAsOf(attributes.window, asOf) &&
    (minConfidence === undefined || (attributes.record.confidence ?? 1) >= minConfidence);
  return {
    asOf,
    criteria: { types, kinds, asOf, minConfidence, avoid: avoid.size > 0 ? avoid : undefined },
    entityVisible,
    relationshipVisible,
    relationshipUsable(g, id) {
      if (!relationshipVisible(id, g.getEdgeAttributes(id))) return false;
      const [source, target] = g.extremities(id);
      return entityVisible(source, g.getNodeAttributes(source)) && entityVisible(target, g.getNodeAttributes(target));
    },
  };
}

/**
 * The usable relationships at an entity, in the given direction, in id order. `max` stops the list early: an entity
 * may have a million relationships.
 */
export function incidentRelationships(graph: KnowledgeGraph, id: string, direction: Direction, filter: TraversalFilter, max = Infinity): string[] {
  const incidence = incidenceOf(graph, id);
  const usable = incidenceTest(filter.criteria, direction);
  const found: string[] = [];
  for (let i = 0; i < incidence.edges.length && found.length < max; i++) if (usable(incidence, i)) found.push(incidence.edges[i]);
  return found;
}
