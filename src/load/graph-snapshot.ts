import type { EntityRecord, SourceRecord } from '../model';
import { GraphAdjacency, type Adjacency } from './graph-adjacency';
import { entityAttributes, KnowledgeGraph } from './knowledge-graph';
import { RelationshipTable } from './relationship-table';
import { readSnapshotFile, SnapshotIgnored, writeSnapshotFile, type SectionValue } from './snapshot-file';

/**
 * A binary snapshot of a loaded graph: the entities and sources as their records' JSON, the relationship columns, the
 * interned texts and both directions of the adjacency as they are in memory, so that a start reads them back with no
 * parsing per relationship, no validation (they were valid when written) and no rebuilding. `meta`: strings the
 * caller keeps with the graph (the store keeps the records' versions there).
 */

const ADJACENCY_PARTS = ['start', 'edge', 'node', 'runStart', 'runOffset', 'runType'] as const;

function* graphSections(graph: KnowledgeGraph, meta: readonly string[]): Generator<[string, SectionValue]> {
  const compact = graph.compact();
  if (!compact.adjacency.pristine) throw new Error('graph snapshot: the adjacency is not compacted');
  const sources = graph.getAttribute('sources') ?? new Map<string, SourceRecord>();
  yield ['counts', Int32Array.of(compact.nodeCount, compact.table.count, graph.selfLoopCount)];
  yield ['sources', [...sources.values()].map((source) => JSON.stringify(source))];
  yield ['entities', compact.nodeKeys.map((key) => JSON.stringify(graph.getNodeAttributes(key).record))];
  const columns = compact.table.savedColumns();
  yield ['keys', columns.keys];
  for (const name of ['source', 'target', 'type', 'flags', 'lo', 'hi', 'confidence', 'weight', 'extra'] as const) yield [name, columns[name]];
  yield ['extras', columns.extras];
  for (const [direction, adjacency] of [['out', compact.adjacency.out], ['in', compact.adjacency.in_]] as const) {
    for (const part of ADJACENCY_PARTS) yield [`${direction}.${part}`, adjacency[part]];
  }
  yield ['meta', meta];
}

/** Writes a snapshot of `graph` to `path` (atomically), tagged with the state it is of. Returns the file's size. */
export function writeGraphSnapshot(path: string, tag: string, graph: KnowledgeGraph, meta: readonly string[] = []): Promise<number> {
  return writeSnapshotFile(path, tag, graphSections(graph, meta));
}

export interface LoadedSnapshot {
  readonly graph: KnowledgeGraph;
  readonly meta: readonly string[];
}

/**
 * The graph of the snapshot at `path` if it is of the state `tag` (same tag, same format, whole, checksum equal), into
 * `into` (an empty graph) or a new one; throws SnapshotIgnored saying why not. A snapshot that passes the checks but
 * does not fit together (a proxygraph bug) is refused too, and `into` is then left empty.
 */
export function readGraphSnapshot(path: string, tag: string, into: KnowledgeGraph = new KnowledgeGraph()): LoadedSnapshot {
  if (into.order !== 0) throw new Error('readGraphSnapshot: the graph to fill is not empty');
  const sections = readSnapshotFile(path, tag);
  try {
    const get = <T extends SectionValue>(name: string, type: new (...args: never[]) => T): T => {
      const value = sections.get(name);
      if (!(value instanceof type)) throw new SnapshotIgnored(`its section "${name}" is missing`);
      return value;
    };
    const [nodeCount, relationshipCount, selfLoops] = get('counts', Int32Array);
    const entities = get('entities', Array) as string[];
    if (entities.length !== nodeCount) throw new SnapshotIgnored('its entities do not match its counts');
    const sources = new Map<string, SourceRecord>();
    for (const text of get('sources', Array) as string[]) {
      const source = JSON.parse(text) as SourceRecord;
      sources.set(source.id, source);
    }
    into.replaceAttributes({ sources });
    const nodeKeys: string[] = new Array<string>(nodeCount);
    for (let i = 0; i < nodeCount; i++) {
      const record = JSON.parse(entities[i]) as EntityRecord;
      into.addNode(record.id, entityAttributes(record));
      nodeKeys[i] = record.id;
    }
    const table = RelationshipTable.fromColumns({
      keys: get('keys', Array) as string[],
      source: get('source', Int32Array),
      target: get('target', Int32Array),
      type: get('type', Uint8Array),
      flags: get('flags', Uint8Array),
      lo: get('lo', Int32Array),
      hi: get('hi', Int32Array),
      confidence: get('confidence', Float64Array),
      weight: get('weight', Float64Array),
      extra: get('extra', Int32Array),
      extras: get('extras', Array) as string[],
    });
    if (table.count !== relationshipCount) throw new SnapshotIgnored('its relationships do not match its counts');
    const adjacency = (direction: string): Adjacency => {
      const part = <T extends Int32Array | Uint8Array>(name: string, type: new (...args: never[]) => T) => get(`${direction}.${name}`, type);
      const built = { start: part('start', Int32Array), edge: part('edge', Int32Array), node: part('node', Int32Array), runStart: part('runStart', Int32Array), runOffset: part('runOffset', Int32Array), runType: part('runType', Uint8Array) };
      if (built.start.length !== nodeCount + 1 || built.edge.length !== relationshipCount || built.runStart.length !== nodeCount + 1) throw new SnapshotIgnored(`its ${direction} adjacency does not match its counts`);
      return built;
    };
    into.restoreCompacted(nodeKeys, table, new GraphAdjacency(adjacency('out'), adjacency('in'), nodeCount), selfLoops);
    return { graph: into, meta: get('meta', Array) as string[] };
  } catch (error) {
    into.clear();
    into.replaceAttributes({} as never);
    into.restoreCompacted([], new RelationshipTable(), GraphAdjacency.empty(), 0);
    if (error instanceof SnapshotIgnored) throw error;
    throw new SnapshotIgnored(`it does not fit together (${error instanceof Error ? error.message : String(error)})`);
  }
}
