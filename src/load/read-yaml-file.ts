import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Problem } from '../model';

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

/** Reads a YAML file holding a list of records, keeping the line of every record and field. Never throws on bad content. */
export function readYamlRecords(file: string, displayName = file): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { records: [], problems: [{ code: 'FILE_MISSING', file: displayName, message: code === 'ENOENT' ? 'the file does not exist' : `cannot read the file (${code})`, hint: 'every dataset directory holds sources.yaml, entities.yaml and relationships.yaml' }] };
  }
  const { text, problem } = decode(displayName, bytes);
  if (problem) return { records: [], problems: [problem] };
  return parseYamlRecords(text!, displayName);
}

export function parseYamlRecords(text: string, file?: string): ReadResult {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => lines.linePos(offset);
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
  const records = root.items.map((item) => {
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
    return { value: node.toJSON(), place };
  });
  return { records, problems: [] };
}
