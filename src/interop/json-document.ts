import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Problem } from '../model';
import { placeAt } from './interop-types';
import type { RawRecord } from '../load';

/**
 * A JSON document read with the line of every value (JSON is YAML 1.2, so the yaml library's parser gives each node
 * its position), so records read from JSON report problems at file:line like the YAML data files do.
 */
export class JsonDocument {
  private constructor(
    readonly file: string,
    readonly root: YamlNode | null,
    private readonly lines: LineCounter,
  ) {}

  static parse(text: string, file: string): { document?: JsonDocument; problems: Problem[] } {
    const lines = new LineCounter();
    const parsed = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true, schema: 'json' });
    if (parsed.errors.length > 0) {
      return {
        problems: parsed.errors.slice(0, 20).map((error) => {
          const pos = lines.linePos(error.pos[0]);
          return { code: 'FILE_SYNTAX', file, line: pos.line, column: pos.col, message: `JSON: ${error.message.split('\n')[0]}`, hint: 'fix the JSON syntax at this position' };
        }),
      };
    }
    return { document: new JsonDocument(file, parsed.contents as YamlNode | null, lines), problems: [] };
  }

  lineOf(node: YamlNode | null | undefined): number | undefined {
    return node?.range ? this.lines.linePos(node.range[0]).line : undefined;
  }

  /** The node under `key` of a map node. */
  get(map: YamlNode | null | undefined, key: string): YamlNode | undefined {
    if (!isMap(map)) return undefined;
    const pair = (map as YAMLMap<YamlNode, YamlNode>).items.find((item) => (item.key as { value?: unknown })?.value === key);
    return (pair?.value ?? undefined) as YamlNode | undefined;
  }

  items(node: YamlNode | null | undefined): YamlNode[] {
    return isSeq(node) ? (node.items as YamlNode[]) : [];
  }

  isMap(node: YamlNode | null | undefined): boolean {
    return isMap(node);
  }

  isSeq(node: YamlNode | null | undefined): boolean {
    return isSeq(node);
  }

  value(node: YamlNode | null | undefined): unknown {
    return node ? node.toJSON() : undefined;
  }

  /** A record: the node's value, at the node's line, each field at its own line. */
  record(node: YamlNode, value: unknown = node.toJSON()): RawRecord {
    const fieldLines = new Map<string, number>();
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode & { value?: unknown };
        const line = this.lineOf(key);
        if (line !== undefined) fieldLines.set(String(key.value), line);
      }
    }
    return { value, place: placeAt(this.file, this.lineOf(node), fieldLines) };
  }

  shapeProblem(node: YamlNode | null | undefined, message: string, hint?: string): Problem {
    return { code: 'FILE_SHAPE', file: this.file, line: this.lineOf(node) ?? 1, message, hint };
  }
}
