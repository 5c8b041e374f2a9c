import { PARTIAL_DATE_PATTERN, RELATION_TYPES, toInterval, type RelationshipRecord } from '../model';
import { readRecordHead } from './record-head';
import { EVENT_TYPE, FLAG, OPEN_END, OPEN_START, TYPE_IDS } from './relationship-columns';

/** Marks an extra text that holds the whole record (see encodeRecord). */
export const EXTRA_VERBATIM = 1 << 30;

/** A record split into column values and the JSON text of what the columns do not hold. */
export interface EncodedRecord {
  readonly type: number;
  readonly flags: number;
  readonly lo: number;
  readonly hi: number;
  readonly confidence: number;
  readonly weight: number;
  readonly extra: string;
  /** True when `extra` is the whole record: the columns could not give it back exactly. */
  readonly verbatim: boolean;
}

/** The fields the columns hold, in the order validation writes them (load/check-records.ts). */
const HEAD = ['id', 'type', 'source', 'target', 'start', 'end', 'confidence', 'disputed', 'weight'] as const;
const HEAD_SET: ReadonlySet<string> = new Set(HEAD);

/** The precision of a partial date (1 year, 2 month, 3 day), or 0 when the columns cannot give it back exactly. */
export function precisionOf(date: string, day: number): number {
  const precision = date.length === 4 ? 1 : date.length === 7 ? 2 : date.length === 10 ? 3 : 0;
  return precision > 0 && formatDay(day, precision) === date ? precision : 0;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * A day number as YYYY, YYYY-MM or YYYY-MM-DD (the civil calendar, proleptic Gregorian; days since 1970-01-01), without
 * a Date object: millions of records are encoded and decoded at load. Years outside 0..9999 give '' (such a date is
 * never spelled back: its record is kept whole).
 */
export function formatDay(day: number, precision: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return '';
  if (precision === 1) return pad(year, 4);
  if (precision === 2) return `${pad(year, 4)}-${pad(month, 2)}`;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1, 2)}`;
}

/**
 * Splits a validated record into columns and the JSON text of its other fields (evidence, attributes, and any field a
 * later version of the model adds). Lossless: when the record's field order or a value is not what the columns give
 * back (a date the day numbers cannot spell, a field out of the usual order), the whole record is kept as text and the
 * columns only serve searches.
 */
export function encodeRecord(record: RelationshipRecord): EncodedRecord {
  const typeId = TYPE_IDS.get(record.type);
  if (typeId === undefined) throw new Error(`relationship ${record.id}: unknown relation type ${String(record.type)}`);
  const start = record.start && PARTIAL_DATE_PATTERN.test(record.start) ? toInterval(record.start) : null;
  const end = record.end && PARTIAL_DATE_PATTERN.test(record.end) ? toInterval(record.end) : null;
  const lo = start ? start.lo : OPEN_START;
  // model/validity.ts relationshipTime: an EVENT dated by its start alone lasts the days of that start.
  const hi = end ? end.hi : start && EVENT_TYPE[typeId] === 1 ? start.hi : OPEN_END;
  const startPrecision = start ? precisionOf(record.start!, lo) : 0;
  const endPrecision = end ? precisionOf(record.end!, end.hi) : 0;
  let flags = (startPrecision << FLAG.startShift) | (endPrecision << FLAG.endShift);
  if (typeof record.confidence === 'number') flags |= FLAG.hasConfidence;
  if (typeof record.weight === 'number') flags |= FLAG.hasWeight;
  if (record.disputed === true) flags |= FLAG.disputed;

  const rest: Record<string, unknown> = {};
  let restCount = 0;
  let exact = (!record.start || startPrecision > 0) && (!record.end || endPrecision > 0) && (record.disputed === undefined || record.disputed === true);
  let position = 0;
  for (const field of Object.keys(record)) {
    const value = (record as unknown as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (HEAD_SET.has(field)) {
      // Head fields must come first and in HEAD's order, with the types the columns hold.
      const at = HEAD.indexOf(field as (typeof HEAD)[number], position);
      if (at < 0 || restCount > 0) exact = false;
      else position = at + 1;
      if ((field === 'confidence' || field === 'weight') && typeof value !== 'number') exact = false;
      if ((field === 'id' || field === 'source' || field === 'target' || field === 'start' || field === 'end') && typeof value !== 'string') exact = false;
    } else {
      rest[field] = value;
      restCount++;
    }
  }
  return {
    type: typeId,
    flags,
    lo,
    hi,
    confidence: typeof record.confidence === 'number' ? record.confidence : 1,
    weight: typeof record.weight === 'number' ? record.weight : 1,
    extra: JSON.stringify(exact ? rest : record),
    verbatim: !exact,
  };
}

/**
 * encodeRecord of a record given as its head fields and the JSON text of the others (splitRecordJson): that text is
 * kept as it is when the head encodes exactly, else the record is put together and encoded whole.
 */
export function encodeSplitRecord(head: RelationshipRecord, rest: string): EncodedRecord {
  const encoded = encodeRecord(head);
  if (encoded.verbatim || encoded.extra !== '{}') return encodeRecord({ ...head, ...JSON.parse(rest) } as RelationshipRecord);
  return { ...encoded, extra: rest };
}

/** The columns a record is decoded from (relationship-table.ts holds them). */
export interface Columns {
  readonly keys: readonly string[];
  readonly type: Uint8Array;
  readonly flags: Uint8Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly confidence: Float64Array;
  readonly weight: Float64Array;
}

/** Copies one relationship's values (type, flags, dates, confidence, weight; not its key, ends or text) between columns. */
export function copyValues(from: Columns, at: number, to: Columns, slot: number): void {
  to.type[slot] = from.type[at];
  to.flags[slot] = from.flags[at];
  to.lo[slot] = from.lo[at];
  to.hi[slot] = from.hi[at];
  to.confidence[slot] = from.confidence[at];
  to.weight[slot] = from.weight[at];
}

/** Writes an encoded record into slot `slot` of columns, its extra text numbered by `intern` (with EXTRA_VERBATIM as the case may be). */
export function writeEncoded(to: Columns & { readonly extra: Int32Array }, slot: number, encoded: EncodedRecord, intern: (text: string) => number): void {
  to.type[slot] = encoded.type;
  to.flags[slot] = encoded.flags;
  to.lo[slot] = encoded.lo;
  to.hi[slot] = encoded.hi;
  to.confidence[slot] = encoded.confidence;
  to.weight[slot] = encoded.weight;
  to.extra[slot] = intern(encoded.extra) | (encoded.verbatim ? EXTRA_VERBATIM : 0);
}

/** The record of a slot: the fields in validation's order, then the others as they were. */
export function decodeRecord(columns: Columns, slot: number, source: string, target: string, extra: string, verbatim: boolean): RelationshipRecord {
  if (verbatim) return JSON.parse(extra) as RelationshipRecord;
  const flags = columns.flags[slot];
  const record: Record<string, unknown> = { id: columns.keys[slot], type: RELATION_TYPES[columns.type[slot]], source, target };
  const startPrecision = (flags >> FLAG.startShift) & 3;
  const endPrecision = (flags >> FLAG.endShift) & 3;
  if (startPrecision > 0) record.start = formatDay(columns.lo[slot], startPrecision);
  if (endPrecision > 0) record.end = formatDay(columns.hi[slot], endPrecision);
  if (flags & FLAG.hasConfidence) record.confidence = columns.confidence[slot];
  if (flags & FLAG.disputed) record.disputed = true;
  if (flags & FLAG.hasWeight) record.weight = columns.weight[slot];
  return Object.assign(record, JSON.parse(extra)) as unknown as RelationshipRecord;
}

/**
 * A stored record's JSON text (what JSON.stringify of a validated record gives) split into its head fields, parsed, and
 * the JSON text of the rest, left as text: loading millions of records from the store then parses only the small head
 * of each, and its evidence is kept as the very text the store holds. Null when the text is not of that shape (the
 * caller parses it whole).
 */
export function splitRecordJson(text: string): { head: RelationshipRecord; rest: string } | null {
  // Only slugs, types, dates, numbers and booleans come before "evidence": none can hold this text.
  const at = text.indexOf(',"evidence":');
  if (at < 0 || text.charCodeAt(0) !== 0x7b || text.charCodeAt(text.length - 1) !== 0x7d) return null;
  const rest = `{${text.slice(at + 1)}`;
  const head = readRecordHead(text, at);
  if (head) return { head: head as unknown as RelationshipRecord, rest };
  try {
    return { head: JSON.parse(`${text.slice(0, at)}}`) as RelationshipRecord, rest };
  } catch {
    return null;
  }
}
