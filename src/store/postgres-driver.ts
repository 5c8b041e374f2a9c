import { userInfo } from 'node:os';
import { Client, Pool, type ClientConfig, type PoolClient } from 'pg';
import { parse } from 'pg-connection-string';
import type { Logger } from '../logger';
import { quoteIdentifier, type Sql, type SqlDriver, type SqlResult, type TransactionOptions } from './sql';

export interface PostgresOptions {
  /** DATABASE_URL: postgresql://user:password@host:port/database (or ?host=/socket/directory). */
  readonly url: string;
  /** The schema holding proxygraph's tables (PROXYGRAPH_DB_SCHEMA); created when missing. Default: public. */
  readonly schema?: string;
  /** Connections kept open for queries and transactions. */
  readonly poolSize?: number;
}

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

function wrap(client: Pool | PoolClient | Client): Sql {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await client.query(text, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(script: string): Promise<void> {
      await client.query(script);
    },
  };
}

/** Where a connection string points, without its password. */
function describe(url: string, schema: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    return `postgresql://${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname} (schema ${schema})`;
  } catch {
    return `a PostgreSQL server (schema ${schema})`;
  }
}

/**
 * The connection settings of a URL, as libpq reads it: fields the URL leaves empty are left to their defaults (pg
 * would otherwise take an empty user literally), and the user defaults to PGUSER, else the operating-system user.
 */
export function connectionConfig(url: string, schema: string): ClientConfig {
  const parsed = parse(url) as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) if (value !== '' && value !== undefined && value !== null) config[key] = value;
  config.user ??= process.env.PGUSER || process.env.USER || userInfo().username;
  config.options = [config.options, `-c search_path=${schema}`].filter(Boolean).join(' ');
  config.application_name ??= 'proxygraph';
  return config as ClientConfig;
}

/** A PostgreSQL server shared by any number of proxygraph servers. */
export async function openPostgres(options: PostgresOptions, logger: Logger): Promise<SqlDriver> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_PATTERN.test(schema)) throw new Error(`PROXYGRAPH_DB_SCHEMA=${schema}: use a lowercase SQL name (letters, digits, _)`);
  const config = connectionConfig(options.url, schema);
  const pool = new Pool({ ...config, max: options.poolSize ?? 10 });
  // An idle connection that breaks (server restart) is reported here; the pool replaces it on next use.
  pool.on('error', (error) => logger.warn({ err: error }, 'a PostgreSQL connection was lost'));
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`).catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  const sql = wrap(pool);
  const listeners = new Set<() => Promise<void>>();
  return {
    kind: 'postgres',
    location: describe(options.url, schema),
    changeChannel: schema === 'public' ? 'proxygraph_changes' : `proxygraph_changes_${schema}`,
    query: sql.query,
    exec: sql.exec,
    async transaction<T>(work: (sql: Sql) => Promise<T>, transactionOptions: TransactionOptions = {}): Promise<T> {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query(transactionOptions.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError;
        }
        throw error;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    async listen(channel, onNotify, onResume) {
      let client: Client | null = null;
      let stopped = false;
      let retry: NodeJS.Timeout | undefined;
      let delay = 250;
      const connect = async (resumed: boolean): Promise<void> => {
        const next = new Client(config);
        next.on('notification', (message) => {
          if (message.channel === channel) onNotify();
        });
        next.on('error', (error) => logger.warn({ err: error }, 'the PostgreSQL connection that listens for changes failed'));
        next.on('end', () => {
          if (stopped || client !== next) return;
          client = null;
          schedule();
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${quoteIdentifier(channel)}`);
        } catch (error) {
          next.end().catch(() => undefined);
          throw error;
        }
        if (stopped) {
          await next.end();
          return;
        }
        client = next;
        delay = 250;
        if (resumed) {
          logger.info({ channel }, 'listening for changes again');
          onResume();
        }
      };
      const schedule = () => {
        if (stopped) return;
        retry = setTimeout(() => {
          connect(true).catch((error: unknown) => {
            logger.warn({ err: error, retryInMs: delay }, 'cannot listen for changes yet');
            delay = Math.min(delay * 2, 5000);
            schedule();
          });
        }, delay);
        retry.unref();
      };
      await connect(false);
      const stop = async () => {
        stopped = true;
        if (retry) clearTimeout(retry);
        const current = client;
        client = null;
        listeners.delete(stop);
        if (current) await current.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    async close() {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}
