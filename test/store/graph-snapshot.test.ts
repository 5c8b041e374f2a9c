import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { KnowledgeGraph } from '../../src/load';
import { commandActor, deleteRelationship, GraphEditor, importDataset, openStore, updateRelationship, versionsOf, type SnapshotConfig, type Store } from '../../src/store';
import { loadGraphFromStore } from '../../src/store/snapshot-stream';
import { queryAnswers } from '../bench/query-answers';
import { entityId, syntheticDataset } from '../bench/synthetic-dataset';
import { declarePostgresPresence, freshStoreConfig, openTestStore, STORE_KINDS, type TestStoreConfig } from './helpers/stores';

// The graph snapshot of a store-backed server: written at a clean stop (and after import), read at the next start
// when it is of a change the store's log holds, caught up with the changes after it, and ignored, with a log line
// saying why, when it is of another store, damaged, or of another format. The graph is the store's in every case.

jest.setTimeout(120_000);
declarePostgresPresence('graph snapshots of a store');

const ENTITIES = 300;
const admin = commandActor('test');
const width = String(ENTITIES).length;
const pairs = [0, 7, 42, 99, 150, 299].map((n, i, all) => [entityId(n, width), entityId(all[(i + 1) % all.length], width)] as const);
const entities = [0, 1, 2, 150, 299].map((n) => entityId(n, width));

/** A logger whose messages the test reads. */
function recordingLogger() {
  const lines: { msg: string; reason?: string; behind?: number }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { msg: string }) });
  return { logger, messages: () => lines.map((line) => line.msg), lines };
}

/** The answers of the graph read from the store itself, page by page (what a start without a snapshot serves). */
async function storeAnswers(store: Store) {
  const graph = new KnowledgeGraph();
  await store.driver.transaction((sql) => loadGraphFromStore(sql, graph), { snapshot: true });
  return { answers: queryAnswers(graph, pairs, entities), size: graph.size, order: graph.order };
}

describe.each(STORE_KINDS)('%s store', (kind) => {
  let config: TestStoreConfig;
  let directory: string;
  let snapshot: SnapshotConfig;
  const open: Store[] = [];
  const openEditor = async (logger = recordingLogger().logger, withSnapshot: SnapshotConfig | null = snapshot) => {
    const store = await openStore(config.config, logger);
    open.push(store);
    return GraphEditor.open(store, logger, withSnapshot);
  };

  beforeEach(async () => {
    config = await freshStoreConfig(kind);
    directory = mkdtempSync(join(tmpdir(), 'proxygraph-snapshots-'));
    // Written only when the test asks (close, saveSnapshot): no timer races the assertions.
    snapshot = { file: join(directory, 'graph.snapshot'), delayMs: 3_600_000 };
    const store = await openTestStore(config);
    const editor = await GraphEditor.open(store, recordingLogger().logger, snapshot);
    const dataset = syntheticDataset(ENTITIES, 3);
    await editor.commit(admin, 'admin', 'import', importDataset(dataset, store));
    await editor.commit(admin, 'editor', 'updateRelationship', updateRelationship(dataset.relationships[0].id, 1, { confidence: 0.3 }));
    await editor.commit(admin, 'editor', 'deleteRelationship', deleteRelationship(dataset.relationships[1].id, 1));
    expect(existsSync(snapshot.file)).toBe(false);
    await editor.close();
  });

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined);
    await config.cleanup();
    rmSync(directory, { recursive: true, force: true });
  });

  test('a clean stop writes the snapshot; the next start reads it, with the versions, and answers as the store', async () => {
    expect(existsSync(snapshot.file)).toBe(true);
    const { logger, messages } = recordingLogger();
    const editor = await openEditor(logger);
    expect(messages()).toContain('graph read from its snapshot');
    expect(messages()).not.toContain('graph snapshot not used');
    const expected = await storeAnswers(editor.store);
    expect(queryAnswers(editor.graph, pairs, entities)).toEqual(expected.answers);
    expect([editor.graph.order, editor.graph.size]).toEqual([expected.order, expected.size]);
    const first = syntheticDataset(ENTITIES, 3).relationships[0].id;
    expect(versionsOf(editor.graph).get('relationship', first)).toBe(2);
    // Edits go on from there, as on a graph read from the store.
    await editor.commit(admin, 'editor', 'updateRelationship', updateRelationship(first, 2, { confidence: 0.9 }));
    expect(editor.graph.getEdgeAttribute(first, 'record').confidence).toBe(0.9);
    await editor.close();
    const again = recordingLogger();
    const reopened = await openEditor(again.logger);
    expect(again.messages()).toContain('graph read from its snapshot');
    expect(reopened.graph.getEdgeAttribute(first, 'record').confidence).toBe(0.9);
    expect(versionsOf(reopened.graph).get('relationship', first)).toBe(3);
    await reopened.close();
  });

  test('a snapshot behind the store (changes made without it: a crash, another server) is caught up from the log', async () => {
    // Another server of the store (or this one before an unclean stop) commits without writing the snapshot.
    const other = await openEditor(recordingLogger().logger, null);
    const moved = syntheticDataset(ENTITIES, 3).relationships[5].id;
    await other.commit(admin, 'editor', 'deleteRelationship', deleteRelationship(moved, 1));
    await other.close();
    const { logger, lines, messages } = recordingLogger();
    const editor = await openEditor(logger);
    expect(messages()).toContain('graph read from its snapshot');
    expect(lines.find((line) => line.msg === 'graph read from its snapshot')!.behind).toBe(1);
    expect(editor.graph.hasEdge(moved)).toBe(false);
    const expected = await storeAnswers(editor.store);
    expect(queryAnswers(editor.graph, pairs, entities)).toEqual(expected.answers);
    await editor.close();
  });

  test('a snapshot of another store is ignored, with the reason, and the graph is read from the store', async () => {
    const otherConfig = await freshStoreConfig(kind);
    const otherStore = await openTestStore(otherConfig);
    try {
      const otherSnapshot = { file: join(directory, 'other.snapshot'), delayMs: 3_600_000 };
      const otherEditor = await GraphEditor.open(otherStore, recordingLogger().logger, otherSnapshot);
      // As many changes as the first store's import, other records: only the commit times tell the stores apart.
      const dataset = syntheticDataset(ENTITIES, 4);
      await otherEditor.commit(admin, 'admin', 'import', importDataset(dataset, otherStore));
      await otherEditor.commit(admin, 'editor', 'updateRelationship', updateRelationship(dataset.relationships[0].id, 1, { confidence: 0.3 }));
      await otherEditor.commit(admin, 'editor', 'deleteRelationship', deleteRelationship(dataset.relationships[1].id, 1));
      await otherEditor.close();
      copyFileSync(otherSnapshot.file, snapshot.file);
    } finally {
      await otherConfig.cleanup();
    }
    const { logger, lines } = recordingLogger();
    const editor = await openEditor(logger);
    const ignored = lines.find((line) => line.msg.startsWith('graph snapshot not used'));
    expect(ignored?.reason).toMatch(/another store/);
    expect(queryAnswers(editor.graph, pairs, entities)).toEqual((await storeAnswers(editor.store)).answers);
    await editor.close();
  });

  test.each([
    ['damaged (a byte changed)', (bytes: Buffer) => ((bytes[bytes.length - 50] ^= 0xff), bytes), /checksum/],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1000), /truncated/],
    ['of another format version', (bytes: Buffer) => Buffer.from(bytes.toString('latin1').replace('{"format":1,', '{"format":0,'), 'latin1'), /format 0/],
  ])('a snapshot %s is ignored, the graph read from the store, and a fresh snapshot written at the stop', async (_name, spoil, reason) => {
    writeFileSync(snapshot.file, spoil(readFileSync(snapshot.file)));
    const { logger, lines } = recordingLogger();
    const editor = await openEditor(logger);
    expect(lines.find((line) => line.msg.startsWith('graph snapshot not used'))?.reason).toMatch(reason);
    expect(queryAnswers(editor.graph, pairs, entities)).toEqual((await storeAnswers(editor.store)).answers);
    await editor.close();
    const again = recordingLogger();
    const reopened = await openEditor(again.logger);
    expect(again.messages()).toContain('graph read from its snapshot');
    await reopened.close();
  });

  test('PROXYGRAPH_SNAPSHOT=off: no snapshot is read or written', async () => {
    rmSync(snapshot.file);
    const editor = await openEditor(recordingLogger().logger, null);
    await editor.close();
    expect(existsSync(snapshot.file)).toBe(false);
  });
});
