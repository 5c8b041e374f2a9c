import type { LaidOut, LaidOutDataset } from '../load/write-dataset';
import type { Dataset, EntityRecord, RelationshipRecord, SourceRecord } from '../model';
import type { Change, ChangeOp, RecordKind } from './change';
import type { Sql, SqlDriver, StoreKind } from './sql';

const PAGE = 5000;

/** A record as stored: with its version and its place in its file. */
interface StoredRow {
  readonly id: string;
  readonly version: number;
  readonly ordinal: number;
  readonly heading: string | null;
  readonly record: string;
}

interface ChangeRow {
  seq: string | number;
  at: Date | string;
  actor: string;
  operation: string;
  op: ChangeOp;
  kind: RecordKind;
  record_id: string;
  version: number;
  before: string | null;
  after: string | null;
}

const CHANGE_COLUMNS = 'seq, at, actor, operation, op, kind, record_id, version, before::text AS before, after::text AS after';

function toChange(row: ChangeRow): Change {
  return {
    seq: Number(row.seq),
    at: new Date(row.at),
    actor: row.actor,
    operation: row.operation,
    op: row.op,
    kind: row.kind,
    id: row.record_id,
    version: Number(row.version),
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  } as Change;
}

/** Every row of a table, a page at a time (keyset on the order), inside the caller's transaction. */
async function readTable(sql: Sql, table: string, order: 'id' | 'file'): Promise<StoredRow[]> {
  const rows: StoredRow[] = [];
  const columns = 'id, version, ordinal, heading, record::text AS record';
  let last: StoredRow | undefined;
  for (;;) {
    const page =
      order === 'id'
        ? await sql.query<StoredRow>(`SELECT ${columns} FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${PAGE}`, [last?.id ?? ''])
        : last
          ? await sql.query<StoredRow>(`SELECT ${columns} FROM ${table} WHERE (ordinal, id) > ($1, $2) ORDER BY ordinal, id LIMIT ${PAGE}`, [last.ordinal, last.id])
          : await sql.query<StoredRow>(`SELECT ${columns} FROM ${table} ORDER BY ordinal, id LIMIT ${PAGE}`);
    for (const row of page.rows) rows.push({ ...row, version: Number(row.version), ordinal: Number(row.ordinal) });
    if (page.rows.length < PAGE) return rows;
    last = rows[rows.length - 1];
  }
}

export interface Snapshot {
  readonly dataset: Dataset;
  readonly versions: readonly { kind: RecordKind; id: string; version: number }[];
  /** The last change the snapshot includes. */
  readonly lastSeq: number;
}

export interface MergeRow {
  readonly id: number;
  readonly keep: string;
  readonly merged: string;
  readonly at: Date;
  readonly actor: string;
  readonly undoneAt: Date | null;
  readonly undoneBy: string | null;
  /** The merged entity's name at the time of the merge (it no longer exists while the merge stands). */
  readonly mergedName: string;
  /** How many of its relationships the merge moved, folded or dropped: what unmerge gives back. */
  readonly relationships: number;
}

/** The tables of the store, read and written with plain SQL that PGlite and PostgreSQL both run. */
export class Store {
  constructor(readonly driver: SqlDriver) {}

  get kind(): StoreKind {
    return this.driver.kind;
  }

  /** Every record, with its version, and the last change they include, read from one consistent snapshot. */
  async readSnapshot(within?: Sql): Promise<Snapshot> {
    const read = async (sql: Sql): Promise<Snapshot> => {
        const lastSeq = await this.lastSeq(sql);
        const tables = { source: await readTable(sql, 'sources', 'id'), entity: await readTable(sql, 'entities', 'id'), relationship: await readTable(sql, 'relationships', 'id') };
        const parse = <T>(rows: StoredRow[]) => rows.map((row) => JSON.parse(row.record) as T);
        const versions = (Object.entries(tables) as [RecordKind, StoredRow[]][]).flatMap(([kind, rows]) => rows.map((row) => ({ kind, id: row.id, version: row.version })));
        return {
          dataset: { sources: parse<SourceRecord>(tables.source), entities: parse<EntityRecord>(tables.entity), relationships: parse<RelationshipRecord>(tables.relationship) },
          versions,
          lastSeq,
        };
    };
    return within ? read(within) : this.driver.transaction(read, { snapshot: true });
  }

  /** Every record in the order of its file, with its heading: what an export writes. */
  async readLaidOut(): Promise<LaidOutDataset> {
    return this.driver.transaction(
      async (sql) => {
        const laidOut = async <T>(table: string): Promise<LaidOut<T>[]> =>
          (await readTable(sql, table, 'file')).map((row) => ({ record: JSON.parse(row.record) as T, heading: row.heading }));
        return { sources: await laidOut<SourceRecord>('sources'), entities: await laidOut<EntityRecord>('entities'), relationships: await laidOut<RelationshipRecord>('relationships') };
      },
      { snapshot: true },
    );
  }

  async lastSeq(sql: Sql = this.driver): Promise<number> {
    const { rows } = await sql.query<{ last: string | number | null }>('SELECT max(seq) AS last FROM changes');
    return Number(rows[0]?.last ?? 0);
  }

  /** True when nothing was ever stored (no change was ever made): the time to import the seed dataset. */
  async isPristine(sql: Sql = this.driver): Promise<boolean> {
    const { rows } = await sql.query('SELECT 1 FROM changes LIMIT 1');
    return rows.length === 0;
  }

  /** Changes after `since`, in log order, at most `limit`. */
  async changesSince(since: number, limit: number, sql: Sql = this.driver): Promise<Change[]> {
    const { rows } = await sql.query<ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2`, [since, limit]);
    return rows.map(toChange);
  }

  /** The changes of one record (entity or relationship; or source, same id namespace in the log), oldest first. */
  async history(id: string, kinds: readonly RecordKind[], limit: number): Promise<Change[]> {
    const { rows } = await this.driver.query<ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM changes WHERE record_id = $1 AND kind = ANY($2::text[]) ORDER BY seq LIMIT $3`,
      [id, kinds, limit],
    );
    return rows.map(toChange);
  }

  /**
   * Places records in their files: `ids` in this order first, with these headings, then every other record in its
   * previous order. Presentation only: not a change of the records.
   */
  async setLayout(sql: Sql, kind: RecordKind, ids: readonly string[], headings: readonly (string | null)[]): Promise<void> {
    const table = kind === 'source' ? 'sources' : kind === 'entity' ? 'entities' : 'relationships';
    const { rows } = await sql.query<{ id: string; ordinal: string | number; heading: string | null }>(`SELECT id, ordinal, heading FROM ${table} ORDER BY ordinal, id`);
    const placed = new Map(ids.map((id, index) => [id, { ordinal: index, heading: headings[index] ?? null }]));
    let next = ids.length;
    for (const row of rows) if (!placed.has(row.id)) placed.set(row.id, { ordinal: next++, heading: row.heading });
    const current = new Map(rows.map((row) => [row.id, row]));
    const moved = [...placed].filter(([id, place]) => {
      const row = current.get(id);
      return row && (Number(row.ordinal) !== place.ordinal || row.heading !== place.heading);
    });
    for (let start = 0; start < moved.length; start += 1000) {
      const batch = moved.slice(start, start + 1000);
      await sql.query(
        `UPDATE ${table} AS t SET ordinal = v.ordinal, heading = v.heading
         FROM unnest($1::text[], $2::bigint[], $3::text[]) AS v(id, ordinal, heading) WHERE t.id = v.id`,
        [batch.map(([id]) => id), batch.map(([, place]) => place.ordinal), batch.map(([, place]) => place.heading)],
      );
    }
  }

  async merges(entity: string | null, limit: number): Promise<MergeRow[]> {
    const { rows } = await this.driver.query<{ id: string; keep: string; merged: string; at: Date; actor: string; undone_at: Date | null; undone_by: string | null; merged_name: string | null; relationships: number | string }>(
      `SELECT id, keep, merged, at, actor, undone_at, undone_by, undo->'merged'->>'name' AS merged_name,
              json_array_length(undo->'repointed') + json_array_length(undo->'combined') + json_array_length(undo->'dropped') AS relationships
       FROM merges WHERE $1::text IS NULL OR keep = $1 OR merged = $1 ORDER BY id DESC LIMIT $2`,
      [entity, limit],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      keep: row.keep,
      merged: row.merged,
      at: new Date(row.at),
      actor: row.actor,
      undoneAt: row.undone_at && new Date(row.undone_at),
      undoneBy: row.undone_by,
      mergedName: row.merged_name ?? row.merged,
      relationships: Number(row.relationships),
    }));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
