import { exportDataset } from '../store';
import { withStore } from './store-command';
import type { CommandOutput } from './validate-command';

/** `proxygraph export DIR`: writes the store as dataset files (sources.yaml, entities.yaml, relationships.yaml). */
export async function exportCommand(directory: string, output: CommandOutput, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return withStore(env, output, async (store) => {
    const report = await exportDataset(store, directory);
    output.out(`${directory}: wrote ${report.sources} sources, ${report.entities} entities and ${report.relationships} relationships from ${store.driver.location}`);
    return 0;
  });
}
