import { formatLocation, ruleFor, type Dataset, type EntityKind, type EntityRecord, type Problem, type RelationshipRecord, type SourceRecord } from '../model';
import { checkEntity, checkRelationship, checkSource } from './check-records';
import type { RawRecord, RecordPlace } from './read-yaml-file';
import { RecordChecker } from './record-checker';

export interface RawDataset {
  readonly sources: readonly RawRecord[];
  readonly entities: readonly RawRecord[];
  readonly relationships: readonly RawRecord[];
  /** Files that could not be read: references into them are not checked. */
  readonly unreadable?: { readonly sources?: boolean; readonly entities?: boolean };
}

/** What a relationship may refer to: the entities and sources known besides the records being checked. */
export interface ReferenceIndex {
  /** The entity's kind; null when the entity exists but its own record is broken (already reported); undefined when there is none. */
  entityKind(id: string): EntityKind | null | undefined;
  hasSource(id: string): boolean;
}

export interface ValidationResult {
  readonly dataset: Dataset;
  readonly problems: Problem[];
}

function placeText(place: RecordPlace): string {
  return formatLocation({ file: place.file, line: place.line });
}

/** Reports ids used twice, naming both places. `seen` may be shared across record sets that share a namespace. */
function checkUnique(records: { id: string; place: RecordPlace }[], seen: Map<string, RecordPlace>, problems: Problem[], what: string): Set<string> {
  const duplicates = new Set<string>();
  for (const { id, place } of records) {
    const first = seen.get(id);
    if (first) {
      duplicates.add(id);
      problems.push({ code: 'DUPLICATE_ID', file: place.file, line: place.fieldLine('id'), record: id, field: 'id', message: `${what} id "${id}" is already used at ${placeText(first)}`, hint: 'give one of them another id, or merge them' });
    } else {
      seen.set(id, place);
    }
  }
  return duplicates;
}

/** Checks a relationship's references and the kinds its type allows. */
export function checkRelationshipReferences(relationship: RelationshipRecord, references: ReferenceIndex, check: RecordChecker): void {
  const rule = ruleFor(relationship.type);
  for (const end of ['source', 'target'] as const) {
    const id = relationship[end];
    const kind = references.entityKind(id);
    const allowed: readonly EntityKind[] = end === 'source' ? rule.sourceKinds : rule.targetKinds;
    if (kind === undefined) {
      check.report('DANGLING_REFERENCE', end, `${end} "${id}" is not an entity of the dataset`, 'create the entity first, or correct the id');
    } else if (kind !== null && !allowed.includes(kind)) {
      check.report('KIND_NOT_ALLOWED', end, `${relationship.type} cannot have a ${kind} as its ${end} ("${id}")`, `${relationship.type} (${rule.reading}) allows ${end} kinds ${allowed.join(', ')}`);
    }
  }
  for (const evidence of relationship.evidence) {
    if (!references.hasSource(evidence.source)) {
      check.report('UNKNOWN_SOURCE', 'evidence', `evidence cites source "${evidence.source}", which is not in sources`, 'add the source to sources.yaml, or correct the id');
    }
  }
}

/** Validates every record and every reference between them; returns the valid records and every problem found. */
export function validateDataset(raw: RawDataset): ValidationResult {
  const problems: Problem[] = [];
  const checked = <T>(records: readonly RawRecord[], kind: RecordChecker['kind'], check: (checker: RecordChecker, value: unknown) => T | undefined) =>
    records.flatMap(({ value, place }) => {
      const checker = new RecordChecker(kind, place);
      const record = check(checker, value);
      problems.push(...checker.problems);
      // Keep the id even of a broken record, so its id still counts as taken and references to it do not also report as dangling.
      return checker.recordId ? [{ id: checker.recordId, record, place }] : [];
    });

  const sources = checked(raw.sources, 'source', checkSource);
  const entities = checked(raw.entities, 'entity', checkEntity);
  const relationships = checked(raw.relationships, 'relationship', checkRelationship);

  const duplicateSources = checkUnique(sources, new Map(), problems, 'source');
  const graphIds = new Map<string, RecordPlace>();
  const duplicateEntities = checkUnique(entities, graphIds, problems, 'entity');
  const duplicateRelationships = checkUnique(relationships, graphIds, problems, 'relationship');

  const kinds = new Map(entities.map(({ id, record }) => [id, record?.kind ?? null]));
  const sourceIds = new Set(sources.map(({ id }) => id));
  const references: ReferenceIndex = {
    entityKind: raw.unreadable?.entities ? () => null : (id) => kinds.get(id),
    hasSource: raw.unreadable?.sources ? () => true : (id) => sourceIds.has(id),
  };
  for (const { record, place } of relationships) {
    if (!record) continue;
    const checker = new RecordChecker('relationship', place, record.id);
    checkRelationshipReferences(record, references, checker);
    problems.push(...checker.problems);
  }

  const keep = <T>(list: { id: string; record?: T }[], duplicates: Set<string>) => list.filter(({ id, record }) => record && !duplicates.has(id)).map(({ record }) => record!);
  return {
    dataset: {
      sources: keep<SourceRecord>(sources, duplicateSources),
      entities: keep<EntityRecord>(entities, duplicateEntities),
      relationships: keep<RelationshipRecord>(relationships, duplicateRelationships),
    },
    problems,
  };
}
