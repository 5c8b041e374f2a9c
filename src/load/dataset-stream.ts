import { DataValidationError, ENTITY_KINDS, RELATION_RULES, type EntityKind, type Problem, type RelationshipRecord } from '../model';
import { checkEntity, checkRelationship, checkSource } from './check-records';
import { GraphBuilder } from './graph-builder';
import type { KnowledgeGraph } from './knowledge-graph';
import type { RawRecord, RecordPlace } from './read-yaml-file';
import { batchRecord, type RelationshipBatch } from './relationship-batch';
import { EXTRA_VERBATIM } from './relationship-codec';
import { RecordChecker } from './record-checker';
import { TYPE_IDS } from './relationship-columns';
import { checkRelationshipReferences, type ReferenceIndex } from './validate-dataset';

// One bit per entity kind, kept in bytes: a ninth kind needs wider arrays (the check fails every load until then).
if (ENTITY_KINDS.length > 8) throw new Error('dataset-stream.ts keeps entity kinds as bits of a byte: widen KIND_BIT and the arrays for more than 8 kinds');
const KIND_BIT: ReadonlyMap<EntityKind, number> = new Map(ENTITY_KINDS.map((kind, index) => [kind, 1 << index]));
const kindMask = (kinds: readonly EntityKind[]) => kinds.reduce((mask, kind) => mask | KIND_BIT.get(kind)!, 0);
/** By relation type number: the bits of the kinds its source, and its target, may have. */
const SOURCE_KIND_BITS = Uint8Array.from(RELATION_RULES, (rule) => kindMask(rule.sourceKinds));
const TARGET_KIND_BITS = Uint8Array.from(RELATION_RULES, (rule) => kindMask(rule.targetKinds));

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
  /** The bit of each entity's kind (KIND_BIT) by node number: the rule check of a valid relationship without a lookup. */
  private kindBits = new Uint8Array(1024);

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
      else this.setKind(this.builder.graph.numberOf(id), record.kind);
    }
  }

  addRelationships(records: readonly RawRecord[]): void {
    for (const { value, place } of records) {
      const checker = new RecordChecker('relationship', place);
      const record = checkRelationship(checker, value);
      if (record && checker.problems.length === 0 && this.addChecked(record)) continue;
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

  /**
   * addRelationships for records whose fields were checked and encoded elsewhere (relationship-batch.ts), all at
   * `place`. A record that passes every check here goes straight into the columns; any other (a field, a reference, an
   * id used twice) goes through addRelationships, so that its problems are the same, in the same order.
   */
  addRelationshipBatch(batch: RelationshipBatch, place: RecordPlace): void {
    const graph = this.builder.graph;
    const table = graph.table;
    const numbers = graph.nodeNumbers;
    const nodeKeys = graph.nodeKeys;
    const known = batch.citedSources.map((id) => this.sources.has(id));
    const extraRefs = new Int32Array(batch.extras.length).fill(-1);
    const resolved = batch.resolved;
    // Node numbers never change while a dataset is read: a number resolved in an older table is still right; an end
    // missing from it may have come since, and so may an entity with the id of the record.
    const fresh = resolved !== undefined && resolved.nodeCount === nodeKeys.length;
    let nextInvalid = 0;
    for (let i = 0; i < batch.count; i++) {
      if (batch.invalidAt[nextInvalid] === i) {
        this.addRelationships([{ value: batch.invalid[nextInvalid++], place }]);
        continue;
      }
      let source = resolved ? resolved.ends[2 * i] : -1;
      let target = resolved ? resolved.ends[2 * i + 1] : -1;
      if (source < 0 && !fresh) source = numbers.get(batch.sources[i]) ?? -1;
      if (target < 0 && !fresh) target = numbers.get(batch.targets[i]) ?? -1;
      let cited = true;
      for (let c = batch.cited[i]; cited && c < batch.cited[i + 1]; c++) cited = known[batch.citations[c]];
      const key = batch.keys[i];
      const type = batch.type[i];
      let added = false;
      if (cited && this.fits(source, target, type) && !(fresh ? resolved.idIsNode[i] === 1 : numbers.has(key)) && !this.isBroken(key)) {
        const extra = batch.extra[i];
        const text = extra & ~EXTRA_VERBATIM;
        if (extraRefs[text] < 0) extraRefs[text] = table.intern(batch.extras[text]);
        added = graph.loadEncoded(batch, i, source, target, extraRefs[text] | (extra & EXTRA_VERBATIM));
      }
      if (!added) {
        const end = (number: number, id: string) => (id === '' && number >= 0 ? nodeKeys[number]! : id);
        this.addRelationships([{ value: batchRecord(batch, i, end(resolved ? resolved.ends[2 * i] : -1, batch.sources[i]), end(resolved ? resolved.ends[2 * i + 1] : -1, batch.targets[i])), place }]);
      }
    }
  }

  /** The node table a reader's worker resolves ends with (resolveEnds): the ids by number, one a line. */
  nodeTable(): { readonly ids: string; readonly count: number } {
    const keys = this.builder.graph.nodeKeys;
    return { ids: keys.map((key) => key ?? '').join('\n'), count: keys.length };
  }

  /** Adds a record whose fields are valid when its id, ends, kinds and sources pass too; false (nothing done) otherwise. */
  private addChecked(record: RelationshipRecord): boolean {
    for (const evidence of record.evidence) if (!this.sources.has(evidence.source)) return false;
    const graph = this.builder.graph;
    const numbers = graph.nodeNumbers;
    const source = numbers.get(record.source) ?? -1;
    const target = numbers.get(record.target) ?? -1;
    const type = TYPE_IDS.get(record.type)!;
    return this.fits(source, target, type) && !numbers.has(record.id) && !this.isBroken(record.id) && graph.loadRelationship(record, source, target);
  }

  /** Whether both ends are entities (numbers, -1 for none) of kinds the relation type allows. */
  private fits(source: number, target: number, type: number): boolean {
    return source >= 0 && (this.kindBits[source] & SOURCE_KIND_BITS[type]) !== 0 && target >= 0 && (this.kindBits[target] & TARGET_KIND_BITS[type]) !== 0;
  }

  private isBroken(id: string): boolean {
    return this.broken.size > 0 && this.broken.has(id);
  }

  private setKind(number: number, kind: EntityKind): void {
    this.kinds[number] = kind;
    if (number >= this.kindBits.length) {
      const wider = new Uint8Array(Math.max(number + 1, this.kindBits.length * 2));
      wider.set(this.kindBits);
      this.kindBits = wider;
    }
    this.kindBits[number] = KIND_BIT.get(kind)!;
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
