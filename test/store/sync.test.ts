import { created, createEntity, createRelationship, GraphEditor, openStore, type Store } from '../../src/store';
import { EDITOR, openHarness, snapshotOf, type Harness } from './helpers/harness';
import { declarePostgresPresence, describeWithPostgres, silentLogger, STORE_KINDS } from './helpers/stores';

// Two editors on one store, in one process: what the change log gives a server that missed notifications.

jest.setTimeout(60_000);
declarePostgresPresence('catching up from the change log');

describe.each(STORE_KINDS)('two editors of one %s store', (kind) => {
  let h: Harness;
  let store: Store;
  let other: GraphEditor;
  beforeAll(async () => {
    h = await openHarness(kind);
    // A second server: its own connection to PostgreSQL; on the embedded store (one process) the same connection.
    store = kind === 'postgres' ? await openStore(h.test.config, silentLogger) : h.store;
    other = await GraphEditor.open(store, silentLogger);
  });
  afterAll(async () => {
    if (kind === 'postgres') await store.close();
    await h?.close();
  });

  test('an editor that heard nothing catches up from the log when asked, and before it commits', async () => {
    await h.editor.commit(EDITOR, 'editor', 'createEntity', createEntity({ id: 'sync-a', kind: 'ORGANIZATION', name: 'Made by the first' }));
    expect(other.graph.hasNode('sync-a')).toBe(false);
    // The second plans against what the first committed: its commit catches up under the write lock first.
    await other.commit(EDITOR, 'editor', 'createRelationship', createRelationship({ id: 'sync-a-in-iraq', type: 'LOCATED_AT', source: 'sync-a', target: 'iraq', evidence: [{ source: 'article-2024-04-21' }] }));
    expect(other.graph.hasNode('sync-a')).toBe(true);
    expect(h.graph.hasEdge('sync-a-in-iraq')).toBe(false);
    expect(await h.editor.sync()).toBe(1);
    expect(h.graph.hasEdge('sync-a-in-iraq')).toBe(true);
    expect((await snapshotOf(store, other.graph)).graph).toBe((await h.snapshot()).graph);
    expect(other.appliedSeq).toBe(h.editor.appliedSeq);
  });

  test('a commit the database refuses leaves the graph and the store as they were', async () => {
    const before = await h.snapshot();
    // A plan that skipped validation: the entity is fine, the relationship points nowhere, and the foreign key says no.
    const broken = () => ({
      changes: [
        created('entity', { id: 'never-committed', kind: 'ORGANIZATION' as const, name: 'Never', aliases: [] }),
        created('relationship', { id: 'never-in-nowhere', type: 'LOCATED_AT' as const, source: 'never-committed', target: 'nowhere', evidence: [{ source: 'article-2024-04-21' }] }),
      ],
      finish: () => null,
    });
    await expect(h.editor.commit(EDITOR, 'editor', 'broken', broken)).rejects.toThrow(/foreign key/);
    expect(await h.snapshot()).toEqual(before);
    expect(h.graph.hasNode('never-committed')).toBe(false);
  });
});

describeWithPostgres('a server whose listening connection breaks', () => {
  let h: Harness;
  let store: Store;
  let follower: GraphEditor;
  beforeAll(async () => {
    h = await openHarness('postgres');
    store = await openStore(h.test.config, silentLogger);
    follower = await GraphEditor.open(store, silentLogger);
    // Notifications only: the periodic check of the log is set far out of the way.
    await follower.startSync(3_600_000);
  });
  afterAll(async () => {
    await follower?.close();
    await h?.close();
  });

  const waitFor = async (check: () => boolean, limit = 5000) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > limit) throw new Error(`not within ${limit} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return Date.now() - started;
  };

  test('follows notifications, and catches up on what it missed once it listens again', async () => {
    await h.editor.commit(EDITOR, 'editor', 'createEntity', createEntity({ id: 'heard', kind: 'ORGANIZATION', name: 'Heard' }));
    expect(await waitFor(() => follower.graph.hasNode('heard'))).toBeLessThan(1000);
    // Cut the follower's listening connection, and commit while it is down: that notification is lost.
    const { rows } = await h.store.driver.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database() AND pid <> pg_backend_pid()");
    const cut = await h.store.driver.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = ANY($1::int[])', [rows.map((row) => row.pid)]);
    expect(cut.rows.length).toBeGreaterThan(0);
    await h.editor.commit(EDITOR, 'editor', 'createEntity', createEntity({ id: 'missed', kind: 'ORGANIZATION', name: 'Missed' }));
    expect(await waitFor(() => follower.graph.hasNode('missed'))).toBeLessThan(3000);
    await h.editor.commit(EDITOR, 'editor', 'createEntity', createEntity({ id: 'heard-again', kind: 'ORGANIZATION', name: 'Heard again' }));
    expect(await waitFor(() => follower.graph.hasNode('heard-again'))).toBeLessThan(1000);
  });
});
