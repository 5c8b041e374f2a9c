import type { EntityRecord, RelationshipRecord, SourceRecord } from '../model';

export const RECORD_KINDS = ['source', 'entity', 'relationship'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const CHANGE_OPS = ['create', 'update', 'delete'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

export interface RecordOfKind {
  source: SourceRecord;
  entity: EntityRecord;
  relationship: RelationshipRecord;
}

/**
 * One record created, updated or deleted: the unit of the change log. `version` is the record's version after the
 * change (for a delete: the version that was deleted); an update always goes from version - 1 to version.
 */
export type RecordChange = {
  [K in RecordKind]: {
    readonly op: ChangeOp;
    readonly kind: K;
    readonly id: string;
    readonly version: number;
    readonly before: RecordOfKind[K] | null;
    readonly after: RecordOfKind[K] | null;
  };
}[RecordKind];

/** A change as committed: its place in the log, when, who, and which operation (mutation) made it. */
export type Change = RecordChange & {
  readonly seq: number;
  readonly at: Date;
  /** The name of the token that made it, or what did (seed, cli:import). */
  readonly actor: string;
  /** The mutation or command: createEntity, mergeEntities, import... */
  readonly operation: string;
};

export function created<K extends RecordKind>(kind: K, record: RecordOfKind[K], version = 1): RecordChange {
  return { op: 'create', kind, id: record.id, version, before: null, after: record } as RecordChange;
}

export function updated<K extends RecordKind>(kind: K, before: RecordOfKind[K], after: RecordOfKind[K], previousVersion: number): RecordChange {
  return { op: 'update', kind, id: before.id, version: previousVersion + 1, before, after } as RecordChange;
}

export function deleted<K extends RecordKind>(kind: K, before: RecordOfKind[K], version: number): RecordChange {
  return { op: 'delete', kind, id: before.id, version, before, after: null } as RecordChange;
}
