import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { buildGraph } from '../../src/load';
import { createLogger } from '../../src/logger';
import { pathIndexOf, shortestPath } from '../../src/queries';
import { coldStartTable, queryTable, targetsOf, targetTable, type ColdStarts, type SeedRss } from './bench-report';
import { runColdStart, type ColdStartResult } from './cold-start';
import { fingerprint, queryAnswers } from './query-answers';
import { FILTERS, inProcessRows, measureAsync, type Row } from './query-timings';
import { serverRss } from './seed-rss';
import { fillEmbeddedStore } from './store-fill';
import { entityId, seededRandom, syntheticDataset, writeDatasetLines, writeGraphologyLines } from './synthetic-dataset';

/**
 * `npm run bench:paths`: the scale benchmark. A seeded synthetic graph of N entities and 5N typed, dated relationships
 * (N = BENCH_ENTITIES or --entities=N, default 1,000,000): path query timings in process and over HTTP, cold starts
 * (from dataset files, from the embedded store twice — a restart —, and stock Graphology import()) in fresh processes,
 * the seed server's resident memory, each next to a baseline measured in the same run; then one line per target of
 * issue #14 with its figure, baseline, ratio and whether it is met. BENCH_COLD=0 skips the cold starts and the seed
 * server; BENCH_PAIRS (200) sets the number of random pairs; BENCH_BASELINE_PAIRS (30) those of the slow rows (one-sided baselines, paths(k: 5) by confidence).
 */

function option(name: string, fallback: number): number {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = flag ? flag.split('=')[1] : process.env[`BENCH_${name.toUpperCase()}`];
  return value ? Number(value.replace(/_/g, '')) : fallback;
}

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const ROOT = resolve(__dirname, '..', '..', '..', '..');

function httpRows(url: string, pairs: readonly (readonly [string, string])[]) {
  const SELECTION = 'length cost nodes { id } hops { forward relationship { id type } }';
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  const ARGS = '$from: ID!, $to: ID!, $directed: Boolean, $types: [RelationType!], $asOf: String, $cost: PathCost';
  const PASS = 'from: $from, to: $to, directed: $directed, types: $types, asOf: $asOf, cost: $cost';
  const shortest = `query Shortest(${ARGS}) { shortestPath(${PASS}) { ${SELECTION} } }`;
  const paths = `query Paths(${ARGS}) { paths(${PASS}, k: 5) { ${SELECTION} } }`;
  return async (rows: Row[]) => {
    for (const [name, query, variables] of [
      ['HTTP shortestPath, directed, types + asOf', shortest, { directed: true, ...FILTERS }],
      ['HTTP shortestPath, undirected, types + asOf', shortest, { directed: false, ...FILTERS }],
      ['HTTP paths(k: 5), undirected, types + asOf', paths, { directed: false, ...FILTERS }],
      ['HTTP shortestPath, undirected, cost: CONFIDENCE', shortest, { directed: false, cost: 'CONFIDENCE' }],
    ] as const) {
      rows.push({ name, times: await measureAsync(pairs, (from, to) => post(query, { from, to, ...variables })) });
      log(`${name} done`);
    }
  };
}

/** Runs a cold start in a fresh process (its peak RSS is its own). */
function coldStart(kind: string, file: string, pairs: readonly (readonly [string, string])[], answersFile?: string, snapshot?: string): ColdStartResult {
  log(`cold start: ${kind}`);
  const args = [
    `--max-old-space-size=12000`,
    '--expose-gc',
    __filename,
    `--cold=${kind}`,
    `--file=${file}`,
    `--from=${pairs[0][0]}`,
    `--to=${pairs[0][1]}`,
    ...(answersFile ? [`--answers=${answersFile}`] : []),
    ...(snapshot ? [`--snapshot=${snapshot}`] : []),
  ];
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  const result = JSON.parse(output.trim().split('\n').pop()!) as ColdStartResult;
  log(`cold start ${kind}: ${result.totalMs} ms, peak ${result.peakRssMb} MB, steady ${result.steady.rssMb} MB${result.snapshot ? `; snapshot: ${result.snapshot}` : ''}`);
  return result;
}

async function seedRss(directory: string): Promise<SeedRss> {
  const main = join(ROOT, 'dist', 'src', 'main.js');
  const baseline = join(__dirname, 'seed-baseline-server.js');
  const measure = async (script: string, name: string, env: Record<string, string> = {}) => {
    const home = join(directory, name);
    rmSync(home, { recursive: true, force: true });
    const first = await serverRss(script, { PROXYGRAPH_HOME: home, ...env });
    const restart = await serverRss(script, { PROXYGRAPH_HOME: home, ...env });
    log(`seed server ${name}: ${first.rssMb} MB after the first start (${first.startMs} ms), ${restart.rssMb} MB after a restart (${restart.startMs} ms)`);
    return [first.rssMb, restart.rssMb];
  };
  const [first, restart] = await measure(main, 'proxygraph');
  // Compiled under dist/bench, the baseline cannot find the seed dataset by its own place: say where it is.
  const [baselineFirst, baselineRestart] = await measure(baseline, 'baseline', { PROXYGRAPH_DATA: join(ROOT, 'graph') });
  return { first, restart, baselineFirst, baselineRestart };
}

async function main(): Promise<void> {
  const entities = option('entities', 1_000_000);
  const pairCount = option('pairs', 200);
  const baselinePairs = option('baseline_pairs', 30);
  const seed = option('seed', 42);
  const coldStarts = option('cold', 1) !== 0;
  // One directory per run: benchmarks run side by side on a shared machine must not remove each other's files.
  const directory = join(tmpdir(), `proxygraph-bench-${entities}-${seed}-${process.pid}`);
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  log(`N = ${entities.toLocaleString('en-US')} entities, ${(5 * entities).toLocaleString('en-US')} relationships, seed ${seed}, ${pairCount} pairs`);

  let started = performance.now();
  const dataset = syntheticDataset(entities, seed);
  log(`generated in ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  const graph = buildGraph(dataset);
  const buildMs = performance.now() - started;
  started = performance.now();
  const index = pathIndexOf(graph);
  const indexMs = performance.now() - started;
  log(`buildGraph ${Math.round(buildMs)} ms, path index ${Math.round(indexMs)} ms; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);

  // Random pairs with a directed path of at most 8 hops under the filters, so that every query answers with a path.
  const random = seededRandom(seed + 1);
  const width = String(entities).length;
  const pairs: [string, string][] = [];
  let tries = 0;
  while (pairs.length < pairCount && tries < pairCount * 200) {
    tries++;
    const from = entityId(Math.floor(random() * entities), width);
    const to = entityId(Math.floor(random() * entities), width);
    if (from !== to && shortestPath(graph, from, to, { directed: true, ...FILTERS })) pairs.push([from, to]);
  }
  log(`${pairs.length} connected pairs out of ${tries} tried`);
  const rows = inProcessRows(graph, pairs, log, baselinePairs);
  // The bench sends hundreds of path queries a minute from one address: the rate limit would refuse them.
  const app = await createApp(graph, serverOptionsFromEnv({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', PROXYGRAPH_RATE_LIMIT: 'off' }), createLogger({ LOG_LEVEL: 'silent' }));
  await httpRows(await app.listen(), pairs)(rows);
  await app.stop();
  log('HTTP server stopped');

  // The answers every graph of the run must give alike (a few pairs and entities, every kind of query).
  const answerSet = { pairs: pairs.slice(0, 6), entities: [pairs[0][0], pairs[1][1], entityId(0, width), entityId(1, width)] };
  const answersFile = join(directory, 'answers.json');
  writeFileSync(answersFile, JSON.stringify(answerSet));
  const inMemory = fingerprint(queryAnswers(graph, answerSet.pairs, answerSet.entities));
  log(`answers of the graph built in memory: ${inMemory}`);

  const cold: ColdStarts = {};
  let restart: { identical: boolean; detail: string } | null = null;
  let seedMemory: SeedRss | null = null;
  if (coldStarts) {
    const datasetFile = join(directory, 'dataset.jsonl');
    const graphologyFile = join(directory, 'graphology.jsonl');
    const home = join(directory, 'store');
    await writeDatasetLines(dataset, datasetFile);
    await writeGraphologyLines(graph, graphologyFile);
    started = performance.now();
    await fillEmbeddedStore(home, dataset, log);
    log(`store filled in ${Math.round(performance.now() - started)} ms`);
    // Each twice: the first start (no snapshot yet: files parsed and validated, the store read) writes the snapshot
    // the second (a start after the first, the normal start of a server that has run before) reads.
    const filesSnapshot = join(directory, 'files-cache', 'dataset.snapshot');
    cold.files = coldStart('files', datasetFile, pairs, answersFile, filesSnapshot);
    cold.filesAgain = coldStart('files', datasetFile, pairs, answersFile, filesSnapshot);
    cold.store = coldStart('store', home, pairs, answersFile, join(home, 'graph.snapshot'));
    cold.storeAgain = coldStart('store', home, pairs, answersFile, join(home, 'graph.snapshot'));
    cold.stock = coldStart('graphology', graphologyFile, pairs);
    const fingerprints = {
      'in memory': inMemory,
      'from files': cold.files.answers!,
      'from the files snapshot': cold.filesAgain.answers!,
      'from the store': cold.store.answers!,
      'after a restart (store snapshot)': cold.storeAgain.answers!,
    };
    restart = {
      identical: new Set(Object.values(fingerprints)).size === 1,
      detail: `answers of the same queries: ${Object.entries(fingerprints).map(([name, value]) => `${name} ${value}`).join(', ')}`,
    };
    seedMemory = await seedRss(directory);
  }

  const out = process.stdout;
  out.write(`\n## Path queries: ${entities.toLocaleString('en-US')} entities, ${graph.size.toLocaleString('en-US')} relationships (seed ${seed})\n\n`);
  out.write(`${pairs.length} random pairs (of ${tries} drawn) with a directed path of at most 8 hops under the filters (types ${FILTERS.types!.join(', ')}; asOf ${FILTERS.asOf}), so every query answers with a path. Default maxLength (8) unless said.\n`);
  out.write(`Node ${process.version}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${cpus().length} cores (other work shares the machine).\n\n`);
  out.write(queryTable(rows) + '\n\n');
  out.write(`In-process build: buildGraph ${Math.round(buildMs)} ms, path index ${Math.round(indexMs)} ms.\n\n`);
  if (cold.files && cold.filesAgain && cold.store && cold.storeAgain && cold.stock) {
    out.write(
      coldStartTable([
        ['proxygraph, first start from files: dataset JSON lines → DatasetStream (parse + validate) → server → first path over HTTP', cold.files],
        ['proxygraph, next start from the same files: their snapshot → server → first path over HTTP', cold.filesAgain],
        ['proxygraph, first start from the store: embedded store (no snapshot yet) → graph → server → first path over HTTP', cold.store],
        ['proxygraph, restart of the store-backed server: snapshot (current) → server → first path over HTTP', cold.storeAgain],
        ["stock: JSON.parse + graph.import() of Graphology's serialization", cold.stock],
      ]) + '\n\n',
    );
  }
  out.write(`## Targets (${entities.toLocaleString('en-US')} entities, ${graph.size.toLocaleString('en-US')} relationships)\n\n`);
  out.write(targetTable(targetsOf(rows, cold, seedMemory, restart)) + '\n');
  void index;
  if (!process.env.BENCH_KEEP_FILES) rmSync(directory, { recursive: true, force: true });
}

const coldKind = process.argv.find((arg) => arg.startsWith('--cold='))?.split('=')[1];
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
if (coldKind) {
  runColdStart(coldKind, argument('file')!, argument('from')!, argument('to')!, argument('answers'), argument('snapshot'))
    .then((result) => {
      process.stdout.write(JSON.stringify(result) + '\n');
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
} else {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
