import type { RelationshipRecord } from '../model';
import { checkRelationship } from './check-records';
import { decodeRecord, encodeRecord, EXTRA_VERBATIM, type Columns, type EncodedRecord } from './relationship-codec';
import type { NodeLookup } from './node-table';
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
  /** Set by resolveEnds: the ends' node numbers, and which records' ids are node ids, in a table of `nodeCount` nodes. */
  readonly resolved?: ResolvedEnds;
}

/**
 * Ends resolved to node numbers where the batch was made (resolveEnds), from the table of the first `nodeCount` nodes:
 * ends[2i] and ends[2i + 1] are record i's source and target, -1 when not in that table. A resolved end's id is left
 * out of `sources`/`targets` ('') — node `n`'s id is the graph's — so that it is not copied to the builder's thread.
 */
export interface ResolvedEnds {
  readonly nodeCount: number;
  readonly ends: Int32Array;
  /** 1 when record i's id is the id of a node of the table. */
  readonly idIsNode: Uint8Array;
}

/** An end not looked up yet (resolveEnds looks it up). */
export const UNRESOLVED = -2;

/**
 * Resolves the ends of a batch's valid records in `nodes`, and whether their ids are node ids; records whose ends a
 * scanner resolved already (`ends[2i]` not UNRESOLVED) are kept as they are.
 */
export function resolveEnds(batch: RelationshipBatch, nodes: NodeLookup, ends = new Int32Array(2 * batch.count).fill(UNRESOLVED), idIsNode = new Uint8Array(batch.count)): RelationshipBatch {
  const sources = batch.sources as string[];
  const targets = batch.targets as string[];
  let invalid = 0;
  for (let i = 0; i < batch.count; i++) {
    if (batch.invalidAt[invalid] === i) {
      invalid++;
      ends[2 * i] = ends[2 * i + 1] = -1;
      idIsNode[i] = 0;
      continue;
    }
    if (ends[2 * i] !== UNRESOLVED) continue;
    const source = nodes.find(sources[i]);
    const target = nodes.find(targets[i]);
    ends[2 * i] = source;
    ends[2 * i + 1] = target;
    if (source >= 0) sources[i] = '';
    if (target >= 0) targets[i] = '';
    idIsNode[i] = nodes.find(batch.keys[i]) >= 0 ? 1 : 0;
  }
  return { ...batch, resolved: { nodeCount: nodes.count, ends, idIsNode } };
}

/** The buffers a batch can hand over without a copy (postMessage's transfer list). */
export function batchBuffers(batch: RelationshipBatch): ArrayBuffer[] {
  const resolved = batch.resolved ? [batch.resolved.ends, batch.resolved.idIsNode] : [];
  return [batch.type, batch.flags, batch.lo, batch.hi, batch.confidence, batch.weight, batch.extra, batch.cited, batch.citations, ...resolved].map((array) => array.buffer as ArrayBuffer);
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

const growInt32 = (array: Int32Array, length: number) => {
  const wider = new Int32Array(length);
  wider.set(array);
  return wider;
};

/**
 * Writes a batch record by record, in order: records parsed (JSON.parse) and checked here, or records whose fields a
 * scanner checked and encoded already (relationship-line-scan.ts). `capacity` is a guess: the columns grow as needed.
 */
export class BatchWriter {
  private count = 0;
  private keys: string[] = [];
  private sources: string[] = [];
  private targets: string[] = [];
  private type: Uint8Array;
  private flags: Uint8Array;
  private lo: Int32Array;
  private hi: Int32Array;
  private confidence: Float64Array;
  private weight: Float64Array;
  private extra: Int32Array;
  private readonly extras: string[] = [];
  private readonly extraId = interner(this.extras);
  private lastExtra: string | null = null;
  private lastExtraRef = -1;
  private cited: Int32Array;
  private readonly citationList: number[] = [];
  private readonly citedSources: string[] = [];
  private readonly sourceId = interner(this.citedSources);
  private readonly invalidAt: number[] = [];
  private readonly invalid: unknown[] = [];

  constructor(capacity: number) {
    const room = Math.max(1, capacity);
    this.type = new Uint8Array(room);
    this.flags = new Uint8Array(room);
    this.lo = new Int32Array(room);
    this.hi = new Int32Array(room);
    this.confidence = new Float64Array(room);
    this.weight = new Float64Array(room);
    this.extra = new Int32Array(room);
    this.cited = new Int32Array(room + 1);
  }

  /** A record as parsed: checked (checkRelationship) and encoded, or kept as read when its fields have a problem. */
  addValue(value: unknown): void {
    const i = this.next();
    const record = checkRelationship(new RecordChecker('relationship'), value);
    if (!record) {
      this.keys[i] = this.sources[i] = this.targets[i] = '';
      this.invalidAt.push(i);
      this.invalid.push(value);
      return;
    }
    const encoded = encodeRecord(record);
    this.put(i, record.id, record.source, record.target, encoded, this.extraId(encoded.extra) | (encoded.verbatim ? EXTRA_VERBATIM : 0));
    for (const evidence of record.evidence) this.citationList.push(this.sourceId(evidence.source));
  }

  /** A record whose fields were checked and encoded by the caller (never verbatim); it cites `cites[0 .. citeCount)`. */
  addEncoded(id: string, source: string, target: string, values: Omit<EncodedRecord, 'verbatim'>, cites: readonly string[], citeCount: number): void {
    // The scanner hands the same text object to records that cite alike: no lookup then.
    if (values.extra !== this.lastExtra) this.lastExtraRef = this.extraId((this.lastExtra = values.extra));
    this.put(this.next(), id, source, target, values, this.lastExtraRef);
    for (let c = 0; c < citeCount; c++) this.citationList.push(this.sourceId(cites[c]));
  }

  private put(i: number, id: string, source: string, target: string, values: Omit<EncodedRecord, 'verbatim' | 'extra'>, extraRef: number): void {
    this.keys[i] = id;
    this.sources[i] = source;
    this.targets[i] = target;
    this.type[i] = values.type;
    this.flags[i] = values.flags;
    this.lo[i] = values.lo;
    this.hi[i] = values.hi;
    this.confidence[i] = values.confidence;
    this.weight[i] = values.weight;
    this.extra[i] = extraRef;
  }

  private next(): number {
    const i = this.count++;
    if (i === this.type.length) this.grow(i * 2);
    this.cited[i] = this.citationList.length;
    return i;
  }

  private grow(room: number): void {
    const wider = <T extends Uint8Array | Float64Array>(array: T, make: (n: number) => T) => {
      const copy = make(room);
      copy.set(array);
      return copy;
    };
    this.type = wider(this.type, (n) => new Uint8Array(n));
    this.flags = wider(this.flags, (n) => new Uint8Array(n));
    this.lo = growInt32(this.lo, room);
    this.hi = growInt32(this.hi, room);
    this.confidence = wider(this.confidence, (n) => new Float64Array(n));
    this.weight = wider(this.weight, (n) => new Float64Array(n));
    this.extra = growInt32(this.extra, room);
    this.cited = growInt32(this.cited, room + 1);
  }

  finish(): RelationshipBatch {
    const count = this.count;
    const fit = <T extends Uint8Array | Int32Array | Float64Array>(array: T, length = count): T => (array.length === length ? array : (array.slice(0, length) as T));
    const cited = fit(this.cited, count + 1);
    cited[count] = this.citationList.length;
    return {
      count,
      keys: this.keys,
      sources: this.sources,
      targets: this.targets,
      type: fit(this.type),
      flags: fit(this.flags),
      lo: fit(this.lo),
      hi: fit(this.hi),
      confidence: fit(this.confidence),
      weight: fit(this.weight),
      extra: fit(this.extra),
      extras: this.extras,
      cited,
      citations: Int32Array.from(this.citationList),
      citedSources: this.citedSources,
      invalidAt: this.invalidAt,
      invalid: this.invalid,
    };
  }
}

/** Checks the fields of each record (checkRelationship: no references, no ids across records) and encodes the valid ones. */
export function packRelationships(values: readonly unknown[]): RelationshipBatch {
  const writer = new BatchWriter(values.length);
  for (const value of values) writer.addValue(value);
  return writer.finish();
}

/** The validated record at position i of a batch (not one of its invalid records); give the ends' ids when resolved. */
export function batchRecord(batch: RelationshipBatch, i: number, source = batch.sources[i], target = batch.targets[i]): RelationshipRecord {
  const extra = batch.extra[i];
  return decodeRecord(batch, i, source, target, batch.extras[extra & ~EXTRA_VERBATIM], (extra & EXTRA_VERBATIM) !== 0);
}
