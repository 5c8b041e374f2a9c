import { metrics } from '../../src/analysis';
import { startTestServer, type TestServer } from './http-harness';
import { ringGraph, ringId } from './support/ring-graph';

// Measures too long for one request (exact betweenness of 4,500 entities, brokers between two groups of 2,000) are
// computed in the background in slices: the request answers STILL_COMPUTING within its time, the server keeps serving
// others meanwhile, and the same query asked again gets the result once it is there.

jest.setTimeout(180_000);

const N = 4500;
const METRICS = '{ metrics(limit: 5, samples: 4500, orderBy: BETWEENNESS) { betweenness { approximate samples } items { entity { id } betweenness closeness } } }';

let server: TestServer;
let reference: { entity: { id: string }; betweenness: number; closeness: number }[];
beforeAll(async () => {
  // The same measures computed at once, on a graph of its own: before the server starts, since it blocks this process.
  reference = metrics(ringGraph(N), { limit: 5, samples: N, orderBy: 'BETWEENNESS' }).items.map((item) => ({ entity: { id: item.entity.id }, betweenness: item.betweenness, closeness: item.closeness }));
  server = await startTestServer(ringGraph(N), { NODE_ENV: 'production', PROXYGRAPH_RATE_LIMIT: 'off', PROXYGRAPH_MAX_EXECUTION_MS: '400' });
});
afterAll(() => server?.stop());

/** Asks until the answer comes without STILL_COMPUTING (following the server's advice, at most a second apart); returns every answer. */
async function askUntilAnswered(body: unknown): Promise<{ answers: any[]; last: any }> {
  const answers: any[] = [];
  for (let attempt = 0; attempt < 300; attempt++) {
    const response = await server.post(body);
    expect(response.status).toBe(200);
    answers.push(response.body);
    const error = response.body.errors?.[0];
    if (error?.extensions?.code !== 'STILL_COMPUTING') return { answers, last: response.body };
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, error.extensions.retryAfterSeconds * 1000)));
  }
  throw new Error('never answered');
}

test('exact betweenness: STILL_COMPUTING with its progress, the server serving meanwhile, then the exact values', async () => {
  const first = await server.post({ query: METRICS });
  const error = first.body.errors[0];
  expect(error.extensions).toMatchObject({ code: 'STILL_COMPUTING', progress: expect.any(Number), retryAfterSeconds: expect.any(Number) });
  expect(error.message).toMatch(/^Betweenness and closeness \(4,500 pivots over 4,500 entities\) is being computed in the background \(\d+% done\); ask again in about \d+ s$/);
  expect(error.extensions.progress).toBeGreaterThanOrEqual(0);
  expect(error.extensions.progress).toBeLessThan(1);
  expect(error.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);

  // Other requests are served while it runs: the liveness probe, and a query that needs no betweenness.
  expect((await server.get('/healthz')).status).toBe(200);
  const pagerank = await server.post({ query: '{ metrics(limit: 3) { items { entity { id } pagerank } } }' });
  expect(pagerank.body.errors).toBeUndefined();
  expect(pagerank.body.data.metrics.items).toHaveLength(3);
  // A field left out by @include(if: false) is not waited for; the same field included is.
  const optional = 'query($b: Boolean!) { metrics(limit: 3, samples: 4500) { items { pagerank betweenness @include(if: $b) } } }';
  const without = await server.post({ query: optional, variables: { b: false } });
  expect(without.body.errors).toBeUndefined();
  expect(without.body.data.metrics.items[0]).toEqual({ pagerank: expect.any(Number) });
  const withIt = await server.post({ query: optional, variables: { b: true } });
  expect(withIt.body.errors[0].extensions.code).toBe('STILL_COMPUTING');
  const meanwhile = await server.post({ query: METRICS });
  expect(meanwhile.body.errors?.[0]?.extensions?.code).toBe('STILL_COMPUTING');
  expect(meanwhile.body.errors[0].extensions.progress).toBeGreaterThanOrEqual(error.extensions.progress);

  const { answers, last } = await askUntilAnswered({ query: METRICS });
  const progress = answers.slice(0, -1).map((answer) => answer.errors[0].extensions.progress);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(last.errors).toBeUndefined();
  expect(last.data.metrics.betweenness).toEqual({ approximate: false, samples: N });
  expect(last.data.metrics.items).toEqual(reference);
  // Kept: asked again, it answers at once.
  const again = await server.post({ query: METRICS });
  expect(again.body).toEqual(last);
});

test('brokers between two groups of 2,000: STILL_COMPUTING, then every pair counted', async () => {
  const group = (from: number) => Array.from({ length: 2000 }, (_, i) => ringId(from + i));
  const body = { query: 'query($from: [ID!]!, $to: [ID!]!) { brokers(from: $from, to: $to, limit: 3) { connectedPairs unconnectedPairs brokers { rank entity { id } } } }', variables: { from: group(0), to: group(2400) } };
  const { answers, last } = await askUntilAnswered(body);
  expect(answers[0].errors[0].extensions.code).toBe('STILL_COMPUTING');
  expect(answers[0].errors[0].message).toMatch(/^The brokers between 2,000 and 2,000 entities is being computed in the background/);
  expect(last.errors).toBeUndefined();
  expect(last.data.brokers.connectedPairs).toBe(2000 * 2000);
  expect(last.data.brokers.brokers.map((broker: { rank: number }) => broker.rank)).toEqual([1, 2, 3]);
});
