/**
 * Reads the head of a relationship's JSON text as JSON.stringify writes a validated record — `{"id":"…","type":"…",
 * "source":"…","target":"…"` then any of start, end, confidence, disputed, weight, in that order — without JSON.parse:
 * a load from the store reads millions of heads, and a scan that makes only the values' strings costs a fraction of a
 * parse that makes a text to parse first. Null for any other shape (an escape in a text, another field, another
 * order): the caller then parses the text whole, as before.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

const STRING_FIELDS = ['id', 'type', 'source', 'target'] as const;
const OPTIONAL_FIELDS = ['start', 'end', 'confidence', 'disputed', 'weight'] as const;
const OPTIONAL_KIND: Record<(typeof OPTIONAL_FIELDS)[number], 'string' | 'number' | 'boolean'> = { start: 'string', end: 'string', confidence: 'number', disputed: 'boolean', weight: 'number' };
/** What comes before each field's value: `{"id":` for the first, `,"name":` for the others. */
const PREFIX: ReadonlyMap<string, string> = new Map([...STRING_FIELDS, ...OPTIONAL_FIELDS].map((field, i) => [field, `${i === 0 ? '{' : ','}"${field}":`]));
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The record head held by text[0 .. end) (end: the comma before the first other field), or null. */
export function readRecordHead(text: string, end: number): Record<string, string | number | boolean> | null {
  const head: Record<string, string | number | boolean> = {};
  let at = 0;
  const field = (name: string): boolean => {
    const prefix = PREFIX.get(name)!;
    if (!text.startsWith(prefix, at)) return false;
    at += prefix.length;
    return true;
  };
  const string = (): string | null => {
    if (text.charCodeAt(at) !== QUOTE) return null;
    const close = text.indexOf('"', at + 1);
    if (close < 0 || close > end) return null;
    const value = text.slice(at + 1, close);
    if (value.includes(String.fromCharCode(BACKSLASH))) return null;
    at = close + 1;
    return value;
  };
  for (const name of STRING_FIELDS) {
    const value = field(name) ? string() : null;
    if (value === null) return null;
    head[name] = value;
  }
  for (const name of OPTIONAL_FIELDS) {
    if (at === end) break;
    if (!field(name)) continue;
    const kind = OPTIONAL_KIND[name];
    if (kind === 'string') {
      const value = string();
      if (value === null) return null;
      head[name] = value;
    } else {
      let stop = text.indexOf(',', at);
      if (stop < 0 || stop > end) stop = end;
      const raw = text.slice(at, stop);
      if (kind === 'boolean') {
        if (raw !== 'true' && raw !== 'false') return null;
        head[name] = raw === 'true';
      } else {
        if (!NUMBER.test(raw)) return null;
        head[name] = Number(raw);
      }
      at = stop;
    }
  }
  return at === end && text.charCodeAt(end) === COMMA ? head : null;
}
