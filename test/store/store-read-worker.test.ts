import { KnowledgeGraph } from '../../src/load';
import { RELATION_TYPES, type RelationshipRecord } from '../../src/model';
import { commandActor, deleteRelationship, GraphEditor, importDataset, openStore, updateRelationship, versionsOf, type Store } from '../../src/store';
import { loadGraphFromStore, type StoreReadOptions } from '../../src/store/snapshot-stream';
import { syntheticDataset } from '../bench/synthetic-dataset';
import { freshStoreConfig, openTestStore, silentLogger, type TestStoreConfig } from './helpers/stores';

// The first start from an embedded store encodes the relationships' pages in a worker thread while PGlite reads the
// next page (store/relationship-pages.ts). The graph must be the very graph read in one thread; a bad row or a failed
// worker fails the load, naming what failed.

jest.setTimeout(120_000);

const admin = commandActor('test');
const PAGE = 97;

/** Records of unusual shapes: texts with quotes, backslashes, tabs, newlines and non-ASCII (COPY escapes some). */
function oddRelationships(entities: readonly string[]): RelationshipRecord[] {
  const notes = ['a "quoted" word', 'a back\\slash and a\ttab', 'two\nlines', 'Ḥizb — “curly” ¶3 ✓', '\\n is not a newline'];
  return notes.map((note, i) => ({
    id: `zz-odd-${i}`,
    type: RELATION_TYPES[i % RELATION_TYPES.length],
    source: entities[i],
    target: entities[i + 7],
    ...(i % 2 === 0 ? { start: '2019-03', confidence: 0.5 } : { start: '2001', end: '2002-11-30', disputed: true, weight: 3 }),
    evidence: [{ source: 'bench-source', locator: `¶${i + 1}`, note }],
  }));
}

async function filledStore(config: TestStoreConfig): Promise<Store> {
  const store = await openTestStore(config);
  const dataset = syntheticDataset(300, 3);
  const editor = await GraphEditor.open(store, silentLogger);
  await editor.commit(admin, 'admin', 'import', importDataset({ ...dataset, relationships: [...dataset.relationships, ...oddRelationships(dataset.entities.map((e) => e.id))] }, store));
  const [first, second] = dataset.relationships;
  await editor.commit(admin, 'editor', 'updateRelationship', updateRelationship(first.id, 1, { confidence: 0.42, end: '2021' }));
  await editor.commit(admin, 'editor', 'deleteRelationship', deleteRelationship(second.id, 1));
  // Closing the editor closes its store: open it again.
  await editor.close();
  return openStore(config.config, silentLogger);
}

async function load(store: Store, options: StoreReadOptions, pageSize = PAGE) {
  const graph = new KnowledgeGraph();
  const lastSeq = await store.driver.transaction((sql) => loadGraphFromStore(sql, graph, pageSize, options), { snapshot: true });
  return { graph, lastSeq };
}

/** Everything a load sets: nodes, the relationships' records, their columns and interned texts, versions. */
function contents(graph: KnowledgeGraph) {
  const columns = graph.table.savedColumns();
  return {
    nodes: graph.export().nodes,
    edges: graph.mapEdges((key, attributes) => [key, attributes.record, attributes.window, attributes.time]),
    columns: Object.fromEntries(Object.entries(columns).map(([name, values]) => [name, Array.from(values as ArrayLike<unknown>)])),
    versions: versionsOf(graph).entries(),
    sources: [...graph.getAttribute('sources').keys()],
  };
}

/** A filled embedded store for the tests of one describe block, closed and removed after them. */
function filledStoreForEach(): () => Store {
  let config: TestStoreConfig | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    config = await freshStoreConfig('embedded');
    store = await filledStore(config);
  });
  afterAll(async () => {
    await store?.close();
    await config?.cleanup();
  });
  return () => store!;
}

describe('embedded store read with a worker thread', () => {
  const store = filledStoreForEach();

  test('gives the graph read in one thread: records, columns, texts, versions and the last change', async () => {
    const withWorker = await load(store(), { worker: true });
    const withoutWorker = await load(store(), { worker: false });
    const onePage = await load(store(), {}, 100_000);
    expect(withWorker.graph.size).toBe(300 * 5 + 5 - 1);
    expect(versionsOf(withWorker.graph).get('relationship', syntheticDataset(300, 3).relationships[0].id)).toBe(2);
    expect(withWorker.graph.getEdgeAttribute('zz-odd-3', 'record').evidence[0].note).toBe('Ḥizb — “curly” ¶3 ✓');
    expect(withWorker.graph.getEdgeAttribute('zz-odd-2', 'record').evidence[0].note).toBe('two\nlines');
    expect(withWorker.lastSeq).toBe(withoutWorker.lastSeq);
    expect(contents(withWorker.graph)).toEqual(contents(withoutWorker.graph));
    expect(contents(withWorker.graph)).toEqual(contents(onePage.graph));
  });

  test('a worker that fails fails the load, saying so', async () => {
    // A heap far too small for a page: the worker runs out of memory and exits.
    await expect(load(store(), { worker: true, workerHeapMb: 1 }, 100_000)).rejects.toThrow(/relationships: its worker thread failed .*the graph was not loaded/);
    // The store is still readable afterwards.
    expect((await load(store(), { worker: true })).graph.size).toBe(300 * 5 + 4);
  });
});

describe('a malformed relationships row', () => {
  const store = filledStoreForEach();

  const corrupt = async (id: string, record: string) => {
    await store().driver.transaction(async (sql) => {
      // Past the foreign keys, as a damaged or hand-edited database could be.
      await sql.exec('SET LOCAL session_replication_role = replica');
      await sql.query('UPDATE relationships SET record = $2::json WHERE id = $1', [id, record]);
    });
  };

  test.each([true, false])('fails the load naming the table and the row (worker: %s)', async (worker) => {
    const [victim] = (await store().driver.query<{ id: string; record: string }>("SELECT id, record::text AS record FROM relationships WHERE id > 'r' ORDER BY id OFFSET 200 LIMIT 1")).rows;
    const record = JSON.parse(victim.record) as RelationshipRecord;
    await corrupt(victim.id, JSON.stringify({ ...record, target: 'no-such-entity' }));
    await expect(load(store(), { worker })).rejects.toThrow(`the store's relationships table, row "${victim.id}": it links entity "no-such-entity", which is not in the entities table`);
    await corrupt(victim.id, JSON.stringify({ ...record, type: 'NOT_A_TYPE' }));
    await expect(load(store(), { worker })).rejects.toThrow(new RegExp(`relationships table, row "${victim.id}": its record cannot be read \\(.*unknown relation type NOT_A_TYPE`));
    await corrupt(victim.id, victim.record);
    expect((await load(store(), { worker })).graph.hasEdge(victim.id)).toBe(true);
  });
});
