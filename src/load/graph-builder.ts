import type { Dataset, EntityRecord, RelationshipRecord, SourceRecord } from '../model';
import { entityAttributes, KnowledgeGraph } from './knowledge-graph';
import { splitRecordJson } from './relationship-codec';

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Fills a graph from records that arrive in batches (a store read page by page, a file read chunk by chunk): sources,
 * then entities, then relationships, each record valid (validated before, or read from the store). Relationships go
 * straight into the graph's columns; the adjacency and the id order are built once, by `finish`. Nothing holds the
 * whole dataset at once: a graph of millions of relationships loads in the memory it will keep.
 */
export class GraphBuilder {
  private readonly sources = new Map<string, SourceRecord>();

  constructor(readonly graph: KnowledgeGraph = new KnowledgeGraph()) {}

  /** Room for this many relationships in all, when known in advance (one allocation instead of doublings). */
  reserve(relationships: number): void {
    this.graph.table.reserve(relationships);
  }

  addSource(record: SourceRecord): void {
    this.sources.set(record.id, record);
  }

  /** False when the id is taken. */
  addEntity(record: EntityRecord): boolean {
    if (this.graph.hasNode(record.id)) return false;
    this.graph.addNode(record.id, entityAttributes(record));
    this.graph.numberOf(record.id);
    return true;
  }

  /** False when the id is taken; both ends must have been added. */
  addRelationship(record: RelationshipRecord): boolean {
    const graph = this.graph;
    return graph.loadRelationship(record, graph.numberOf(record.source), graph.numberOf(record.target));
  }

  /**
   * Adds a relationship given as the JSON text of a valid record (as the store keeps it), parsing only its head fields
   * when it has the usual shape. False when the id is taken.
   */
  addRelationshipJson(text: string): boolean {
    const split = splitRecordJson(text);
    if (!split) return this.addRelationship(JSON.parse(text) as RelationshipRecord);
    const graph = this.graph;
    return graph.loadRelationship(split.head, graph.numberOf(split.head.source), graph.numberOf(split.head.target), split.rest);
  }

  /** The graph, with its sources and its adjacency: ready to serve. */
  finish(): KnowledgeGraph {
    this.graph.replaceAttributes({ sources: new Map([...this.sources.values()].sort(byId).map((source) => [source.id, source])) });
    this.graph.compact();
    return this.graph;
  }
}

/**
 * Builds the graph from a validated dataset. Records are added in id order, so the same records always give the same
 * graph whatever order the files list them in.
 */
export function buildGraph(dataset: Dataset, into?: KnowledgeGraph): KnowledgeGraph {
  const builder = new GraphBuilder(into);
  builder.reserve(dataset.relationships.length);
  for (const source of dataset.sources) builder.addSource(source);
  for (const entity of [...dataset.entities].sort(byId)) {
    if (!builder.addEntity(entity)) throw new Error(`buildGraph: entity id "${entity.id}" is used twice`);
  }
  for (const relationship of [...dataset.relationships].sort(byId)) {
    if (!builder.addRelationship(relationship)) throw new Error(`buildGraph: relationship id "${relationship.id}" is used twice`);
  }
  return builder.finish();
}
