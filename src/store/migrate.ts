import { ProxygraphError } from '../model';
import { MIGRATIONS, type Migration } from './migrations';
import type { SqlDriver } from './sql';

export class StoreVersionError extends ProxygraphError {}

/**
 * Brings the store's schema up to date, in one transaction under a lock, so that servers starting together on one
 * PostgreSQL apply each migration once. Refuses a store that a newer proxygraph has migrated further.
 * Returns the versions applied now.
 */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return driver.transaction(async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.proxygraph.migrations'))");
    await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await sql.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const known = Math.max(0, ...migrations.map((migration) => migration.version));
    const newest = Math.max(0, ...applied);
    if (newest > known) {
      throw new StoreVersionError(`the store at ${driver.location} has schema version ${newest}, but this proxygraph knows versions up to ${known}: upgrade proxygraph`);
    }
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await sql.exec(migration.sql);
      await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    return done;
  });
}
