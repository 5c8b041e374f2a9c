import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_FILES } from '../load';
import { exportDataset } from '../store';
import { withStore } from './store-command';
import type { CommandOutput } from './validate-command';

/** The first of `paths` that exists: an export writes over nothing unless asked to (--force). */
export function existingTarget(paths: readonly string[]): string | undefined {
  return paths.find((path) => existsSync(path));
}

export function overwriteRefused(path: string, output: CommandOutput): number {
  output.err(`proxygraph export: ${path} exists; add --force to replace it`);
  return 1;
}

/** `proxygraph export [--force] DIR`: writes the store as dataset files (sources.yaml, entities.yaml, relationships.yaml). */
export async function exportCommand(directory: string, output: CommandOutput, env: NodeJS.ProcessEnv = process.env, force = false): Promise<number> {
  const existing = force ? undefined : existingTarget(Object.values(DATASET_FILES).map((file) => join(directory, file)));
  if (existing) return overwriteRefused(existing, output);
  return withStore(env, output, async (store) => {
    const report = await exportDataset(store, directory);
    output.out(`${directory}: wrote ${report.sources} sources, ${report.entities} entities and ${report.relationships} relationships from ${store.driver.location}`);
    return 0;
  });
}
