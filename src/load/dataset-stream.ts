import { DataValidationError, type EntityKind, type Problem } from '../model';
import { checkEntity, checkRelationship, checkSource } from './check-records';
import { GraphBuilder } from './graph-builder';
import type { KnowledgeGraph } from './knowledge-graph';
import type { RawRecord } from './read-yaml-file';
import { RecordChecker } from './record-checker';
import { checkRelationshipReferences, type ReferenceIndex } from './validate-dataset';

/**
 * Validates a dataset that arrives in batches — all sources, then all entities, then all relationships — and builds
 * its graph as it goes, so that a dataset of millions of records is checked and loaded in the memory of its graph
 * (validateDataset needs every record at once). The checks are validateDataset's: every field of every record, ids
 * used twice, references to entities and sources, the kinds a relation type allows. A duplicate id is reported at its
 * second use (the first use is not remembered: that would cost a place per record). `finish` throws
 * DataValidationError with every problem when there is any: a dataset with a problem is never served, not even partly.
 */
export class DatasetStream {
  readonly problems: Problem[] = [];
  private readonly builder: GraphBuilder;
  private readonly sources = new Set<string>();
  /** Ids of records that had problems: still taken, and (entities) of unknown kind. */
  private readonly broken = new Set<string>();
  private readonly references: ReferenceIndex;
  /** Entity kinds by node number: one lookup per reference instead of three. */
  private readonly kinds: EntityKind[] = [];

  constructor(graph?: KnowledgeGraph) {
    this.builder = new GraphBuilder(graph);
    const numbers = this.builder.graph.nodeNumbers;
    this.references = {
      entityKind: (id: string): EntityKind | null | undefined => {
        const number = numbers.get(id);
        return number !== undefined ? this.kinds[number] : this.broken.has(id) ? null : undefined;
      },
      hasSource: (id: string) => this.sources.has(id),
    };
  }

  addSources(records: readonly RawRecord[]): void {
    for (const { value, place } of records) {
      const checker = new RecordChecker('source', place);
      const record = checkSource(checker, value);
      const id = checker.recordId;
      const twice = id !== undefined && this.sources.has(id);
      if (twice) this.duplicate(checker, 'source');
      this.problems.push(...checker.problems);
      if (id === undefined) continue;
      if (!twice && record) this.builder.addSource(record);
      this.sources.add(id);
    }
  }

  addEntities(records: readonly RawRecord[]): void {
    for (const { value, place } of records) {
      const checker = new RecordChecker('entity', place);
      const record = checkEntity(checker, value);
      const id = checker.recordId;
      const twice = id !== undefined && this.taken(id);
      if (twice) this.duplicate(checker, 'entity');
      this.problems.push(...checker.problems);
      if (id === undefined || twice) continue;
      if (!record || !this.builder.addEntity(record)) this.broken.add(id);
      else this.kinds[this.builder.graph.numberOf(id)] = record.kind;
    }
  }

  addRelationships(records: readonly RawRecord[]): void {
    for (const { value, place } of records) {
      const checker = new RecordChecker('relationship', place);
      const record = checkRelationship(checker, value);
      const id = checker.recordId;
      const graph = this.builder.graph;
      // An id used by an entity, or by a broken record; a relationship id used twice is found by the graph (below).
      let twice = id !== undefined && (this.broken.has(id) || graph.nodeNumbers.has(id));
      if (record) checkRelationshipReferences(record, this.references, checker);
      // An end that is a broken entity was reported with that entity: the relationship is only left out.
      const usable = !twice && record && checker.problems.length === 0 && graph.nodeNumbers.has(record.source) && graph.nodeNumbers.has(record.target);
      if (usable ? !this.builder.addRelationship(record) : id !== undefined && !twice && graph.hasEdge(id)) twice = true;
      if (twice) this.duplicate(checker, 'relationship');
      this.problems.push(...checker.problems);
      if (id !== undefined && !twice && !usable) this.broken.add(id);
    }
  }

  /** The graph, when no record had a problem. */
  finish(): KnowledgeGraph {
    if (this.problems.length > 0) throw new DataValidationError(this.problems);
    return this.builder.finish();
  }

  /** Entities and relationships share one id namespace. */
  private taken(id: string): boolean {
    return this.broken.has(id) || this.builder.graph.nodeNumbers.has(id) || this.builder.graph.hasEdge(id);
  }

  private duplicate(checker: RecordChecker, what: string): void {
    checker.report('DUPLICATE_ID', 'id', `${what} id "${checker.recordId}" is already used by an earlier record`, 'give one of them another id, or merge them');
  }
}
