import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createLogger } from '../../../src/logger';
import { GraphEditor, openStore, readDatasetFiles, seedIfPristine, type Store, type StoreConfig } from '../../../src/store';
import { EMBEDDED_DATABASE_DIRECTORY } from '../../../src/store/pglite-driver';
import { SEED_DATASET } from '../../helpers/fixture-datasets';
import { connectionConfig } from '../../../src/store/postgres-driver';

/** The PostgreSQL of the tests (.ci/run starts one); without it the PostgreSQL half of the store tests cannot run. */
export const POSTGRES_URL = process.env.PROXYGRAPH_TEST_DATABASE_URL;
export type StoreKind = 'embedded' | 'postgres';
export const silentLogger = createLogger({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
export const STORE_KINDS: StoreKind[] = POSTGRES_URL ? ['embedded', 'postgres'] : ['embedded'];

/**
 * Declares, in a file whose tests run over both stores, the test that stands for the PostgreSQL half when there is no
 * database: it fails under REQUIRE_POSTGRES=1 (CI), and otherwise passes while saying loudly what did not run.
 */
export function declarePostgresPresence(what: string): void {
  if (POSTGRES_URL) return;
  test(`PostgreSQL: ${what}`, () => {
    const message = `PROXYGRAPH_TEST_DATABASE_URL is not set: the PostgreSQL tests of "${what}" DID NOT RUN (start PostgreSQL and set it, see .ci/run)`;
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`${message}; REQUIRE_POSTGRES=1 makes this a failure`);
    process.stderr.write(`\n!!! ${message}\n\n`);
  });
}

/** A key that changes whenever what a template holds could: PGlite, the migrations, the store and loader code, the seed. */
function templateKey(seeded: boolean): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(require.resolve('@electric-sql/pglite'), '..', '..', 'package.json')));
  const root = join(__dirname, '..', '..', '..');
  const files = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(directory, entry.name)) : [join(directory, entry.name)]));
  for (const file of [...files(join(root, 'src', 'store')), ...files(join(root, 'src', 'load')), ...(seeded ? files(join(root, 'graph')) : [])].sort()) hash.update(file).update(readFileSync(file));
  return `${seeded ? 'seeded' : 'empty'}-${hash.digest('hex').slice(0, 16)}`;
}

const templates = new Map<boolean, Promise<string>>();

/**
 * A PROXYGRAPH_HOME holding a migrated embedded store (empty, or with the seed dataset imported), made once per machine
 * and code version and cached in the temporary directory: a new PGlite database takes seconds of initdb, a copy of a
 * closed one milliseconds.
 */
function templateHome(seeded: boolean): Promise<string> {
  let template = templates.get(seeded);
  if (!template) {
    template = (async () => {
      const home = join(tmpdir(), 'proxygraph-test-templates', templateKey(seeded));
      if (existsSync(join(home, EMBEDDED_DATABASE_DIRECTORY, 'PG_VERSION'))) return home;
      const building = `${home}.${process.pid}.tmp`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building, { recursive: true });
      const store = await openStore({ kind: 'embedded', home: building }, silentLogger);
      if (seeded) {
        const editor = await GraphEditor.open(store, silentLogger);
        await seedIfPristine(editor, () => readDatasetFiles(SEED_DATASET));
      }
      await store.close();
      try {
        renameSync(building, home);
      } catch {
        rmSync(building, { recursive: true, force: true }); // another worker made it first
      }
      return home;
    })();
    templates.set(seeded, template);
  }
  return template;
}

/** Fills an embedded home with a copy of a template store. */
async function copyTemplate(home: string, seeded: boolean): Promise<void> {
  if (existsSync(join(home, EMBEDDED_DATABASE_DIRECTORY))) return;
  mkdirSync(home, { recursive: true });
  cpSync(join(await templateHome(seeded), EMBEDDED_DATABASE_DIRECTORY), join(home, EMBEDDED_DATABASE_DIRECTORY), { recursive: true });
}

export interface TestStoreConfig {
  readonly kind: StoreKind;
  readonly config: StoreConfig;
  /** The environment variables that point a server process or a command at this store. */
  readonly env: Record<string, string>;
  /** Removes the store (the directory, or the schema). */
  cleanup(): Promise<void>;
}

/** describe, for a block that needs PostgreSQL; without it, the block is left out (declarePostgresPresence says so). */
export function describeWithPostgres(name: string, body: () => void): void {
  if (POSTGRES_URL) describe(name, body);
}

let counter = 0;

/** A new, empty store of this kind: a temporary directory, or a schema of its own in the test database. */
export async function freshStoreConfig(kind: StoreKind): Promise<TestStoreConfig> {
  if (kind === 'embedded') {
    const home = mkdtempSync(join(tmpdir(), 'proxygraph-store-'));
    return { kind, config: { kind, home }, env: { PROXYGRAPH_HOME: home }, cleanup: async () => rmSync(home, { recursive: true, force: true }) };
  }
  const schema = `test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  // A server process keeps its graph snapshot here, not in the checkout's data/ directory.
  const snapshot = join(tmpdir(), `proxygraph-${schema}.snapshot`);
  return {
    kind,
    config: { kind, url: POSTGRES_URL!, schema },
    env: { DATABASE_URL: POSTGRES_URL!, PROXYGRAPH_DB_SCHEMA: schema, PROXYGRAPH_SNAPSHOT: snapshot },
    cleanup: async () => {
      rmSync(snapshot, { force: true });
      const client = new Client(connectionConfig(POSTGRES_URL!, 'public'));
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}


/** Opens a store of the config (a new embedded one is a copy of the empty template). */
export async function openTestStore(test: TestStoreConfig): Promise<Store> {
  await prepareHome(test);
  return openStore(test.config, silentLogger);
}

/**
 * Gives a new embedded store its database (a copy of a template, empty or with the seed dataset), so that neither
 * the tests nor a server process started on it wait for initdb. Nothing to do for PostgreSQL.
 */
export async function prepareHome(test: TestStoreConfig, options: { seeded?: boolean } = {}): Promise<void> {
  if (test.config.kind === 'embedded') await copyTemplate(test.config.home, options.seeded === true);
}
