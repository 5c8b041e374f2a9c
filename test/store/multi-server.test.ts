import { loadDataset } from '../../src/load';
import { createToken } from '../../src/store';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { ensureBuilt, startServer, stopServer, type ServerProcess } from './helpers/server-process';
import { declarePostgresPresence, describeWithPostgres, freshStoreConfig, openTestStore, type TestStoreConfig } from './helpers/stores';

// Two server processes on one PostgreSQL: what one commits, the other serves within a second, also after a restart.

jest.setTimeout(180_000);
declarePostgresPresence('two servers on one database');

const WITHIN_MS = 1000;

/** How long until `server` answers `check` truthfully (polling), or throws after `limit` ms. */
async function timeUntil(server: ServerProcess, query: string, check: (data: any) => boolean, limit = 5000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const { data } = await server.gql(query);
    if (data && check(data)) return Date.now() - started;
    if (Date.now() - started > limit) throw new Error(`not visible after ${limit} ms: ${query}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeWithPostgres('two servers on one PostgreSQL', () => {
  let test_: TestStoreConfig;
  let secret: string;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    ensureBuilt();
    test_ = await freshStoreConfig('postgres');
    const store = await openTestStore(test_);
    secret = await createToken(store, 'two-servers', 'editor');
    await store.close();
    // Started together on a new database: one imports the seed dataset, the other finds it done.
    [a, b] = await Promise.all([startServer(test_.env), startServer(test_.env)]);
  }, 300_000);
  afterAll(async () => {
    for (const server of [a, b]) if (server) await stopServer(server);
    await test_?.cleanup();
  });

  const create = (server: ServerProcess, id: string) => server.gql(`mutation { createEntity(input: { id: "${id}", kind: ORGANIZATION, name: "Shared ${id}" }) { id } }`, {}, secret);
  const seen = (id: string) => `{ entity(id: "${id}") { id name version } }`;

  test('both serve the seed dataset, imported once', async () => {
    const stats = await Promise.all([a, b].map((server) => server.gql('{ stats { entities relationships } changes(limit: 1000) { changes { operation } } }', {}, secret)));
    expect(stats[0].data.stats).toEqual(stats[1].data.stats);
    const seed = loadDataset(SEED_DATASET);
    expect(stats[0].data.stats.entities).toBe(seed.entities.length);
    expect(stats[0].data.changes.changes.filter((change: { operation: string }) => change.operation === 'seed')).toHaveLength(seed.sources.length + seed.entities.length + seed.relationships.length);
  });

  test('a change through one is served by the other within a second, both ways', async () => {
    expect((await create(a, 'made-on-a')).errors).toBeUndefined();
    expect(await timeUntil(b, seen('made-on-a'), (data) => data.entity !== null)).toBeLessThan(WITHIN_MS);
    const update = await b.gql(`mutation { updateEntity(id: "made-on-a", version: 1, patch: { name: "Renamed on B" }) { version } }`, {}, secret);
    expect(update.data.updateEntity.version).toBe(2);
    expect(await timeUntil(a, seen('made-on-a'), (data) => data.entity?.name === 'Renamed on B' && data.entity.version === 2)).toBeLessThan(WITHIN_MS);
  });

  test('edits of one version through both servers at once: one wins, the other is a CONFLICT', async () => {
    await create(a, 'contested-on-two');
    await timeUntil(b, seen('contested-on-two'), (data) => data.entity !== null);
    const results = await Promise.all(
      [a, b].map((server, index) => server.gql(`mutation { updateEntity(id: "contested-on-two", version: 1, patch: { name: "edit ${index}" }) { name } }`, {}, secret)),
    );
    expect(results.filter((result) => result.data?.updateEntity)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    const winner = results.find((result) => result.data?.updateEntity)!.data.updateEntity.name;
    for (const server of [a, b]) await timeUntil(server, seen('contested-on-two'), (data) => data.entity.name === winner);
  });

  test('a server restarted in between catches up, and keeps following', async () => {
    await stopServer(b, 'SIGKILL');
    expect((await create(a, 'made-while-b-was-down')).errors).toBeUndefined();
    b = await startServer(test_.env);
    expect((await b.gql(seen('made-while-b-was-down'))).data.entity).not.toBeNull();
    expect((await create(a, 'made-after-b-came-back')).errors).toBeUndefined();
    expect(await timeUntil(b, seen('made-after-b-came-back'), (data) => data.entity !== null)).toBeLessThan(WITHIN_MS);
    const [fromA, fromB] = await Promise.all([a, b].map((server) => server.gql('{ changes(limit: 1000) { lastSeq } stats { entities relationships } }', {}, secret)));
    expect(fromB.data).toEqual(fromA.data);
  });
});
