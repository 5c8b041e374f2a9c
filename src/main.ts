import 'reflect-metadata';
import { createApp } from './api/create-app';
import { serverOptionsFromEnv } from './api/server-options';
import { dataDirectory } from './config';
import { loadGraph } from './load';
import { createLogger } from './logger';
import { DataValidationError, formatProblem } from './model';

/** Start-up only: config → load → server → listen; SIGTERM and SIGINT stop gracefully. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const logger = createLogger(env);
  const options = serverOptionsFromEnv(env);
  const directory = dataDirectory(env);
  let graph;
  try {
    graph = loadGraph(directory);
  } catch (error) {
    if (error instanceof DataValidationError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.stderr.write(`${directory}: ${error.problems.length} problems; refusing to serve an invalid dataset\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(graph, options, logger);
  const url = await app.listen();
  logger.info({ url, data: directory, entities: graph.order, relationships: graph.size }, 'proxygraph is serving');
  process.stdout.write(`proxygraph: API at ${url}, client at ${url.replace(/graphql$/, '')}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`proxygraph: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
