import { ID_PATTERN, InvalidInputError, isSafeId, MAX_ID_LENGTH, NotFoundError, type EntityRecord, type RelationshipRecord, type SourceRecord } from '../model';
import type { KnowledgeGraph } from '../load';

export function getEntity(graph: KnowledgeGraph, id: string): EntityRecord | null {
  return isSafeId(id) && graph.hasNode(id) ? graph.getNodeAttributes(id).record : null;
}

/**
 * The entity with this id, or null when there is none; InvalidInputError when `id` is not even an id (a name typed
 * where an id belongs), pointing to search.
 */
export function entityById(graph: KnowledgeGraph, id: string, argument = 'id'): EntityRecord | null {
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) {
    const quoted = JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
    throw new InvalidInputError(argument, `${quoted} is not an entity id (ids are lowercase slugs such as "kataib-hezbollah"); to find an entity by its name, use search(text: ${quoted})`);
  }
  return getEntity(graph, id);
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
