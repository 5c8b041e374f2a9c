import type { RelationshipRecord } from '../../src/model';
import { GraphEditor, type Store } from '../../src/store';
import { openHarness, snapshotOf, type Harness } from './helpers/harness';
import { declarePostgresPresence, silentLogger, STORE_KINDS } from './helpers/stores';

// When the graph cannot apply a change of the log, the editor rebuilds it from the store. That rebuild is done aside
// and swapped in whole: a rebuild that fails must leave the served graph as it was, not emptied or half-filled.

jest.setTimeout(60_000);
declarePostgresPresence('rebuilding the graph from the store');

const PATH = '{ shortestPath(from: "iran", to: "iraq") { nodes { id } } }';

const organization = (id: string, name: string) => JSON.stringify({ id, kind: 'ORGANIZATION', name, aliases: [] });

/** A change in the log, as another server might have written it, that this graph cannot apply: the entity is not there. */
async function logUnappliableChange(store: Store): Promise<void> {
  await store.driver.query(
    `INSERT INTO changes (actor, operation, op, kind, record_id, version, before, after)
     VALUES ('elsewhere', 'updateEntity', 'update', 'entity', 'not-in-this-graph', 2, $1::json, $2::json)`,
    [organization('not-in-this-graph', 'Before'), organization('not-in-this-graph', 'After')],
  );
}

/** A change in the log that this graph can apply: a new entity (the log only; the store's tables do not change). */
async function logEntityCreated(store: Store, id: string, name: string): Promise<void> {
  await store.driver.query(
    `INSERT INTO changes (actor, operation, op, kind, record_id, version, before, after)
     VALUES ('elsewhere', 'createEntity', 'create', 'entity', $1, 1, NULL, $2::json)`,
    [id, organization(id, name)],
  );
}

/** Rewrites a stored relationship's record past the foreign keys, as a damaged or hand-edited database could hold it. */
async function setRecord(store: Store, id: string, record: string): Promise<void> {
  await store.driver.transaction(async (sql) => {
    await sql.exec('SET LOCAL session_replication_role = replica');
    await sql.query('UPDATE relationships SET record = $2::json WHERE id = $1', [id, record]);
  });
}

describe.each(STORE_KINDS)('rebuilding the graph of a %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a rebuild that fails keeps the graph it had; the next catch-up rebuilds it in full', async () => {
    const before = await h.snapshot();
    const pathBefore = await h.ok(PATH);
    const [victim] = (await h.store.driver.query<{ id: string; record: string }>('SELECT id, record::text AS record FROM relationships ORDER BY id LIMIT 1')).rows;
    const record = JSON.parse(victim.record) as RelationshipRecord;
    await logUnappliableChange(h.store);
    await setRecord(h.store, victim.id, JSON.stringify({ ...record, target: 'no-such-entity' }));

    await expect(h.editor.sync()).rejects.toThrow(`the store's relationships table, row "${victim.id}": it links entity "no-such-entity", which is not in the entities table`);
    // Still the whole graph it served, and it still answers.
    expect((await h.snapshot()).graph).toBe(before.graph);
    expect(h.graph.order).toBeGreaterThan(0);
    expect(await h.ok(PATH)).toEqual(pathBefore);

    await setRecord(h.store, victim.id, victim.record);
    await h.editor.sync();
    // The same graph as a server that reads the store now: the change that could not be applied is in the log, and
    // the graph is at its end.
    const fresh = await GraphEditor.open(h.store, silentLogger);
    expect((await h.snapshot()).graph).toBe((await snapshotOf(h.store, fresh.graph)).graph);
    expect(h.editor.appliedSeq).toBe(Number((await h.store.driver.query<{ last: string }>('SELECT max(seq) AS last FROM changes')).rows[0].last));
    expect(h.graph.hasEdge(victim.id)).toBe(true);
    expect(await h.ok(PATH)).toEqual(pathBefore);
  });

  test('a batch applied in part before a change failed is what the caches answer from until the rebuild', async () => {
    const [victim] = (await h.store.driver.query<{ id: string; record: string }>('SELECT id, record::text AS record FROM relationships ORDER BY id LIMIT 1')).rows;
    // The search and path indexes exist before the failure.
    expect((await h.ok('{ search(text: "Half Applied Brigade") { id } }')).search.map((entity: { id: string }) => entity.id)).not.toContain('half-applied-brigade');
    expect(await h.ok(PATH)).not.toEqual({ shortestPath: null });
    await logEntityCreated(h.store, 'half-applied-brigade', 'Half Applied Brigade');
    await logUnappliableChange(h.store);
    await setRecord(h.store, victim.id, JSON.stringify({ ...(JSON.parse(victim.record) as RelationshipRecord), source: 'no-such-entity' }));
    await expect(h.editor.sync()).rejects.toThrow(/it links entity "no-such-entity"/);
    // The first change is in the graph; search and paths see it too, not an index of the graph before it.
    expect(h.graph.hasNode('half-applied-brigade')).toBe(true);
    expect((await h.ok('{ search(text: "Half Applied Brigade") { id } }')).search.map((entity: { id: string }) => entity.id)).toContain('half-applied-brigade');
    expect((await h.ok('{ shortestPath(from: "half-applied-brigade", to: "iraq") { nodes { id } } }')).shortestPath).toBeNull();

    await setRecord(h.store, victim.id, victim.record);
    await h.editor.sync();
    // Rebuilt from the tables, which never held the entity: only the log did.
    expect(h.graph.hasNode('half-applied-brigade')).toBe(false);
    expect((await h.ok('{ search(text: "Half Applied Brigade") { id } }')).search.map((entity: { id: string }) => entity.id)).not.toContain('half-applied-brigade');
  });
});
