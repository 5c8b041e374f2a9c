import { InvalidInputError, isSafeId, NotFoundError, type EntityRecord, type RelationshipRecord, type SourceRecord } from '../model';
import type { KnowledgeGraph } from '../load';

export function getEntity(graph: KnowledgeGraph, id: string): EntityRecord | null {
  return isSafeId(id) && graph.hasNode(id) ? graph.getNodeAttributes(id).record : null;
}

export function getRelationship(graph: KnowledgeGraph, id: string): RelationshipRecord | null {
  return isSafeId(id) && graph.hasEdge(id) ? graph.getEdgeAttributes(id).record : null;
}

/** The entity with this id; NotFoundError when there is none (ids are checked first, so `__proto__` is simply unknown). */
export function requireEntity(graph: KnowledgeGraph, id: string, argument = 'id'): EntityRecord {
  if (typeof id !== 'string' || id.length === 0) throw new InvalidInputError(argument, 'must be a non-empty entity id');
  const entity = getEntity(graph, id);
  if (!entity) throw new NotFoundError('entity', id);
  return entity;
}

export function getSource(graph: KnowledgeGraph, id: string): SourceRecord | null {
  return graph.getAttribute('sources').get(id) ?? null;
}

export function listSources(graph: KnowledgeGraph): SourceRecord[] {
  return [...graph.getAttribute('sources').values()];
}
