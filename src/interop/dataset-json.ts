import type { Dataset } from '../model';
import { RawDatasetBuilder, type ExportedFiles, type ImportResult, type InputFile } from './interop-types';
import { JsonDocument } from './json-document';

/*
 * Our dataset as one JSON document: { "sources": [...], "entities": [...], "relationships": [...] }, each record
 * exactly as in the YAML files (README "The data"), two-space indented. Pure: the client can bundle this module to
 * download the current view.
 */

export const DATASET_JSON_FILE = 'dataset.json';

/** The dataset as JSON text. */
export function datasetToJson(dataset: Dataset): string {
  return `${JSON.stringify({ sources: dataset.sources, entities: dataset.entities, relationships: dataset.relationships }, null, 2)}\n`;
}

export function writeDatasetJson(dataset: Dataset): ExportedFiles {
  return { [DATASET_JSON_FILE]: datasetToJson(dataset) };
}

const PARTS = ['sources', 'entities', 'relationships'] as const;

/** Reads dataset JSON documents; records keep their line for validation. Several files are concatenated. */
export function readDatasetJson(files: readonly InputFile[]): ImportResult {
  const result = new RawDatasetBuilder();
  for (const file of files) {
    const { document, problems } = JsonDocument.parse(file.text, file.name);
    result.problems.push(...problems);
    if (!document) continue;
    if (!document.isMap(document.root)) {
      result.problems.push(document.shapeProblem(document.root, 'a dataset JSON document is an object { "sources": [...], "entities": [...], "relationships": [...] }'));
      continue;
    }
    for (const part of PARTS) {
      const list = document.get(document.root, part);
      if (list === undefined) continue;
      if (!document.isSeq(list)) {
        result.problems.push(document.shapeProblem(list, `"${part}" must be a list of records`));
        continue;
      }
      for (const item of document.items(list)) result[part].push(document.record(item));
    }
  }
  return result.result();
}
