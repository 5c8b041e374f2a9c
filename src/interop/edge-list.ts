import type { RawRecord } from '../load';
import { isSafeId, type Dataset, type EntityKind, type Problem, type RelationType } from '../model';
import { baseName, fileSource } from './import-source';
import { DEFAULT_IMPORT_OPTIONS, placeAt, RawDatasetBuilder, type ExportedFiles, type ImportOptions, type ImportResult, type InputFile } from './interop-types';
import { entityIdFor, generatedRelationshipId, slugify } from './safe-ids';

/*
 * Edge lists, for bulk graphs (SNAP, LDBC Graphalytics, KONECT): one edge per line, `source target [weight]`,
 * separated by spaces or tabs; `#` or `%` starts a comment line; a line with a single id declares a node (so vertex
 * files such as LDBC's *.v import too); columns after the weight are ignored (with a note).
 * The adjacency-list variant reads `v n1 n2 ...` (one edge v → ni for each neighbour), as LDBC's BFS inputs are written.
 *
 * Every node becomes an entity of one kind (--kind, default ORGANIZATION) named by its original token, with a safe id
 * (safe-ids.ts: "12345" stays "12345", "0.0" becomes "0-0-<hash>"); every edge a relationship of one type (--type,
 * default ALLIED_WITH) with id "edge-<file>-<line>", the weight as `weight`, and one evidence item citing the file
 * (source "import-<file>", locator "line N"). Lines are read one at a time, so a reader over a stream holds only the
 * node ids, never the text.
 */

export type EdgeListVariant = 'edge-list' | 'adjacency-list';

/** Where the reader sends what it reads. */
export interface EdgeListSink {
  source(record: RawRecord): void;
  entity(record: RawRecord): void;
  relationship(record: RawRecord): void;
  problem(problem: Problem): void;
  note(note: string): void;
}

/**
 * Node ids seen so far, shared by all files of one import: one string per node, plus the token for mapped ones.
 * Two different tokens never get one id: a literal token equal to another token's mapped id is a collision.
 */
export class NodeIds {
  private readonly seen = new Set<string>();
  private readonly mapped = new Map<string, string>();
  private readonly hashed = new Set<string>();
  private readonly literal = new Set<string>();

  get size(): number {
    return this.seen.size;
  }

  /** The id of a token, whether it is new, and whether it collides with a different token's id. */
  resolve(token: string): { id: string; isNew: boolean; collision: boolean } {
    const known = this.mapped.get(token);
    if (known !== undefined) return { id: known, isNew: false, collision: false };
    const id = entityIdFor(token);
    const isNew = !this.seen.has(id);
    let collision: boolean;
    if (id === token) {
      collision = this.hashed.has(id);
      if (isNew) this.literal.add(id);
    } else {
      this.mapped.set(token, id);
      collision = this.literal.has(id);
      this.hashed.add(id);
    }
    this.seen.add(id);
    return { id, isNew, collision };
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** Ids already in the dataset merged into: met again, they are reused, not created twice. */
  addExisting(id: string): void {
    this.seen.add(id);
  }
}

const WEIGHT_PATTERN = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Reads one file's lines, one call per line; `finish` after the last. */
export class EdgeListReader {
  private readonly kind: EntityKind;
  private readonly type: RelationType;
  private readonly sourceId: string;
  private readonly fileSlug: string;
  private extraColumnsNoted = false;
  private sourceSent = false;
  relationships = 0;

  constructor(
    private readonly file: string,
    private readonly sink: EdgeListSink,
    private readonly nodes: NodeIds = new NodeIds(),
    options: ImportOptions = {},
    private readonly variant: EdgeListVariant = 'edge-list',
  ) {
    this.kind = options.kind ?? DEFAULT_IMPORT_OPTIONS.kind;
    this.type = options.type ?? DEFAULT_IMPORT_OPTIONS.type;
    this.sourceId = fileSource(file).id;
    this.fileSlug = slugify(baseName(file), 60) || 'file';
  }

  line(text: string, lineNumber: number): void {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed[0] === '#' || trimmed[0] === '%') return;
    const tokens = trimmed.split(/\s+/);
    const first = this.node(tokens[0], lineNumber);
    if (this.variant === 'adjacency-list') {
      for (let index = 1; index < tokens.length; index++) this.edge(first, this.node(tokens[index], lineNumber), undefined, lineNumber, index);
      return;
    }
    if (tokens.length === 1) return;
    const second = this.node(tokens[1], lineNumber);
    if (tokens.length > 3 && !this.extraColumnsNoted) {
      this.extraColumnsNoted = true;
      this.sink.note(`${this.file}:${lineNumber}: columns after "source target weight" are ignored`);
    }
    this.edge(first, second, tokens[2], lineNumber, 0);
  }

  private node(token: string, lineNumber: number): string {
    const { id, isNew, collision } = this.nodes.resolve(token);
    if (collision) {
      this.sink.problem({ code: 'ID_COLLISION', file: this.file, line: lineNumber, record: id, message: `node "${token}" has the id another node's token was mapped to`, hint: 'rename one of the two nodes in the file' });
    }
    if (isNew) this.sink.entity({ value: { id, kind: this.kind, name: token }, place: placeAt(this.file, lineNumber) });
    return id;
  }

  private edge(source: string, target: string, weight: string | undefined, lineNumber: number, position: number): void {
    if (!this.sourceSent) {
      this.sourceSent = true;
      this.sink.source({ value: fileSource(this.file), place: placeAt(this.file, lineNumber) });
    }
    const id = position === 0 ? generatedRelationshipId(this.fileSlug, lineNumber) : generatedRelationshipId(this.fileSlug, lineNumber, position);
    const value: Record<string, unknown> = { id, type: this.type, source, target };
    if (weight !== undefined) value.weight = WEIGHT_PATTERN.test(weight) ? Number(weight) : weight;
    value.evidence = [{ source: this.sourceId, locator: position === 0 ? `line ${lineNumber}` : `line ${lineNumber} item ${position}` }];
    this.relationships++;
    this.sink.relationship({ value, place: placeAt(this.file, lineNumber) });
  }
}

/** Splits text into lines without holding a second copy (for in-memory reads; streams use readline). */
function forEachLine(text: string, visit: (line: string, lineNumber: number) => void): void {
  let start = 0;
  let lineNumber = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (!(end === text.length && line === '')) visit(line, lineNumber);
    start = end + 1;
    lineNumber++;
  }
}

/** Reads edge-list (or adjacency-list) files held in memory. */
export function readEdgeList(files: readonly InputFile[], options: ImportOptions = {}, variant: EdgeListVariant = 'edge-list'): ImportResult {
  const result = new RawDatasetBuilder();
  const nodes = new NodeIds();
  const sink: EdgeListSink = {
    source: (record) => result.sources.push(record),
    entity: (record) => result.entities.push(record),
    relationship: (record) => result.relationships.push(record),
    problem: (problem) => result.problems.push(problem),
    note: (note) => result.notes.push(note),
  };
  for (const file of files) {
    const reader = new EdgeListReader(file.name, sink, nodes, options, variant);
    forEachLine(file.text, (line, lineNumber) => reader.line(line, lineNumber));
  }
  return result.result();
}

export const readAdjacencyList = (files: readonly InputFile[], options: ImportOptions = {}) => readEdgeList(files, options, 'adjacency-list');

/**
 * The dataset as an edge list: a comment header, then `source target weight` per relationship (weight 1 when absent),
 * in the dataset's order. Only the structure: kinds, types, dates and evidence are left out (use CSV or JSON for those).
 */
export function writeEdgeList(dataset: Dataset): ExportedFiles {
  const lines = [`# proxygraph edge list: ${dataset.entities.length} nodes, ${dataset.relationships.length} edges`, '# source target weight'];
  const linked = new Set<string>();
  for (const relationship of dataset.relationships) {
    linked.add(relationship.source).add(relationship.target);
    lines.push(`${relationship.source} ${relationship.target} ${relationship.weight ?? 1}`);
  }
  // Nodes without edges are declared on lines of their own, so the node count survives the round trip.
  for (const entity of dataset.entities) if (!linked.has(entity.id) && isSafeId(entity.id)) lines.push(entity.id);
  return { 'edges.txt': `${lines.join('\n')}\n` };
}
