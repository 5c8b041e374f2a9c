import { GraphBuilder, type KnowledgeGraph } from '../load';
import { EXTRA_VERBATIM } from '../load/relationship-codec';
import type { EntityRecord, SourceRecord } from '../model';
import type { RecordKind } from './change';
import { copyRowCount, forEachCopyRow, lastCopyId } from './copy-text';
import { versionsOf } from './record-versions';
import { packRelationshipPage, packRelationshipRows, type RelationshipPage } from './relationship-page';
import { RelationshipPageWorker } from './relationship-pages';
import type { Sql } from './sql';

/** Rows per page: a page of relationships as COPY text is about 20 MB, parsed and dropped before the next. */
const PAGE = 100_000;

export interface StoreReadOptions {
  /**
   * Encode the relationships' pages in a worker thread while this thread reads the next page and builds the graph:
   * 'auto' (the default) when the store has the COPY fast path (PGlite) and more than one page of relationships.
   */
  readonly worker?: boolean | 'auto';
  /** The worker's heap limit in MB; past it the worker, and the load, fail. */
  readonly workerHeapMb?: number;
}

/** A stored row as the graph needs it: id, version and the record's JSON text. */
type Row = readonly [id: string, version: number, record: string];
type Later = [RecordKind, string, number][];

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const decoder = new TextDecoder();
const pageSelect = (table: string, after: string, pageSize: number) => `SELECT id, version, record FROM ${table} WHERE id > ${literal(after)} ORDER BY id LIMIT ${pageSize}`;

/** A page of rows from a PostgreSQL server (no COPY fast path): an ordinary query. */
async function queryPage(sql: Sql, table: string, after: string, pageSize: number): Promise<Row[]> {
  const page = await sql.query<{ id: string; version: number | string; record: string }>(
    `SELECT id, version, record::text AS record FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${pageSize}`,
    [after],
  );
  return page.rows.map((row) => [row.id, Number(row.version), row.record]);
}

/**
 * Every row of a table in id order, a page at a time (keyset on the primary key), handed to `take` and then dropped,
 * inside the caller's transaction. On PGlite a page travels as one COPY text (Sql.copyOut), several times faster than
 * rows parsed one by one; on PostgreSQL it is an ordinary query.
 */
async function readRows(sql: Sql, table: string, pageSize: number, take: (id: string, version: number, record: string) => void): Promise<void> {
  for (let last = ''; ; ) {
    if (sql.copyOut) {
      const bytes = await sql.copyOut(pageSelect(table, last, pageSize));
      forEachCopyRow(decoder.decode(bytes), table, take);
      if (copyRowCount(bytes) < pageSize) return;
      last = lastCopyId(bytes);
    } else {
      const rows = await queryPage(sql, table, last, pageSize);
      for (const [id, version, record] of rows) take(id, version, record);
      if (rows.length < pageSize) return;
      last = rows[rows.length - 1][0];
    }
  }
}

/** Adds a page of encoded relationships to the graph, in order. */
function addPage(graph: KnowledgeGraph, page: RelationshipPage, later: Later): void {
  const table = graph.table;
  const refs = page.extras.map((text) => table.intern(text));
  for (let i = 0; i < page.count; i++) {
    const extra = page.extra[i];
    if (!graph.loadEncoded(page, i, page.source[i], page.target[i], refs[extra & ~EXTRA_VERBATIM] | (extra & EXTRA_VERBATIM))) {
      throw new Error(`the store's relationships table holds "${page.keys[i]}" twice, or an entity of that id`);
    }
  }
  for (let j = 0; j < page.versions.length; j += 2) later.push(['relationship', page.keys[page.versions[j]], page.versions[j + 1]]);
}

/**
 * The relationships, page after page. With the worker, PGlite (in this thread) reads page k + 1 and this thread adds
 * page k - 1 to the graph while the worker encodes page k: the two cores work at once.
 */
async function readRelationships(sql: Sql, graph: KnowledgeGraph, pageSize: number, options: StoreReadOptions, later: Later): Promise<void> {
  const numbers = graph.nodeNumbers;
  if (!sql.copyOut) {
    for (let last = ''; ; ) {
      const rows = await queryPage(sql, 'relationships', last, pageSize);
      addPage(graph, packRelationshipRows(rows, numbers), later);
      if (rows.length < pageSize) return;
      last = rows[rows.length - 1][0];
    }
  }
  const copyOut = sql.copyOut.bind(sql);
  let bytes = await copyOut(pageSelect('relationships', '', pageSize));
  const full = (page: Uint8Array) => copyRowCount(page) >= pageSize;
  if (options.worker === false || (options.worker !== true && !full(bytes))) {
    for (;;) {
      addPage(graph, packRelationshipPage(decoder.decode(bytes), numbers), later);
      if (!full(bytes)) return;
      bytes = await copyOut(pageSelect('relationships', lastCopyId(bytes), pageSize));
    }
  }
  const worker = new RelationshipPageWorker(graph.nodeKeys, options.workerHeapMb);
  try {
    let pending: Promise<RelationshipPage> | null = null;
    for (;;) {
      const after = full(bytes) ? lastCopyId(bytes) : null;
      const encoded = worker.encode(bytes);
      if (pending) addPage(graph, await pending, later);
      pending = encoded;
      if (after === null) break;
      bytes = await copyOut(pageSelect('relationships', after, pageSize));
    }
    addPage(graph, await pending, later);
  } finally {
    await worker.stop();
  }
}

function parsed<T>(table: string, id: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new Error(`the store's ${table} table, row "${id}": its record is not JSON (${(error as Error).message}); the graph was not loaded (repair or remove that row)`);
  }
}

/**
 * Fills an empty graph from the store, in one consistent snapshot (the caller's REPEATABLE READ transaction): sources,
 * entities, then relationships, each page straight into the graph's columns (load/graph-builder.ts), so the records
 * are never all in memory at once. Sets the versions of the records (only those past 1 are kept). Returns the last
 * change of the log the graph includes. A bad row fails the load with the table and row named.
 */
export async function loadGraphFromStore(sql: Sql, graph: KnowledgeGraph, pageSize = PAGE, options: StoreReadOptions = {}): Promise<number> {
  const { rows } = await sql.query<{ last: string | number | null }>('SELECT max(seq) AS last FROM changes');
  const lastSeq = Number(rows[0]?.last ?? 0);
  const builder = new GraphBuilder(graph);
  const versions = versionsOf(graph);
  versions.clear();
  const later: Later = [];
  const keep = (kind: RecordKind, id: string, version: number) => version !== 1 && later.push([kind, id, version]);
  await readRows(sql, 'sources', pageSize, (id, version, record) => {
    builder.addSource(parsed<SourceRecord>('sources', id, record));
    keep('source', id, version);
  });
  await readRows(sql, 'entities', pageSize, (id, version, record) => {
    if (!builder.addEntity(parsed<EntityRecord>('entities', id, record))) throw new Error(`the store's entities table holds "${id}" twice`);
    keep('entity', id, version);
  });
  await readRelationships(sql, graph, pageSize, options, later);
  builder.finish();
  for (const [kind, id, version] of later) versions.set(kind, id, version);
  return lastSeq;
}
