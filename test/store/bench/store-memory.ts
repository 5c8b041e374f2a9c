/**
 * How much memory a server needs per million relationships: fills a store with a synthetic graph through the import
 * path (`load`), then, in a fresh process (`measure`), builds what a server holds — the graph with versions, the
 * search index, the path index — and prints the heap and resident size after each step.
 *
 *   npx esbuild test/store/bench/store-memory.ts --bundle --platform=node --outfile=dist/bench/store-memory.js \
 *     --external:@electric-sql/pglite --external:pg --external:pg-connection-string
 *   DATABASE_URL=postgresql:///bench?host=/var/run/postgresql node dist/bench/store-memory.js load 1000000
 *   DATABASE_URL=postgresql:///bench?host=/var/run/postgresql node --expose-gc dist/bench/store-memory.js measure
 * (without DATABASE_URL: the embedded store in PROXYGRAPH_HOME)
 */
import { createLogger } from '../../../src/logger';
import type { Dataset, EntityRecord, RelationshipRecord } from '../../../src/model';
import { searchIndexOf } from '../../../src/queries';
import { pathIndexOf } from '../../../src/queries/paths';
import { commandActor, GraphEditor, importDataset, openStore, storeConfigFromEnv } from '../../../src/store';

const logger = createLogger({ LOG_LEVEL: 'warn' });
const TYPES = ['ALLIED_WITH', 'BACKS', 'OPPOSED', 'SUPPLIED'] as const;

/** A reproducible graph: organizations with four relationships each on average, every one with a dated citation. */
function syntheticDataset(relationships: number): Dataset {
  const entityCount = Math.max(2, Math.round(relationships / 4));
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const entities: EntityRecord[] = Array.from({ length: entityCount }, (_, index) => ({
    id: `org-${index}`,
    kind: 'ORGANIZATION',
    name: `Armed group ${index} ${['Brigade', 'Front', 'Battalion', 'Movement'][index % 4]}`,
    aliases: index % 3 === 0 ? [{ name: `AG${index}` }] : [],
    description: `Synthetic organization number ${index}, for measuring memory.`,
  }));
  const records: RelationshipRecord[] = Array.from({ length: relationships }, (_, index) => {
    const source = Math.floor(random() * entityCount);
    let target = Math.floor(random() * entityCount);
    if (target === source) target = (target + 1) % entityCount;
    return {
      id: `rel-${index}`,
      type: TYPES[index % TYPES.length],
      source: `org-${source}`,
      target: `org-${target}`,
      start: `${2000 + (index % 24)}`,
      confidence: 0.5 + (index % 5) / 10,
      evidence: [{ source: 'bench-report', locator: `¶${index % 40}`, note: 'Synthetic citation.' }],
    };
  });
  return { sources: [{ id: 'bench-report', title: 'Synthetic report for the memory benchmark' }], entities, relationships: records };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
function usage(step: string, started: number): void {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.stdout.write(`${step.padEnd(34)} heap ${mb(heapUsed).padStart(8)}  rss ${mb(rss).padStart(8)}  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

async function main(): Promise<void> {
  const [mode, count] = process.argv.slice(2);
  const store = await openStore(storeConfigFromEnv(), logger);
  const started = Date.now();
  try {
    if (mode === 'load') {
      const dataset = syntheticDataset(Number(count ?? 1_000_000));
      usage(`generated ${dataset.relationships.length} relationships`, started);
      const editor = await GraphEditor.open(store, logger);
      const report = await editor.commit(commandActor('bench'), 'admin', 'import', importDataset(dataset, store));
      process.stdout.write(`imported ${JSON.stringify(report)} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    } else {
      usage('baseline (store open)', started);
      const editor = await GraphEditor.open(store, logger);
      usage(`graph: ${editor.graph.order} entities, ${editor.graph.size} relationships`, started);
      searchIndexOf(editor.graph);
      usage('+ search index', started);
      pathIndexOf(editor.graph);
      usage('+ path index', started);
      process.stdout.write(`peak rss ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
