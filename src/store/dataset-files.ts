import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../config';
import { DATASET_FILES, hashDatasetFiles, readDataset, readYamlRecords } from '../load';
import { readHeadings, writeDataset } from '../load/write-dataset';
import { DataValidationError, type Dataset } from '../model';
import type { DatasetHeadings } from './plans/import-plan';
import type { Store } from './store';

export interface DatasetFiles {
  readonly dataset: Dataset;
  readonly headings: DatasetHeadings;
  /** The directory, absolute. */
  readonly directory: string;
  /** The hash of its files' bytes, taken before they were read (hashDatasetFiles). */
  readonly contentHash: string;
}

/** The name under which the store remembers a dataset directory: "graph/" for the shipped one, else its absolute path. */
export function datasetName(directory: string): string {
  const absolute = resolve(directory);
  return absolute === resolve(PACKAGE_ROOT, 'graph') ? 'graph/' : absolute;
}

/** Reads and validates a dataset directory, with the heading comments of its records; DataValidationError when invalid. */
export function readDatasetFiles(directory: string): DatasetFiles {
  const contentHash = hashDatasetFiles(directory);
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
    directory: resolve(directory),
    contentHash,
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
