import { resolve } from 'node:path';
import { hashDatasetFiles } from '../load';
import { commandActor } from './access';
import { readBaselineHeaders, writeBaseline } from './dataset-baseline';
import { datasetName, readDatasetFiles, type DatasetFiles } from './dataset-files';
import type { GraphEditor } from './graph-editor';
import type { Store } from './store';
import { planOf, type Planner } from './plan';
import { followDataset, type DatasetOutcome } from './plans/follow-dataset-plan';
import { importDataset, type ImportReport } from './plans/import-plan';

/**
 * Upserts a dataset directory's records (importDataset: files win for every record that differs) and records what
 * the files held, so that later starts import only what the files change after this. `proxygraph import DIR`.
 */
export function importDirectory(files: DatasetFiles, store: Store): Planner<ImportReport> {
  return async (context) => {
    const plan = await importDataset(files.dataset, store, files.headings)(context);
    return {
      changes: plan.changes,
      async finish(sql, committed) {
        const report = await plan.finish(sql, committed);
        await writeBaseline(sql, datasetName(files.directory), files.directory, files.contentHash, files.dataset);
        return report;
      },
    };
  };
}

/**
 * Imports the dataset `load` reads when the store has never held anything (its first start), under the write lock, so
 * that servers starting together on one new database import it once. Returns null when the store was not new.
 */
export function seedIfPristine(editor: GraphEditor, load: () => DatasetFiles): Promise<ImportReport | null> {
  return editor.commit(commandActor('seed'), 'admin', 'seed', async (context) => {
    if (!(await editor.store.isPristine(context.sql))) return planOf([], () => null);
    return importDirectory(load(), editor.store)(context);
  });
}

/**
 * What a start does with its dataset directory (PROXYGRAPH_DATA or graph/): a new store imports it; a store that
 * imported it before and whose files are unchanged serves itself (the files are not even parsed); changed files are
 * validated and the records they changed imported (followDataset), recorded in the history as "start". Throws
 * DataValidationError for invalid files and DatasetRefusedError when it will not import them; nothing is changed then.
 */
export async function openDataset(editor: GraphEditor, directory: string): Promise<DatasetOutcome> {
  let files: DatasetFiles | undefined;
  const load = () => (files ??= readDatasetFiles(directory));
  const seeded = await seedIfPristine(editor, load);
  if (seeded) return { kind: 'seeded', dataset: datasetName(files!.directory), directory: files!.directory, report: seeded };
  const dataset = datasetName(directory);
  const baseline = (await readBaselineHeaders(editor.store.driver)).find((header) => header.dataset === dataset);
  if (baseline && baseline.contentHash === hashDatasetFiles(directory) && baseline.directory === resolve(directory)) return { kind: 'unchanged', dataset, directory: baseline.directory };
  return editor.commit(commandActor('start'), 'admin', 'import', followDataset(load(), editor.store));
}
