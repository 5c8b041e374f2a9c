import { join } from 'node:path';
import { DATASET_FILES, lookAlikeNotes } from '../load';
import { createLogger } from '../logger';
import { commandActor, editingConfigFromEnv, GraphEditor, importDirectory, readDatasetFiles, type ImportCounts } from '../store';
import { withStore } from './store-command';
import type { CommandOutput } from './validate-command';

const counts = (what: string, { added, changed, unchanged }: ImportCounts) => `  ${what}: ${added} added, ${changed} changed, ${unchanged} left alone`;

/**
 * `proxygraph import DIR`: upserts a dataset directory into the store (one transaction, recorded in the history as
 * cli:import); records only in the store stay. Refused whole when the files or the result are invalid. The store then
 * follows the directory: a server started with it as PROXYGRAPH_DATA imports its later edits.
 */
export async function importCommand(directory: string, output: CommandOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withStore(env, output, async (store) => {
    const files = readDatasetFiles(directory);
    const editor = await GraphEditor.open(store, createLogger({ LOG_LEVEL: env.LOG_LEVEL ?? 'silent' }), editingConfigFromEnv(env).snapshot);
    const known = editor.graph.mapNodes((_id, attributes) => attributes.record);
    for (const note of lookAlikeNotes(files.dataset.entities.map((record) => ({ record, file: join(directory, DATASET_FILES.entities) })), known)) output.err(`note: ${note}`);
    const report = await editor.commit(commandActor('cli:import'), 'admin', 'import', importDirectory(files, store));
    output.out(`${directory}: imported into ${store.driver.location}`);
    output.out(counts('sources', report.sources));
    output.out(counts('entities', report.entities));
    output.out(counts('relationships', report.relationships));
    // The next start reads the imported graph from its snapshot instead of the store.
    await editor.saveSnapshot();
    return 0;
  });
}
