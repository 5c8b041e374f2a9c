import { communitiesOf, metrics } from '../../src/analysis';
import { startTestServer, type TestServer } from './http-harness';
import { ringGraph } from './support/ring-graph';

// Over HTTP, on a network large enough for PageRank and Louvain to run in a worker thread: the answers are those the
// same functions give computed in one process (test/analysis/library-worker.test.ts shows the thread stays free).

jest.setTimeout(120_000);

const N = 12_000;
let server: TestServer;
let expected: { metrics: unknown; communities: unknown };

beforeAll(async () => {
  const graph = ringGraph(N);
  expected = {
    metrics: metrics(graph, { limit: 5 }).items.map((item) => ({ entity: { id: item.entity.id }, rank: item.rank, pagerank: item.pagerank, community: item.community })),
    communities: communitiesOf(graph, { limit: 3 }).communities.map((community) => ({ id: community.id, size: community.size, internalTies: community.internalTies })),
  };
  server = await startTestServer(ringGraph(N), { NODE_ENV: 'production', PROXYGRAPH_RATE_LIMIT: 'off' });
});
afterAll(() => server?.stop());

test('metrics ranked by PageRank, with communities: the in-process answer', async () => {
  const answer = await server.post({ query: '{ metrics(limit: 5) { items { entity { id } rank pagerank community } } }' });
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data.metrics.items).toEqual(expected.metrics);
});

test('communities: the in-process answer', async () => {
  const answer = await server.post({ query: '{ communities(limit: 3) { communities { id size internalTies } } }' });
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data.communities.communities).toEqual(expected.communities);
});

test('bad arguments are refused before anything is computed', async () => {
  const answer = await server.post({ query: '{ communities(resolution: 0) { count } }' });
  expect(answer.body.errors[0].message).toMatch(/resolution.*above 0/);
  const metricsAnswer = await server.post({ query: '{ metrics(limit: -1) { entities } }' });
  expect(metricsAnswer.body.errors[0].message).toMatch(/limit.*from 0/);
});
