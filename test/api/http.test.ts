import { join } from 'node:path';
import { SECURITY_HEADERS } from '../../src/api/http/security-headers';
import { INTERNAL_MESSAGE } from '../../src/api/format-error';
import { loadGraph, type KnowledgeGraph } from '../../src/load';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { codeOf, expectServes, startTestServer, type TestResponse, type TestServer } from './http-harness';

// The HTTP surface over real sockets: headers, body limits, JSON errors, CSRF, methods, production defaults, masking.
const seed = loadGraph(SEED_DATASET);
let production: TestServer;
let development: TestServer;
beforeAll(async () => {
  production = await startTestServer(seed, { NODE_ENV: 'production', PROXYGRAPH_MAX_BODY_BYTES: '10000' });
  development = await startTestServer(seed, { NODE_ENV: 'development' });
});
afterAll(async () => {
  await production.stop();
  await development.stop();
});

function expectSecurityHeaders(response: { headers: Headers } | string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (typeof response === 'string') expect(response.toLowerCase()).toContain(`${name}: ${value.toLowerCase()}`);
    else expect([name, response.headers.get(name)]).toEqual([name, value]);
  }
}

describe('security headers are on every response', () => {
  const cases: [string, (server: TestServer) => Promise<TestResponse>, number][] = [
    ['a GraphQL answer', (s) => s.post({ query: '{ stats { entities } }' }), 200],
    ['/healthz', (s) => s.get('/healthz'), 200],
    ['a 404', (s) => s.get('/no/such/file.js'), 404],
    ['a GraphQL validation error', (s) => s.post({ query: '{ nope }' }), 400],
    ['malformed JSON', (s) => s.post('{"query": '), 400],
    ['a body over the limit', (s) => s.post({ query: '{ stats { entities } }', pad: 'x'.repeat(20_000) }), 413],
    ['a wrong method', (s) => fetch(s.url, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } }).then(async (r) => ({ status: r.status, headers: r.headers, text: await r.text(), body: undefined })), 405],
  ];
  test.each(cases)('%s', async (_name, send, status) => {
    const response = await send(production);
    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('requests refused by the HTTP parser itself (headers too large) get them too, and a JSON body', async () => {
    const reply = await production.raw(`GET /graphql?query=x HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 431 /);
    expectSecurityHeaders(reply);
    expect(reply).toContain('"code":"HEADERS_TOO_LARGE"');
  });
});

describe('request bodies', () => {
  test('a body over PROXYGRAPH_MAX_BODY_BYTES is a 413 JSON error, with or without content-length', async () => {
    const declared = await production.post({ query: '{ stats { entities } }', pad: 'x'.repeat(20_000) });
    expect([declared.status, codeOf(declared)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(declared.body.errors[0].message).toBe('request body is larger than 10,000 bytes (PROXYGRAPH_MAX_BODY_BYTES)');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"query":"{ stats { entities } }","pad":"' : 'x'.repeat(5000)));
        controller.close();
      },
    });
    const chunked = await fetch(production.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    await expectServes(production);
  });

  test('malformed JSON is answered as a JSON error, not HTML', async () => {
    const response = await production.post('{"query": "{ stats { entities } }"');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(codeOf(response)).toBe('BAD_REQUEST');
    expect(response.body.errors[0].message).toMatch(/^request body is not valid JSON/);
  });

  test('batched requests are refused unless PROXYGRAPH_BATCHING is on', async () => {
    const response = await production.post([{ query: '{ stats { entities } }' }, { query: '{ stats { entities } }' }]);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/batch/i);
  });
});

describe('CSRF prevention and methods', () => {
  test('a simple (form-like) POST is refused before it runs', async () => {
    const response = await production.post(JSON.stringify({ query: '{ stats { entities } }' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/CSRF/);
  });

  test('a GET without a preflight-forcing header is refused; with one it is answered', async () => {
    const query = encodeURIComponent('{ stats { entities } }');
    const bare = await production.get(`/graphql?query=${query}`);
    expect(bare.status).toBe(400);
    expect(bare.body.errors[0].message).toMatch(/CSRF/);
    const preflighted = await production.get(`/graphql?query=${query}`, { 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
  });

  test('a mutation over GET is refused with 405 before anything runs', async () => {
    // Apollo checks the operation type of a GET before executing it (whether or not the schema has mutations yet).
    const response = await production.get(`/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors[0].message).toBe('GET requests only support query operations, not mutation operations');
  });

  test('a real mutation over GET is refused and changes nothing', async () => {
    const mutation = 'mutation { deleteEntity(id: "hezbollah", cascade: true) { id deletedRelationships } }';
    const response = await development.get(`/graphql?query=${encodeURIComponent(mutation)}`, { 'apollo-require-preflight': 'true' });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
    const still = await development.post({ query: '{ entity(id: "hezbollah") { id } }' });
    expect(still.body.data.entity).toEqual({ id: 'hezbollah' });
  });
});

describe('production defaults', () => {
  test('no "Did you mean" in production (fields, arguments, enum values, variables); there is one in development', async () => {
    const documents = [
      { query: '{ entiy(id: "hezbollah") { id } }' },
      { query: '{ search(text: "x", limt: 3) { id } }' },
      { query: '{ search(text: "x", kinds: [PERSN]) { id } }' },
      { query: 'query($k: [EntityKind!]) { search(text: "x", kinds: $k) { id } }', variables: { k: ['PERSN'] } },
    ];
    for (const document of documents) {
      const refused = await production.post(document);
      expect(refused.status).toBe(400);
      expect(refused.text).not.toMatch(/did you mean/i);
    }
    expect((await development.post(documents[0])).text).toMatch(/Did you mean/);
  });

  test('introspection and the IDE are off in production unless configured, on in development', async () => {
    const introspection = { query: '{ __schema { queryType { name } } }' };
    expect((await production.post(introspection)).status).toBe(400);
    expect((await production.get('/graphiql')).status).toBe(404);
    expect((await development.post(introspection)).status).toBe(200);
    const configured = await startTestServer(seed, { NODE_ENV: 'production', PROXYGRAPH_INTROSPECTION: 'true' });
    try {
      expect((await configured.post(introspection)).status).toBe(200);
    } finally {
      await configured.stop();
    }
  });
});

/** A graph whose one entity's name getter throws, as a corrupt store or a bug would. */
function graphWithFailingEntity(): KnowledgeGraph {
  const graph = loadGraph(join(__dirname, '..', 'fixtures', 'hostile', 'base'));
  const attributes = graph.getNodeAttributes('iran');
  const record = { ...attributes.record };
  Object.defineProperty(record, 'name', {
    enumerable: true,
    get() {
      throw new Error('disk read failed at /srv/proxygraph/src/store/secret-file.ts:12');
    },
  });
  graph.replaceNodeAttributes('iran', { ...attributes, record });
  return graph;
}

describe('internal errors are masked, logged with the request id, and the response carries that id', () => {
  test.each([['production'], ['development']])('%s', async (mode) => {
    const server = await startTestServer(graphWithFailingEntity(), { NODE_ENV: mode });
    try {
      const response = await server.post({ query: '{ entity(id: "iran") { id name } }' });
      expect(response.status).toBe(200);
      const error = response.body.errors[0];
      expect(error.message).toBe(INTERNAL_MESSAGE);
      expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error.path).toEqual(['entity', 'name']);
      const logged = server.logs.find((line) => line.msg === 'internal error');
      expect(logged).toBeDefined();
      expect(logged!.requestId).toBe(error.extensions.requestId);
      expect(logged!.err.message).toContain('disk read failed');
      if (mode === 'production') {
        expect(response.text).not.toMatch(/disk read failed|\/srv\/|secret-file|stacktrace|\bat [\w.]+ \(/);
      }
      await expectServes(server);
    } finally {
      await server.stop();
    }
  });
});
