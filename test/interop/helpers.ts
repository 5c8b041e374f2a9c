import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDataset } from '../../src/load';
import type { ExportedFiles, ImportResult, InputFile } from '../../src/interop';
import type { Dataset } from '../../src/model';

export const INTEROP_FIXTURES = join(__dirname, '..', 'fixtures', 'interop');
export const SEED = join(__dirname, '..', '..', 'graph');

export function fixture(...parts: string[]): InputFile {
  const path = join(INTEROP_FIXTURES, ...parts);
  return { name: parts[parts.length - 1], text: readFileSync(path, 'utf8') };
}

export function asInputs(files: ExportedFiles): InputFile[] {
  return Object.entries(files).map(([name, text]) => ({ name, text }));
}

/** Validates what a reader gave, failing with every problem when there is any. */
export function validated(result: ImportResult): Dataset {
  const { dataset, problems } = validateDataset(result);
  const all = [...result.problems, ...problems];
  if (all.length > 0) throw new Error(`problems:\n${all.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`).join('\n')}`);
  return dataset;
}

/** A dataset with its lists in id order, for comparisons that do not care about order. */
export function sorted(dataset: Dataset): Dataset {
  const byId = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { sources: byId(dataset.sources), entities: byId(dataset.entities), relationships: byId(dataset.relationships) };
}
