import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { CLIENT_DIRECTORY } from '../../src/api/create-app';
import { loadGraph } from '../../src/load';
import { MINI_DATASET } from '../helpers/fixture-datasets';
import { startTestServer, type TestServer } from './http-harness';

// The built client over HTTP: compressed when the browser accepts it, revalidated by ETag, and every GraphiQL asset
// behind the one IDE switch. fetch() decompresses on its own, so these requests go through node:http.
let production: TestServer;
let development: TestServer;
beforeAll(async () => {
  const graph = loadGraph(MINI_DATASET);
  production = await startTestServer(graph, { NODE_ENV: 'production' });
  development = await startTestServer(graph, { NODE_ENV: 'development' });
});
afterAll(() => Promise.all([production.stop(), development.stop()]));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(server: TestServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.origin}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const file = (name: string) => readFileSync(join(CLIENT_DIRECTORY, name));

describe('compression', () => {
  test('app.js is sent as brotli to a browser that accepts it, and decompresses to the built file', async () => {
    const response = await get(production, '/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(file('app.js').length / 2);
    expect(brotliDecompressSync(response.body).equals(file('app.js'))).toBe(true);
  });

  test('gzip when brotli is not accepted; as it is when nothing is', async () => {
    const gzip = await get(production, '/app.css', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(file('app.css'))).toBe(true);
    const plain = await get(production, '/app.css');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(file('app.css'))).toBe(true);
    const refused = await get(production, '/app.css', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  test('HEAD gives the headers of the variant without a body', async () => {
    const head = await get(production, '/app.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });
});

describe('caching', () => {
  test('each asset has an ETag per variant; a matching If-None-Match is a 304 without a body', async () => {
    const first = await get(production, '/app.js', { 'accept-encoding': 'br' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get(production, '/app.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const plain = await get(production, '/app.js');
    expect(plain.headers.etag).not.toBe(etag);
    expect((await get(production, '/app.js', { 'if-none-match': etag })).status).toBe(200);
  });

  test('index.html is revalidated every time; fonts named by their hash are immutable', async () => {
    expect((await get(production, '/')).headers['cache-control']).toBe('no-cache');
    const font = readdirSync(join(CLIENT_DIRECTORY, 'fonts'))[0];
    const response = await get(development, `/fonts/${font}`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('one switch for every IDE asset', () => {
  const ideAssets = () => ['/graphiql', '/graphiql.html', '/graphiql.js', '/graphiql.css', '/graphiql-page.css', '/graphiql.js.map', `/fonts/${readdirSync(join(CLIENT_DIRECTORY, 'fonts'))[0]}`];

  test('with the IDE off (production) none of them is served', async () => {
    for (const path of ideAssets()) {
      const response = await production.get(path);
      expect([path, response.status, response.body?.errors?.[0]?.message]).toEqual([path, 404, 'the GraphQL IDE is turned off on this server (PROXYGRAPH_IDE=false)']);
    }
    expect((await production.get('/app.js')).status).toBe(200);
  });

  test('with the IDE on (development) all of them are', async () => {
    for (const path of ideAssets()) expect([path, (await development.get(path)).status]).toEqual([path, 200]);
  });
});
