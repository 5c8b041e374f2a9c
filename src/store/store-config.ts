import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

/** Where the store is: embedded in PROXYGRAPH_HOME (default ./data), or on the PostgreSQL server of DATABASE_URL. */
export type StoreConfig =
  | { readonly kind: 'embedded'; readonly home: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

/** Where the graph snapshot of a store is kept (store/graph-snapshots.ts), and when it is written. */
export interface SnapshotConfig {
  readonly file: string;
  /** How long after a change of the graph the snapshot is written (PROXYGRAPH_SNAPSHOT_DELAY_MS). */
  readonly delayMs: number;
}

export interface EditingConfig {
  readonly store: StoreConfig;
  /** Null when PROXYGRAPH_SNAPSHOT=off. */
  readonly snapshot: SnapshotConfig | null;
  /** How often a server of a shared store checks the change log besides notifications (PROXYGRAPH_SYNC_INTERVAL_MS). */
  readonly syncIntervalMs: number;
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`${name}=${value}: must be an integer from ${min} to ${max}`);
  return parsed;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, schema: env.PROXYGRAPH_DB_SCHEMA || 'public' };
  return { kind: 'embedded', home: resolve(env.PROXYGRAPH_HOME || 'data') };
}

/**
 * PROXYGRAPH_SNAPSHOT: off, or the snapshot's path. By default the embedded store keeps it in its home
 * (PROXYGRAPH_HOME/graph.snapshot); a server of a PostgreSQL store keeps its own in PROXYGRAPH_HOME/snapshots/, named by
 * a hash of the database URL and schema (never the URL itself: it may hold a password).
 */
export function snapshotConfigFromEnv(store: StoreConfig, env: NodeJS.ProcessEnv = process.env): SnapshotConfig | null {
  const setting = env.PROXYGRAPH_SNAPSHOT ?? '';
  if (setting === 'off') return null;
  const delayMs = integer('PROXYGRAPH_SNAPSHOT_DELAY_MS', env.PROXYGRAPH_SNAPSHOT_DELAY_MS, 60_000, 0, 86_400_000);
  if (setting !== '') return { file: resolve(setting), delayMs };
  if (store.kind === 'embedded') return { file: join(store.home, 'graph.snapshot'), delayMs };
  const name = createHash('sha256').update(`${store.url}\0${store.schema}`).digest('hex').slice(0, 16);
  return { file: join(resolve(env.PROXYGRAPH_HOME || 'data'), 'snapshots', `postgres-${name}.snapshot`), delayMs };
}

export function editingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EditingConfig {
  const store = storeConfigFromEnv(env);
  return { store, snapshot: snapshotConfigFromEnv(store, env), syncIntervalMs: integer('PROXYGRAPH_SYNC_INTERVAL_MS', env.PROXYGRAPH_SYNC_INTERVAL_MS, 1000, 50, 3_600_000) };
}
