import type { Problem } from '../model';
import { isPlainObject } from './record-checker';

/**
 * One line of a dataset in JSON lines: an object with any of the lists "sources", "entities", "relationships" (in
 * that order when a line holds several). A dataset file lists all sources, then all entities, then all relationships.
 */
export interface DatasetLine {
  readonly sources?: readonly unknown[];
  readonly entities?: readonly unknown[];
  readonly relationships?: readonly unknown[];
}

const LISTS = ['sources', 'entities', 'relationships'] as const;

/** The line's lists, or the problem that keeps it from being read (a line is never half read). */
export function parseDatasetLine(text: string, file: string, line: number): { value: DatasetLine } | { problem: Problem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: { code: 'FILE_SYNTAX', file, line, message: `the line is not JSON: ${(error as Error).message}`, hint: 'write each line as one JSON object such as {"entities": [...]}' } };
  }
  const shapeProblem = (message: string): { problem: Problem } => ({ problem: { code: 'FILE_SHAPE', file, line, message, hint: 'write each line as one JSON object with the lists "sources", "entities" or "relationships"' } });
  if (!isPlainObject(value)) return shapeProblem('the line must be a JSON object');
  const other = Object.keys(value).find((key) => !(LISTS as readonly string[]).includes(key));
  if (other !== undefined) return shapeProblem(`unknown list ${JSON.stringify(other)}`);
  const wrong = LISTS.find((key) => value[key] !== undefined && !Array.isArray(value[key]));
  if (wrong !== undefined) return shapeProblem(`"${wrong}" must be a list of records`);
  return { value: value as DatasetLine };
}

/** Where the records of a line are reported: the file and the line (a line holds many records; each problem names its record). */
export const linePlace = (file: string, line: number) => ({ file, line, fieldLine: () => line });

const RELATIONSHIPS_LINE = Buffer.from('{"relationships":');
/** Whether a line's bytes begin as a line of relationships alone usually does (the readers' fast path; not a check). */
export const isRelationshipsLine = (bytes: Uint8Array) => RELATIONSHIPS_LINE.equals(bytes.subarray(0, RELATIONSHIPS_LINE.length));
