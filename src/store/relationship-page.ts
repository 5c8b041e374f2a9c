import type { RelationshipRecord } from '../model';
import { encodeRecord, encodeSplitRecord, splitRecordJson, writeEncoded, type Columns } from '../load/relationship-codec';
import { forEachCopyRow } from './copy-text';

/**
 * A page of the store's relationships encoded into the graph's column values (load/relationship-codec.ts), ends given
 * as node numbers: what a worker hands back to the thread that builds the graph. Typed arrays and two string lists, so
 * that handing it over copies a fraction of what a structured clone of parsed records would.
 */
export interface RelationshipPage extends Columns {
  readonly count: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  /** Index into `extras`, with EXTRA_VERBATIM when that text is the whole record. */
  readonly extra: Int32Array;
  /** The distinct texts of the page's other fields (evidence, attributes). */
  readonly extras: readonly string[];
  /** [position, version] of each record past version 1. */
  readonly versions: Int32Array;
}

/** The buffers a page can hand over without a copy (postMessage's transfer list). */
export function pageBuffers(page: RelationshipPage): ArrayBuffer[] {
  return [page.source, page.target, page.type, page.flags, page.lo, page.hi, page.confidence, page.weight, page.extra, page.versions].map((array) => array.buffer as ArrayBuffer);
}

const rowError = (id: string, problem: string) => new Error(`the store's relationships table, row "${id}": ${problem}; the graph was not loaded (repair or remove that row)`);

/** The column values of a stored record's JSON text, as the graph's table would encode it (RelationshipTable.append). */
function encodeStored(id: string, text: string) {
  const split = splitRecordJson(text);
  let record: RelationshipRecord;
  try {
    record = split ? split.head : (JSON.parse(text) as RelationshipRecord);
    return { record, encoded: split ? encodeSplitRecord(record, split.rest) : encodeRecord(record) };
  } catch (error) {
    throw rowError(id, `its record cannot be read (${(error as Error).message})`);
  }
}

/** Fills the columns of a page of `count` relationships, one row at a time (add), their ends numbered by `numbers`. */
function pagePacker(count: number, numbers: ReadonlyMap<string, number>) {
  const keys: string[] = new Array<string>(count).fill('');
  const source = new Int32Array(count);
  const target = new Int32Array(count);
  const columns = { keys, type: new Uint8Array(count), flags: new Uint8Array(count), lo: new Int32Array(count), hi: new Int32Array(count), confidence: new Float64Array(count), weight: new Float64Array(count), extra: new Int32Array(count) };
  const extras: string[] = [];
  const extraIds = new Map<string, number>();
  const intern = (text: string) => {
    let id = extraIds.get(text);
    if (id === undefined) extraIds.set(text, (id = extras.push(text) - 1));
    return id;
  };
  const versions: number[] = [];
  const numberOf = (id: string, end: unknown) => {
    const number = typeof end === 'string' ? numbers.get(end) : undefined;
    if (number === undefined) throw rowError(id, `it links entity ${JSON.stringify(end)}, which is not in the entities table`);
    return number;
  };
  let at = 0;
  return {
    add(id: string, version: number, text: string): void {
      if (at === count) throw rowError(id, 'the page holds more rows than it said');
      if (!Number.isInteger(version) || version < 1) throw rowError(id, 'its version is not a positive integer');
      const { record, encoded } = encodeStored(id, text);
      if (typeof record.id !== 'string') throw rowError(id, 'its record has no id');
      keys[at] = record.id;
      source[at] = numberOf(id, record.source);
      target[at] = numberOf(id, record.target);
      writeEncoded(columns, at, encoded, intern);
      if (version !== 1) versions.push(at, version);
      at++;
    },
    finish(): RelationshipPage {
      if (at !== count) throw new Error(`the store's relationships table gave ${at} rows of the ${count} of a page`);
      return { count, ...columns, source, target, extras, versions: Int32Array.from(versions) };
    },
  };
}

/**
 * Encodes the relationships of one page of COPY text (id, version, record a row), their ends numbered by `numbers`
 * (entity id → node number). A row whose record cannot be read, or whose end is not an entity, is an error naming the
 * row: nothing of the page is kept.
 */
export function packRelationshipPage(text: string, numbers: ReadonlyMap<string, number>): RelationshipPage {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  if (text.length > 0 && !text.endsWith('\n')) count++;
  const packer = pagePacker(count, numbers);
  forEachCopyRow(text, 'relationships', packer.add);
  return packer.finish();
}

/** packRelationshipPage of rows already cut (a PostgreSQL server's pages). */
export function packRelationshipRows(rows: readonly (readonly [id: string, version: number, record: string])[], numbers: ReadonlyMap<string, number>): RelationshipPage {
  const packer = pagePacker(rows.length, numbers);
  for (const [id, version, record] of rows) packer.add(id, version, record);
  return packer.finish();
}
