import type { ApolloServer } from '@apollo/server';
import { createApolloServer, type RequestContext } from '../../src/api/create-apollo-server';
import { createSchema } from '../../src/api/create-schema';
import type { KnowledgeGraph } from '../../src/load';
import { createLogger } from '../../src/logger';

export interface TestApi {
  server: ApolloServer<RequestContext>;
  /** Runs an operation without sockets; returns data and errors of a single result. */
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: readonly { message: string; extensions?: Record<string, any> }[] }>;
}

export async function createTestApi(graph: KnowledgeGraph, development = false): Promise<TestApi> {
  const server = createApolloServer(await createSchema(graph), { development, introspection: true, allowBatchedHttpRequests: false });
  await server.start();
  const contextValue: RequestContext = { requestId: 'test', logger: createLogger({ LOG_LEVEL: 'silent' }) };
  return {
    server,
    async query(query, variables) {
      const response = await server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as any;
    },
  };
}
