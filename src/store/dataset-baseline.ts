import { createHash } from 'node:crypto';
import type { Dataset } from '../model';
import type { RecordKind } from './change';
import type { Sql } from './sql';

/** What the store recorded of a dataset directory when it last imported it. */
export interface BaselineHeader {
  readonly id: number;
  /** "graph/" for the shipped dataset, else the directory's absolute path. */
  readonly dataset: string;
  readonly directory: string;
  readonly contentHash: string;
  readonly importedAt: Date;
}

export interface Baseline extends BaselineHeader {
  /** The hash of each record as the files held it, by `kind:id`. */
  readonly records: ReadonlyMap<string, string>;
}

const BATCH = 5000;

/** JSON with keys sorted at every level: records equal as values hash equal, whatever order their fields came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short hash of a record's content. */
export function recordHash(record: object): string {
  return createHash('sha256').update(canonicalJson(record)).digest('hex').slice(0, 32);
}

export const recordKey = (kind: RecordKind, id: string) => `${kind}:${id}`;

/** Every record of a dataset as `[kind, id, hash]`. */
export function datasetRecordHashes(dataset: Dataset): [RecordKind, string, string][] {
  return [
    ...dataset.sources.map((record): [RecordKind, string, string] => ['source', record.id, recordHash(record)]),
    ...dataset.entities.map((record): [RecordKind, string, string] => ['entity', record.id, recordHash(record)]),
    ...dataset.relationships.map((record): [RecordKind, string, string] => ['relationship', record.id, recordHash(record)]),
  ];
}

interface HeaderRow {
  id: number;
  dataset: string;
  directory: string;
  content_hash: string;
  imported_at: Date | string;
}

const toHeader = (row: HeaderRow): BaselineHeader => ({ id: Number(row.id), dataset: row.dataset, directory: row.directory, contentHash: row.content_hash, importedAt: new Date(row.imported_at) });

/** Every dataset the store imported, oldest first. */
export async function readBaselineHeaders(sql: Sql): Promise<BaselineHeader[]> {
  const { rows } = await sql.query<HeaderRow>('SELECT id, dataset, directory, content_hash, imported_at FROM dataset_imports ORDER BY id');
  return rows.map(toHeader);
}

/** What the store recorded of `dataset`, with its record hashes; null when it never imported it. */
export async function readBaseline(sql: Sql, dataset: string): Promise<Baseline | null> {
  const { rows } = await sql.query<HeaderRow>('SELECT id, dataset, directory, content_hash, imported_at FROM dataset_imports WHERE dataset = $1', [dataset]);
  if (rows.length === 0) return null;
  const header = toHeader(rows[0]);
  const records = new Map<string, string>();
  let last = { kind: '', id: '' };
  for (;;) {
    const page = await sql.query<{ kind: RecordKind; id: string; hash: string }>(
      `SELECT kind, id, hash FROM dataset_records WHERE import_id = $1 AND (kind, id) > ($2, $3) ORDER BY kind, id LIMIT ${BATCH}`,
      [header.id, last.kind, last.id],
    );
    for (const row of page.rows) records.set(recordKey(row.kind, row.id), row.hash);
    if (page.rows.length < BATCH) return { ...header, records };
    last = page.rows[page.rows.length - 1];
  }
}

/** Records that `dataset` was imported from `directory`, whose files hash to `contentHash` and hold `records`. */
export async function writeBaseline(sql: Sql, dataset: string, directory: string, contentHash: string, records: Dataset): Promise<void> {
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO dataset_imports (dataset, directory, content_hash, seq) VALUES ($1, $2, $3, (SELECT coalesce(max(seq), 0) FROM changes))
     ON CONFLICT (dataset) DO UPDATE SET directory = EXCLUDED.directory, content_hash = EXCLUDED.content_hash, imported_at = now(), seq = EXCLUDED.seq
     RETURNING id`,
    [dataset, directory, contentHash],
  );
  const id = Number(rows[0].id);
  await sql.query('DELETE FROM dataset_records WHERE import_id = $1', [id]);
  const hashes = datasetRecordHashes(records);
  for (let start = 0; start < hashes.length; start += BATCH) {
    const batch = hashes.slice(start, start + BATCH);
    await sql.query('INSERT INTO dataset_records (import_id, kind, id, hash) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])', [
      id,
      batch.map(([kind]) => kind),
      batch.map(([, record]) => record),
      batch.map(([, , hash]) => hash),
    ]);
  }
}

/** The directory of a dataset moved (same files, another path): the store follows it there. */
export async function moveBaseline(sql: Sql, from: string, dataset: string, directory: string): Promise<void> {
  await sql.query('UPDATE dataset_imports SET dataset = $2, directory = $3 WHERE dataset = $1', [from, dataset, directory]);
}
