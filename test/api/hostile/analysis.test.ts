import { expectServes, startTestServer, type TestServer } from '../http-harness';
import { ringGraph, ringId } from '../support/ring-graph';
import { hostileCases, type HostileCase } from './hostile-cases';

// Analysis queries (metrics, communities, brokers, changesBetween) as an attacker would send them: every argument
// just past its maximum refused with the exact message, and every one AT its maximum answered in full on a generated
// network big enough for the maxima to matter (4,500 entities, 9,000 dated relationships), the server answering after.

jest.setTimeout(120_000);

const N = 4500;
const id = ringId;
const analysisGraph = () => ringGraph(N);

const group = (from: number, count: number) => Array.from({ length: count }, (_, i) => id(from + i));

let server: TestServer;
beforeAll(async () => {
  // The execution budget is the load bench's and http tests' concern: here the answers at the maxima are checked, and
  // a loaded CI machine must not turn a complete answer into EXECUTION_TOO_LONG.
  server = await startTestServer(analysisGraph(), { NODE_ENV: 'production', PROXYGRAPH_RATE_LIMIT: 'off', PROXYGRAPH_MAX_EXECUTION_MS: '120000' });
});
afterAll(() => server?.stop());

const ask = (query: string, variables: Record<string, unknown> = {}) => (s: TestServer) => s.post({ query, variables });
const BROKERS = 'query($from: [ID!]!, $to: [ID!]!, $limit: Int) { brokers(from: $from, to: $to, limit: $limit) { connectedPairs brokers { rank } } }';

describe('analysis arguments past their maxima', () => {
  const cases: HostileCase[] = [
    ['metrics limit 5001', ask('{ metrics(limit: 5001) { totalCount } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 0 to 5000, got 5001' }],
    ['metrics limit -1', ask('{ metrics(limit: -1) { totalCount } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 0 to 5000, got -1' }],
    ['metrics samples 100001', ask('{ metrics(samples: 100001) { totalCount } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'samples: must be an integer from 2 to 100000, got 100001' }],
    ['metrics samples 1', ask('{ metrics(samples: 1) { totalCount } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'samples: must be an integer from 2 to 100000, got 1' }],
    ['metrics samples past 32 bits', ask('{ metrics(samples: 4294967296) { totalCount } }'), { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: 'Int cannot represent non 32-bit signed integer value: 4294967296' }],
    ['metrics ids of "__proto__"', ask('{ metrics(ids: ["__proto__"]) { totalCount } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'ids: "__proto__" is not a valid entity id' }],
    ['metrics ids of 20,000 unknown entities', ask('query($ids: [ID!]) { metrics(ids: $ids) { totalCount } }', { ids: Array.from({ length: 20_000 }, (_, i) => `ghost-${i}`) }), { status: 200, code: 'NOT_FOUND', message: 'ghost-0' }],
    ['communities limit 1001', ask('{ communities(limit: 1001) { count } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 0 to 1000, got 1001' }],
    ['communities resolution 101', ask('{ communities(resolution: 101) { count } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'resolution: must be a number above 0 and at most 100, got 101' }],
    ['communities resolution 0', ask('{ communities(resolution: 0) { count } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'resolution: must be a number above 0 and at most 100, got 0' }],
    [
      'communities limit 1000 with 5000 members each',
      ask('{ communities(limit: 1000) { count communities { members(limit: 5000) { id } } } }'),
      { status: 400, code: 'QUERY_TOO_COSTLY', message: 'The query would cost about 5,001,003; the limit is maxCost = 100,000' },
    ],
    ['communities minSize 0', ask('{ communities(minSize: 0) { count } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'minSize: must be an integer of at least 1, got 0' }],
    ['brokers limit 501', ask(BROKERS, { from: [id(0)], to: [id(1)], limit: 501 }), { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 0 to 500, got 501' }],
    ['brokers from 2,001 entities', ask(BROKERS, { from: group(0, 2001), to: [id(4000)] }), { status: 200, code: 'BAD_USER_INPUT', message: 'from: names 2001 entities; at most 2000' }],
    ['brokers to 2,001 entities', ask(BROKERS, { from: [id(4400)], to: group(0, 2001) }), { status: 200, code: 'BAD_USER_INPUT', message: 'to: names 2001 entities; at most 2000' }],
    ['brokers with no entity', ask(BROKERS, { from: [], to: [id(1)] }), { status: 200, code: 'BAD_USER_INPUT', message: 'from: must name at least one entity' }],
    ['brokers with an entity in both groups', ask(BROKERS, { from: [id(0), id(1)], to: [id(1)] }), { status: 200, code: 'BAD_USER_INPUT', message: `to: "${id(1)}" is in both groups` }],
    ['changesBetween limit 5001', ask('{ changesBetween(from: "2000", to: "2020", limit: 5001) { from } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 0 to 5000, got 5001' }],
    ['changesBetween dates reversed', ask('{ changesBetween(from: "2020", to: "2000") { from } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'from: 2020 is after to (2000); give the earlier date as from' }],
    ['changesBetween a date that is no date', ask('{ changesBetween(from: "0000-13-45", to: "2020") { from } }'), { status: 200, code: 'BAD_USER_INPUT', message: 'from:' }],
  ];
  hostileCases(() => server, cases);
});

describe('analysis arguments at their maxima: answered in full', () => {
  // Exact betweenness here (samples >= 4,500) takes about 5 s, computed in the background (analysis-background.test.ts):
  // the largest sample asked here is one that keeps the test short.
  test('metrics: limit 5000 ranks every entity, with every measure', async () => {
    const response = await server.post({ query: '{ metrics(limit: 5000, samples: 64) { totalCount betweenness { approximate samples } items { rank degree pagerank closeness betweenness community entity { id } } } }' });
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data.metrics;
    expect([result.totalCount, result.items.length, result.betweenness]).toEqual([N, N, expect.objectContaining({ approximate: true, samples: 64 })]);
    expect(result.items.map((item: { rank: number }) => item.rank)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    await expectServes(server);
  });

  test('communities: limit 1000 at the largest resolution, and one community with up to 5000 members', async () => {
    const response = await server.post({ query: '{ communities(limit: 1000, resolution: 100, minSize: 1) { count communities { size members { id } } } }' });
    expect(response.body.errors).toBeUndefined();
    const { count, communities } = response.body.data.communities;
    expect(communities).toHaveLength(Math.min(count, 1000));
    for (const community of communities) expect(community.members).toHaveLength(Math.min(community.size, 20));
    const largest = await server.post({ query: '{ communities(limit: 1, resolution: 0.01) { communities { size members(limit: 5000) { id } } } }' });
    expect(largest.body.errors).toBeUndefined();
    const [first] = largest.body.data.communities.communities;
    expect(first.members).toHaveLength(Math.min(first.size, 5000));
    await expectServes(server);
  });

  // Two groups of 2,000 take about 6 s, computed in the background (analysis-background.test.ts); 500 a side keeps the
  // test short.
  test('brokers: two groups of 500 entities, 500 brokers, 3 paths each', async () => {
    const response = await server.post({ query: 'query($from: [ID!]!, $to: [ID!]!) { brokers(from: $from, to: $to, limit: 500) { connectedPairs unconnectedPairs brokers { rank paths(limit: 3) { length } } } }', variables: { from: group(0, 500), to: group(2000, 500) } });
    expect(response.body.errors).toBeUndefined();
    const result = response.body.data.brokers;
    expect(result.connectedPairs).toBe(500 * 500);
    expect(result.unconnectedPairs).toBe(0);
    expect(result.brokers).toHaveLength(500);
    expect(result.brokers[0].paths.length).toBeGreaterThan(0);
    await expectServes(server);
  });

  test('changesBetween: limit 5000 over the whole span lists every relationship that began', async () => {
    const response = await server.post({ query: '{ changesBetween(from: "1999", to: "2021", limit: 5000) { began { total items { relationship { id } } } beganAndEnded { total } } }' });
    expect(response.body.errors).toBeUndefined();
    const { began, beganAndEnded } = response.body.data.changesBetween;
    expect(began.total).toBeGreaterThan(5000);
    expect(began.items).toHaveLength(5000);
    expect(beganAndEnded.total).toBeGreaterThan(0);
    await expectServes(server);
  });
});
