import { searchEntities } from '../../src/queries';
import { GraphEditor, type Actor } from '../../src/store';
import { EDITOR, openHarness, READER, snapshotOf, ADMIN, type Harness } from './helpers/harness';
import { declarePostgresPresence, silentLogger, STORE_KINDS } from './helpers/stores';

// Every mutation through the GraphQL API, on the embedded store and on PostgreSQL: what it changes, and that every
// refusal (auth, validation, conflict, not found) leaves both the graph and the store exactly as they were.

jest.setTimeout(60_000);
declarePostgresPresence('mutations and refusals');

const ENTITY = `id kind name aliases description start end version attributes { key value }`;
const RELATIONSHIP = `id type source { id } target { id } start end confidence disputed version evidence { source { id } locator note stance }`;

const CREATE_ENTITY = `mutation($input: EntityInput!) { createEntity(input: $input) { ${ENTITY} } }`;
const UPDATE_ENTITY = `mutation($id: ID!, $version: Int!, $patch: EntityPatch!) { updateEntity(id: $id, version: $version, patch: $patch) { ${ENTITY} } }`;
const DELETE_ENTITY = `mutation($id: ID!, $version: Int, $cascade: Boolean) { deleteEntity(id: $id, version: $version, cascade: $cascade) { id deletedRelationships } }`;
const CREATE_RELATIONSHIP = `mutation($input: RelationshipInput!) { createRelationship(input: $input) { ${RELATIONSHIP} } }`;
const UPDATE_RELATIONSHIP = `mutation($id: ID!, $version: Int!, $patch: RelationshipPatch!) { updateRelationship(id: $id, version: $version, patch: $patch) { ${RELATIONSHIP} } }`;
const DELETE_RELATIONSHIP = `mutation($id: ID!, $version: Int) { deleteRelationship(id: $id, version: $version) }`;
const ADD_EVIDENCE = `mutation($id: ID!, $evidence: EvidenceInput!, $version: Int) { addEvidence(relationship: $id, evidence: $evidence, version: $version) { ${RELATIONSHIP} } }`;
const CREATE_SOURCE = `mutation($input: SourceInput!) { createSource(input: $input) { id title publisher published url } }`;
const HISTORY = `query($id: ID!) { history(id: $id) { seq actor operation op kind id version before after } }`;

const EVIDENCE = [{ source: 'article-2024-04-21', locator: '¶2', note: 'a test citation' }];
const militia = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'ORGANIZATION', name: `Militia ${id}`, ...extra });
const basedIn = (id: string, source: string, target = 'iraq', extra: Record<string, unknown> = {}) => ({ id, type: 'LOCATED_AT', source, target, evidence: EVIDENCE, ...extra });

describe.each(STORE_KINDS)('mutations on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  /** Runs a mutation that must be refused with `code`, and checks that the graph and the store did not change. */
  async function refused(code: string, query: string, variables: Record<string, unknown>, actor: Actor | null = EDITOR) {
    const before = await h.snapshot();
    const result = await h.gql(query, variables, actor);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    const after = await h.snapshot();
    expect(after.graph).toBe(before.graph);
    expect(after.store).toBe(before.store);
    return result.errors![0];
  }

  async function created(query: string, variables: Record<string, unknown>, field: string) {
    const result = await h.gql(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data![field];
  }

  describe('createEntity', () => {
    test('adds the entity to the store, the graph and the search index, and records who did it', async () => {
      const entity = await created(CREATE_ENTITY, { input: militia('saraya-test', { aliases: [{ name: 'ST' }, { name: 'سرايا', lang: 'ar' }], start: '2019', attributes: { fighters: 300, armed: true } }) }, 'createEntity');
      expect(entity).toMatchObject({ id: 'saraya-test', kind: 'ORGANIZATION', aliases: ['ST', 'سرايا'], start: '2019', version: 1, attributes: [{ key: 'fighters', value: '300' }, { key: 'armed', value: 'true' }] });
      expect(h.graph.getNodeAttributes('saraya-test').record.name).toBe('Militia saraya-test');
      expect(searchEntities(h.graph, 'Militia saraya').map((found) => found.id)).toContain('saraya-test');
      const { rows } = await h.store.driver.query<{ version: number }>('SELECT version FROM entities WHERE id = $1', ['saraya-test']);
      expect(Number(rows[0].version)).toBe(1);
      const history = (await h.gql(HISTORY, { id: 'saraya-test' })).data!.history;
      expect(history).toEqual([expect.objectContaining({ actor: 'alice', operation: 'createEntity', op: 'CREATE', kind: 'ENTITY', version: 1, before: null, after: expect.objectContaining({ id: 'saraya-test', start: '2019' }) })]);
    });

    test('without a token: UNAUTHENTICATED; with a reader token: FORBIDDEN; nothing changes', async () => {
      await refused('UNAUTHENTICATED', CREATE_ENTITY, { input: militia('no-token') }, null);
      await refused('FORBIDDEN', CREATE_ENTITY, { input: militia('reader-token') }, READER);
    });

    test('an admin token may edit too', async () => {
      expect((await h.gql(CREATE_ENTITY, { input: militia('made-by-admin') }, ADMIN)).errors).toBeUndefined();
    });

    test('refuses what the data files refuse, naming every problem', async () => {
      const error = await refused('BAD_USER_INPUT', CREATE_ENTITY, { input: { id: 'Bad Id', kind: 'PERSON', name: ' ', start: '2020-13', attributes: { 'bad key': 1, nested: { a: 1 } } } });
      expect(error.extensions!.problems.map((problem: { code: string }) => problem.code).sort()).toEqual(['INVALID_DATE', 'INVALID_FIELD', 'INVALID_FIELD', 'MISSING_FIELD', 'UNSAFE_ID']);
      const span = await refused('BAD_USER_INPUT', CREATE_ENTITY, { input: militia('backwards', { start: '2020', end: '2019' }) });
      expect(span.extensions!.problems[0]).toMatchObject({ code: 'END_BEFORE_START', record: 'backwards', field: 'end' });
      const alias = await refused('BAD_USER_INPUT', CREATE_ENTITY, { input: militia('bad-alias', { aliases: [{ name: 'x', lang: 'not a tag' }] }) });
      expect(alias.extensions!.problems[0].code).toBe('INVALID_FIELD');
    });

    test('refuses an id taken by an entity or a relationship (one namespace)', async () => {
      expect((await refused('BAD_USER_INPUT', CREATE_ENTITY, { input: militia('kataib-hezbollah') })).extensions!.problems[0].code).toBe('DUPLICATE_ID');
      expect((await refused('BAD_USER_INPUT', CREATE_ENTITY, { input: militia('iran-backs-kataib-hezbollah') })).extensions!.problems[0].code).toBe('DUPLICATE_ID');
    });

    test('an unknown kind is refused by GraphQL itself', async () => {
      const result = await h.gql(CREATE_ENTITY, { input: { id: 'x-kind', kind: 'MILITIA', name: 'X' } });
      expect(result.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect(h.graph.hasNode('x-kind')).toBe(false);
    });
  });

  describe('updateEntity', () => {
    test('changes the fields given, clears those set to null, bumps the version, re-indexes the search', async () => {
      await created(CREATE_ENTITY, { input: militia('to-rename', { description: 'old words', start: '2010' }) }, 'createEntity');
      const updated = await created(UPDATE_ENTITY, { id: 'to-rename', version: 1, patch: { name: 'Harakat Zulfiqar', description: null } }, 'updateEntity');
      expect(updated).toMatchObject({ name: 'Harakat Zulfiqar', description: null, start: '2010', version: 2 });
      expect(searchEntities(h.graph, 'Zulfiqar').map((found) => found.id)).toEqual(['to-rename']);
      expect(searchEntities(h.graph, 'Militia to-rename', null, 100).map((found) => found.id)).not.toContain('to-rename');
      const history = (await h.gql(HISTORY, { id: 'to-rename' })).data!.history;
      expect(history.map((change: { op: string; version: number }) => [change.op, change.version])).toEqual([['CREATE', 1], ['UPDATE', 2]]);
      expect(history[1].before).toMatchObject({ name: 'Militia to-rename', description: 'old words' });
      expect(history[1].after).not.toHaveProperty('description');
    });

    test('a stale version is a CONFLICT and changes nothing', async () => {
      await created(CREATE_ENTITY, { input: militia('contested') }, 'createEntity');
      await created(UPDATE_ENTITY, { id: 'contested', version: 1, patch: { name: 'First edit' } }, 'updateEntity');
      const error = await refused('CONFLICT', UPDATE_ENTITY, { id: 'contested', version: 1, patch: { name: 'Second edit from a stale read' } });
      expect(error.extensions!.currentVersion).toBe(2);
      expect(error.message).toMatch(/version 2, not 1/);
    });

    test('two concurrent edits of one version: one wins, the other is a CONFLICT', async () => {
      await created(CREATE_ENTITY, { input: militia('raced') }, 'createEntity');
      const results = await Promise.all(['A', 'B'].map((name) => h.gql(UPDATE_ENTITY, { id: 'raced', version: 1, patch: { name } })));
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      expect(results.filter((result) => result.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
      expect(h.graph.getNodeAttributes('raced').record.name).toBe(results.find((result) => !result.errors)!.data!.updateEntity.name);
    });

    test('a new kind must still suit every relationship of the entity', async () => {
      await created(CREATE_ENTITY, { input: militia('kind-bound') }, 'createEntity');
      await created(CREATE_RELATIONSHIP, { input: { id: 'iran-backs-kind-bound', type: 'BACKS', source: 'iran', target: 'kind-bound', evidence: EVIDENCE } }, 'createRelationship');
      const error = await refused('BAD_USER_INPUT', UPDATE_ENTITY, { id: 'kind-bound', version: 1, patch: { kind: 'LOCATION' } });
      expect(error.extensions!.problems[0]).toMatchObject({ code: 'KIND_NOT_ALLOWED', record: 'iran-backs-kind-bound', field: 'target' });
    });

    test('an unknown entity is NOT_FOUND; without a token UNAUTHENTICATED', async () => {
      await refused('NOT_FOUND', UPDATE_ENTITY, { id: 'atlantis', version: 1, patch: { name: 'x' } });
      await refused('UNAUTHENTICATED', UPDATE_ENTITY, { id: 'iran', version: 1, patch: { name: 'x' } }, null);
    });
  });

  describe('deleteEntity', () => {
    test('is refused while relationships point at it, and with cascade deletes them too, saying which', async () => {
      await created(CREATE_ENTITY, { input: militia('doomed') }, 'createEntity');
      await created(CREATE_RELATIONSHIP, { input: basedIn('doomed-in-iraq', 'doomed') }, 'createRelationship');
      await created(CREATE_RELATIONSHIP, { input: { id: 'iran-backs-doomed', type: 'BACKS', source: 'iran', target: 'doomed', evidence: EVIDENCE } }, 'createRelationship');
      const error = await refused('BAD_USER_INPUT', DELETE_ENTITY, { id: 'doomed' });
      expect(error.extensions!.problems[0]).toMatchObject({ code: 'HAS_RELATIONSHIPS', record: 'doomed' });
      expect(error.extensions!.problems[0].message).toContain('doomed-in-iraq');
      const result = await created(DELETE_ENTITY, { id: 'doomed', version: 1, cascade: true }, 'deleteEntity');
      expect(result).toEqual({ id: 'doomed', deletedRelationships: ['doomed-in-iraq', 'iran-backs-doomed'] });
      expect(h.graph.hasNode('doomed') || h.graph.hasEdge('doomed-in-iraq') || h.graph.hasEdge('iran-backs-doomed')).toBe(false);
      expect(searchEntities(h.graph, 'Militia doomed', null, 100).map((found) => found.id)).not.toContain('doomed');
      const { rows } = await h.store.driver.query('SELECT id FROM relationships WHERE source = $1 OR target = $1', ['doomed']);
      expect(rows).toEqual([]);
      const history = (await h.gql(HISTORY, { id: 'iran-backs-doomed' })).data!.history;
      expect(history.map((change: { operation: string; op: string }) => `${change.operation}:${change.op}`)).toEqual(['createRelationship:CREATE', 'deleteEntity:DELETE']);
    });

    test('a stale version is a CONFLICT; an unknown id NOT_FOUND', async () => {
      await created(CREATE_ENTITY, { input: militia('kept-alive') }, 'createEntity');
      await refused('CONFLICT', DELETE_ENTITY, { id: 'kept-alive', version: 7 });
      await refused('NOT_FOUND', DELETE_ENTITY, { id: 'atlantis' });
    });

    test('a deleted id created again continues its version count, so stale versions stay stale', async () => {
      await created(CREATE_ENTITY, { input: militia('phoenix') }, 'createEntity');
      await created(DELETE_ENTITY, { id: 'phoenix' }, 'deleteEntity');
      expect((await created(CREATE_ENTITY, { input: militia('phoenix') }, 'createEntity')).version).toBe(2);
    });
  });

  describe('createRelationship', () => {
    test('adds an edge with its evidence; an event gets its place in the search', async () => {
      await created(CREATE_ENTITY, { input: { id: 'test-blast-2025', kind: 'EVENT', name: 'Depot blast', start: '2025-03-02' } }, 'createEntity');
      expect(searchEntities(h.graph, 'Babil', ['EVENT'], 100).map((found) => found.id)).not.toContain('test-blast-2025');
      const relationship = await created(CREATE_RELATIONSHIP, { input: basedIn('test-blast-at-babil', 'test-blast-2025', 'babil-province', { start: '2025-03-02', confidence: 0.7 }) }, 'createRelationship');
      expect(relationship).toMatchObject({ type: 'LOCATED_AT', source: { id: 'test-blast-2025' }, target: { id: 'babil-province' }, confidence: 0.7, version: 1, evidence: [{ source: { id: 'article-2024-04-21' }, locator: '¶2', stance: 'SUPPORTS' }] });
      expect(h.graph.source('test-blast-at-babil')).toBe('test-blast-2025');
      expect(searchEntities(h.graph, 'Babil', ['EVENT'], 100).map((found) => found.id)).toContain('test-blast-2025');
    });

    test('refuses kinds the type does not allow, unknown entities and sources, missing evidence, bad confidence', async () => {
      const kinds = await refused('BAD_USER_INPUT', CREATE_RELATIONSHIP, { input: { id: 'iran-leads-iraq', type: 'LEADS', source: 'iran', target: 'iraq', evidence: EVIDENCE } });
      expect(kinds.extensions!.problems.map((problem: { code: string; field: string }) => `${problem.code}:${problem.field}`)).toEqual(['KIND_NOT_ALLOWED:source']);
      const dangling = await refused('BAD_USER_INPUT', CREATE_RELATIONSHIP, { input: basedIn('ghost-in-iraq', 'ghost-militia') });
      expect(dangling.extensions!.problems[0]).toMatchObject({ code: 'DANGLING_REFERENCE', field: 'source' });
      const unsourced = await refused('BAD_USER_INPUT', CREATE_RELATIONSHIP, { input: basedIn('badr-somewhere', 'badr-organization', 'iraq', { evidence: [{ source: 'no-such-report' }] }) });
      expect(unsourced.extensions!.problems[0].code).toBe('UNKNOWN_SOURCE');
      const bare = await refused('BAD_USER_INPUT', CREATE_RELATIONSHIP, { input: basedIn('badr-bare', 'badr-organization', 'iraq', { evidence: [] }) });
      expect(bare.extensions!.problems[0].code).toBe('MISSING_EVIDENCE');
      const sure = await refused('BAD_USER_INPUT', CREATE_RELATIONSHIP, { input: basedIn('badr-too-sure', 'badr-organization', 'iraq', { confidence: 2, start: '2020', end: '2019' }) });
      expect(sure.extensions!.problems.map((problem: { code: string }) => problem.code).sort()).toEqual(['CONFIDENCE_RANGE', 'END_BEFORE_START']);
      const taken = await refused('BAD_USER_INPUT', CREATE_RELATIONSHIP, { input: basedIn('iran', 'badr-organization') });
      expect(taken.extensions!.problems[0].code).toBe('DUPLICATE_ID');
      await refused('UNAUTHENTICATED', CREATE_RELATIONSHIP, { input: basedIn('anonymous-edge', 'badr-organization') }, null);
      await refused('FORBIDDEN', CREATE_RELATIONSHIP, { input: basedIn('reader-edge', 'badr-organization') }, READER);
    });
  });

  describe('updateRelationship, addEvidence, deleteRelationship', () => {
    test('an update can move an end: the edge moves in the graph', async () => {
      await created(CREATE_ENTITY, { input: militia('mover') }, 'createEntity');
      await created(CREATE_RELATIONSHIP, { input: basedIn('mover-based', 'mover', 'iraq') }, 'createRelationship');
      const moved = await created(UPDATE_RELATIONSHIP, { id: 'mover-based', version: 1, patch: { target: 'syria', start: '2016' } }, 'updateRelationship');
      expect(moved).toMatchObject({ target: { id: 'syria' }, start: '2016', version: 2 });
      expect(h.graph.extremities('mover-based')).toEqual(['mover', 'syria']);
      await refused('CONFLICT', UPDATE_RELATIONSHIP, { id: 'mover-based', version: 1, patch: { confidence: 0.5 } });
      const badKind = await refused('BAD_USER_INPUT', UPDATE_RELATIONSHIP, { id: 'mover-based', version: 2, patch: { target: 'qasem-soleimani' } });
      expect(badKind.extensions!.problems[0].code).toBe('KIND_NOT_ALLOWED');
      await refused('NOT_FOUND', UPDATE_RELATIONSHIP, { id: 'no-such-edge', version: 1, patch: { confidence: 0.5 } });
    });

    test('addEvidence appends a citation, checked like the rest', async () => {
      await created(CREATE_ENTITY, { input: militia('cited') }, 'createEntity');
      await created(CREATE_RELATIONSHIP, { input: basedIn('cited-in-iraq', 'cited') }, 'createRelationship');
      const evidence = { source: 'shafaq-2024-04-20-kalsu-explosion', locator: '¶4', stance: 'CONTRADICTS' };
      const result = await created(ADD_EVIDENCE, { id: 'cited-in-iraq', evidence, version: 1 }, 'addEvidence');
      expect(result.version).toBe(2);
      expect(result.evidence).toHaveLength(2);
      expect(result.evidence[1]).toMatchObject({ source: { id: 'shafaq-2024-04-20-kalsu-explosion' }, stance: 'CONTRADICTS' });
      const unknown = await refused('BAD_USER_INPUT', ADD_EVIDENCE, { id: 'cited-in-iraq', evidence: { source: 'rumour' } });
      expect(unknown.extensions!.problems[0].code).toBe('UNKNOWN_SOURCE');
      await refused('BAD_USER_INPUT', ADD_EVIDENCE, { id: 'cited-in-iraq', evidence });
      await refused('CONFLICT', ADD_EVIDENCE, { id: 'cited-in-iraq', evidence: { source: 'article-2024-04-21', locator: '¶9' }, version: 1 });
      await refused('FORBIDDEN', ADD_EVIDENCE, { id: 'cited-in-iraq', evidence: { source: 'article-2024-04-21', locator: '¶9' } }, READER);
    });

    test('deleteRelationship removes the edge; a stale version or an unknown id is refused', async () => {
      await created(CREATE_ENTITY, { input: militia('loose') }, 'createEntity');
      await created(CREATE_RELATIONSHIP, { input: basedIn('loose-in-iraq', 'loose') }, 'createRelationship');
      await refused('CONFLICT', DELETE_RELATIONSHIP, { id: 'loose-in-iraq', version: 2 });
      expect(await created(DELETE_RELATIONSHIP, { id: 'loose-in-iraq', version: 1 }, 'deleteRelationship')).toBe('loose-in-iraq');
      expect(h.graph.hasEdge('loose-in-iraq')).toBe(false);
      await refused('NOT_FOUND', DELETE_RELATIONSHIP, { id: 'loose-in-iraq' });
      await refused('UNAUTHENTICATED', DELETE_RELATIONSHIP, { id: 'iran-backs-kataib-hezbollah' }, null);
    });
  });

  describe('createSource', () => {
    test('adds a source that evidence can then cite; refuses duplicates and unsafe links', async () => {
      const source = await created(CREATE_SOURCE, { input: { id: 'test-report-2025', title: 'A field report', publisher: 'Test Wire', published: '2025-01', url: 'https://example.org/report' } }, 'createSource');
      expect(source).toEqual({ id: 'test-report-2025', title: 'A field report', publisher: 'Test Wire', published: '2025-01', url: 'https://example.org/report' });
      expect(h.graph.getAttribute('sources').get('test-report-2025')).toBeDefined();
      expect((await h.gql('{ sources { id } }')).data!.sources.map((s: { id: string }) => s.id)).toContain('test-report-2025');
      await created(CREATE_ENTITY, { input: militia('newly-cited') }, 'createEntity');
      await created(CREATE_RELATIONSHIP, { input: basedIn('newly-cited-in-iraq', 'newly-cited', 'iraq', { evidence: [{ source: 'test-report-2025' }] }) }, 'createRelationship');
      expect((await refused('BAD_USER_INPUT', CREATE_SOURCE, { input: { id: 'test-report-2025', title: 'Again' } })).extensions!.problems[0].code).toBe('DUPLICATE_ID');
      expect((await refused('BAD_USER_INPUT', CREATE_SOURCE, { input: { id: 'js-link', title: 'x', url: 'javascript:alert(1)' } })).extensions!.problems[0].code).toBe('UNSAFE_URL');
      await refused('FORBIDDEN', CREATE_SOURCE, { input: { id: 'reader-source', title: 'x' } }, READER);
      const history = (await h.gql(`{ history(id: "test-report-2025", kind: SOURCE) { op kind actor } }`)).data!.history;
      expect(history).toEqual([{ op: 'CREATE', kind: 'SOURCE', actor: 'alice' }]);
    });
  });

  describe('the change log', () => {
    test('changes(since) pages through every change after a cursor, in order', async () => {
      const start = (await h.gql('{ changes(since: 0, limit: 1) { lastSeq hasMore changes { seq operation actor } } }')).data!.changes;
      expect(start.changes[0]).toMatchObject({ seq: 1, operation: 'seed', actor: 'seed' });
      expect(start.hasMore).toBe(true);
      const cursor = h.editor.appliedSeq;
      await created(CREATE_ENTITY, { input: militia('logged-1') }, 'createEntity');
      await created(UPDATE_ENTITY, { id: 'logged-1', version: 1, patch: { name: 'Logged' } }, 'updateEntity');
      const page = (await h.gql(`query($since: Int!) { changes(since: $since, limit: 1) { lastSeq hasMore changes { seq id op } } }`, { since: cursor })).data!.changes;
      expect(page).toEqual({ lastSeq: cursor + 1, hasMore: true, changes: [{ seq: cursor + 1, id: 'logged-1', op: 'CREATE' }] });
      const rest = (await h.gql(`query($since: Int!) { changes(since: $since) { lastSeq hasMore changes { seq id op } } }`, { since: page.lastSeq })).data!.changes;
      expect(rest).toEqual({ lastSeq: cursor + 2, hasMore: false, changes: [{ seq: cursor + 2, id: 'logged-1', op: 'UPDATE' }] });
      expect((await h.gql('{ changes(limit: 5000) { lastSeq } }')).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    });

    test('a server started on the store rebuilds the same graph, versions included', async () => {
      const reopened = await GraphEditor.open(h.store, silentLogger);
      expect((await snapshotOf(h.store, reopened.graph)).graph).toBe((await h.snapshot()).graph);
      expect(reopened.appliedSeq).toBe(h.editor.appliedSeq);
    });
  });
});
