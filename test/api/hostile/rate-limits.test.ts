import { loadGraph } from '../../../src/load';
import { DEFAULT_RATE_LIMITED_FIELDS, rateLimitFromEnv, RateLimiter } from '../../../src/api/limits';
import { serverOptionsFromEnv } from '../../../src/api/server-options';
import { SEED_DATASET } from '../../helpers/fixture-datasets';
import { codeOf, expectServes, startTestServer, type TestServer } from '../http-harness';

// Expensive operations are rate limited per address and per token: past the limit, 429 with Retry-After, and the
// server keeps serving everything else (and other clients).
const graph = loadGraph(SEED_DATASET);
const PATHS = '{ paths(from: "kataib-hezbollah", to: "israel", k: 2) { length } }';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(graph, { NODE_ENV: 'production', PROXYGRAPH_RATE_LIMIT: '3/60', PROXYGRAPH_TRUST_PROXY: '1' });
});
afterAll(() => server.stop());

const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` });

test('paths past the limit: 429 with Retry-After and a message naming the limit and its setting', async () => {
  for (let i = 0; i < 3; i++) expect((await server.post({ query: PATHS }, from('198.51.100.1'))).status).toBe(200);
  const refused = await server.post({ query: PATHS }, from('198.51.100.1'));
  expect([refused.status, codeOf(refused)]).toEqual([429, 'RATE_LIMITED']);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(refused.body.errors[0].message).toContain('PROXYGRAPH_RATE_LIMIT=3/60');
  expect(refused.body.errors[0].extensions).toMatchObject({ max: 3, windowSeconds: 60 });
  expect(refused.body.data).toBeUndefined();
  // Cheap queries from the same address, and paths from another address, go on.
  await expectServes(server);
  expect((await server.post({ query: PATHS }, from('198.51.100.2'))).status).toBe(200);
});

test('each alias of a limited field counts, and a refused request takes nothing', async () => {
  const two = `{ a: ${PATHS.slice(2, -2)} b: ${PATHS.slice(2, -2)} }`;
  expect((await server.post({ query: two }, from('198.51.100.3'))).status).toBe(200);
  expect((await server.post({ query: `{ a: ${PATHS.slice(2, -2)} b: ${PATHS.slice(2, -2)} c: shortestPath(from: "iran", to: "iraq") { length } }` }, from('198.51.100.3'))).status).toBe(429);
  expect((await server.post({ query: PATHS }, from('198.51.100.3'))).status).toBe(200);
  expect((await server.post({ query: PATHS }, from('198.51.100.3'))).status).toBe(429);
});

test('the limited fields are data: another field can be named, and ingestion and analysis fields are by default', async () => {
  expect(DEFAULT_RATE_LIMITED_FIELDS).toEqual(expect.arrayContaining(['paths', 'shortestPath', 'ingestReport', 'metrics', 'communities', 'brokers', 'changesBetween']));
  const strict = await startTestServer(graph, { NODE_ENV: 'production', PROXYGRAPH_RATE_LIMIT: '1/3600', PROXYGRAPH_RATE_LIMITED_FIELDS: 'stats' });
  try {
    expect((await strict.post({ query: '{ stats { entities } }' })).status).toBe(200);
    expect((await strict.post({ query: '{ stats { entities } }' })).status).toBe(429);
    expect((await strict.post({ query: PATHS })).status).toBe(200);
  } finally {
    await strict.stop();
  }
});

test('per token and per address: a token is limited wherever it comes from, an address whatever token it sends', () => {
  let now = 0;
  const limiter = new RateLimiter({ requests: 2, windowMs: 60_000 }, 1000, () => now);
  expect(limiter.take(['address:a', 'token:alice'], 1)).toBe(0);
  expect(limiter.take(['address:b', 'token:alice'], 1)).toBe(0);
  expect(limiter.take(['address:c', 'token:alice'], 1)).toBe(30);
  expect(limiter.take(['address:a', 'token:bob'], 1)).toBe(0);
  expect(limiter.take(['address:a', 'token:carol'], 1)).toBe(30);
  now = 30_000;
  expect(limiter.take(['address:c', 'token:alice'], 1)).toBe(0);
});

test('configuration: N/S or off, named in the error when malformed; on by default', () => {
  expect(serverOptionsFromEnv({}).rateLimit).toMatchObject({ requests: 60, windowMs: 60_000, trustProxy: false });
  expect(rateLimitFromEnv({ PROXYGRAPH_RATE_LIMIT: 'off' })).toBeNull();
  expect(rateLimitFromEnv({ PROXYGRAPH_RATE_LIMIT: '10/1', PROXYGRAPH_RATE_LIMITED_FIELDS: 'paths, metrics' })).toMatchObject({ requests: 10, windowMs: 1000, fields: ['paths', 'metrics'] });
  expect(() => rateLimitFromEnv({ PROXYGRAPH_RATE_LIMIT: 'lots' })).toThrow('PROXYGRAPH_RATE_LIMIT=lots: write N/S');
});
