import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { PACKAGE_ROOT } from '../config';
import type { KnowledgeGraph } from '../load';
import { degreeBound, maxDegree, warmIncidences } from '../queries';
import type { Logger } from '../logger';
import { authenticate, type GraphEditor } from '../store';
import { createAuthContext, type ReadAccess } from './auth-context';
import { createApolloServer, defaultContext, type RequestContext } from './create-apollo-server';
import { createSchema } from './create-schema';
import { createHttpServer, drainHttpServer } from './http/http-server';
import { ChangeFeed } from './live/change-feed';
import type { ServerOptions } from './server-options';

export const CLIENT_DIRECTORY = join(PACKAGE_ROOT, 'dist', 'client');

export interface App {
  readonly apollo: ApolloServer<RequestContext>;
  readonly http: Server;
  /** Starts listening; resolves with the URL of the API. */
  listen(): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

/** A server with a store: its graph is edited through `editor`, and requests carry tokens. */
export interface Editing {
  readonly editor: GraphEditor;
  readonly readAccess: ReadAccess;
}

/** The cost model's view of the graph's degrees. */
export function graphDegrees(graph: KnowledgeGraph) {
  return { degreeOf: (id: string) => degreeBound(graph, id), maxDegree: () => maxDegree(graph) };
}

export async function createApp(graph: KnowledgeGraph, options: ServerOptions, logger: Logger, editing: Editing | null = null): Promise<App> {
  // Entities with thousands of relationships are indexed now rather than by the first request that meets them.
  const warmed = warmIncidences(graph);
  if (warmed > 0) logger.info({ entities: warmed }, 'indexed the relationships of the busiest entities');
  const schema = await createSchema(graph, editing?.editor ?? null);
  const apollo = createApolloServer(schema, { ...options, degrees: graphDegrees(graph) });
  await apollo.start();
  const clientDirectory = existsSync(CLIENT_DIRECTORY) ? CLIENT_DIRECTORY : null;
  if (!clientDirectory) logger.warn({ clientDirectory: CLIENT_DIRECTORY }, 'the client is not built (npm run build): serving the API alone');
  const changeFeed = editing ? new ChangeFeed(editing.editor, logger) : null;
  const createContext = editing ? createAuthContext({ authenticate: (secret) => authenticate(editing.editor.store, secret), readAccess: editing.readAccess }) : defaultContext;
  const http = createHttpServer(
    apollo,
    { maxBodyBytes: options.maxBodyBytes, clientDirectory, ide: options.ide, createContext, requestTimeoutMs: options.requestTimeoutMs, changeFeed, trustProxy: options.rateLimit?.trustProxy },
    logger,
  );
  return {
    apollo,
    http,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(options.port, options.host, () => {
          const { port } = http.address() as AddressInfo;
          const host = options.host.includes(':') ? `[${options.host}]` : options.host;
          resolve(`http://${host}:${port}/graphql`);
        });
      }),
    stop: async () => {
      // Live streams never finish by themselves: end them, so that draining waits only for real requests.
      changeFeed?.close();
      await drainHttpServer(http, options.shutdownGraceMs);
      await apollo.stop();
    },
  };
}
