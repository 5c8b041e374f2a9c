import type { ReadAccess } from '../../../src/api/auth-context';
import { createToken, GraphEditor, readDatasetFiles, seedIfPristine, type Store } from '../../../src/store';
import { SEED_DATASET } from '../../helpers/fixture-datasets';
import { freshStoreConfig, openTestStore, prepareHome, silentLogger, type StoreKind, type TestStoreConfig } from '../../store/helpers/stores';
import { startTestServer, type TestServer } from '../http-harness';

/** The tokens of a store server: one of each role (the admin is the only admin token). */
export interface Secrets {
  readonly admin: string;
  readonly editor: string;
  readonly reader: string;
}

/** A real server over a store holding the seed dataset, with a token of each role: for the surfaces that need a store. */
export interface StoreServer {
  readonly server: TestServer;
  readonly store: Store;
  readonly editor: GraphEditor;
  readonly secrets: Secrets;
  /** Another server over the same store and graph, with other settings (a rate limit, read access by token). */
  another(env: NodeJS.ProcessEnv, readAccess?: ReadAccess): Promise<TestServer>;
  close(): Promise<void>;
}

export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

export async function startStoreServer(kind: StoreKind, env: NodeJS.ProcessEnv = {}, readAccess: ReadAccess = 'open'): Promise<StoreServer> {
  const config: TestStoreConfig = await freshStoreConfig(kind);
  await prepareHome(config, { seeded: true });
  const store = await openTestStore(config);
  const editor = await GraphEditor.open(store, silentLogger);
  await seedIfPristine(editor, () => readDatasetFiles(SEED_DATASET));
  const secrets: Secrets = { admin: await createToken(store, 'ada', 'admin'), editor: await createToken(store, 'eddie', 'editor'), reader: await createToken(store, 'rita', 'reader') };
  const servers: TestServer[] = [];
  const start = async (settings: NodeJS.ProcessEnv, access: ReadAccess) => {
    const server = await startTestServer(editor.graph, { NODE_ENV: 'production', ...settings }, { editor, readAccess: access });
    servers.push(server);
    return server;
  };
  const server = await start(env, readAccess);
  return {
    server,
    store,
    editor,
    secrets,
    another: (settings, access = 'open') => start(settings, access),
    async close() {
      for (const each of servers) await each.stop();
      await editor.close();
      await config.cleanup();
    },
  };
}
