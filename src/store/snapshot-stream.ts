import { GraphBuilder, type KnowledgeGraph } from '../load';
import type { EntityRecord, SourceRecord } from '../model';
import type { RecordKind } from './change';
import { versionsOf } from './record-versions';
import type { Sql } from './sql';

/** Rows per page: a page of relationships as COPY text is about 20 MB, parsed and dropped before the next. */
const PAGE = 100_000;

/** A stored row as the graph needs it: id, version and the record's JSON text. */
type Row = readonly [id: string, version: number, record: string];

/** Undoes COPY's text-format escaping of one field (JSON text only ever has backslashes to undo). */
function unescapeCopy(field: string): string {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'v' ? '\v' : c));
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Every row of a table in id order, a page at a time (keyset on the primary key), handed to `take` and then dropped,
 * inside the caller's transaction. On PGlite a page travels as one COPY text (Sql.copyOut), several times faster than
 * rows parsed one by one; on PostgreSQL it is an ordinary query.
 */
async function readRows(sql: Sql, table: string, pageSize: number, take: (rows: readonly Row[]) => void): Promise<void> {
  let last = '';
  for (;;) {
    let rows: Row[];
    if (sql.copyOut) {
      const text = await sql.copyOut(`SELECT id, version, record FROM ${table} WHERE id > ${literal(last)} ORDER BY id LIMIT ${pageSize}`);
      rows = [];
      // Three tab-separated fields a line, cut in place: no array per line, no copy of the page's lines.
      for (let start = 0; start < text.length; ) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const firstTab = text.indexOf('\t', start);
        const secondTab = text.indexOf('\t', firstTab + 1);
        if (end > start) {
          if (firstTab < 0 || secondTab < 0 || secondTab > end) throw new Error(`${table}: a COPY line of other than three fields: ${text.slice(start, Math.min(end, start + 80))}`);
          rows.push([unescapeCopy(text.slice(start, firstTab)), Number(text.slice(firstTab + 1, secondTab)), unescapeCopy(text.slice(secondTab + 1, end))]);
        }
        start = end + 1;
      }
    } else {
      const page = await sql.query<{ id: string; version: number | string; record: string }>(
        `SELECT id, version, record::text AS record FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${pageSize}`,
        [last],
      );
      rows = page.rows.map((row) => [row.id, Number(row.version), row.record]);
    }
    take(rows);
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1][0];
  }
}

/**
 * Fills an empty graph from the store, in one consistent snapshot (the caller's REPEATABLE READ transaction): sources,
 * entities, then relationships, each page straight into the graph's columns (load/graph-builder.ts), so the records
 * are never all in memory at once. Sets the versions of the records (only those past 1 are kept). Returns the last
 * change of the log the graph includes.
 */
export async function loadGraphFromStore(sql: Sql, graph: KnowledgeGraph, pageSize = PAGE): Promise<number> {
  const { rows } = await sql.query<{ last: string | number | null }>('SELECT max(seq) AS last FROM changes');
  const lastSeq = Number(rows[0]?.last ?? 0);
  const builder = new GraphBuilder(graph);
  const versions = versionsOf(graph);
  versions.clear();
  const later: [RecordKind, string, number][] = [];
  const each = (kind: RecordKind, add: (record: string) => boolean) => (page: readonly Row[]) => {
    for (const [id, version, record] of page) {
      if (!add(record)) throw new Error(`the store holds ${kind} "${id}" twice, or a relationship whose entity is missing`);
      if (version !== 1) later.push([kind, id, version]);
    }
  };
  await readRows(sql, 'sources', pageSize, each('source', (record) => (builder.addSource(JSON.parse(record) as SourceRecord), true)));
  await readRows(sql, 'entities', pageSize, each('entity', (record) => builder.addEntity(JSON.parse(record) as EntityRecord)));
  await readRows(sql, 'relationships', pageSize, each('relationship', (record) => builder.addRelationshipJson(record)));
  builder.finish();
  for (const [kind, id, version] of later) versions.set(kind, id, version);
  return lastSeq;
}
