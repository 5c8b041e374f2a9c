import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { DataValidationError, type Dataset } from '../model';
import { buildGraph } from './graph-builder';
import type { KnowledgeGraph } from './knowledge-graph';
import { readYamlRecords } from './read-yaml-file';
import { validateDataset, type ValidationResult } from './validate-dataset';

export const DATASET_FILES = { sources: 'sources.yaml', entities: 'entities.yaml', relationships: 'relationships.yaml' } as const;

/** Reads and validates a dataset directory; reports every problem, never throws for bad content. */
export function readDataset(directory: string): ValidationResult {
  const display = (file: string) => {
    const path = relative(process.cwd(), join(directory, file));
    return path.startsWith('..') || isAbsolute(path) ? join(directory, file) : path;
  };
  const read = (file: string) => readYamlRecords(join(directory, file), display(file));
  const sources = read(DATASET_FILES.sources);
  const entities = read(DATASET_FILES.entities);
  const relationships = read(DATASET_FILES.relationships);
  const result = validateDataset({
    sources: sources.records,
    entities: entities.records,
    relationships: relationships.records,
    // A file that could not be read has no records; references into it would all look dangling, so they are not checked.
    unreadable: { sources: sources.problems.length > 0, entities: entities.problems.length > 0 },
  });
  return { dataset: result.dataset, problems: [...sources.problems, ...entities.problems, ...relationships.problems, ...result.problems] };
}

/** Reads a dataset that must be valid: throws DataValidationError with every problem otherwise. */
export function loadDataset(directory: string): Dataset {
  const { dataset, problems } = readDataset(directory);
  if (problems.length > 0) throw new DataValidationError(problems);
  return dataset;
}

/** Loads a dataset directory into a graph; a dataset with any problem is never loaded, not even partly. */
export function loadGraph(directory: string): KnowledgeGraph {
  return buildGraph(loadDataset(directory));
}

/** A hash of the bytes of a dataset directory's three files (a missing file counts as missing): equal hashes, equal data. */
export function hashDatasetFiles(directory: string): string {
  const hash = createHash('sha256');
  for (const file of Object.values(DATASET_FILES)) {
    const path = join(directory, file);
    hash.update(`${file}\0`);
    if (existsSync(path)) hash.update(readFileSync(path)).update('\0');
    else hash.update('missing\0');
  }
  return hash.digest('hex');
}
