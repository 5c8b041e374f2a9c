import { RELATION_TYPES, type RelationshipRecord, type RelationType } from '../model';
import { copyValues, decodeRecord, encodeRecord, encodeSplitRecord, EXTRA_VERBATIM, writeEncoded, type Columns, type EncodedRecord } from './relationship-codec';
import { FLAG } from './relationship-columns';

const INITIAL_CAPACITY = 64;

const COLUMN_NAMES = ['source', 'target', 'type', 'flags', 'lo', 'hi', 'confidence', 'weight', 'extra'] as const;

/** The columns of a table's slots and its interned texts, as a snapshot keeps them. */
export interface SavedColumns extends Columns {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly extra: Int32Array;
  readonly extras: readonly string[];
}

function grown<T extends Int32Array | Uint8Array | Float64Array>(array: T, capacity: number): T {
  const wider = new (array.constructor as new (length: number) => T)(capacity);
  wider.set(array.subarray(0, Math.min(array.length, capacity)) as never);
  return wider;
}

/**
 * The relationships of a graph as columns (struct of arrays), one slot per relationship: its key, its ends as node
 * numbers, its type, dates, confidence and weight as typed arrays, the rest of its record (evidence, attributes) as
 * interned JSON text. A relationship costs about 40 bytes plus its key and its share of the interned text, instead
 * of the object graph of a parsed record; the path index searches these very arrays.
 *
 * Dates: `lo` is the first day of the start (OPEN_START when undated) and `hi` the last day of the relationship's time
 * (model/validity.ts relationshipTime: the end, or for an EVENT dated by its start alone the last day of that start;
 * OPEN_END when open). So time = [lo, hi] and the asOf window = [lo, hi], or [lo, OPEN_END] for an EVENT type.
 *
 * Slots are appended; a deleted slot is flagged and skipped until the graph compacts the table. Keys are looked up by
 * binary search over the prefix of slots appended in increasing key order (a load in id order is one such prefix),
 * and in a map for the others.
 */
export class RelationshipTable {
  count = 0;
  live = 0;
  keys: string[] = [];
  source = new Int32Array(INITIAL_CAPACITY);
  target = new Int32Array(INITIAL_CAPACITY);
  type = new Uint8Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  lo = new Int32Array(INITIAL_CAPACITY);
  hi = new Int32Array(INITIAL_CAPACITY);
  /** 1 when absent (see FLAG.hasConfidence). */
  confidence = new Float64Array(INITIAL_CAPACITY);
  /** 1 when absent (see FLAG.hasWeight). */
  weight = new Float64Array(INITIAL_CAPACITY);
  /** Index into extras: the JSON text of the record's other fields, or (with EXTRA_VERBATIM) of the whole record. */
  extra = new Int32Array(INITIAL_CAPACITY);
  private extras: string[] = [];
  /** Text → its index in extras; null until first needed after a table was restored from columns (fromColumns). */
  private extraIds: Map<string, number> | null = new Map<string, number>();
  /** keys[0 .. sortedPrefix) increase strictly (deleted slots included); later keys are in `later`. */
  private sortedPrefix = 0;
  private readonly later = new Map<string, number>();

  /**
   * A table of `count` live slots in increasing key order, from columns saved before (load/graph-snapshot.ts): the
   * arrays are taken as they are, not copied.
   */
  static fromColumns(columns: SavedColumns): RelationshipTable {
    const table = new RelationshipTable();
    const count = columns.keys.length;
    for (const name of COLUMN_NAMES) {
      if (columns[name].length !== count) throw new Error(`relationship columns: ${name} holds ${columns[name].length} values for ${count} keys`);
    }
    Object.assign(table, { ...columns, keys: columns.keys as string[], extras: columns.extras as string[], extraIds: null });
    table.count = table.live = table.sortedPrefix = count;
    return table;
  }

  /** The columns of the slots in use and the interned texts, for a snapshot: views, not copies. */
  savedColumns(): SavedColumns {
    const n = this.count;
    return {
      keys: this.keys.length === n ? this.keys : this.keys.slice(0, n),
      source: this.source.subarray(0, n),
      target: this.target.subarray(0, n),
      type: this.type.subarray(0, n),
      flags: this.flags.subarray(0, n),
      lo: this.lo.subarray(0, n),
      hi: this.hi.subarray(0, n),
      confidence: this.confidence.subarray(0, n),
      weight: this.weight.subarray(0, n),
      extra: this.extra.subarray(0, n),
      extras: this.extras,
    };
  }

  /** Makes room for `capacity` slots in all, so that a load of known size allocates once. */
  reserve(capacity: number): void {
    if (capacity <= this.source.length) return;
    this.source = grown(this.source, capacity);
    this.target = grown(this.target, capacity);
    this.type = grown(this.type, capacity);
    this.flags = grown(this.flags, capacity);
    this.lo = grown(this.lo, capacity);
    this.hi = grown(this.hi, capacity);
    this.confidence = grown(this.confidence, capacity);
    this.weight = grown(this.weight, capacity);
    this.extra = grown(this.extra, capacity);
  }

  /** Gives back the room reserved beyond the slots in use (after a load of unknown size). */
  trim(): void {
    if (this.source.length <= this.count + (this.count >> 3) + INITIAL_CAPACITY) return;
    const keep = <T extends Int32Array | Uint8Array | Float64Array>(array: T): T => array.slice(0, this.count) as T;
    this.source = keep(this.source);
    this.target = keep(this.target);
    this.type = keep(this.type);
    this.flags = keep(this.flags);
    this.lo = keep(this.lo);
    this.hi = keep(this.hi);
    this.confidence = keep(this.confidence);
    this.weight = keep(this.weight);
    this.extra = keep(this.extra);
  }

  /** The slot of a live relationship, or -1. */
  slotOf(key: string): number {
    const late = this.later.get(key);
    if (late !== undefined) return late;
    let low = 0;
    let high = this.sortedPrefix - 1;
    const keys = this.keys;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const probe = keys[mid];
      if (probe < key) low = mid + 1;
      else if (probe > key) high = mid - 1;
      else return this.flags[mid] & FLAG.deleted ? -1 : mid;
    }
    return -1;
  }

  /**
   * Appends a relationship between node numbers `source` and `target`; returns its slot, or -1 when the key is taken.
   * With `rest`, `record` holds only the head fields and `rest` is the JSON text of the others (splitRecordJson).
   */
  append(record: RelationshipRecord, source: number, target: number, rest?: string): number {
    const encoded = rest === undefined ? encodeRecord(record) : encodeSplitRecord(record, rest);
    const slot = this.take(record.id, source, target);
    if (slot >= 0) this.write(slot, encoded);
    return slot;
  }

  /**
   * Appends the relationship at position `at` of columns encoded elsewhere (relationship-batch.ts), its extra text
   * already interned here (`extraRef`: its number from intern, with EXTRA_VERBATIM as the case may be); -1 when the key
   * is taken.
   */
  appendEncoded(columns: Columns, at: number, source: number, target: number, extraRef: number): number {
    const slot = this.take(columns.keys[at], source, target);
    if (slot < 0) return slot;
    copyValues(columns, at, this, slot);
    this.extra[slot] = extraRef;
    return slot;
  }

  /** The next slot, given to `key` between `source` and `target`; -1 when the key is taken. */
  private take(key: string, source: number, target: number): number {
    const slot = this.count;
    // A key above every key so far extends the sorted prefix, and is new; any other key is looked up.
    const extendsPrefix = this.later.size === 0 && this.sortedPrefix === slot && (slot === 0 || this.keys[slot - 1] < key);
    if (!extendsPrefix && this.slotOf(key) >= 0) return -1;
    this.place(slot, key, source, target, extendsPrefix);
    return slot;
  }

  private place(slot: number, key: string, source: number, target: number, extendsPrefix: boolean): void {
    if (slot === this.source.length) this.reserve(Math.max(INITIAL_CAPACITY, slot * 2));
    if (extendsPrefix) this.sortedPrefix++;
    else this.later.set(key, slot);
    this.keys[slot] = key;
    this.source[slot] = source;
    this.target[slot] = target;
    this.count++;
    this.live++;
  }

  /** Replaces the record of a slot (same key and ends). */
  replace(slot: number, record: RelationshipRecord): void {
    this.write(slot, encodeRecord(record));
  }

  delete(slot: number): void {
    this.flags[slot] |= FLAG.deleted;
    this.later.delete(this.keys[slot]);
    this.live--;
  }

  isLive(slot: number): boolean {
    return (this.flags[slot] & FLAG.deleted) === 0;
  }

  /** The record of a slot, as a new plain object with the fields in the order validation gives them. */
  record(slot: number, sourceKey: string, targetKey: string): RelationshipRecord {
    return decodeRecord(this, slot, sourceKey, targetKey, this.extras[this.extra[slot] & ~EXTRA_VERBATIM], (this.extra[slot] & EXTRA_VERBATIM) !== 0);
  }

  relationType(slot: number): RelationType {
    return RELATION_TYPES[this.type[slot]];
  }

  /** True when every live slot is in increasing key order and none is deleted: the order the path index needs. */
  get ordered(): boolean {
    return this.later.size === 0 && this.sortedPrefix === this.count && this.live === this.count;
  }

  /**
   * A table with the live slots only, in increasing key order, and the old slot of each new one. Node numbers are
   * mapped through `renumber` (old node number → new).
   */
  compacted(renumber: Int32Array | null): { table: RelationshipTable; order: Int32Array } {
    const live: number[] = [];
    for (let slot = 0; slot < this.count; slot++) if ((this.flags[slot] & FLAG.deleted) === 0) live.push(slot);
    const keys = this.keys;
    // Mostly sorted already (a load in id order, then edits at the end): TimSort is close to linear on it.
    live.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    const order = Int32Array.from(live);
    const table = new RelationshipTable();
    const m = order.length;
    table.reserve(m);
    for (let i = 0; i < m; i++) {
      const slot = order[i];
      table.keys[i] = keys[slot];
      table.source[i] = renumber ? renumber[this.source[slot]] : this.source[slot];
      table.target[i] = renumber ? renumber[this.target[slot]] : this.target[slot];
      copyValues(this, slot, table, i);
      const extra = this.extra[slot];
      table.extra[i] = table.intern(this.extras[extra & ~EXTRA_VERBATIM]) | (extra & EXTRA_VERBATIM);
    }
    table.count = table.live = table.sortedPrefix = m;
    return { table, order };
  }

  private write(slot: number, encoded: EncodedRecord): void {
    writeEncoded(this, slot, encoded, (text) => this.intern(text));
  }

  /** The number of the one copy of a text: records with the same evidence share it. */
  intern(text: string): number {
    this.extraIds ??= new Map(this.extras.map((extra, id) => [extra, id]));
    let id = this.extraIds.get(text);
    if (id === undefined) {
      id = this.extras.length;
      this.extras.push(text);
      this.extraIds.set(text, id);
    }
    return id;
  }
}
