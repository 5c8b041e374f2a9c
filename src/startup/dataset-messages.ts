import { basename, relative } from 'node:path';
import type { DatasetOutcome, DatasetRefusal, ImportCounts, ImportReport, StoreConfig } from '../store';

/**
 * What `npm start`, `proxygraph validate` and the README say about a dataset directory, in one place so that they say
 * the same thing.
 */
export const INVALID_DATASET_RULE = 'the dataset is not valid: npm start will not import or serve it until every problem is fixed';
export const VALID_DATASET_RULE =
  'npm start serves it: a new store imports it whole; a store that imported it before imports the records the files changed since (edits made through the API to other records are kept)';

/** How to run a command against the same store: the variables that point at it, when they were set. */
export interface StoreContext {
  readonly config: StoreConfig;
  readonly env: NodeJS.ProcessEnv;
  /** Where the store is, for messages (a directory, or host/database). */
  readonly location: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A directory as the user would type it: relative to the working directory when inside it. */
function shown(directory: string): string {
  const path = relative(process.cwd(), directory);
  return path && !path.startsWith('..') && !path.startsWith('/') ? path : directory;
}

function storeVariables({ config, env }: StoreContext): string {
  if (config.kind === 'postgres') return '';
  return env.PROXYGRAPH_HOME ? `PROXYGRAPH_HOME=${env.PROXYGRAPH_HOME} ` : '';
}

const keyText = (key: string) => key.replace(':', ' ');
const counts = (what: string, { added, changed }: ImportCounts) => `${what} ${added} added, ${changed} changed`;
const summary = (report: ImportReport) => [counts('sources', report.sources), counts('entities', report.entities), counts('relationships', report.relationships)].join('; ');
const examples = (keys: readonly string[], limit = 5) => keys.slice(0, limit).map(keyText).join(', ') + (keys.length > limit ? `, and ${keys.length - limit} more` : '');

/** The lines a start prints about its dataset directory; none when nothing happened. */
export function describeOutcome(outcome: DatasetOutcome): string[] {
  const name = outcome.dataset === 'graph/' ? 'graph/' : shown(outcome.directory);
  switch (outcome.kind) {
    case 'unchanged':
      return [];
    case 'seeded':
      return [`proxygraph: new store: imported ${name} (${summary(outcome.report)})`];
    case 'adopted':
      return [`proxygraph: the store already holds every record of ${name}: it follows the directory's changes from now on`];
    case 'moved':
      return [`proxygraph: ${name} holds the files the store imported from ${outcome.from}: it follows them there from now on`];
    case 'reimported': {
      const lines = [`proxygraph: ${name} changed since the store imported it (${outcome.since.toISOString()}); imported what the files changed: ${summary(outcome.report)}`];
      if (outcome.keptStoreEdits.length > 0) {
        lines.push(`  kept as the store has them, edited there since and unchanged in the files: ${plural(outcome.keptStoreEdits.length, 'record')} (${examples(outcome.keptStoreEdits)})`);
      }
      if (outcome.removedFromFiles.length > 0) {
        lines.push(`  no longer in the files but still in the store (an import never deletes; delete them through the API): ${plural(outcome.removedFromFiles.length, 'record')} (${examples(outcome.removedFromFiles)})`);
      }
      return lines;
    }
  }
}

/** Why a start refused its dataset directory, with the exact commands that resolve it. Nothing was changed. */
export function describeRefusal(refusal: DatasetRefusal, store: StoreContext): string[] {
  const name = refusal.dataset === 'graph/' ? 'graph/' : shown(refusal.directory);
  const variables = storeVariables(store);
  const importCommand = `${variables}npx proxygraph import ${shown(refusal.directory)}`;
  if (refusal.reason === 'conflicts') {
    return [
      `proxygraph: ${name} changed since the store (${store.location}) imported it (${refusal.importedAt.toISOString()}), and ${plural(refusal.conflicts.length, 'record')} changed in the store too:`,
      ...refusal.conflicts.slice(0, 20).map((conflict) => `  ${conflict.kind} ${conflict.id}: ${conflict.why}`),
      ...(refusal.conflicts.length > 20 ? [`  and ${refusal.conflicts.length - 20} more`] : []),
      'Nothing was imported or served. Decide which version wins, then start again:',
      `  the files' (every record of the files replaces the store's where they differ): ${importCommand}`,
      `  the store's: write its records with \`${variables}npx proxygraph export DIR\` and copy those records into ${name}`,
    ];
  }
  const imported = refusal.imported.map((header) => (header.dataset === 'graph/' ? 'graph/' : shown(header.directory))).join(', ');
  const base = (basename(refusal.directory).toLowerCase().replace(/[^a-z0-9]+/g, '_') || 'data').slice(0, 40);
  const own =
    store.config.kind === 'embedded'
      ? `PROXYGRAPH_HOME=${shown(store.config.home)}-${base} PROXYGRAPH_DATA=${shown(refusal.directory)} npm start`
      : `PROXYGRAPH_DB_SCHEMA=proxygraph_${base} PROXYGRAPH_DATA=${shown(refusal.directory)} npm start (with the same DATABASE_URL)`;
  return [
    `proxygraph: ${name} was never imported into this store (${store.location}), ${imported ? `which imported ${imported}` : 'which predates recording where its data came from'}; ${plural(refusal.differing, 'record')} of ${name} differ from the store's (${examples(refusal.examples)}).`,
    'Nothing was imported or served. Either:',
    `  serve it from a store of its own: ${own}`,
    `  or merge it into this store (its records win where they differ) and follow it from now on: ${importCommand}, then start again`,
  ];
}
