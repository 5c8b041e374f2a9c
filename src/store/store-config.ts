import { resolve } from 'node:path';

/** Where the store is: embedded in PROXYGRAPH_HOME (default ./data), or on the PostgreSQL server of DATABASE_URL. */
export type StoreConfig =
  | { readonly kind: 'embedded'; readonly home: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

export interface EditingConfig {
  readonly store: StoreConfig;
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

export function editingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EditingConfig {
  return { store: storeConfigFromEnv(env), syncIntervalMs: integer('PROXYGRAPH_SYNC_INTERVAL_MS', env.PROXYGRAPH_SYNC_INTERVAL_MS, 1000, 50, 3_600_000) };
}
