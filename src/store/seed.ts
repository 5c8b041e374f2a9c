import { commandActor } from './access';
import type { DatasetFiles } from './dataset-files';
import type { GraphEditor } from './graph-editor';
import { planOf } from './plan';
import { importDataset, type ImportReport } from './plans/import-plan';

/**
 * Imports the dataset `load` reads when the store has never held anything (its first start), under the write lock, so
 * that servers starting together on one new database import it once. Returns null when the store was not new.
 */
export function seedIfPristine(editor: GraphEditor, load: () => DatasetFiles): Promise<ImportReport | null> {
  return editor.commit(commandActor('seed'), 'admin', 'seed', async (context) => {
    if (!(await editor.store.isPristine(context.sql))) return planOf([], () => null);
    const { dataset, headings } = load();
    return importDataset(dataset, editor.store, headings)(context);
  });
}
