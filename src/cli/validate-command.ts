import { ENTITY_KINDS, formatProblem, RELATION_TYPES, type Dataset } from '../model';
import { readDataset } from '../load';
import { INVALID_DATASET_RULE, VALID_DATASET_RULE } from '../startup/dataset-messages';

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

function countBy<T>(items: readonly T[], key: (item: T) => string, order: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return order.filter((name) => counts.has(name)).map((name) => `${name} ${counts.get(name)}`).join(', ');
}

export function summarize(dataset: Dataset): string[] {
  return [
    `${dataset.entities.length} entities: ${countBy(dataset.entities, (e) => e.kind, ENTITY_KINDS)}`,
    `${dataset.relationships.length} relationships: ${countBy(dataset.relationships, (r) => r.type, RELATION_TYPES)}`,
    `${dataset.sources.length} sources; ${dataset.relationships.filter((r) => r.disputed).length} disputed relationships`,
  ];
}

/** `proxygraph validate [DIR]`: checks the whole dataset, reports every problem at once; exit code 1 when any. */
export function validateCommand(directory: string, output: CommandOutput): number {
  const { dataset, problems } = readDataset(directory);
  if (problems.length > 0) {
    for (const problem of problems) output.err(formatProblem(problem));
    output.err(`${directory}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${INVALID_DATASET_RULE}`);
    return 1;
  }
  output.out(`${directory}: valid`);
  for (const line of summarize(dataset)) output.out(`  ${line}`);
  output.out(`${VALID_DATASET_RULE}`);
  return 0;
}
