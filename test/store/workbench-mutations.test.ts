import { openHarness, type Harness } from './helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from './helpers/stores';

// What the workbench needs beyond the plain mutations, on both stores: revert, merge preview, a cascade delete that
// removes only what was shown, relationship(id), and merges that name what they merged.

jest.setTimeout(60_000);
declarePostgresPresence('revert, merge preview and guarded deletes');

const EVIDENCE = [{ source: 'article-2024-04-21', locator: '¶7', note: 'test' }];
const REVERT = `mutation($id: ID!, $to: Int!, $version: Int) { revert(id: $id, toVersion: $to, version: $version) { id revertedTo entity { name start version } relationship { type confidence version } } }`;

describe.each(STORE_KINDS)('workbench mutations on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  const ok = (query: string, variables: Record<string, unknown> = {}) => h.ok(query, variables);
  const entity = (input: Record<string, unknown>) => ok(`mutation($input: EntityInput!) { createEntity(input: $input) { id } }`, { input: { kind: 'ORGANIZATION', ...input } });
  const relationship = (input: Record<string, unknown>) => ok(`mutation($input: RelationshipInput!) { createRelationship(input: $input) { id } }`, { input: { evidence: EVIDENCE, ...input } });

  test('revert gives an entity an earlier content as a new version, and keeps the history', async () => {
    await entity({ id: 'rv-militia', name: 'First name', start: '2013' });
    await ok(`mutation { updateEntity(id: "rv-militia", version: 1, patch: { name: "Second name", start: null }) { version } }`);
    await ok(`mutation { updateEntity(id: "rv-militia", version: 2, patch: { description: "added" }) { version } }`);
    const before = h.graph.getNodeAttributes('rv-militia').record;
    expect(before).toMatchObject({ name: 'Second name', description: 'added' });
    const result = (await ok(REVERT, { id: 'rv-militia', to: 1, version: 3 })).revert;
    expect(result).toEqual({ id: 'rv-militia', revertedTo: 1, entity: { name: 'First name', start: '2013', version: 4 }, relationship: null });
    expect(h.graph.getNodeAttributes('rv-militia').record).toEqual({ id: 'rv-militia', kind: 'ORGANIZATION', name: 'First name', aliases: [], start: '2013' });
    const history = (await ok(`{ history(id: "rv-militia") { version operation actor } }`)).history;
    expect(history.map((change: { version: number; operation: string }) => [change.version, change.operation])).toEqual([
      [1, 'createEntity'],
      [2, 'updateEntity'],
      [3, 'updateEntity'],
      [4, 'revert'],
    ]);
  });

  test('revert refuses a stale version (CONFLICT), a version that does not exist, and a revert that changes nothing', async () => {
    const before = await h.snapshot();
    expect((await h.gql(REVERT, { id: 'rv-militia', to: 2, version: 3 })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 4 });
    expect((await h.gql(REVERT, { id: 'rv-militia', to: 99, version: 4 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(REVERT, { id: 'rv-militia', to: 1, version: 4 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toVersion' });
    expect(await h.snapshot()).toEqual(before);
  });

  test('revert restores a deleted relationship, and refuses one whose end is gone', async () => {
    await entity({ id: 'rv-end', name: 'End' });
    await relationship({ id: 'rv-allied', type: 'ALLIED_WITH', source: 'rv-militia', target: 'rv-end', confidence: 0.5 });
    await ok(`mutation { updateRelationship(id: "rv-allied", version: 1, patch: { confidence: 0.9 }) { version } }`);
    await ok(`mutation { deleteRelationship(id: "rv-allied") }`);
    expect(h.graph.hasEdge('rv-allied')).toBe(false);
    const restored = (await ok(REVERT, { id: 'rv-allied', to: 1 })).revert;
    expect(restored).toEqual({ id: 'rv-allied', revertedTo: 1, entity: null, relationship: { type: 'ALLIED_WITH', confidence: 0.5, version: 3 } });
    expect(h.graph.source('rv-allied')).toBe('rv-militia');

    await ok(`mutation { deleteEntity(id: "rv-end", cascade: true) { id } }`);
    const before = await h.snapshot();
    const refused = await h.gql(REVERT, { id: 'rv-allied', to: 3 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.problems.map((problem: { code: string }) => problem.code)).toEqual(['DANGLING_REFERENCE']);
    expect(await h.snapshot()).toEqual(before);
  });

  test('mergePreview tells exactly what mergeEntities then does, and changes nothing itself', async () => {
    await entity({ id: 'mp-keep', name: 'Kept militia', aliases: [{ name: 'KM' }] });
    await entity({ id: 'mp-dup', name: 'Duplicate militia', description: 'from the dup' });
    await relationship({ id: 'mp-keep-in-iraq', type: 'LOCATED_AT', source: 'mp-keep', target: 'iraq' });
    await relationship({ id: 'mp-dup-in-iraq', type: 'LOCATED_AT', source: 'mp-dup', target: 'iraq', evidence: [{ source: 'article-2024-04-21', locator: '¶8' }] });
    await relationship({ id: 'mp-iran-backs-dup', type: 'BACKS', source: 'iran', target: 'mp-dup' });
    await relationship({ id: 'mp-dup-allied-keep', type: 'ALLIED_WITH', source: 'mp-dup', target: 'mp-keep' });
    const before = await h.snapshot();
    const preview = (
      await ok(`{ mergePreview(keep: "mp-keep", merge: "mp-dup") {
        entity { id aliases description version } merged { id version } addedAliases takenFields
        repointed { id target { id } } combined { removed { id } into { id } addedEvidence } dropped { id } } }`)
    ).mergePreview;
    expect(await h.snapshot()).toEqual(before);
    expect(preview).toEqual({
      entity: { id: 'mp-keep', aliases: ['KM', 'Duplicate militia'], description: 'from the dup', version: 1 },
      merged: { id: 'mp-dup', version: 1 },
      addedAliases: ['Duplicate militia'],
      takenFields: ['description'],
      repointed: [{ id: 'mp-iran-backs-dup', target: { id: 'mp-dup' } }],
      combined: [{ removed: { id: 'mp-dup-in-iraq' }, into: { id: 'mp-keep-in-iraq' }, addedEvidence: 1 }],
      dropped: [{ id: 'mp-dup-allied-keep' }],
    });
    const merged = (await ok(`mutation { mergeEntities(keep: "mp-keep", merge: "mp-dup", keepVersion: 1, mergeVersion: 1) { mergeId repointed combined { removed into } dropped entity { aliases description } } }`)).mergeEntities;
    expect(merged.repointed).toEqual(preview.repointed.map((item: { id: string }) => item.id));
    expect(merged.combined).toEqual(preview.combined.map((item: { removed: { id: string }; into: { id: string } }) => ({ removed: item.removed.id, into: item.into.id })));
    expect(merged.dropped).toEqual(preview.dropped.map((item: { id: string }) => item.id));
    expect(merged.entity).toEqual({ aliases: preview.entity.aliases, description: preview.entity.description });
    const merges = (await ok(`{ merges(entity: "mp-keep") { id mergedName relationships } }`)).merges;
    expect(merges).toEqual([{ id: merged.mergeId, mergedName: 'Duplicate militia', relationships: 3 }]);
  });

  test('mergePreview refuses what a merge would refuse', async () => {
    expect((await h.gql(`{ mergePreview(keep: "iran", merge: "kataib-hezbollah") { addedAliases } }`)).errors?.[0].extensions?.problems[0].code).toBe('KIND_MISMATCH');
    expect((await h.gql(`{ mergePreview(keep: "iran", merge: "iran") { addedAliases } }`)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'merge' });
    expect((await h.gql(`{ mergePreview(keep: "iran", merge: "nowhere") { addedAliases } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  test('a cascade delete removes only the relationships the analyst was shown', async () => {
    await entity({ id: 'dl-militia', name: 'To delete' });
    await relationship({ id: 'dl-in-iraq', type: 'LOCATED_AT', source: 'dl-militia', target: 'iraq' });
    const shown = ['dl-in-iraq'];
    // Someone adds a relationship after the confirmation was shown.
    await relationship({ id: 'dl-iran-backs', type: 'BACKS', source: 'iran', target: 'dl-militia' });
    const before = await h.snapshot();
    const refused = await h.gql(`mutation($expected: [ID!]) { deleteEntity(id: "dl-militia", cascade: true, expectedRelationships: $expected) { id } }`, { expected: shown });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'expectedRelationships' });
    expect(refused.errors?.[0].message).toMatch(/also has dl-iran-backs/);
    expect(await h.snapshot()).toEqual(before);
    const deleted = await ok(`mutation($expected: [ID!]) { deleteEntity(id: "dl-militia", cascade: true, expectedRelationships: $expected) { deletedRelationships } }`, { expected: ['dl-in-iraq', 'dl-iran-backs'] });
    expect(deleted.deleteEntity.deletedRelationships).toEqual(['dl-in-iraq', 'dl-iran-backs']);
  });

  test('relationship(id) reads one relationship; unknown and unsafe ids are null', async () => {
    const id = 'kataib-hezbollah-part-of-iran-backed-militias-in-iraq';
    const { relationship: found } = await ok(`{ relationship(id: "${id}") { id type source { id } target { id } version } }`);
    expect(found).toEqual({ id, type: 'PART_OF', source: { id: 'kataib-hezbollah' }, target: { id: 'iran-backed-militias-in-iraq' }, version: 1 });
    expect((await ok(`{ a: relationship(id: "nothing-here") { id } b: relationship(id: "__proto__") { id } }`))).toEqual({ a: null, b: null });
  });
});
