import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Sql, SqlDriver, SqlResult, TransactionOptions } from './sql';
import { lockStore } from './store-lock';

/** The embedded database's directory inside PROXYGRAPH_HOME. */
export const EMBEDDED_DATABASE_DIRECTORY = 'pgdata';
const LOCK_FILE = 'proxygraph.lock';

type Queryable = Pick<PGlite | Transaction, 'query' | 'exec'>;

/** The in-memory file (PGlite's own file system, not the disk) a COPY page is written to and read back from. */
const COPY_FILE = '/tmp/proxygraph-copy-page';

/** The part of Emscripten's file system copyOut uses. */
interface PageFiles {
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
  analyzePath(path: string): { exists: boolean };
}

function wrap(db: Queryable, files: PageFiles): Sql {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await db.query<R>(text, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
    // COPY to a file of PGlite's in-memory file system, then read whole: measured (1M relationships, 159 MB of COPY
    // text) 8% less CPU time than COPY TO '/dev/blob', whose Blob is assembled from thousands of small writes.
    async copyOut(select: string): Promise<Uint8Array> {
      try {
        await db.query(`COPY (${select}) TO '${COPY_FILE}'`);
        return files.readFile(COPY_FILE);
      } finally {
        if (files.analyzePath(COPY_FILE).exists) files.unlink(COPY_FILE);
      }
    },
  };
}

export interface EmbeddedOptions {
  /** PROXYGRAPH_HOME: holds the database directory and the lock file. */
  readonly home: string;
  /** PostgreSQL settings of the embedded server, over EMBEDDED_SETTINGS. */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * Where a new database is created: in a child process (the default; initdb's memory goes away with it), or in this
   * process, as PGlite does by itself (which keeps about 600 MB resident afterwards).
   */
  readonly initdb?: 'child' | 'in-process';
  /** V8 flags set before PostgreSQL's WebAssembly is compiled: EMBEDDED_WASM_FLAGS unless given ([] runs V8's defaults). */
  readonly wasmFlags?: readonly string[];
}

/**
 * How V8 compiles PGlite's WebAssembly (9 MB of PostgreSQL). By default V8 compiles a function with its baseline
 * compiler (Liftoff) when first called, then recompiles the hot ones with its optimizing compiler (TurboFan) on up to
 * 128 background tasks; start-up alone makes hundreds of functions hot, and the optimizing compiler's working memory
 * stays in the process (glibc keeps what each compiling thread freed). One compilation task and a 10× tiering budget
 * (the work a function does before it is optimized) keep start-up on the baseline code while the functions a long
 * query or a large COPY runs still get optimized. Measured (restart of the seed server, `npm run bench:seed`, three
 * runs each): V8's defaults 210–241 MB; one task 207–215; budget 20,000,000 221–236; both 180–184; Liftoff only (no
 * optimized code at all, bulk SQL up to 1.7× slower) 149–154.
 */
export const EMBEDDED_WASM_FLAGS: readonly string[] = ['--wasm-num-compilation-tasks=1', '--wasm-tiering-budget=20000000'];


/**
 * The embedded server's memory settings. PGlite runs PostgreSQL's defaults: 128 MB of shared buffers (allocated and
 * touched in the WebAssembly memory, so resident) and room for 100 connections, for a single-user server that holds
 * one connection. Measured resident size of a started server (Node 20, the seed dataset): shared_buffers 128MB 286 MB
 * of PGlite alone; 32MB 186; 16MB 151; 8MB 143; 4MB 133. 16 MB keeps the seed server well under 250 MB; reads of a
 * large store stream through COPY and do not need a bigger cache (raise it with settings for write-heavy use).
 */
export const EMBEDDED_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '8MB',
  max_connections: '4',
  wal_buffers: '1MB',
};

/** PGlite's own start parameters (its defaultStartParams), which startParams replaces rather than extends. */
const PGLITE_START = [
  '--single', '-F', '-O', '-j',
  '-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0', '-c', 'max_parallel_workers_per_gather=0',
  '-c', 'io_method=sync', '-c', 'max_parallel_maintenance_workers=0',
];

/** The start parameters of the embedded server: PGlite's own and the settings (EMBEDDED_SETTINGS, then `settings`). */
export function embeddedStartParams(settings: Readonly<Record<string, string>> = {}): string[] {
  return [...PGLITE_START, ...Object.entries({ ...EMBEDDED_SETTINGS, ...settings }).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}

/** Creates a new database directory in a child process, which then exits and returns initdb's memory. */
async function initdbInChild(directory: string): Promise<void> {
  const pglite = require.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(pglite)});
(async () => { const db = new PGlite(process.argv[1]); await db.waitReady; await db.close(); })().catch((error) => { console.error(error); process.exit(1); });`;
  try {
    await promisify(execFile)(process.execPath, ['-e', script, directory], { maxBuffer: 1 << 20 });
  } catch (error) {
    throw new Error(`could not create the embedded database in ${directory}: ${(error as { stderr?: string }).stderr || (error as Error).message}`);
  }
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
    if ((options.initdb ?? 'child') === 'child' && !existsSync(join(directory, 'PG_VERSION'))) await initdbInChild(directory);
    // Set before the first PGlite of the process compiles its module (flags are read at compile time).
    for (const flag of options.wasmFlags ?? EMBEDDED_WASM_FLAGS) setFlagsFromString(flag);
    // Loaded on demand: a server on PostgreSQL, and the commands, do not need the WebAssembly build.
    const { PGlite } = await import('@electric-sql/pglite');
    db = new PGlite(directory, { startParams: embeddedStartParams(options.settings) });
    await db.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const files = db.Module.FS as unknown as PageFiles;
  const sql = wrap(db, files);
  return {
    kind: 'embedded',
    location: directory,
    changeChannel: 'proxygraph_changes',
    query: sql.query,
    exec: sql.exec,
    copyOut: sql.copyOut,
    async transaction<T>(work: (sql: Sql) => Promise<T>, transactionOptions: TransactionOptions = {}): Promise<T> {
      return db.transaction(async (tx) => {
        if (transactionOptions.snapshot) await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return work(wrap(tx, files));
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
