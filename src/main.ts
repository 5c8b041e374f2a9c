import 'reflect-metadata';
import { readAccessFromEnv } from './api/auth-context';
import { createApp } from './api/create-app';
import { serverOptionsFromEnv } from './api/server-options';
import { dataDirectory } from './config';
import { startControlServer } from './control/control-server';
import { createLogger } from './logger';
import { DataValidationError, formatProblem, ProxygraphError } from './model';
import { editingConfigFromEnv, GraphEditor, openStore, readDatasetFiles, seedIfPristine } from './store';

/**
 * Start-up only: config → store (migrated; the dataset files imported on first start) → graph → server → listen;
 * SIGTERM and SIGINT stop gracefully.
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = createLogger(env);
  const options = serverOptionsFromEnv(env);
  const editing = editingConfigFromEnv(env);
  const readAccess = readAccessFromEnv(env);
  const directory = dataDirectory(env);
  const store = await openStore(editing.store, logger);
  const editor = await GraphEditor.open(store, logger);
  try {
    const seeded = await seedIfPristine(editor, () => readDatasetFiles(directory));
    if (seeded) logger.info({ data: directory, ...seeded }, 'new store: imported the dataset files');
    else if (env.PROXYGRAPH_DATA) {
      // A store that already holds data is served as it is; say so, so that nobody mistakes it for PROXYGRAPH_DATA.
      const warning = `PROXYGRAPH_DATA=${env.PROXYGRAPH_DATA} was not imported: the store (${store.driver.location}) already holds data and is served as it is; use a new PROXYGRAPH_HOME to serve that directory, or \`proxygraph import ${env.PROXYGRAPH_DATA}\` to merge it`;
      logger.warn({ data: directory, store: store.driver.location }, warning);
      process.stderr.write(`proxygraph: ${warning}\n`);
    }
  } catch (error) {
    await editor.close();
    if (error instanceof DataValidationError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`${directory}: ${error.problems.length} problems; refusing to import an invalid dataset into the new store\n`);
      process.exit(1);
    }
    throw error;
  }
  await editor.startSync(editing.syncIntervalMs);
  const graph = editor.graph;
  const app = await createApp(graph, options, logger, { editor, readAccess });
  const url = await app.listen();
  // `proxygraph token ...` reaches the embedded store, which this process holds, through this server.
  const control = editing.store.kind === 'embedded' ? await startControlServer(editing.store.home, store, logger) : null;
  logger.info({ url, store: store.driver.location, readAccess, entities: graph.order, relationships: graph.size }, 'proxygraph is serving');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    app
      .stop()
      .then(() => control?.close())
      .then(() => editor.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Printed once the signal handlers are in place: whoever waits for this line may stop the server at once.
  process.stdout.write(`proxygraph: API at ${url}, client at ${url.replace(/graphql$/, '')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Errors of ours (a busy store, a newer schema) say what to do; others need their stack.
    process.stderr.write(`proxygraph: ${error instanceof ProxygraphError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
