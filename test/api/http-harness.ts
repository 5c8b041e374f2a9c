import { connect } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type App, type Editing } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import type { KnowledgeGraph } from '../../src/load';

/** A real server on an ephemeral loopback port, with its log lines kept for assertions. */
export interface TestServer {
  readonly app: App;
  readonly url: string;
  readonly origin: string;
  readonly logs: Record<string, any>[];
  post(body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  get(pathAndQuery: string, headers?: Record<string, string>): Promise<TestResponse>;
  /** Sends bytes on a raw socket and returns what came back (for requests fetch will not send). */
  raw(request: string | Buffer): Promise<string>;
  stop(): Promise<void>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The JSON body, or undefined when the body is not JSON. */
  readonly body: any;
}

async function toTestResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** `editing`: a server with a store (tokens, mutations, /events); without it, the graph is served read-only. */
export async function startTestServer(graph: KnowledgeGraph, env: NodeJS.ProcessEnv = {}, editing: Editing | null = null): Promise<TestServer> {
  const logs: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const app = await createApp(graph, { ...serverOptionsFromEnv(env), port: 0, host: '127.0.0.1' }, logger, editing);
  const url = await app.listen();
  const origin = url.replace(/\/graphql$/, '');
  const port = Number(new URL(url).port);
  return {
    app,
    url,
    origin,
    logs,
    post: async (body, headers = {}) =>
      toTestResponse(await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })),
    get: async (pathAndQuery, headers = {}) => toTestResponse(await fetch(origin + pathAndQuery, { headers })),
    raw: (request) =>
      new Promise((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(error)));
        socket.write(request);
      }),
    stop: () => app.stop(),
  };
}

/** A normal read query and its check: every hostile case is followed by it, to show the server still serves. */
export const NORMAL_QUERY = '{ stats { entities relationships } }';

export async function expectServes(server: TestServer): Promise<void> {
  const response = await server.post({ query: NORMAL_QUERY });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  expect(response.body.data.stats.entities).toBeGreaterThan(0);
}

/** The first error's code of a GraphQL-shaped JSON body. */
export function codeOf(response: TestResponse): string | undefined {
  return response.body?.errors?.[0]?.extensions?.code;
}
