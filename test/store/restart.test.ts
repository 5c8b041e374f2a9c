import { buildGraph, KnowledgeGraph } from '../../src/load';
import { commandActor, deleteRelationship, GraphEditor, importDataset, openStore, updateRelationship, versionsOf, type Store } from '../../src/store';
import { loadGraphFromStore } from '../../src/store/snapshot-stream';
import { queryAnswers } from '../bench/query-answers';
import { entityId, seededRandom, syntheticDataset } from '../bench/synthetic-dataset';
import { declarePostgresPresence, freshStoreConfig, openTestStore, silentLogger, STORE_KINDS } from './helpers/stores';

// A store of tens of thousands of relationships (the benchmark checks one of 5,000,000 the same way) closed and opened
// again answers every query as before, and as a graph built from the same records in memory: the graph streamed from
// the store page by page, with its columns, versions and indexes, is the graph of the records.

jest.setTimeout(180_000);
declarePostgresPresence('a restart gives identical answers');

const ENTITIES = 2500;
const admin = commandActor('test');

describe.each(STORE_KINDS)('%s store', (kind) => {
  test(`${ENTITIES.toLocaleString('en-US')} entities and ${(5 * ENTITIES).toLocaleString('en-US')} relationships, edited, survive a restart with identical answers`, async () => {
    const config = await freshStoreConfig(kind);
    let store: Store | null = await openTestStore(config);
    try {
      const dataset = syntheticDataset(ENTITIES, 11);
      let editor = await GraphEditor.open(store, silentLogger);
      await editor.commit(admin, 'admin', 'import', importDataset(dataset, store));
      // Edits after the import: a new version, a deletion, a relationship added after the others (out of id order).
      const [first, second] = dataset.relationships;
      await editor.commit(admin, 'editor', 'updateRelationship', updateRelationship(first.id, 1, { confidence: 0.42, end: '2021' }));
      await editor.commit(admin, 'editor', 'deleteRelationship', deleteRelationship(second.id, 1));
      await editor.commit(admin, 'editor', 'import', importDataset({ sources: [], entities: [], relationships: [{ ...second, id: 'a-late-one', confidence: 0.99 }] }, store));

      const random = seededRandom(5);
      const width = String(ENTITIES).length;
      const pick = () => entityId(Math.floor(random() * ENTITIES), width);
      const pairs = Array.from({ length: 12 }, () => [pick(), pick()] as const);
      const entities = [first.source, second.target, ...Array.from({ length: 6 }, pick)];
      const before = queryAnswers(editor.graph, pairs, entities);
      expect(versionsOf(editor.graph).get('relationship', first.id)).toBe(2);
      await editor.close();
      store = null;

      store = await openStore(config.config, silentLogger);
      editor = await GraphEditor.open(store, silentLogger);
      expect(editor.graph.size).toBe(5 * ENTITIES);
      expect(versionsOf(editor.graph).get('relationship', first.id)).toBe(2);
      expect(versionsOf(editor.graph).get('relationship', 'a-late-one')).toBe(1);
      const after = queryAnswers(editor.graph, pairs, entities);
      expect(after).toEqual(before);

      // Read in small pages (a page boundary falls inside every table): the same.
      const paged = new KnowledgeGraph();
      await store.driver.transaction((sql) => loadGraphFromStore(sql, paged, 997), { snapshot: true });
      expect(queryAnswers(paged, pairs, entities)).toEqual(before);

      // The same records built in memory, as from dataset files, answer the same.
      const inMemory = buildGraph((await store.readSnapshot()).dataset);
      expect(queryAnswers(inMemory, pairs, entities)).toEqual(before);
      await editor.close();
      store = null;
    } finally {
      if (store) await store.close();
      await config.cleanup();
    }
  });
});
