import { declarePostgresPresence, STORE_KINDS } from './helpers/stores';
import { openHarness, type Harness } from './helpers/harness';

// The analysis caches follow edits made through the API on both stores: a measure asked for again after a mutation
// is computed on the edited graph, not served from before it.

jest.setTimeout(60_000);
declarePostgresPresence('analysis after edits');

const METRICS = `{ metrics(ids: ["hamas"], limit: 1) { entities items { neighbors pagerank } } changesBetween(from: "2019", to: "2021") { began { total } } }`;
const EVIDENCE = [{ source: 'article-2024-04-21', locator: '¶2', note: 'a test citation' }];

describe.each(STORE_KINDS)('analysis after edits on the %s store', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(() => h?.close());

  test('creating an entity and a relationship changes the cached measures and the changes between dates', async () => {
    const before = (await h.gql(METRICS)).data!;
    // Asked twice: the second answer comes from the cache and is the same.
    expect((await h.gql(METRICS)).data).toEqual(before);
    expect((await h.gql(`mutation($input: EntityInput!) { createEntity(input: $input) { id } }`, { input: { id: 'test-brigade', kind: 'ORGANIZATION', name: 'Test Brigade', start: '2020' } })).errors).toBeUndefined();
    const relationship = { id: 'test-brigade-allied-with-hamas', type: 'ALLIED_WITH', source: 'test-brigade', target: 'hamas', start: '2020', evidence: EVIDENCE };
    expect((await h.gql(`mutation($input: RelationshipInput!) { createRelationship(input: $input) { id } }`, { input: relationship })).errors).toBeUndefined();
    const after = (await h.gql(METRICS)).data!;
    expect(after.metrics.entities).toBe(before.metrics.entities + 1);
    expect(after.metrics.items[0].neighbors).toBe(before.metrics.items[0].neighbors + 1);
    expect(after.metrics.items[0].pagerank).not.toBe(before.metrics.items[0].pagerank);
    expect(after.changesBetween.began.total).toBe(before.changesBetween.began.total + 1);
  });
});
