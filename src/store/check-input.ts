import { checkEntity, checkRelationship, checkRelationshipReferences, checkSource, RecordChecker, type ReferenceIndex } from '../load';
import { DataValidationError, type EntityRecord, type Problem, type RelationshipRecord, type SourceRecord } from '../model';

/**
 * Checks the records a mutation would store with the very validation the data files go through (check-records.ts and
 * checkRelationshipReferences), collecting every problem, so that a refusal names all of them at once.
 */
export class InputChecks {
  readonly problems: Problem[] = [];

  private run<T>(kind: RecordChecker['kind'], value: unknown, check: (checker: RecordChecker, value: unknown) => T | undefined): T | undefined {
    const checker = new RecordChecker(kind);
    const record = check(checker, value);
    this.problems.push(...checker.problems);
    return record;
  }

  source(value: unknown): SourceRecord | undefined {
    return this.run('source', value, checkSource);
  }

  entity(value: unknown): EntityRecord | undefined {
    return this.run('entity', value, checkEntity);
  }

  /** A relationship's own fields, then its references (entities, their kinds, sources) as `references` has them. */
  relationship(value: unknown, references: ReferenceIndex): RelationshipRecord | undefined {
    const record = this.run('relationship', value, checkRelationship);
    if (record) this.references(record, references);
    return record;
  }

  references(record: RelationshipRecord, references: ReferenceIndex): void {
    const checker = new RecordChecker('relationship', undefined, record.id);
    checkRelationshipReferences(record, references, checker);
    this.problems.push(...checker.problems);
  }

  report(problem: Problem): void {
    this.problems.push(problem);
  }

  /** An id already used by another record of the namespace. */
  duplicate(kind: string, id: string, hint = 'choose another id'): void {
    this.report({ code: 'DUPLICATE_ID', record: id, field: 'id', message: `${kind} id "${id}" is already used`, hint });
  }

  /** Throws DataValidationError with every problem found, if any. */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new DataValidationError(this.problems);
  }
}
