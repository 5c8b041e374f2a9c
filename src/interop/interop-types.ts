import type { RawDataset, RawRecord, RecordPlace } from '../load';
import type { Dataset, EntityKind, Problem, RelationType } from '../model';

/** One input file given to a reader: its name (for messages and generated ids) and its text. */
export interface InputFile {
  readonly name: string;
  readonly text: string;
}

/** Choices for formats that carry no kinds or relation types of their own (edge lists, Gephi and GraphML files). */
export interface ImportOptions {
  /** Kind of every entity the input gives no (valid) kind for. Default ORGANIZATION. */
  readonly kind?: EntityKind;
  /** Type of every relationship the input gives no (valid) type for. Default ALLIED_WITH. */
  readonly type?: RelationType;
}

export const DEFAULT_IMPORT_OPTIONS = { kind: 'ORGANIZATION', type: 'ALLIED_WITH' } as const satisfies Required<ImportOptions>;

/**
 * What a reader returns: the records as plain values with their places in the input (so validateDataset reports
 * file:line), and notes on what the format held that has no place in ours (skipped objects, mapped types).
 */
export interface ImportResult extends RawDataset {
  readonly notes: readonly string[];
  /** Problems found while reading (syntax, shape, a bad line), before the records are validated. */
  readonly problems: readonly Problem[];
}

/** A writer's output: file name → text. Single-file formats give one entry. */
export type ExportedFiles = Record<string, string>;

export type DatasetWriter = (dataset: Dataset) => ExportedFiles;
export type DatasetReader = (files: readonly InputFile[], options?: ImportOptions) => ImportResult;

/** A RecordPlace in a file at a line; every field sits on that line unless `fieldLines` says otherwise. */
export function placeAt(file: string | undefined, line: number | undefined, fieldLines?: ReadonlyMap<string, number>): RecordPlace {
  return { file, line, fieldLine: (field) => fieldLines?.get(field) ?? line };
}

export function rawRecord(value: unknown, place: RecordPlace): RawRecord {
  return { value, place };
}

/** Adds records to a RawDataset under construction. */
export class RawDatasetBuilder {
  readonly sources: RawRecord[] = [];
  readonly entities: RawRecord[] = [];
  readonly relationships: RawRecord[] = [];
  readonly notes: string[] = [];
  readonly problems: Problem[] = [];

  result(): ImportResult {
    return { sources: this.sources, entities: this.entities, relationships: this.relationships, notes: this.notes, problems: this.problems };
  }
}
