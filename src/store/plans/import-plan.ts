import { isDeepStrictEqual } from 'node:util';
import type { Dataset } from '../../model';
import type { RecordKind, RecordOfKind } from '../change';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import type { Planner } from '../plan';
import type { Store } from '../store';

export interface ImportCounts {
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
}

export interface ImportReport {
  readonly sources: ImportCounts;
  readonly entities: ImportCounts;
  readonly relationships: ImportCounts;
}

/** The heading of each record of the dataset's files (aligned with the dataset's lists), so that exports keep them. */
export interface DatasetHeadings {
  readonly sources: readonly (string | null)[];
  readonly entities: readonly (string | null)[];
  readonly relationships: readonly (string | null)[];
}

/**
 * Upserts a valid dataset (one that passed validateDataset on its own): records that are new are added, records that
 * differ replace the stored ones (a new version each), equal records are left alone; records only in the store stay.
 * Refused when a record would clash with the store: an entity id used by a stored relationship or the reverse, or a
 * stored relationship that an entity's new kind no longer allows. The files' record order and headings become the
 * store's layout (records only in the store follow, in their order). With `only`, the other records of the files are
 * left alone (counted so) but still placed.
 */
export function importDataset(dataset: Dataset, store: Store, headings?: DatasetHeadings, only?: (kind: RecordKind, id: string) => boolean): Planner<ImportReport> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const checks = new InputChecks();
    const upsert = <K extends RecordKind>(kind: K, records: readonly RecordOfKind[K][]): ImportCounts & { kindChanged: string[] } => {
      let added = 0;
      let changed = 0;
      const kindChanged: string[] = [];
      for (const record of records) {
        if (only && !only(kind, record.id)) continue;
        const current = draft.get(kind, record.id);
        if (current === null) {
          added++;
          if (kind !== 'source' && draft.graphIdTaken(record.id)) {
            checks.duplicate(kind, record.id, `the store has ${kind === 'entity' ? 'a relationship' : 'an entity'} with this id; entities and relationships share one namespace`);
          }
        } else if (!isDeepStrictEqual(current, record)) {
          changed++;
          if (kind === 'entity' && (current as RecordOfKind['entity']).kind !== (record as RecordOfKind['entity']).kind) kindChanged.push(record.id);
        } else continue;
        draft.put(kind, record);
      }
      return { added, changed, unchanged: records.length - added - changed, kindChanged };
    };
    const { kindChanged, ...entities } = upsert('entity', dataset.entities);
    const { kindChanged: _none, ...relationships } = upsert('relationship', dataset.relationships);
    const { kindChanged: _neither, ...sources } = upsert('source', dataset.sources);
    for (const entity of kindChanged) {
      for (const id of draft.relationshipsOf(entity)) checks.references(draft.relationship(id)!, draft.references());
    }
    checks.throwIfAny();
    return {
      changes: draft.changes(),
      async finish(sql) {
        if (headings) {
          await store.setLayout(sql, 'source', dataset.sources.map((record) => record.id), headings.sources);
          await store.setLayout(sql, 'entity', dataset.entities.map((record) => record.id), headings.entities);
          await store.setLayout(sql, 'relationship', dataset.relationships.map((record) => record.id), headings.relationships);
        }
        return { sources, entities, relationships };
      },
    };
  };
}
