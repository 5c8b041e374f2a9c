import { searchEntities } from '../../src/queries';
import { openHarness, READER, type Harness } from './helpers/harness';
import { declarePostgresPresence, STORE_KINDS } from './helpers/stores';

// mergeEntities and unmerge, on both stores: what moves, what folds together, what unmerge gives back.

jest.setTimeout(60_000);
declarePostgresPresence('merge and unmerge');

const EVIDENCE = [{ source: 'article-2024-04-21', locator: '¶7', note: 'test' }];
const MERGE = `mutation($keep: ID!, $merge: ID!, $keepVersion: Int) { mergeEntities(keep: $keep, merge: $merge, keepVersion: $keepVersion) {
  mergeId repointed dropped combined { removed into } entity { id name aliases description version relationships { id } } } }`;
const UNMERGE = `mutation($id: Int!) { unmerge(mergeId: $id) { mergeId restored missing entity { id name aliases version } keep { id aliases version } } }`;

describe.each(STORE_KINDS)('merging entities on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  const ok = (query: string, variables: Record<string, unknown> = {}) => h.ok(query, variables);

  /** Two records of one militia (a duplicate made by a careless import), with relationships of every sort. */
  async function duplicatePair(prefix: string) {
    const keep = `${prefix}-keep`;
    const merge = `${prefix}-dup`;
    await ok(`mutation($a: EntityInput!, $b: EntityInput!) { a: createEntity(input: $a) { id } b: createEntity(input: $b) { id } }`, {
      a: { id: keep, kind: 'ORGANIZATION', name: 'Saraya Awliya al-Dam', aliases: [{ name: 'SAD' }] },
      b: { id: merge, kind: 'ORGANIZATION', name: 'Awliya al-Dam Brigades', aliases: [{ name: 'SAD' }, { name: 'سرايا أولياء الدم', lang: 'ar' }], description: 'Claimed rocket attacks.', attributes: { claimed_attacks: 4 } },
    });
    const create = (input: Record<string, unknown>) => ok(`mutation($input: RelationshipInput!) { createRelationship(input: $input) { id } }`, { input: { evidence: EVIDENCE, ...input } });
    await create({ id: `${prefix}-keep-in-iraq`, type: 'LOCATED_AT', source: keep, target: 'iraq' });
    await create({ id: `${prefix}-dup-in-iraq`, type: 'LOCATED_AT', source: merge, target: 'iraq', evidence: [{ source: 'shafaq-2024-04-20-kalsu-explosion', note: 'other report' }] });
    await create({ id: `${prefix}-iran-backs-dup`, type: 'BACKS', source: 'iran', target: merge });
    await create({ id: `${prefix}-dup-part-of-militias`, type: 'PART_OF', source: merge, target: 'iran-backed-militias-in-iraq' });
    await create({ id: `${prefix}-dup-allied-keep`, type: 'ALLIED_WITH', source: merge, target: keep });
    return { keep, merge };
  }

  test('re-points relationships, folds duplicates, drops loops, unions aliases; unmerge restores the entity and its relationships', async () => {
    const { keep, merge } = await duplicatePair('m1');
    const before = await h.snapshot();
    const result = (await ok(MERGE, { keep, merge, keepVersion: 1 })).mergeEntities;
    expect(result.repointed).toEqual(['m1-dup-part-of-militias', 'm1-iran-backs-dup']);
    expect(result.combined).toEqual([{ removed: 'm1-dup-in-iraq', into: 'm1-keep-in-iraq' }]);
    expect(result.dropped).toEqual(['m1-dup-allied-keep']);
    expect(result.entity).toMatchObject({ id: keep, aliases: ['SAD', 'Awliya al-Dam Brigades', 'سرايا أولياء الدم'], description: 'Claimed rocket attacks.', version: 2 });
    expect(result.entity.relationships.map((r: { id: string }) => r.id).sort()).toEqual(['m1-dup-part-of-militias', 'm1-iran-backs-dup', 'm1-keep-in-iraq']);
    expect(h.graph.hasNode(merge)).toBe(false);
    expect(h.graph.getEdgeAttributes('m1-keep-in-iraq').record.evidence.map((e) => e.source)).toEqual(['article-2024-04-21', 'shafaq-2024-04-20-kalsu-explosion']);
    expect(searchEntities(h.graph, 'Awliya al-Dam Brigades').map((e) => e.id)[0]).toBe(keep);
    const merges = (await h.gql(`query($e: ID) { merges(entity: $e) { id keep merged actor undoneAt } }`, { e: merge })).data!.merges;
    expect(merges).toEqual([{ id: result.mergeId, keep, merged: merge, actor: 'alice', undoneAt: null }]);

    const undone = (await ok(UNMERGE, { id: result.mergeId })).unmerge;
    expect(undone.entity).toMatchObject({ id: merge, name: 'Awliya al-Dam Brigades', version: 2 });
    expect(undone.keep).toMatchObject({ id: keep, aliases: ['SAD'], version: 3 });
    expect(undone.restored).toEqual(['m1-dup-allied-keep', 'm1-dup-in-iraq', 'm1-dup-part-of-militias', 'm1-iran-backs-dup']);
    expect(undone.missing).toEqual([]);
    // The records are as they were before the merge (versions moved on, the history has both steps).
    const after = await h.snapshot();
    const records = (snapshot: string) => JSON.parse(snapshot).nodes.map(([id, record]: [string, unknown]) => [id, record]).concat(JSON.parse(snapshot).edges.map(([id, s, t, record]: unknown[]) => [id, s, t, record]));
    expect(records(after.graph)).toEqual(records(before.graph));
    const history = (await h.gql(`query($id: ID!) { history(id: $id) { operation op } }`, { id: 'm1-iran-backs-dup' })).data!.history;
    expect(history).toEqual([
      { operation: 'createRelationship', op: 'CREATE' },
      { operation: 'mergeEntities', op: 'UPDATE' },
      { operation: 'unmerge', op: 'UPDATE' },
    ]);
  });

  test('unmerge keeps edits made since the merge, and does not undo twice', async () => {
    const { keep, merge } = await duplicatePair('m2');
    const { mergeId } = (await ok(MERGE, { keep, merge })).mergeEntities;
    await ok(`mutation { updateEntity(id: "${keep}", version: 2, patch: { description: "Edited after the merge" }) { id } }`, {});
    await ok(`mutation { deleteRelationship(id: "m2-dup-part-of-militias") }`, {});
    const undone = (await ok(UNMERGE, { id: mergeId })).unmerge;
    expect(undone.missing).toEqual(['m2-dup-part-of-militias']);
    expect(h.graph.getNodeAttributes(keep).record.description).toBe('Edited after the merge');
    expect(h.graph.extremities('m2-iran-backs-dup')).toEqual(['iran', merge]);
    const again = await h.gql(UNMERGE, { id: mergeId });
    expect(again.errors![0].extensions!.problems[0].code).toBe('ALREADY_UNDONE');
  });

  test('refusals change nothing: other kinds, the same entity, stale versions, readers, unknown merges', async () => {
    const before = await h.snapshot();
    const kinds = await h.gql(MERGE, { keep: 'iran', merge: 'hezbollah' });
    expect(kinds.errors![0].extensions!.problems[0].code).toBe('KIND_MISMATCH');
    expect((await h.gql(MERGE, { keep: 'iran', merge: 'iran' })).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(MERGE, { keep: 'iran', merge: 'iraq', keepVersion: 9 })).errors![0].extensions!.code).toBe('CONFLICT');
    expect((await h.gql(MERGE, { keep: 'iran', merge: 'iraq' }, READER)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await h.gql(MERGE, { keep: 'iran', merge: 'iraq' }, null)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await h.gql(MERGE, { keep: 'iran', merge: 'atlantis' })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await h.gql(UNMERGE, { id: 999999 })).errors![0].extensions!.code).toBe('NOT_FOUND');
    const after = await h.snapshot();
    expect(after).toEqual(before);
  });

  test('unmerge is refused when the merged id is in use again', async () => {
    const { keep, merge } = await duplicatePair('m3');
    const { mergeId } = (await ok(MERGE, { keep, merge })).mergeEntities;
    await ok(`mutation { createEntity(input: { id: "${merge}", kind: PERSON, name: "Someone else" }) { id } }`, {});
    const before = await h.snapshot();
    const refused = await h.gql(UNMERGE, { id: mergeId });
    expect(refused.errors![0].extensions!.problems[0]).toMatchObject({ code: 'DUPLICATE_ID', record: merge });
    expect(await h.snapshot()).toEqual(before);
  });
});
