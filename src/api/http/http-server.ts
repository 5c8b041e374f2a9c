import type { ApolloServer } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Logger } from '../../logger';
import type { ContextFactory, RequestContext } from '../create-apollo-server';
import { handleGraphQL } from './graphql-handler';
import { sendJsonError, setSecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';

export interface HttpServerOptions {
  readonly maxBodyBytes: number;
  /** Directory of the built client; null to serve the API alone. */
  readonly clientDirectory: string | null;
  readonly ide: boolean;
  readonly createContext: ContextFactory;
}

/** Routes: /graphql (API), /healthz (liveness), everything else from the built client. */
export function createHttpServer(apollo: ApolloServer<RequestContext>, options: HttpServerOptions, logger: Logger): Server {
  return createServer((request, response) => {
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    setSecurityHeaders(response);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const fail = (error: unknown) => {
      logger.error({ requestId, err: error }, 'request failed');
      if (!response.headersSent) sendJsonError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.destroy();
    };
    try {
      if (url.pathname === '/graphql') {
        handleGraphQL(apollo, request, response, url, { maxBodyBytes: options.maxBodyBytes, requestId, logger, createContext: options.createContext }).catch(fail);
        return;
      }
      if (url.pathname === '/healthz') {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        response.end('{"status":"ok"}');
        return;
      }
      if (url.pathname === '/graphiql' && !options.ide) {
        sendJsonError(response, 404, 'NOT_FOUND', 'the GraphQL IDE is turned off on this server (PROXYGRAPH_IDE=false)');
        return;
      }
      if (options.clientDirectory && serveStatic(options.clientDirectory, request, response, url.pathname)) return;
      sendJsonError(response, 404, 'NOT_FOUND', `no such resource: ${url.pathname.slice(0, 200)}`);
    } catch (error) {
      fail(error);
    }
  });
}
