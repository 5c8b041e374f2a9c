import { MultiDirectedGraph } from 'graphology';
import { entityWindow, relationshipTime, relationshipWindow, type Dataset, type EntityRecord, type RelationshipRecord, type SourceRecord, type Window } from '../model';

export interface EntityAttributes {
  readonly record: EntityRecord;
  /** When the entity is part of the network (asOf). */
  readonly window: Window;
}

export interface RelationshipAttributes {
  readonly record: RelationshipRecord;
  /** When the relationship is part of the network (asOf). */
  readonly window: Window;
  /** When the relationship was happening (chronological paths). */
  readonly time: Window;
}

export interface GraphAttributes {
  readonly sources: ReadonlyMap<string, SourceRecord>;
}

/** The knowledge graph: entities are nodes keyed by id, relationships are edges keyed by id. */
export type KnowledgeGraph = MultiDirectedGraph<EntityAttributes, RelationshipAttributes, GraphAttributes>;

export function entityAttributes(record: EntityRecord): EntityAttributes {
  return { record, window: entityWindow(record) };
}

export function relationshipAttributes(record: RelationshipRecord): RelationshipAttributes {
  return { record, window: relationshipWindow(record), time: relationshipTime(record) };
}

/**
 * Builds the graph from a validated dataset. Records are added in id order, so the same records always give
 * the same graph whatever order the files list them in.
 */
export function buildGraph(dataset: Dataset): KnowledgeGraph {
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.replaceAttributes({ sources: new Map(byId(dataset.sources).map((source) => [source.id, source])) });
  for (const entity of byId(dataset.entities)) graph.addNode(entity.id, entityAttributes(entity));
  for (const relationship of byId(dataset.relationships)) {
    graph.addEdgeWithKey(relationship.id, relationship.source, relationship.target, relationshipAttributes(relationship));
  }
  return graph;
}
