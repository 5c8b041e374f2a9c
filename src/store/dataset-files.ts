import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES, readDataset, readYamlRecords } from '../load';
import { readHeadings, writeDataset } from '../load/write-dataset';
import { DataValidationError, type Dataset } from '../model';
import type { DatasetHeadings } from './plans/import-plan';
import type { Store } from './store';

export interface DatasetFiles {
  readonly dataset: Dataset;
  readonly headings: DatasetHeadings;
}

/** Reads and validates a dataset directory, with the heading comments of its records; DataValidationError when invalid. */
export function readDatasetFiles(directory: string): DatasetFiles {
  const { dataset, problems } = readDataset(directory);
  if (problems.length > 0) throw new DataValidationError(problems);
  // A valid dataset keeps every record of its files, in file order: the headings line up with its lists.
  const headingsOf = (file: string) => {
    const path = join(directory, file);
    const lines = readYamlRecords(path).records.map((record) => record.place.line ?? 1);
    return readHeadings(readFileSync(path, 'utf8'), lines);
  };
  return {
    dataset,
    headings: { sources: headingsOf(DATASET_FILES.sources), entities: headingsOf(DATASET_FILES.entities), relationships: headingsOf(DATASET_FILES.relationships) },
  };
}

export interface ExportReport {
  readonly files: readonly string[];
  readonly sources: number;
  readonly entities: number;
  readonly relationships: number;
}

/** Writes the store as dataset files (one consistent snapshot), in the canonical form. */
export async function exportDataset(store: Store, directory: string): Promise<ExportReport> {
  const laidOut = await store.readLaidOut();
  const files = writeDataset(directory, laidOut);
  return { files, sources: laidOut.sources.length, entities: laidOut.entities.length, relationships: laidOut.relationships.length };
}
