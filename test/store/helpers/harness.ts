import type { ApolloServer } from '@apollo/server';
import type { AuthContext } from '../../../src/api/auth-context';
import { createApolloServer } from '../../../src/api/create-apollo-server';
import { createSchema } from '../../../src/api/create-schema';
import type { KnowledgeGraph } from '../../../src/load';
import { GraphEditor, readDatasetFiles, seedIfPristine, versionsOf, type Actor, type Store } from '../../../src/store';
import { SEED_DATASET } from '../../helpers/fixture-datasets';
import { freshStoreConfig, openTestStore, prepareHome, silentLogger, type StoreKind, type TestStoreConfig } from './stores';

export const EDITOR: Actor = { name: 'alice', role: 'editor' };
export const ADMIN: Actor = { name: 'root-admin', role: 'admin' };
export const READER: Actor = { name: 'rita', role: 'reader' };

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: readonly { message: string; extensions?: Record<string, any> }[];
}

/** A store (seeded with the seed dataset), its editor, and the GraphQL API over them without sockets. */
export interface Harness {
  readonly kind: StoreKind;
  readonly test: TestStoreConfig;
  readonly store: Store;
  readonly editor: GraphEditor;
  readonly graph: KnowledgeGraph;
  /** Runs an operation as `actor` (default: an editor; null: no token). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, actor?: Actor | null): Promise<GraphQLResult<T>>;
  /** Runs an operation as an editor, expects no errors and returns its data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Everything the graph and the store hold, as text: equal snapshots mean nothing changed. */
  snapshot(): Promise<{ graph: string; store: string }>;
  close(): Promise<void>;
}

export async function openHarness(kind: StoreKind, options: { seed?: boolean } = {}): Promise<Harness> {
  const test = await freshStoreConfig(kind);
  await prepareHome(test, { seeded: options.seed !== false });
  const store = await openTestStore(test);
  const editor = await GraphEditor.open(store, silentLogger);
  if (options.seed !== false) await seedIfPristine(editor, () => readDatasetFiles(SEED_DATASET));
  const server: ApolloServer<AuthContext> = createApolloServer(await createSchema(editor.graph, editor), { development: false, introspection: true, allowBatchedHttpRequests: false });
  await server.start();
  const gql: Harness['gql'] = async (query, variables, actor = EDITOR) => {
    const response = await server.executeOperation({ query, variables }, { contextValue: { requestId: 'test', logger: silentLogger, actor } });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GraphQLResult;
  };
  return {
    kind,
    test,
    store,
    editor,
    graph: editor.graph,
    gql,
    async ok(query, variables = {}) {
      const result = await gql(query, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    },
    snapshot: () => snapshotOf(store, editor.graph),
    async close() {
      await server.stop();
      await editor.close();
      await test.cleanup();
    },
  };
}

/** The graph (records, versions) and every table of the store, as text. */
export async function snapshotOf(store: Store, graph: KnowledgeGraph): Promise<{ graph: string; store: string }> {
  const versions = versionsOf(graph);
  const byId = (a: unknown[], b: unknown[]) => ((a[0] as string) < (b[0] as string) ? -1 : 1);
  const nodes = graph.mapNodes((id, attributes) => [id, attributes.record, versions.get('entity', id)]).sort(byId);
  const edges = graph.mapEdges((id, attributes, source, target) => [id, source, target, attributes.record, versions.get('relationship', id)]).sort(byId);
  const tables: Record<string, unknown[]> = {};
  for (const table of ['sources', 'entities', 'relationships', 'changes', 'merges', 'tokens']) {
    const { rows } = await store.driver.query(`SELECT * FROM ${table} ORDER BY 1`);
    tables[table] = rows.map((row) => JSON.parse(JSON.stringify(row)));
  }
  return { graph: JSON.stringify({ nodes, edges, sources: [...graph.getAttribute('sources').values()] }), store: JSON.stringify(tables) };
}
