import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');
export const MINI_DATASET = join(FIXTURES, 'mini');
export const SEED_DATASET = join(__dirname, '..', '..', 'graph');

const created: string[] = [];

/** A temporary dataset directory: the mini dataset with the files of test/fixtures/invalid/NAME laid over it. */
export function datasetWithOverrides(name: string): string {
  const directory = mkdtempSync(join(tmpdir(), `proxygraph-${name}-`));
  created.push(directory);
  cpSync(MINI_DATASET, directory, { recursive: true });
  const overrides = join(FIXTURES, 'invalid', name);
  for (const file of readdirSync(overrides)) cpSync(join(overrides, file), join(directory, file));
  return directory;
}

export function invalidFixtureNames(): string[] {
  return readdirSync(join(FIXTURES, 'invalid')).sort();
}

export function removeCreatedDatasets(): void {
  for (const directory of created.splice(0)) rmSync(directory, { recursive: true, force: true });
}
