import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../src/api/create-app';
import { serverOptionsFromEnv } from '../../../src/api/server-options';
import { dataDirectory } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { createToken, GraphEditor, openDataset, openStore } from '../../../src/store';

/**
 * The server of the load bench's store phase: proxygraph's own app (createApp, production settings) over an embedded
 * store in a temporary directory, seeded from the dataset, with one token of each role: the surfaces that need a store
 * (ingestion, token mutations, the change stream GET /events). Prints the tokens' secrets, then "API at URL".
 */
async function main(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'proxygraph-bench-store-'));
  const logger = createLogger(process.env);
  const store = await openStore({ kind: 'embedded', home }, logger);
  const editor = await GraphEditor.open(store, logger);
  await openDataset(editor, dataDirectory(process.env));
  const secrets = { admin: await createToken(store, 'bench-admin', 'admin'), editor: await createToken(store, 'bench-editor', 'editor'), reader: await createToken(store, 'bench-reader', 'reader') };
  const app = await createApp(editor.graph, serverOptionsFromEnv(process.env), logger, { editor, readAccess: 'open' });
  const url = await app.listen();
  process.stdout.write(`tokens ${JSON.stringify(secrets)}\nAPI at ${url}\n`);
  process.on('SIGTERM', () =>
    void app
      .stop()
      .then(() => editor.close())
      .finally(() => {
        rmSync(home, { recursive: true, force: true });
        process.exit(0);
      }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
