import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINI_DATASET } from '../helpers/fixture-datasets';
import { ensureBuilt, startServer, stopServer } from './helpers/server-process';
import { freshStoreConfig, prepareHome, type TestStoreConfig } from './helpers/stores';

// The server as a real process: SIGTERM writes the graph snapshot into PROXYGRAPH_HOME, the next start reads it and
// serves the same graph; a damaged snapshot is ignored with the reason in the log and the store served;
// PROXYGRAPH_SNAPSHOT=off neither reads nor writes one.

jest.setTimeout(120_000);

const stores: TestStoreConfig[] = [];
const temporary: string[] = [];
beforeAll(ensureBuilt);
afterAll(async () => {
  for (const store of stores) await store.cleanup();
  temporary.forEach((directory) => rmSync(directory, { recursive: true, force: true }));
});

async function newHome(): Promise<string> {
  const store = await freshStoreConfig('embedded');
  stores.push(store);
  await prepareHome(store);
  return (store.config as { home: string }).home;
}

const GRAPH = '{ stats { entities relationships byType { type count } } a: entity(id: "iraq") { id name } }';

test('SIGTERM writes the snapshot; the restart reads it and answers the same; a damaged one is ignored, with the reason', async () => {
  const home = await newHome();
  const data = mkdtempSync(join(tmpdir(), 'proxygraph-snapshot-data-'));
  temporary.push(data);
  cpSync(MINI_DATASET, data, { recursive: true });
  const env = { PROXYGRAPH_HOME: home, PROXYGRAPH_DATA: data, LOG_LEVEL: 'info' };
  const snapshot = join(home, 'graph.snapshot');

  const first = await startServer(env);
  const answer = await first.gql(GRAPH);
  expect(answer.errors).toBeUndefined();
  expect(answer.data.stats.relationships).toBeGreaterThan(0);
  expect(existsSync(snapshot)).toBe(false);
  await stopServer(first);
  expect(first.output()).toContain('graph snapshot written');
  expect(existsSync(snapshot)).toBe(true);

  const second = await startServer(env);
  expect(second.output()).toContain('graph read from its snapshot');
  expect(await second.gql(GRAPH)).toEqual(answer);
  await stopServer(second);
  // Nothing changed since: the stop has nothing to write.
  expect(second.output()).not.toContain('graph snapshot written');

  writeFileSync(snapshot, 'not a snapshot');
  const third = await startServer(env);
  expect(third.output()).toMatch(/graph snapshot not used: not a proxygraph snapshot|graph snapshot not used: the file is truncated/);
  expect(await third.gql(GRAPH)).toEqual(answer);
  await stopServer(third);
  expect(third.output()).toContain('graph snapshot written');

  rmSync(snapshot);
  const off = await startServer({ ...env, PROXYGRAPH_SNAPSHOT: 'off' });
  expect(await off.gql(GRAPH)).toEqual(answer);
  await stopServer(off);
  expect(existsSync(snapshot)).toBe(false);
});
