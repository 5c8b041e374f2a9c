import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Sql, SqlDriver, SqlResult, TransactionOptions } from './sql';
import { lockStore } from './store-lock';

/** The embedded database's directory inside PROXYGRAPH_HOME. */
export const EMBEDDED_DATABASE_DIRECTORY = 'pgdata';
const LOCK_FILE = 'proxygraph.lock';

type Queryable = Pick<PGlite | Transaction, 'query' | 'exec'>;

function wrap(db: Queryable): Sql {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await db.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
  };
}

export interface EmbeddedOptions {
  /** PROXYGRAPH_HOME: holds the database directory and the lock file. */
  readonly home: string;
}

/**
 * PostgreSQL compiled to WebAssembly, running inside this process on a directory of PROXYGRAPH_HOME. Each commit
 * writes its WAL to the directory's files before it returns, so a killed process loses no acknowledged commit; the
 * files are not fsync'ed (PGlite runs with fsync off and its Node file system does not forward fsync), so a power loss
 * or an operating-system crash may. One process at a time opens it (a lock file guards it).
 */
export async function openEmbedded(options: EmbeddedOptions): Promise<SqlDriver> {
  mkdirSync(options.home, { recursive: true });
  const release = lockStore(join(options.home, LOCK_FILE), options.home);
  const directory = join(options.home, EMBEDDED_DATABASE_DIRECTORY);
  let db: PGlite;
  try {
    // Loaded on demand: a server on PostgreSQL, and the commands, do not need the WebAssembly build.
    const { PGlite } = await import('@electric-sql/pglite');
    db = new PGlite(directory);
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const sql = wrap(db);
  return {
    kind: 'embedded',
    location: directory,
    changeChannel: 'proxygraph_changes',
    query: sql.query,
    exec: sql.exec,
    async transaction<T>(work: (sql: Sql) => Promise<T>, transactionOptions: TransactionOptions = {}): Promise<T> {
      return db.transaction(async (tx) => {
        if (transactionOptions.snapshot) await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return work(wrap(tx));
      });
    },
    // One process owns an embedded store, so every change is made here: there is nobody to hear from.
    async listen() {
      return async () => {};
    },
    async close() {
      try {
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}
