import { checkRelationshipReferences, RecordChecker } from '../../load';
import { ProxygraphError, type Dataset } from '../../model';
import type { RecordKind, RecordOfKind } from '../change';
import { moveBaseline, readBaseline, readBaselineHeaders, recordHash, recordKey, writeBaseline, type Baseline, type BaselineHeader } from '../dataset-baseline';
import { datasetName, type DatasetFiles } from '../dataset-files';
import { Draft } from '../draft';
import type { Planner } from '../plan';
import type { Store } from '../store';
import { importDataset, type ImportReport } from './import-plan';

/** A record that both the files and the store changed since the last import: which one wins is the user's call. */
export interface DatasetConflict {
  readonly kind: RecordKind;
  readonly id: string;
  readonly why: string;
}

/** Why a start does not import a dataset directory (nothing was changed). */
export type DatasetRefusal =
  | { readonly reason: 'conflicts'; readonly dataset: string; readonly directory: string; readonly importedAt: Date; readonly conflicts: readonly DatasetConflict[] }
  | {
      readonly reason: 'not-followed';
      readonly dataset: string;
      readonly directory: string;
      /** How many records of the files differ from (or are missing in) the store. */
      readonly differing: number;
      readonly examples: readonly string[];
      /** The datasets the store did import. */
      readonly imported: readonly BaselineHeader[];
    };

export class DatasetRefusedError extends ProxygraphError {
  constructor(readonly refusal: DatasetRefusal) {
    super(
      refusal.reason === 'conflicts'
        ? `${refusal.directory}: ${refusal.conflicts.length} records changed both in the files and in the store since the import of ${refusal.importedAt.toISOString()}`
        : `${refusal.directory} was never imported into this store, and ${refusal.differing} of its records differ from the store's`,
    );
  }
}

/** What a start did with the dataset directory. Keys are `kind:id`. */
export type DatasetOutcome =
  | { readonly kind: 'seeded'; readonly dataset: string; readonly directory: string; readonly report: ImportReport }
  | { readonly kind: 'unchanged'; readonly dataset: string; readonly directory: string }
  | {
      readonly kind: 'reimported';
      readonly dataset: string;
      readonly directory: string;
      /** When the store had last imported the directory. */
      readonly since: Date;
      readonly report: ImportReport;
      /** Records the files did not change that were edited (or deleted) in the store since: kept as the store has them. */
      readonly keptStoreEdits: readonly string[];
      /** Records gone from the files that the store still holds (an import never deletes). */
      readonly removedFromFiles: readonly string[];
    }
  | { readonly kind: 'adopted'; readonly dataset: string; readonly directory: string }
  | { readonly kind: 'moved'; readonly dataset: string; readonly directory: string; readonly from: string };

const KINDS: readonly RecordKind[] = ['source', 'entity', 'relationship'];

function recordsOf<K extends RecordKind>(dataset: Dataset, kind: K): readonly RecordOfKind[K][] {
  return (kind === 'source' ? dataset.sources : kind === 'entity' ? dataset.entities : dataset.relationships) as readonly RecordOfKind[K][];
}

interface ThreeWay {
  readonly selected: Set<string>;
  readonly conflicts: DatasetConflict[];
  readonly keptStoreEdits: string[];
  readonly removedFromFiles: string[];
}

/**
 * Compares each record of the files with what the files held at the last import (the baseline) and with the store:
 * a record the files did not change is left as the store has it; one the files changed (or added) is imported when
 * the store still has it as imported (or has no record of that id); changed on both sides, it is a conflict.
 */
function compareThreeWays(files: Dataset, baseline: Baseline, draft: Draft): ThreeWay {
  const result: ThreeWay = { selected: new Set(), conflicts: [], keptStoreEdits: [], removedFromFiles: [] };
  const inFiles = new Set<string>();
  for (const kind of KINDS) {
    for (const record of recordsOf(files, kind)) {
      const key = recordKey(kind, record.id);
      inFiles.add(key);
      const fromFiles = recordHash(record);
      const imported = baseline.records.get(key);
      const current = draft.get(kind, record.id);
      const stored = current && recordHash(current);
      if (imported === fromFiles) {
        if (stored !== fromFiles) result.keptStoreEdits.push(key);
      } else if (stored === fromFiles) {
        continue;
      } else if (imported === undefined) {
        if (current === null) result.selected.add(key);
        else result.conflicts.push({ kind, id: record.id, why: 'added to the files, but the store has a different record with this id' });
      } else if (current === null) {
        result.conflicts.push({ kind, id: record.id, why: 'changed in the files, deleted in the store' });
      } else if (stored === imported) {
        result.selected.add(key);
      } else {
        result.conflicts.push({ kind, id: record.id, why: 'changed in the files and in the store' });
      }
    }
  }
  for (const key of baseline.records.keys()) {
    const [kind, id] = key.split(/:(.*)/s) as [RecordKind, string];
    if (!inFiles.has(key) && draft.get(kind, id) !== null) result.removedFromFiles.push(key);
  }
  return result;
}

/** Relationships about to be imported must still find their entities and sources (the store may have deleted some). */
function checkReferences(files: Dataset, selected: ReadonlySet<string>, draft: Draft, conflicts: DatasetConflict[]): void {
  for (const kind of KINDS) for (const record of recordsOf(files, kind)) if (selected.has(recordKey(kind, record.id))) draft.put(kind, record);
  for (const relationship of files.relationships) {
    if (!selected.has(recordKey('relationship', relationship.id))) continue;
    const checker = new RecordChecker('relationship', undefined, relationship.id);
    checkRelationshipReferences(relationship, draft.references(), checker);
    for (const problem of checker.problems) conflicts.push({ kind: 'relationship', id: relationship.id, why: `changed in the files, but ${problem.message} (deleted in the store)` });
  }
}

/** The records of the files that the store lacks or holds otherwise, as `kind:id`. */
function differingRecords(files: Dataset, draft: Draft): string[] {
  const differing: string[] = [];
  for (const kind of KINDS) {
    for (const record of recordsOf(files, kind)) {
      const current = draft.get(kind, record.id);
      if (current === null || recordHash(current) !== recordHash(record)) differing.push(recordKey(kind, record.id));
    }
  }
  return differing;
}

/**
 * Brings the store up to date with a dataset directory it follows, at start (the store is not new: seedIfPristine
 * handles that). Unchanged files: nothing. Changed files: the records they changed since the last import are imported
 * (importDataset), keeping edits made in the store to records the files did not change; records changed on both
 * sides refuse the whole import. A directory the store never imported is refused, unless its files equal the store
 * (a store from before this was recorded: adopted) or equal another directory it imported (moved: followed there).
 */
export function followDataset(files: DatasetFiles, store: Store): Planner<DatasetOutcome> {
  return async (context) => {
    const { graph, sql } = context;
    const dataset = datasetName(files.directory);
    const { directory } = files;
    const baseline = await readBaseline(sql, dataset);
    if (baseline && baseline.contentHash === files.contentHash) {
      return {
        changes: [],
        async finish(tx) {
          if (baseline.directory !== directory) await moveBaseline(tx, dataset, dataset, directory);
          return { kind: 'unchanged', dataset, directory };
        },
      };
    }
    if (!baseline) {
      const imported = await readBaselineHeaders(sql);
      const same = imported.find((header) => header.contentHash === files.contentHash);
      if (same) {
        return {
          changes: [],
          async finish(tx) {
            await moveBaseline(tx, same.dataset, dataset, directory);
            return { kind: 'moved', dataset, directory, from: same.directory };
          },
        };
      }
      const differing = differingRecords(files.dataset, new Draft(graph));
      if (differing.length > 0) throw new DatasetRefusedError({ reason: 'not-followed', dataset, directory, differing: differing.length, examples: differing.slice(0, 5), imported });
      return {
        changes: [],
        async finish(tx) {
          await writeBaseline(tx, dataset, directory, files.contentHash, files.dataset);
          return { kind: 'adopted', dataset, directory };
        },
      };
    }
    const comparison = compareThreeWays(files.dataset, baseline, new Draft(graph));
    checkReferences(files.dataset, comparison.selected, new Draft(graph), comparison.conflicts);
    if (comparison.conflicts.length > 0) throw new DatasetRefusedError({ reason: 'conflicts', dataset, directory, importedAt: baseline.importedAt, conflicts: comparison.conflicts });
    const plan = await importDataset(files.dataset, store, files.headings, (kind, id) => comparison.selected.has(recordKey(kind, id)))(context);
    return {
      changes: plan.changes,
      async finish(tx, committed) {
        const report = await plan.finish(tx, committed);
        await writeBaseline(tx, dataset, directory, files.contentHash, files.dataset);
        return { kind: 'reimported', dataset, directory, since: baseline.importedAt, report, keptStoreEdits: comparison.keptStoreEdits, removedFromFiles: comparison.removedFromFiles };
      },
    };
  };
}
