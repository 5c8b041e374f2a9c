import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';
import { migrate } from './migrate';
import { EMBEDDED_DATABASE_DIRECTORY, openEmbedded } from './pglite-driver';
import type { SqlDriver } from './sql';
import { Store } from './store';
import type { StoreConfig } from './store-config';

/** Opens the store the config names and brings its schema up to date. */
export async function openStore(config: StoreConfig, logger: Logger): Promise<Store> {
  let driver: SqlDriver;
  if (config.kind === 'embedded') {
    if (!existsSync(join(config.home, EMBEDDED_DATABASE_DIRECTORY, 'PG_VERSION'))) {
      logger.info({ home: config.home }, 'creating the embedded database (first start only; takes a few seconds)');
    }
    driver = await openEmbedded({ home: config.home });
  } else {
    // Loaded on demand: the pg client is ~10 MB resident that a server on the embedded store does not need.
    const { openPostgres } = await import('./postgres-driver');
    driver = await openPostgres({ url: config.url, schema: config.schema }, logger);
  }
  try {
    const applied = await migrate(driver);
    if (applied.length > 0) logger.info({ store: driver.location, migrations: applied }, 'migrated the store');
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new Store(driver);
}
