import { READER, openHarness, type Harness } from './helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from './helpers/stores';

// Sources edited and deleted like the other records, on both stores: versions and conflicts, a delete refused while
// anything cites the source, a cascade that removes exactly the citations shown (never a relationship's last
// evidence), the history and revert of a source, and the citation counts following every change.

jest.setTimeout(60_000);
declarePostgresPresence('editing and deleting sources');

const CITATIONS = `query($id: ID!) { source(id: $id) { id version citations { relationshipCount evidenceCount entityCount relationships { relationship { id } pieces onlySource } entities { entity { id } dates } } } }`;
const DELETE = `mutation($id: ID!, $version: Int, $cascade: Boolean, $expected: [ID!]) {
  deleteSource(id: $id, version: $version, cascade: $cascade, expectedCitedBy: $expected) { id updatedRelationships updatedEntities removedEvidence }
}`;
const REVERT = `mutation($id: ID!, $to: Int!, $version: Int) { revert(id: $id, toVersion: $to, version: $version, kind: SOURCE) { id revertedTo source { id title publisher version } entity { id } relationship { id } } }`;

describe.each(STORE_KINDS)('sources on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  const ok = (query: string, variables: Record<string, unknown> = {}) => h.ok(query, variables);
  const source = (input: Record<string, unknown>) => ok(`mutation($input: SourceInput!) { createSource(input: $input) { id version } }`, { input });
  const entity = (input: Record<string, unknown>) => ok(`mutation($input: EntityInput!) { createEntity(input: $input) { id } }`, { input: { kind: 'ORGANIZATION', ...input } });
  const relationship = (input: Record<string, unknown>) => ok(`mutation($input: RelationshipInput!) { createRelationship(input: $input) { id } }`, { input });
  /** The store's records agree with the graph's (what a restart would build is what is served). */
  const storeMatchesGraph = async () => {
    const { dataset } = await h.store.readSnapshot();
    expect(dataset.sources).toEqual([...h.graph.getAttribute('sources').values()]);
    for (const record of dataset.relationships) expect(h.graph.getEdgeAttributes(record.id).record).toEqual(record);
    for (const record of dataset.entities) expect(h.graph.getNodeAttributes(record.id).record).toEqual(record);
  };

  test('updateSource changes the fields named, with the version read; a stale version is a CONFLICT', async () => {
    expect((await source({ id: 'ts-report', title: 'Test report', publisher: 'Test wire', published: '2024-05' })).createSource).toEqual({ id: 'ts-report', version: 1 });
    const updated = (await ok(`mutation { updateSource(id: "ts-report", version: 1, patch: { title: "Test report (corrected)", publisher: null, url: "https://example.org/r" }) { id title publisher published url version } }`)).updateSource;
    expect(updated).toEqual({ id: 'ts-report', title: 'Test report (corrected)', publisher: null, published: '2024-05', url: 'https://example.org/r', version: 2 });
    expect(h.graph.getAttribute('sources').get('ts-report')).toEqual({ id: 'ts-report', title: 'Test report (corrected)', published: '2024-05', url: 'https://example.org/r' });

    const before = await h.snapshot();
    const stale = await h.gql(`mutation { updateSource(id: "ts-report", version: 1, patch: { title: "Lost update" }) { id } }`);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const invalid = await h.gql(`mutation { updateSource(id: "ts-report", version: 2, patch: { published: "2024-13", url: "javascript:alert(1)" }) { id } }`);
    expect(invalid.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(invalid.errors?.[0].extensions?.problems.map((problem: { field: string }) => problem.field).sort()).toEqual(['published', 'url']);
    expect((await h.gql(`mutation { updateSource(id: "nowhere", version: 1, patch: { title: "x" }) { id } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(`mutation { updateSource(id: "ts-report", version: 2, patch: { title: "By a reader" }) { id } }`, {}, READER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);

    const history = (await ok(`{ history(id: "ts-report", kind: SOURCE) { version operation actor before after } }`)).history;
    expect(history.map((change: { version: number; operation: string; actor: string }) => [change.version, change.operation, change.actor])).toEqual([
      [1, 'createSource', 'alice'],
      [2, 'updateSource', 'alice'],
    ]);
    expect(history[1].before).toMatchObject({ title: 'Test report', publisher: 'Test wire' });
  });

  test('citations list what cites a source, and follow edits', async () => {
    await source({ id: 'ts-other', title: 'Another test report' });
    await entity({ id: 'ts-militia', name: 'Test militia', start: '2014', attributes: { start_source: 'ts-report', start_locator: 'p. 3', start_note: 'founding year' } });
    await relationship({ id: 'ts-only', type: 'LOCATED_AT', source: 'ts-militia', target: 'iraq', evidence: [{ source: 'ts-report', locator: '¶1' }, { source: 'ts-report', locator: '¶2' }] });
    await relationship({ id: 'ts-shared', type: 'BACKS', source: 'iran', target: 'ts-militia', evidence: [{ source: 'ts-report', locator: '¶3' }, { source: 'ts-other', locator: '¶9' }] });
    const read = async () => (await ok(CITATIONS, { id: 'ts-report' })).source;
    expect(await read()).toEqual({
      id: 'ts-report',
      version: 2,
      citations: {
        relationshipCount: 2,
        evidenceCount: 3,
        entityCount: 1,
        relationships: [
          { relationship: { id: 'ts-only' }, pieces: 2, onlySource: true },
          { relationship: { id: 'ts-shared' }, pieces: 1, onlySource: false },
        ],
        entities: [{ entity: { id: 'ts-militia' }, dates: ['start'] }],
      },
    });
    await ok(`mutation { addEvidence(relationship: "ts-only", evidence: { source: "ts-other", locator: "¶4" }) { id } }`);
    const after = await read();
    expect(after.citations.relationships[0]).toEqual({ relationship: { id: 'ts-only' }, pieces: 2, onlySource: false });
    expect((await ok(`{ sources { id citations { relationshipCount } } }`)).sources.find((each: { id: string }) => each.id === 'ts-other').citations.relationshipCount).toBe(2);
    expect((await h.gql(`{ source(id: "ts-report") { citations(limit: 0) { relationshipCount } } }`)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' });
    expect((await ok(`{ a: source(id: "nowhere") { id } b: source(id: "__proto__") { id } }`))).toEqual({ a: null, b: null });
    // Put back as the next tests expect: ts-only cites only ts-report.
    await ok(`mutation { updateRelationship(id: "ts-only", version: 2, patch: { evidence: [{ source: "ts-report", locator: "¶1" }, { source: "ts-report", locator: "¶2" }] }) { id } }`);
  });

  test('a cited source is not deleted: without cascade, where a relationship would lose its last evidence, or when what cites it changed', async () => {
    const before = await h.snapshot();
    const plain = await h.gql(DELETE, { id: 'ts-report', version: 2 });
    expect(plain.errors?.[0].extensions?.problems).toEqual([expect.objectContaining({ code: 'SOURCE_CITED', record: 'ts-report' })]);
    expect(plain.errors?.[0].extensions?.problems[0].message).toMatch(/evidence of 2 relationships \(ts-only, ts-shared\) and by the dates of 1 entity \(ts-militia\)/);
    const stranding = await h.gql(DELETE, { id: 'ts-report', version: 2, cascade: true });
    expect(stranding.errors?.[0].extensions?.problems).toEqual([expect.objectContaining({ code: 'ONLY_EVIDENCE', field: 'evidence' })]);
    expect(stranding.errors?.[0].extensions?.problems[0].message).toMatch(/only evidence of 1 relationship \(ts-only\)/);
    expect((await h.gql(DELETE, { id: 'ts-report', version: 1, cascade: true })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(await h.snapshot()).toEqual(before);

    await ok(`mutation { addEvidence(relationship: "ts-only", evidence: { source: "ts-other", locator: "¶5" }) { id } }`);
    const shown = ['ts-militia', 'ts-only', 'ts-shared'];
    // Someone cites the source after the confirmation was shown.
    await relationship({ id: 'ts-late', type: 'ALLIED_WITH', source: 'ts-militia', target: 'kataib-hezbollah', evidence: [{ source: 'ts-report' }, { source: 'ts-other' }] });
    const unchanged = await h.snapshot();
    const late = await h.gql(DELETE, { id: 'ts-report', version: 2, cascade: true, expected: shown });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'expectedCitedBy' });
    expect(late.errors?.[0].message).toMatch(/ts-late now also cites it/);
    expect((await h.gql(DELETE, { id: 'ts-report', version: 2, cascade: true }, READER)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await h.snapshot()).toEqual(unchanged);
  });

  test('a cascade removes the evidence citing it and the date citations naming it, in one change of the log', async () => {
    const lastSeq = await h.store.lastSeq();
    const result = (await ok(DELETE, { id: 'ts-report', version: 2, cascade: true, expected: ['ts-late', 'ts-militia', 'ts-only', 'ts-shared'] })).deleteSource;
    expect(result).toEqual({ id: 'ts-report', updatedRelationships: ['ts-late', 'ts-only', 'ts-shared'], updatedEntities: ['ts-militia'], removedEvidence: 4 });
    expect(h.graph.getAttribute('sources').has('ts-report')).toBe(false);
    expect(h.graph.getEdgeAttributes('ts-only').record.evidence).toEqual([{ source: 'ts-other', locator: '¶5' }]);
    expect(h.graph.getEdgeAttributes('ts-shared').record.evidence).toEqual([{ source: 'ts-other', locator: '¶9' }]);
    // The date stays, with its note; its source and locator go.
    expect(h.graph.getNodeAttributes('ts-militia').record).toMatchObject({ start: '2014', attributes: { start_note: 'founding year' } });
    expect(h.graph.getNodeAttributes('ts-militia').record.attributes).not.toHaveProperty('start_source');
    await storeMatchesGraph();
    const changes = (await h.store.changesSince(lastSeq, 100)).map((change) => [change.kind, change.id, change.op, change.operation]);
    // The source goes last, once nothing cites it.
    expect(changes).toEqual([
      ['entity', 'ts-militia', 'update', 'deleteSource'],
      ['relationship', 'ts-late', 'update', 'deleteSource'],
      ['relationship', 'ts-only', 'update', 'deleteSource'],
      ['relationship', 'ts-shared', 'update', 'deleteSource'],
      ['source', 'ts-report', 'delete', 'deleteSource'],
    ]);
    expect((await ok(`{ source(id: "ts-report") { id } }`)).source).toBeNull();
    expect((await ok(CITATIONS, { id: 'ts-other' })).source.citations.relationshipCount).toBe(3);
  });

  test('revert restores a deleted source and brings back an earlier version of one; an uncited source is deleted without cascade', async () => {
    const restored = (await ok(REVERT, { id: 'ts-report', to: 1 })).revert;
    expect(restored).toEqual({ id: 'ts-report', revertedTo: 1, source: { id: 'ts-report', title: 'Test report', publisher: 'Test wire', version: 3 }, entity: null, relationship: null });
    const history = (await ok(`{ history(id: "ts-report", kind: SOURCE) { version op operation } }`)).history;
    expect(history.map((change: { version: number; op: string }) => [change.version, change.op])).toEqual([
      [1, 'CREATE'],
      [2, 'UPDATE'],
      [2, 'DELETE'],
      [3, 'CREATE'],
    ]);
    const back = (await ok(REVERT, { id: 'ts-report', to: 2, version: 3 })).revert;
    expect(back.source).toEqual({ id: 'ts-report', title: 'Test report (corrected)', publisher: null, version: 4 });
    const before = await h.snapshot();
    expect((await h.gql(REVERT, { id: 'ts-report', to: 2, version: 4 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toVersion' });
    expect((await h.gql(REVERT, { id: 'ts-report', to: 9 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Without kind: SOURCE the id is an entity's or relationship's: there is none.
    expect((await h.gql(`mutation { revert(id: "ts-report", toVersion: 1) { id } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await h.snapshot()).toEqual(before);

    const deleted = (await ok(DELETE, { id: 'ts-report', version: 4 })).deleteSource;
    expect(deleted).toEqual({ id: 'ts-report', updatedRelationships: [], updatedEntities: [], removedEvidence: 0 });
    await storeMatchesGraph();
  });
});
