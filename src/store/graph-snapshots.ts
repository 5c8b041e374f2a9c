import { readGraphSnapshot, readSnapshotTag, SnapshotIgnored, writeGraphSnapshot, type KnowledgeGraph } from '../load';
import type { Logger } from '../logger';
import type { RecordKind } from './change';
import { versionsOf } from './record-versions';
import type { Sql } from './sql';
import type { SnapshotConfig } from './store-config';

/**
 * The graph snapshot of a store-backed server (load/graph-snapshot.ts): a cache of the graph at one change of the
 * store's log, the store staying the source of truth. Its tag names that change by number and time of commit, so a
 * snapshot is used only when the store's log holds that very change (the same store, not one recreated since); the
 * changes committed after it (by this server before it stopped uncleanly, or by other servers of a shared store) are
 * then applied from the log, as a running server applies them. Anything else — no file, another store, another
 * format, a damaged file, too far behind — is ignored with a log line, and the graph is read from the store.
 */

/** Further behind than this, reading the store is about as fast as replaying its log: the snapshot is not used. */
export const MAX_REPLAY = 100_000;

const TAG = /^store seq=(\d+) at=(-?\d+)$/;

/** The commit time of a change, in microseconds (what the tag records; null when the log has no such change). */
async function committedAt(sql: Sql, seq: number): Promise<string | null> {
  if (seq === 0) return '0';
  const { rows } = await sql.query<{ micros: string | number }>('SELECT (extract(epoch FROM at) * 1000000)::bigint::text AS micros FROM changes WHERE seq = $1', [seq]);
  return rows.length === 0 ? null : String(rows[0].micros);
}

export const storeTag = (seq: number, micros: string) => `store seq=${seq} at=${micros}`;

export interface SnapshotLoad {
  /** The last change of the log the graph includes. */
  readonly seq: number;
  readonly ms: number;
}

/** Reads the snapshot into `graph` (empty) when it is of a change the store's log holds; null, logged, otherwise. */
export async function loadStoreSnapshot(config: SnapshotConfig, sql: Sql, graph: KnowledgeGraph, logger: Logger): Promise<SnapshotLoad | null> {
  const started = performance.now();
  const ignore = (reason: string) => {
    logger.info({ snapshot: config.file, reason }, `graph snapshot not used: ${reason}; reading the graph from the store`);
    return null;
  };
  const tag = readSnapshotTag(config.file);
  if (tag === null) return ignore(readGraphSnapshotReason(config.file));
  const match = TAG.exec(tag);
  if (!match) return ignore(`it is not a store's snapshot (${tag})`);
  const seq = Number(match[1]);
  // Two index lookups: the newest change, and how many came after the snapshot's (a range of the primary key).
  const last = Number((await sql.query<{ last: string | number | null }>('SELECT max(seq) AS last FROM changes')).rows[0]?.last ?? 0);
  if ((await committedAt(sql, seq)) !== match[2] || seq > last) return ignore(`it is of another store, or of this store before it was recreated (${tag}; the store's log is at change ${last})`);
  const behind = Number((await sql.query<{ after: string | number }>('SELECT count(*) AS after FROM changes WHERE seq > $1', [seq])).rows[0]?.after ?? 0);
  if (behind > MAX_REPLAY) return ignore(`it is ${behind} changes behind the store (more than ${MAX_REPLAY})`);
  try {
    const { meta } = readGraphSnapshot(config.file, tag, graph);
    const versions = versionsOf(graph);
    versions.clear();
    for (const line of meta) {
      const [kind, id, version] = line.split('\t');
      versions.set(kind as RecordKind, id, Number(version));
    }
  } catch (error) {
    if (error instanceof SnapshotIgnored) return ignore(error.message);
    throw error;
  }
  const ms = Math.round(performance.now() - started);
  logger.info({ snapshot: config.file, seq, behind, ms }, 'graph read from its snapshot');
  return { seq, ms };
}

function readGraphSnapshotReason(file: string): string {
  try {
    readGraphSnapshot(file, '');
    return 'it could not be read';
  } catch (error) {
    return error instanceof SnapshotIgnored ? error.message : String(error);
  }
}

/**
 * Writes the snapshot of `graph`, which holds the log up to change `seq` (the caller keeps the graph unchanged until
 * this resolves). Returns the file's size in bytes, or null when the log no longer holds `seq`.
 */
export async function writeStoreSnapshot(config: SnapshotConfig, sql: Sql, graph: KnowledgeGraph, seq: number): Promise<number | null> {
  const micros = await committedAt(sql, seq);
  if (micros === null) return null;
  const meta = versionsOf(graph)
    .entries()
    .map(([kind, id, version]) => `${kind}\t${id}\t${version}`);
  return writeGraphSnapshot(config.file, storeTag(seq, micros), graph, meta);
}
