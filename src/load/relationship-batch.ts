import type { RelationshipRecord } from '../model';
import { checkRelationship } from './check-records';
import { decodeRecord, encodeRecord, EXTRA_VERBATIM, writeEncoded, type Columns } from './relationship-codec';
import { RecordChecker } from './record-checker';

/**
 * A batch of relationship records checked and encoded away from the thread that builds the graph (a worker of
 * dataset-lines.ts): the columns of each record whose fields are valid, its ends and cited sources as ids, its other
 * fields as JSON text shared within the batch. Typed arrays and a few string lists: handing it to another thread copies
 * a fraction of what a structured clone of the parsed records would. A record with a problem in its fields is kept as
 * it was read (`invalid`), to be checked again where its problems are reported in the order of the records.
 */
export interface RelationshipBatch extends Columns {
  readonly count: number;
  readonly sources: readonly string[];
  readonly targets: readonly string[];
  /** Index into `extras`, with EXTRA_VERBATIM when that text is the whole record. */
  readonly extra: Int32Array;
  readonly extras: readonly string[];
  /** Record i cites citedSources[citations[cited[i] .. cited[i + 1])]. */
  readonly cited: Int32Array;
  readonly citations: Int32Array;
  readonly citedSources: readonly string[];
  /** Positions (increasing) of the records whose fields have a problem, and those records as read. */
  readonly invalidAt: readonly number[];
  readonly invalid: readonly unknown[];
}

/** The buffers a batch can hand over without a copy (postMessage's transfer list). */
export function batchBuffers(batch: RelationshipBatch): ArrayBuffer[] {
  return [batch.type, batch.flags, batch.lo, batch.hi, batch.confidence, batch.weight, batch.extra, batch.cited, batch.citations].map((array) => array.buffer as ArrayBuffer);
}

function interner(list: string[]): (text: string) => number {
  const ids = new Map<string, number>();
  return (text) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = list.push(text) - 1;
      ids.set(text, id);
    }
    return id;
  };
}

/** Checks the fields of each record (checkRelationship: no references, no ids across records) and encodes the valid ones. */
export function packRelationships(values: readonly unknown[]): RelationshipBatch {
  const count = values.length;
  const keys: string[] = new Array(count).fill('');
  const sources: string[] = new Array(count).fill('');
  const targets: string[] = new Array(count).fill('');
  const type = new Uint8Array(count);
  const flags = new Uint8Array(count);
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  const confidence = new Float64Array(count);
  const weight = new Float64Array(count);
  const extra = new Int32Array(count);
  const columns = { keys, type, flags, lo, hi, confidence, weight, extra };
  const extras: string[] = [];
  const extraId = interner(extras);
  const cited = new Int32Array(count + 1);
  const citationList: number[] = [];
  const citedSources: string[] = [];
  const sourceId = interner(citedSources);
  const invalidAt: number[] = [];
  const invalid: unknown[] = [];
  for (let i = 0; i < count; i++) {
    cited[i] = citationList.length;
    const checker = new RecordChecker('relationship');
    const record = checkRelationship(checker, values[i]);
    if (!record) {
      invalidAt.push(i);
      invalid.push(values[i]);
      continue;
    }
    keys[i] = record.id;
    sources[i] = record.source;
    targets[i] = record.target;
    writeEncoded(columns, i, encodeRecord(record), extraId);
    for (const evidence of record.evidence) citationList.push(sourceId(evidence.source));
  }
  cited[count] = citationList.length;
  const citations = Int32Array.from(citationList);
  return { count, keys, sources, targets, type, flags, lo, hi, confidence, weight, extra, extras, cited, citations, citedSources, invalidAt, invalid };
}

/** The validated record at position i of a batch (not one of its invalid records). */
export function batchRecord(batch: RelationshipBatch, i: number): RelationshipRecord {
  const extra = batch.extra[i];
  return decodeRecord(batch, i, batch.sources[i], batch.targets[i], batch.extras[extra & ~EXTRA_VERBATIM], (extra & EXTRA_VERBATIM) !== 0);
}
