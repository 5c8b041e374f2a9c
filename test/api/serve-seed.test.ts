import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { createApp, type App } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { loadGraph } from '../../src/load';
import { createLogger } from '../../src/logger';
import { SEED_DATASET } from '../helpers/fixture-datasets';

// Over real HTTP: the seed dataset served as `npm start` serves it.
let app: App;
let url: string;
beforeAll(async () => {
  app = await createApp(loadGraph(SEED_DATASET), { ...serverOptionsFromEnv({}), port: 0 }, createLogger({ LOG_LEVEL: 'silent' }));
  url = await app.listen();
});
afterAll(() => app.stop());

async function post(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

test('answers stats and finds the Popular Mobilization Units first for Hashd al-Shaabi', async () => {
  const { status, body } = await post(`{ stats { entities relationships earliest latest byKind { kind count } } search(text: "Hashd al-Shaabi") { id } }`);
  expect(status).toBe(200);
  expect(body.data.stats.entities).toBeGreaterThanOrEqual(40);
  expect(body.data.stats.relationships).toBeGreaterThan(60);
  expect(body.data.search[0].id).toBe('popular-mobilization-units');
});

test('as of 2003 the served network has no group founded later; each date names its source', async () => {
  const { body } = await post(`{
    network(asOf: "2003") { nodes { id } edges { id } }
    kh: entity(id: "kataib-hezbollah") { start attributes { key value } }
    sources { id publisher url }
  }`);
  const nodes = body.data.network.nodes.map((node: { id: string }) => node.id);
  expect(nodes).toContain('badr-organization');
  for (const later of ['kataib-hezbollah', 'asaib-ahl-al-haq', 'islamic-resistance-in-iraq', 'popular-mobilization-units']) expect(nodes).not.toContain(later);
  expect(body.data.network.edges.map((edge: { id: string }) => edge.id)).not.toContain('iran-backs-kataib-hezbollah');

  const attribute = (key: string) => JSON.parse(body.data.kh.attributes.find((item: { key: string }) => item.key === key).value);
  expect(body.data.kh.start).toBe('2007');
  const dating = body.data.sources.find((source: { id: string }) => source.id === attribute('start_source'));
  expect(dating.url).toMatch(/^https:\/\//);
  expect(body.data.sources.find((source: { id: string }) => source.id === 'article-2024-04-21')).toEqual({
    id: 'article-2024-04-21',
    publisher: 'The Jerusalem Post',
    url: expect.stringMatching(/^https:\/\/www\.jpost\.com\//),
  });
});

test('the schema introspected from the running server equals schema/schema.graphql', async () => {
  const { body } = await post(getIntrospectionQuery());
  const served = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
  const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
  // The committed file starts with a comment header; compare the SDL itself.
  expect(served.trim()).toBe(committed.replace(/^#.*\n\n/, '').trim());
});

test('an unknown entity in a traversal is NOT_FOUND over HTTP too, with a request id', async () => {
  const { body, headers } = await post(`{ neighborhood(id: "atlantis") { truncated } }`);
  expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  expect(body.errors[0].extensions.requestId).toBe(headers.get('x-request-id'));
});

test('/healthz answers for liveness probes', async () => {
  const response = await fetch(url.replace('/graphql', '/healthz'));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

test('every response carries the security headers', async () => {
  const response = await fetch(url.replace('/graphql', '/no-such-page'));
  expect(response.status).toBe(404);
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});
