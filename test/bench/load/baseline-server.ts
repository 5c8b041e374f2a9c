import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, validate, type DocumentNode, type GraphQLError } from 'graphql';
import { createSchema } from '../../../src/api/create-schema';
import { dataDirectory } from '../../../src/config';
import { loadGraph } from '../../../src/load';
import { LruCache } from './lru-cache';

/**
 * The baseline of the load bench: graphql-js `execute` behind a bare node:http server, with the same schema and
 * resolvers as proxygraph (createSchema), and parsed-and-validated documents cached by query text, as Apollo caches
 * them. No limits, no plugins, no logging, no security headers: the cost of the GraphQL work alone.
 */
async function main(): Promise<void> {
  const graph = loadGraph(dataDirectory());
  const schema = await createSchema(graph);
  const documents = new LruCache<string, { document?: DocumentNode; errors?: readonly GraphQLError[] }>(1000);
  const prepare = (query: string) => {
    let prepared = documents.get(query);
    if (!prepared) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        prepared = errors.length > 0 ? { errors } : { document };
      } catch (error) {
        prepared = { errors: [error as GraphQLError] };
      }
      documents.set(query, prepared);
    }
    return prepared;
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
        response.end(text);
      };
      let body: { query?: unknown; variables?: Record<string, unknown>; operationName?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        send(400, { errors: [{ message: 'invalid JSON' }] });
        return;
      }
      if (typeof body?.query !== 'string') {
        send(400, { errors: [{ message: 'no query' }] });
        return;
      }
      const prepared = prepare(body.query);
      if (!prepared.document) {
        send(400, { errors: prepared.errors!.map((error) => ({ message: error.message })) });
        return;
      }
      const result = await execute({ schema, document: prepared.document, variableValues: body.variables, operationName: body.operationName, contextValue: {} });
      send(200, result);
    });
  });
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`baseline: API at http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`baseline: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
