import { EVIDENCE_STANCES, idProblem, partialDateProblem, textProblem, toInterval } from '../model';
import type { NodeTable } from './node-table';
import { BatchWriter, resolveEnds, UNRESOLVED, type RelationshipBatch } from './relationship-batch';
import { precisionOf } from './relationship-codec';
import { EVENT_TYPE, FLAG, OPEN_END, OPEN_START, TYPE_IDS } from './relationship-columns';

/**
 * A scanner for the usual shape of a line of relationships, `{"relationships":[{…},…]}` as JSON.stringify writes valid
 * records (no spaces, fields in validation's order, no escapes), that checks and encodes each record straight from the
 * text: no object per record, no JSON.stringify of its evidence (the text itself is that JSON). It is strict: a record
 * it does not fully understand, or one with any problem, is parsed by JSON.parse and checked the usual way
 * (BatchWriter.addValue); a line whose frame it does not understand gives null, and the caller parses the whole line.
 * Either way the batch equals packRelationships(JSON.parse(line).relationships) (tested on random and adversarial lines).
 */

const PREFIX = '{"relationships":[';
const STANCES: ReadonlySet<string> = new Set(EVIDENCE_STANCES);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Set by readString: whether the string held only printable ASCII (0x21..0x7e), which no text check refuses. */
let plain = false;

/** The index of the closing quote of the string at `at`, or -1 if it has an escape or a control character. */
function readString(text: string, at: number): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  let printable = true;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      plain = printable && i > at + 1;
      return i;
    }
    if (c === BACKSLASH || c < 0x20) return -1;
    if (c > 0x7e || c === 0x20) printable = false;
  }
  return -1;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** The end of the JSON number at `at` (its grammar exactly), or -1. */
function readNumber(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === 0x2e) {
    if (!isDigit(text.charCodeAt(++i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    const sign = text.charCodeAt(++i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** The end of the object at `at` (strings and nesting followed; the content not checked), or -1. */
function skipObject(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) if (text.charCodeAt(i) === BACKSLASH) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return -1;
}

/** A relationship's end or cited source that check.string accepts (required, at most 200 characters, one line). */
const goodEnd = (value: string, wasPlain: boolean) => value.length <= 200 && (wasPlain || (value.trim() !== '' && textProblem(value, 'one') === null));

/** A place in a line's text, moved along by what it reads (one per line: no closure per record). */
class Cursor {
  p = 0;
  constructor(readonly text: string) {}

  /** Reads `name` (a field's name, a fixed piece of JSON) if it comes next. */
  field(name: string): boolean {
    if (!this.text.startsWith(name, this.p)) return false;
    this.p += name.length;
    return true;
  }

  /** The string that comes next (readString's shape), or null. */
  string(): string | null {
    const end = readString(this.text, this.p);
    if (end < 0) return null;
    const value = this.text.slice(this.p + 1, end);
    this.p = end + 1;
    return value;
  }

  /** The number that comes next, or NaN. */
  number(): number {
    const close = readNumber(this.text, this.p);
    if (close < 0) return NaN;
    const value = Number(this.text.slice(this.p, close));
    this.p = close;
    return value;
  }
}

const cites: string[] = [];
/** The last evidence scanned (its text from "[" to "]"), its JSON as a record's extra text, and how many sources it cites (in `cites`). */
let last: { readonly evidence: string; readonly extra: string; readonly citeCount: number } | null = null;

/** Scans the items of an evidence list from `c` (after its "[") into `cites`; their count, or -1 when not of the usual shape (c.p is then anywhere). */
function scanEvidence(c: Cursor): number {
  let citeCount = 0;
  do {
    if (!c.field('{"source":')) return -1;
    const cited = c.string();
    // JSON.stringify would escape a lone surrogate: the text would not be the JSON of the checked evidence.
    if (!cited || (!plain && SURROGATE.test(cited))) return -1;
    if (c.field(',"locator":')) {
      const locator = c.string();
      if (locator === null || (!plain && textProblem(locator, 'one') !== null)) return -1;
    }
    if (c.field(',"note":')) {
      const note = c.string();
      if (note === null || (!plain && textProblem(note, 'many') !== null)) return -1;
    }
    if (c.field(',"stance":')) {
      const stance = c.string();
      if (stance === null || !STANCES.has(stance)) return -1;
    }
    if (!c.field('}')) return -1;
    cites[citeCount++] = cited;
  } while (c.field(','));
  return c.text.charCodeAt(c.p) === 0x5d ? citeCount : -1;
}

interface DateColumns {
  readonly lo: number;
  readonly hi: number;
  /** precisionOf the date as a start (its first day), and as an end (its last day). */
  readonly startPrecision: number;
  readonly endPrecision: number;
}
const INVALID: DateColumns = { lo: 0, hi: 0, startPrecision: 0, endPrecision: 0 };
/** Dates repeat across records: each is checked and converted once (a bounded cache). */
const dates = new Map<string, DateColumns>();

function dateOf(date: string): DateColumns {
  let columns = dates.get(date);
  if (columns === undefined) {
    if (partialDateProblem(date) !== null) columns = INVALID;
    else {
      const { lo, hi } = toInterval(date);
      columns = { lo, hi, startPrecision: precisionOf(date, lo), endPrecision: precisionOf(date, hi) };
    }
    if (dates.size >= 100_000) dates.clear();
    dates.set(date, columns);
  }
  return columns;
}

/** Scans the record at `c` into `writer` when it has the usual shape and no problem (c.p then after it); false: nothing written. */
function scanRecord(c: Cursor, writer: BatchWriter, nodes: NodeTable | undefined, n: number): boolean {
  const text = c.text;
  if (!c.field('{"id":')) return false;
  const id = c.string();
  if (id === null || idProblem(id) !== null || !c.field(',"type":')) return false;
  const typeName = c.string();
  const type = typeName === null ? undefined : TYPE_IDS.get(typeName);
  if (type === undefined || !c.field(',"source":')) return false;
  // An end found among the nodes is a node id (a slug, which check.string accepts): it is not made a string here.
  let close = nodes ? readString(text, c.p) : -1;
  const sourceNumber = close > 0 ? nodes!.findRange(text, c.p + 1, close) : -1;
  const source = sourceNumber >= 0 ? ((c.p = close + 1), '') : c.string();
  if (source === null || (sourceNumber < 0 && !goodEnd(source, plain)) || !c.field(',"target":')) return false;
  close = nodes ? readString(text, c.p) : -1;
  const targetNumber = close > 0 ? nodes!.findRange(text, c.p + 1, close) : -1;
  const target = targetNumber >= 0 ? ((c.p = close + 1), '') : c.string();
  if (target === null || (targetNumber < 0 && !goodEnd(target, plain))) return false;
  const start = c.field(',"start":') ? c.string() : undefined;
  const end = c.field(',"end":') ? c.string() : undefined;
  if (start === null || end === null) return false;
  const confidence = c.field(',"confidence":') ? c.number() : undefined;
  if (confidence !== undefined && !(confidence >= 0 && confidence <= 1)) return false;
  const disputed = c.field(',"disputed":true');
  const weight = c.field(',"weight":') ? c.number() : undefined;
  if (weight !== undefined && !(weight >= 0 && weight <= Number.MAX_SAFE_INTEGER)) return false;
  if (!c.field(',"evidence":[')) return false;
  const evidenceAt = c.p - 1;
  // Records often cite alike: the same text scans the same, so the previous result stands.
  if (last !== null && text.startsWith(last.evidence, evidenceAt)) {
    c.p = evidenceAt + last.evidence.length - 1;
  } else {
    // scanEvidence overwrites `cites`: the previous result no longer stands whatever it finds.
    last = null;
    const citeCount = scanEvidence(c);
    if (citeCount < 0) return false;
    last = { evidence: text.slice(evidenceAt, c.p + 1), extra: `{"evidence":${text.slice(evidenceAt, c.p + 1)}}`, citeCount };
  }
  if (!c.field(']}')) return false;
  // encodeRecord's columns; a date the columns cannot spell back (precision 0) keeps the whole record: not this path.
  const from = start === undefined ? null : dateOf(start);
  const to = end === undefined ? null : dateOf(end);
  if (from === INVALID || to === INVALID || (from && to && to.hi < from.lo)) return false;
  const lo = from ? from.lo : OPEN_START;
  const hi = to ? to.hi : from && EVENT_TYPE[type] === 1 ? from.hi : OPEN_END;
  const startPrecision = from ? from.startPrecision : 0;
  const endPrecision = to ? to.endPrecision : 0;
  if ((from && startPrecision === 0) || (to && endPrecision === 0)) return false;
  let flags = (startPrecision << FLAG.startShift) | (endPrecision << FLAG.endShift);
  if (confidence !== undefined) flags |= FLAG.hasConfidence;
  if (weight !== undefined) flags |= FLAG.hasWeight;
  if (disputed) flags |= FLAG.disputed;
  if (nodes) {
    ends.ends[2 * n] = sourceNumber;
    ends.ends[2 * n + 1] = targetNumber;
    ends.idIsNode[n] = nodes.findRange(id, 0, id.length) >= 0 ? 1 : 0;
  }
  writer.addEncoded(id, source, target, { type, flags, lo, hi, confidence: confidence ?? 1, weight: weight ?? 1, extra: last.extra }, cites, last.citeCount);
  return true;
}

/** The ends of the records of a line, resolved while scanning (UNRESOLVED for the records parsed instead). */
const ends = { ends: new Int32Array(2048), idIsNode: new Uint8Array(1024) };

function roomForEnds(n: number): void {
  if (n < ends.idIsNode.length) return;
  const wider = { ends: new Int32Array(4 * n), idIsNode: new Uint8Array(2 * n) };
  wider.ends.set(ends.ends);
  wider.idIsNode.set(ends.idIsNode);
  Object.assign(ends, wider);
}

/**
 * The batch of a line of relationships in the usual frame, or null: then parse the line (dataset-line.ts) and pack it.
 * With `nodes`, the ends are resolved to node numbers too (resolveEnds).
 */
export function scanRelationshipsLine(text: string, nodes?: NodeTable): RelationshipBatch | null {
  if (!text.startsWith(PREFIX)) return null;
  const writer = new BatchWriter(text.length >> 7);
  const cursor = new Cursor(text);
  let at = PREFIX.length;
  let n = 0;
  if (text.charCodeAt(at) !== 0x5d) {
    for (; ; n++) {
      if (text.charCodeAt(at) !== 0x7b) return null;
      roomForEnds(n);
      cursor.p = at;
      let next = scanRecord(cursor, writer, nodes, n) ? cursor.p : -1;
      if (next < 0) {
        next = skipObject(text, at);
        if (next < 0) return null;
        let value: unknown;
        try {
          value = JSON.parse(text.slice(at, next));
        } catch {
          return null;
        }
        writer.addValue(value);
        ends.ends[2 * n] = UNRESOLVED;
      }
      at = next;
      const after = text.charCodeAt(at);
      if (after === 0x5d) {
        n++;
        break;
      }
      if (after !== 0x2c) return null;
      at++;
    }
  }
  if (at + 2 !== text.length || text.charCodeAt(at + 1) !== 0x7d) return null;
  const batch = writer.finish();
  return nodes ? resolveEnds(batch, nodes, ends.ends.slice(0, 2 * n), ends.idIsNode.slice(0, n)) : batch;
}
