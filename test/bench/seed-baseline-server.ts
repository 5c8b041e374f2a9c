import 'reflect-metadata';
import { readAccessFromEnv } from '../../src/api/auth-context';
import { createApp } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { dataDirectory } from '../../src/config';
import { createLogger } from '../../src/logger';
import { GraphEditor, readDatasetFiles, seedIfPristine, Store } from '../../src/store';
import { migrate } from '../../src/store/migrate';
import { openEmbedded } from '../../src/store/pglite-driver';

/**
 * The benchmark's baseline for the seed server's memory: the same start-up as src/main.ts (store, seed import, graph,
 * server), with the embedded PostgreSQL as PGlite runs it by itself — PostgreSQL's default settings (128 MB of shared
 * buffers, 100 connections), initdb in the server's own process and V8's default WebAssembly compilation.
 */
async function start(): Promise<void> {
  const env = process.env;
  const logger = createLogger(env);
  const driver = await openEmbedded({ home: env.PROXYGRAPH_HOME!, settings: { shared_buffers: '128MB', max_connections: '100', wal_buffers: '-1' }, initdb: 'in-process', wasmFlags: [] });
  await migrate(driver);
  const editor = await GraphEditor.open(new Store(driver), logger);
  await seedIfPristine(editor, () => readDatasetFiles(dataDirectory(env)));
  const app = await createApp(editor.graph, serverOptionsFromEnv(env), logger, { editor, readAccess: readAccessFromEnv(env) });
  process.stdout.write(`proxygraph (baseline): API at ${await app.listen()}\n`);
  process.on('SIGTERM', () => {
    app
      .stop()
      .then(() => editor.close())
      .then(() => process.exit(0));
  });
}

start().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
