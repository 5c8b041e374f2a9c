import 'reflect-metadata';
import { readAccessFromEnv } from './api/auth-context';
import { createApp } from './api/create-app';
import { serverOptionsFromEnv } from './api/server-options';
import { dataDirectory } from './config';
import { startControlServer } from './control/control-server';
import { createLogger } from './logger';
import { DataValidationError, formatProblem, ProxygraphError } from './model';
import { DatasetRefusedError, editingConfigFromEnv, GraphEditor, openDataset, openStore } from './store';
import { describeOutcome, describeRefusal, INVALID_DATASET_RULE } from './startup/dataset-messages';
import { exitWithParent } from './startup/exit-with-parent';
import { listenError, reservePort } from './startup/reserve-port';

/** A refusal already explained on stderr: exit 1 without more words. */
class StartRefused extends Error {}

const print = (stream: NodeJS.WriteStream, lines: readonly string[]) => lines.forEach((line) => stream.write(`${line}\n`));

/**
 * Start-up only: config → the port (taken first, so a busy port stops everything) → store (migrated) → the dataset
 * directory (imported on the first start; its changes imported on later starts; refused when invalid or in conflict)
 * → graph → server → listen. SIGTERM and SIGINT stop gracefully; so does the loss of the parent process when
 * PROXYGRAPH_EXIT_WITH_PARENT=1 (set by `npm start`).
 */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = createLogger(env);
  const options = serverOptionsFromEnv(env);
  const editing = editingConfigFromEnv(env);
  const readAccess = readAccessFromEnv(env);
  const directory = dataDirectory(env);
  const port = await reservePort(options.host, options.port);
  const store = await openStore(editing.store, logger).catch(async (error: unknown) => {
    await port.release();
    throw error;
  });
  const editor = await GraphEditor.open(store, logger, editing.snapshot);
  try {
    const outcome = await openDataset(editor, directory);
    logger.info({ data: directory, store: store.driver.location, outcome: outcome.kind }, 'dataset directory checked');
    print(process.stdout, describeOutcome(outcome));
  } catch (error) {
    await editor.close();
    await port.release();
    if (error instanceof DataValidationError) {
      print(process.stderr, error.problems.map(formatProblem));
      print(process.stderr, [`${directory}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; ${INVALID_DATASET_RULE}. Nothing was imported or served.`]);
      throw new StartRefused();
    }
    if (error instanceof DatasetRefusedError) {
      print(process.stderr, describeRefusal(error.refusal, { config: editing.store, env, location: store.driver.location }));
      throw new StartRefused();
    }
    throw error;
  }
  await editor.startSync(editing.syncIntervalMs);
  const graph = editor.graph;
  const app = await createApp(graph, options, logger, { editor, readAccess });
  await port.release();
  const url = await app.listen().catch(async (error: unknown) => {
    await editor.close();
    throw listenError(error, options.host, options.port);
  });
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
  process.on('SIGHUP', () => stop('SIGHUP'));
  if (env.PROXYGRAPH_EXIT_WITH_PARENT === '1') exitWithParent(() => stop('parent exited'));
  // Printed once the signal handlers are in place: whoever waits for this line may stop the server at once.
  process.stdout.write(`proxygraph: API at ${url}, client at ${url.replace(/graphql$/, '')}\n`);
}

/** Runs main as the process: our own errors (a busy port or store, a refused dataset) say what to do; others need their stack. */
export function runMain(env: NodeJS.ProcessEnv = process.env): void {
  main(env).catch((error: unknown) => {
    if (!(error instanceof StartRefused)) {
      process.stderr.write(`proxygraph: ${error instanceof ProxygraphError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exit(1);
  });
}

if (require.main === module) runMain();
