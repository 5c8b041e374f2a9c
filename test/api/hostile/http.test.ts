import { NORMAL_QUERY, startTestServer, type TestServer } from '../http-harness';
import { loadGraph } from '../../../src/load';
import { SEED_DATASET } from '../../helpers/fixture-datasets';
import { hostileCases, toResponse, type HostileCase } from './hostile-cases';

// Hostile HTTP: each case asserts the exact refusal, then that the server still answers.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(loadGraph(SEED_DATASET), { NODE_ENV: 'production', PROXYGRAPH_MAX_BODY_BYTES: '100000' });
});
afterAll(() => server.stop());

describe('HTTP', () => {
  const small = JSON.stringify({ query: NORMAL_QUERY });
  const cases: HostileCase[] = [
    ['malformed JSON', (s) => s.post('{"query": "{ stats { entities } }",'), { status: 400, code: 'BAD_REQUEST', message: 'request body is not valid JSON' }],
    ['an empty JSON body', (s) => s.post(''), { status: 400, code: 'BAD_REQUEST' }],
    ['a JSON body that is a number', (s) => s.post('42'), { status: 400, code: 'BAD_REQUEST' }],
    ['a body over the size limit', (s) => s.post({ query: NORMAL_QUERY, pad: 'x'.repeat(200_000) }), { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is larger than 100000 bytes' }],
    [
      'a chunked body over the size limit',
      async (s) => {
        const stream = new ReadableStream({
          start(controller) {
            for (let i = 0; i < 30; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
            controller.close();
          },
        });
        const response = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
        return { status: response.status, headers: response.headers, text: '', body: await response.json() };
      },
      { status: 413, code: 'PAYLOAD_TOO_LARGE' },
    ],
    ['a batch when batching is off', (s) => s.post([{ query: NORMAL_QUERY }]), { status: 400, code: 'BAD_REQUEST', message: 'Operation batching disabled.' }],
    ['a JSON body sent as application/jsonx', (s) => s.post(small, { 'content-type': 'application/jsonx' }), { status: 400, code: 'BAD_REQUEST' }],
    ['a JSON body sent as application/json-seq', (s) => s.post(small, { 'content-type': 'application/json-seq' }), { status: 400, code: 'BAD_REQUEST' }],
    ['a text/plain POST (CSRF)', (s) => s.post(small, { 'content-type': 'text/plain' }), { status: 400, code: 'BAD_REQUEST', message: /CSRF/ }],
    ['a form-encoded POST (CSRF)', (s) => s.post(`query=${encodeURIComponent(NORMAL_QUERY)}`, { 'content-type': 'application/x-www-form-urlencoded' }), { status: 400, code: 'BAD_REQUEST', message: /CSRF/ }],
    ['a GET without a preflight header (CSRF)', (s) => s.get(`/graphql?query=${encodeURIComponent(NORMAL_QUERY)}`), { status: 400, code: 'BAD_REQUEST', message: /CSRF/ }],
    ['a mutation over GET', (s) => s.get(`/graphql?query=${encodeURIComponent('mutation { __typename }')}`, { 'apollo-require-preflight': '1' }), { status: 405, code: 'BAD_REQUEST', message: 'GET requests only support query operations' }],
    ['a PUT', (s) => s.post(small, {}).then(() => fetch(s.url, { method: 'PUT', body: small, headers: { 'content-type': 'application/json' } })).then(toResponse), { status: 405, code: 'BAD_REQUEST' }],
    ['a request target that is not a URL', (s) => s.raw('GET http://[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), { status: 400, code: 'BAD_REQUEST', message: 'the request target is not a valid URL' }],
    ['headers of 20 KB', (s) => s.raw(`GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`), { status: 431, code: 'HEADERS_TOO_LARGE' }],
    ['a malformed request line', (s) => s.raw('HELLO WORLD\r\n\r\n'), { status: 400, code: 'BAD_REQUEST', message: 'malformed HTTP request' }],
    ['a path that climbs out of the client directory', (s) => s.raw('GET /../../../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'), { status: 404, code: 'NOT_FOUND' }],
    ['an encoded climb', (s) => s.get('/%2e%2e/%2e%2e/%2e%2e/etc/passwd'), { status: 404, code: 'NOT_FOUND' }],
    ['a NUL byte in the path', (s) => s.get('/index.html%00.js'), { status: 404, code: 'NOT_FOUND' }],
    [
      'invalid UTF-8 in a JSON body',
      (s) => fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat([Buffer.from('{"query":"{ stats { entities } }\xff'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) }).then(toResponse),
      { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    ],
  ];
  hostileCases(() => server, cases);
});

