import { Composer, isMap, isSeq, LineCounter, Parser, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from '../model';
import { DEFAULT_INPUT_LIMITS, inputLimitsFromEnv, readFileBounded, type InputLimits } from './bounded-read';

/** Where one record sits in its file: the item's line and each field's line. */
export interface RecordPlace {
  readonly file?: string;
  readonly line?: number;
  fieldLine(field: string): number | undefined;
}

export interface RawRecord {
  readonly value: unknown;
  readonly place: RecordPlace;
}

export interface ReadResult {
  readonly records: RawRecord[];
  readonly problems: Problem[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Largest data file read by default, in bytes (PROXYGRAPH_MAX_FILE_BYTES): past it the file is refused while it is read. */
export const MAX_FILE_BYTES = DEFAULT_INPUT_LIMITS.maxFileBytes;
/** Deepest nesting of YAML collections accepted; records need 4. The yaml composer recurses, so deeper input could exhaust the stack. */
export const MAX_YAML_NESTING = 64;
/** Most alias expansions a record may cause (yaml's maxAliasCount): a "billion laughs" file stops here. */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Decodes bytes as strict UTF-8, reporting the first invalid byte's line. */
function decode(file: string, bytes: Buffer): { text?: string; problem?: Problem } {
  if (bytes.length === 0) return { problem: { code: 'FILE_EMPTY', file, message: 'the file is empty', hint: 'write a YAML list of records, or `[]` for none' } };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { problem: { code: 'FILE_BOM', file, line: 1, message: 'the file starts with a UTF-8 byte order mark', hint: 'save it as UTF-8 without BOM' } };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    return { problem: { code: 'FILE_ENCODING', file, line, message: `invalid UTF-8 at byte ${bad}`, hint: 're-save the file as UTF-8' } };
  }
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode (a prefix cut mid-character also fails, so check with `stream`).
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}

/**
 * Reads a YAML file holding a list of records, keeping the line of every record and field. Never throws on bad
 * content. Only regular files are read, and at most `limits.maxFileBytes` of them (counted while reading).
 */
export function readYamlRecords(file: string, displayName = file, limits: Pick<InputLimits, 'maxFileBytes'> = inputLimitsFromEnv()): ReadResult {
  const { bytes, refusal } = readFileBounded(file, limits.maxFileBytes, 'maxFileBytes');
  if (refusal) {
    const hint = refusal.code === 'FILE_MISSING' ? 'every dataset directory holds sources.yaml, entities.yaml and relationships.yaml' : refusal.hint;
    return { records: [], problems: [{ code: refusal.code, file: displayName, message: refusal.message, hint }] };
  }
  const { text, problem } = decode(displayName, bytes!);
  if (problem) return { records: [], problems: [problem] };
  return parseYamlRecords(text!, displayName);
}

type CstToken = ReturnType<Parser['parse']> extends Iterable<infer T> ? T : never;

/**
 * The offset of the first collection nested deeper than `max`, found without recursion on the concrete syntax tree
 * (yaml's CST parser keeps its own stack; its composer, which builds documents, recurses and can exhaust the call stack,
 * and V8 has been seen to abort the whole process rather than throw when that happens in the middle of a regular expression).
 */
function tooDeepAt(tokens: readonly CstToken[], max: number): number | undefined {
  const stack: { token: unknown; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (typeof token !== 'object' || token === null) continue;
    const node = token as { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
    if (node.type === 'document') stack.push({ token: node.value, depth });
    else if (node.type === 'block-map' || node.type === 'block-seq' || node.type === 'flow-collection') {
      if (depth >= max) return node.offset ?? 0;
      for (const item of node.items ?? []) {
        if (item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

export function parseYamlRecords(text: string, file?: string): ReadResult {
  const lines = new LineCounter();
  const lineAt = (offset: number) => lines.linePos(offset);
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const deep = tooDeepAt(tokens, MAX_YAML_NESTING);
  if (deep !== undefined) {
    const pos = lineAt(deep);
    return { records: [], problems: [{ code: 'FILE_TOO_DEEP', file, line: pos.line, column: pos.col, message: `YAML collections are nested more than ${MAX_YAML_NESTING} deep here`, hint: 'records are flat maps with lists of maps at most; remove the extra nesting' }] };
  }
  const documents: Document.Parsed[] = Array.from(new Composer({ uniqueKeys: true, prettyErrors: false, strict: true }).compose(tokens, true, text.length));
  if (documents.length > 1) {
    const pos = lineAt(documents[1].range[0]);
    return { records: [], problems: [{ code: 'FILE_SYNTAX', file, line: pos.line, column: pos.col, message: 'the file holds more than one YAML document', hint: 'remove the "---" or "..." separator: a file is one list of records' }] };
  }
  const document = documents[0];
  if (!document) return { records: [], problems: [{ code: 'FILE_EMPTY', file, line: 1, message: 'the file holds no records', hint: 'write a YAML list of records, or `[]` for none' }] };
  if (document.errors.length > 0) {
    return {
      records: [],
      problems: document.errors.map((error) => {
        const pos = lineAt(error.pos[0]);
        return { code: 'FILE_SYNTAX', file, line: pos.line, column: pos.col, message: `YAML ${error.code}: ${error.message.split('\n')[0]}`, hint: 'fix the YAML syntax at this position' };
      }),
    };
  }
  const root = document.contents;
  if (root === null) return { records: [], problems: [{ code: 'FILE_EMPTY', file, line: 1, message: 'the file holds no records', hint: 'write a YAML list of records, or `[]` for none' }] };
  if (!isSeq(root)) {
    return { records: [], problems: [{ code: 'FILE_SHAPE', file, line: lineAt(root.range?.[0] ?? 0).line, message: 'the file must be a YAML list of records', hint: 'start each record with "- "' }] };
  }
  const records: RawRecord[] = [];
  for (const item of root.items) {
    const node = item as YamlNode;
    const line = lineAt(node.range?.[0] ?? 0).line;
    const fieldLines = new Map<string, number>();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode & { value?: unknown };
        if (key?.range) fieldLines.set(String(key.value), lineAt(key.range[0]).line);
      }
    }
    const place: RecordPlace = { file, line, fieldLine: (field) => fieldLines.get(field) ?? line };
    // toJS with the document resolves aliases (node.toJSON() alone turns `*x` into { source: "x" }) and counts their
    // expansions; yaml throws a ReferenceError past maxAliasCount.
    let value: unknown;
    try {
      value = node.toJS(document, { maxAliasCount: MAX_YAML_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      return { records: [], problems: [{ code: 'FILE_ALIASES', file, line, message: `YAML aliases in this record expand more than ${MAX_YAML_ALIAS_COUNT} times (${error.message})`, hint: 'write the values out instead of nesting aliases of aliases' }] };
    }
    records.push({ value, place });
  }
  return { records, problems: [] };
}
