import { onGraphChange, type KnowledgeGraph } from '../load';
import { datesCiting, dateSources, evidenceCiting, type DateField, type EntityRecord, type RelationshipRecord } from '../model';

/** A relationship whose evidence cites a source. */
export interface RelationshipCitation {
  readonly relationship: RelationshipRecord;
  /** How many pieces of its evidence cite the source. */
  readonly pieces: number;
  /** Every piece of its evidence cites the source: without them it would have no evidence. */
  readonly onlySource: boolean;
}

/** An entity whose dates name a source (attributes start_source, end_source). */
export interface DateCitation {
  readonly entity: EntityRecord;
  readonly dates: readonly DateField[];
}

export interface SourceCitations {
  readonly relationshipCount: number;
  readonly evidenceCount: number;
  readonly entityCount: number;
  /** In id order, at most the limit asked for. */
  readonly relationships: readonly RelationshipCitation[];
  readonly entities: readonly DateCitation[];
}

/** Source id → the relationships and entities citing it, kept up to date from the graph's change announcements. */
class CitationIndex {
  private readonly relationships = new Map<string, Set<string>>();
  private readonly entities = new Map<string, Set<string>>();
  /** Entity → the sources its dates named when indexed (to unindex an entity that changed or went). */
  private readonly entitySources = new Map<string, string[]>();

  constructor(private readonly graph: KnowledgeGraph) {
    this.build();
    onGraphChange(graph, (change) => {
      if (change.rebuilt) return this.build();
      for (const { before, after } of change.relationships) {
        if (before) for (const evidence of before.evidence) this.relationships.get(evidence.source)?.delete(before.id);
        if (after) this.addRelationship(after);
      }
      for (const id of [...change.entities, ...change.removedEntities]) {
        for (const source of this.entitySources.get(id) ?? []) this.entities.get(source)?.delete(id);
        this.entitySources.delete(id);
        if (graph.hasNode(id)) this.addEntity(graph.getNodeAttributes(id).record);
      }
    });
  }

  private build(): void {
    this.relationships.clear();
    this.entities.clear();
    this.entitySources.clear();
    this.graph.forEachEdge((_id, attributes) => this.addRelationship(attributes.record));
    this.graph.forEachNode((_id, attributes) => this.addEntity(attributes.record));
  }

  private addRelationship(record: RelationshipRecord): void {
    for (const evidence of record.evidence) {
      let ids = this.relationships.get(evidence.source);
      if (!ids) this.relationships.set(evidence.source, (ids = new Set()));
      ids.add(record.id);
    }
  }

  private addEntity(record: EntityRecord): void {
    const sources = dateSources(record);
    if (sources.length === 0) return;
    this.entitySources.set(record.id, sources);
    for (const source of sources) {
      let ids = this.entities.get(source);
      if (!ids) this.entities.set(source, (ids = new Set()));
      ids.add(record.id);
    }
  }

  citations(source: string, limit: number): SourceCitations {
    const sorted = (ids: Set<string> | undefined) => [...(ids ?? [])].sort();
    const relationships = sorted(this.relationships.get(source))
      .filter((id) => this.graph.hasEdge(id))
      .map((id) => {
        const relationship = this.graph.getEdgeAttributes(id).record;
        const pieces = evidenceCiting(relationship, source);
        return { relationship, pieces, onlySource: pieces === relationship.evidence.length };
      })
      .filter((citation) => citation.pieces > 0);
    const entities = sorted(this.entities.get(source))
      .filter((id) => this.graph.hasNode(id))
      .map((id) => ({ entity: this.graph.getNodeAttributes(id).record, dates: datesCiting(this.graph.getNodeAttributes(id).record, source) }))
      .filter((citation) => citation.dates.length > 0);
    return {
      relationshipCount: relationships.length,
      evidenceCount: relationships.reduce((sum, citation) => sum + citation.pieces, 0),
      entityCount: entities.length,
      relationships: relationships.slice(0, limit),
      entities: entities.slice(0, limit),
    };
  }
}

const indexes = new WeakMap<KnowledgeGraph, CitationIndex>();

/** What cites a source: the relationships whose evidence does, and the entities whose dates name it. */
export function sourceCitations(graph: KnowledgeGraph, source: string, limit: number): SourceCitations {
  let index = indexes.get(graph);
  if (!index) indexes.set(graph, (index = new CitationIndex(graph)));
  return index.citations(source, limit);
}
