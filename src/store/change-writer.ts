import { ConflictError, type EntityRecord, type RelationshipRecord } from '../model';
import type { Change, RecordChange, RecordKind } from './change';
import type { Sql } from './sql';

const TABLES: Record<RecordKind, string> = { source: 'sources', entity: 'entities', relationship: 'relationships' };
const BATCH = 1000;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The version a created record gets: one more than the last version its id ever had (a deleted record's too). */
function nextVersion(kind: RecordKind): string {
  const kinds = kind === 'source' ? "'source'" : "'entity', 'relationship'";
  return `coalesce((SELECT max(c.version) FROM changes c WHERE c.record_id = r.id AND c.kind IN (${kinds})), 0) + 1`;
}

/** Inserts new records, many per statement, each placed after the last record of its file. Returns their versions. */
async function insertRecords(sql: Sql, kind: RecordKind, changes: readonly RecordChange[]): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (const batch of chunks(changes)) {
    const ids = batch.map((change) => change.id);
    const records = batch.map((change) => json(change.after));
    const next = `(SELECT coalesce(max(ordinal), -1) AS last FROM ${TABLES[kind]}) AS base`;
    let rows: { id: string; version: number }[];
    if (kind === 'source') {
      ({ rows } = await sql.query<{ id: string; version: number }>(
        `INSERT INTO sources (id, version, ordinal, record)
         SELECT r.id, ${nextVersion(kind)}, base.last + r.n, r.record::json
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(id, record, n), ${next}
         RETURNING id, version`,
        [ids, records],
      ));
    } else if (kind === 'entity') {
      ({ rows } = await sql.query<{ id: string; version: number }>(
        `INSERT INTO entities (id, kind, version, ordinal, record)
         SELECT r.id, r.kind, ${nextVersion(kind)}, base.last + r.n, r.record::json
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS r(id, kind, record, n), ${next}
         RETURNING id, version`,
        [ids, batch.map((change) => (change.after as EntityRecord).kind), records],
      ));
    } else {
      const after = batch.map((change) => change.after as RelationshipRecord);
      ({ rows } = await sql.query<{ id: string; version: number }>(
        `INSERT INTO relationships (id, type, source, target, version, ordinal, record)
         SELECT r.id, r.type, r.source, r.target, ${nextVersion(kind)}, base.last + r.n, r.record::json
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS r(id, type, source, target, record, n), ${next}
         RETURNING id, version`,
        [ids, after.map((record) => record.type), after.map((record) => record.source), after.map((record) => record.target), records],
      ));
    }
    for (const row of rows) versions.set(row.id, Number(row.version));
  }
  return versions;
}

async function conflict(sql: Sql, change: RecordChange, expected: number): Promise<ConflictError> {
  const { rows } = await sql.query<{ version: number }>(`SELECT version FROM ${TABLES[change.kind]} WHERE id = $1`, [change.id]);
  return new ConflictError(change.kind, change.id, expected, rows.length > 0 ? Number(rows[0].version) : 0);
}

/** Updates or deletes one record, only if it is still at the version the change was planned from. */
async function updateOrDelete(sql: Sql, change: RecordChange): Promise<void> {
  const table = TABLES[change.kind];
  let result;
  if (change.op === 'delete') {
    result = await sql.query(`DELETE FROM ${table} WHERE id = $1 AND version = $2`, [change.id, change.version]);
    if (result.rowCount !== 1) throw await conflict(sql, change, change.version);
    return;
  }
  const record = json(change.after);
  if (change.kind === 'source') {
    result = await sql.query('UPDATE sources SET version = $2, record = $3::json WHERE id = $1 AND version = $2 - 1', [change.id, change.version, record]);
  } else if (change.kind === 'entity') {
    result = await sql.query('UPDATE entities SET kind = $2, version = $3, record = $4::json WHERE id = $1 AND version = $3 - 1', [change.id, change.after!.kind, change.version, record]);
  } else {
    const after = change.after!;
    result = await sql.query(
      'UPDATE relationships SET type = $2, source = $3, target = $4, version = $5, record = $6::json WHERE id = $1 AND version = $5 - 1',
      [change.id, after.type, after.source, after.target, change.version, record],
    );
  }
  if (result.rowCount !== 1) throw await conflict(sql, change, change.version - 1);
}

/** Appends the changes to the log; returns them as committed, in log order. */
async function appendToLog(sql: Sql, changes: readonly RecordChange[], actor: string, operation: string): Promise<Change[]> {
  const committed: Change[] = [];
  for (const batch of chunks(changes)) {
    const { rows } = await sql.query<{ seq: string | number; at: Date; n: string | number }>(
      `INSERT INTO changes (actor, operation, op, kind, record_id, version, before, after)
       SELECT $1, $2, c.op, c.kind, c.id, c.version, c.before::json, c.after::json
       FROM unnest($3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) WITH ORDINALITY AS c(op, kind, id, version, before, after, n)
       ORDER BY c.n
       RETURNING seq, at`,
      [actor, operation, batch.map((c) => c.op), batch.map((c) => c.kind), batch.map((c) => c.id), batch.map((c) => c.version), batch.map((c) => json(c.before)), batch.map((c) => json(c.after))],
    );
    if (rows.length !== batch.length) throw new Error(`the change log took ${rows.length} of ${batch.length} changes`);
    // Sequence numbers are drawn in the order the rows are inserted, which ORDER BY fixes: sorting them restores it.
    const seqs = rows.map((row) => ({ seq: Number(row.seq), at: new Date(row.at) })).sort((a, b) => a.seq - b.seq);
    batch.forEach((change, index) => committed.push({ ...change, seq: seqs[index].seq, at: seqs[index].at, actor, operation }));
  }
  return committed;
}

/**
 * Writes planned changes in the given order (the planners order them so that every reference holds after each step),
 * and appends them to the change log, in one transaction owned by the caller. A record that is no longer at the
 * version a change was planned from fails the whole transaction with a ConflictError.
 */
export async function writeChanges(sql: Sql, changes: readonly RecordChange[], actor: string, operation: string): Promise<Change[]> {
  const seen = new Set<string>();
  for (const change of changes) {
    const key = `${change.kind}:${change.id}`;
    if (seen.has(key)) throw new Error(`a plan changes ${key} twice`);
    seen.add(key);
  }
  const written: RecordChange[] = [];
  let start = 0;
  while (start < changes.length) {
    const change = changes[start];
    if (change.op === 'create') {
      let end = start;
      while (end < changes.length && changes[end].op === 'create' && changes[end].kind === change.kind) end++;
      const batch = changes.slice(start, end);
      const versions = await insertRecords(sql, change.kind, batch);
      for (const created of batch) written.push({ ...created, version: versions.get(created.id)! });
      start = end;
    } else {
      await updateOrDelete(sql, change);
      written.push(change);
      start++;
    }
  }
  return appendToLog(sql, written, actor, operation);
}
