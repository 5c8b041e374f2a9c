import type { ApolloServer } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../../logger';
import type { ContextFactory, RequestContext } from '../create-apollo-server';
import type { ChangeFeed } from '../live/change-feed';
import { handleChangeEvents } from './change-events';
import { handleGraphQL } from './graphql-handler';
import { SECURITY_HEADERS, sendJsonError, setSecurityHeaders } from './security-headers';
import { IDE_OFF_MESSAGE, isIdeAsset, serveStatic } from './static-files';

export interface HttpServerOptions {
  readonly maxBodyBytes: number;
  /** Directory of the built client; null to serve the API alone. */
  readonly clientDirectory: string | null;
  readonly ide: boolean;
  readonly createContext: ContextFactory;
  /** Longest time a client may take to send a whole request; headers must arrive within the first 10 s of it. */
  readonly requestTimeoutMs?: number;
  /** The live change feed served at /events; null on a server without a store. */
  readonly changeFeed?: ChangeFeed | null;
  /** Take client addresses from X-Forwarded-For (PROXYGRAPH_TRUST_PROXY). */
  readonly trustProxy?: boolean;
}

/**
 * Requests Node's HTTP parser refuses before our handler runs (malformed, headers too large, too slow) get a JSON body
 * and the security headers too, instead of Node's bare default.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const code = status === 431 ? 'HEADERS_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const message = status === 431 ? 'request headers (or the URL) are too large' : status === 408 ? 'the request took too long to arrive' : 'malformed HTTP request';
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  const headers = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`);
}

/**
 * Stops accepting connections and resolves once in-flight requests have finished: idle keep-alive connections are
 * closed as soon as they fall idle; past `graceMs` the remaining connections are cut.
 */
export function drainHttpServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Routes: /graphql (API), /events (live changes), /healthz (liveness), everything else from the built client. */
export function createHttpServer(apollo: ApolloServer<RequestContext>, options: HttpServerOptions, logger: Logger): Server {
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  // Node checks these timeouts every connectionsCheckingInterval (30 s by default): check every second instead.
  const timeouts = { requestTimeout, headersTimeout: Math.min(requestTimeout, 10_000), connectionsCheckingInterval: 1_000 };
  const server = createServer(timeouts, (request, response) => {
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    setSecurityHeaders(response);
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://localhost');
    } catch {
      // An absolute-form target such as "http://[" is not a URL; thrown here it would crash the process.
      sendJsonError(response, 400, 'BAD_REQUEST', 'the request target is not a valid URL');
      return;
    }
    const fail = (error: unknown) => {
      logger.error({ requestId, err: error }, 'request failed');
      if (!response.headersSent) sendJsonError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.destroy();
    };
    try {
      if (url.pathname === '/graphql') {
        handleGraphQL(apollo, request, response, url, { maxBodyBytes: options.maxBodyBytes, requestId, logger, createContext: options.createContext, trustProxy: options.trustProxy }).catch(fail);
        return;
      }
      if (url.pathname === '/events') {
        handleChangeEvents(options.changeFeed ?? null, request, response, url, { requestId, logger, createContext: options.createContext }).catch(fail);
        return;
      }
      if (url.pathname === '/healthz') {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end('{"status":"ok"}');
        return;
      }
      if (!options.clientDirectory && !options.ide && isIdeAsset(url.pathname)) {
        sendJsonError(response, 404, 'NOT_FOUND', IDE_OFF_MESSAGE);
        return;
      }
      if (options.clientDirectory && serveStatic(options.clientDirectory, request, response, url.pathname, { ide: options.ide })) return;
      sendJsonError(response, 404, 'NOT_FOUND', `no such resource: ${url.pathname.slice(0, 200)}`);
    } catch (error) {
      fail(error);
    }
  });
  server.on('clientError', answerClientError);
  return server;
}
