import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { createApp } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { buildGraph } from '../../src/load';
import { createLogger } from '../../src/logger';
import { InvalidInputError, type RelationType } from '../../src/model';
import { kShortestPaths, pathIndexOf, shortestPath, type KPathsArgs } from '../../src/queries';
import { runColdStart } from './cold-start';
import { CsrFloor } from './csr-floor';
import { entityId, seededRandom, syntheticDataset, writeDatasetLines, writeGraphologyLines } from './synthetic-dataset';

/**
 * `npm run bench:paths`: path queries on a synthetic graph of N entities and 5N relationships (N = BENCH_ENTITIES or
 * --entities=N, default 1,000,000), over BENCH_PAIRS (default 200) random pairs connected source → target, next to
 * baselines measured in the same run. Prints a markdown table; times are per query, in milliseconds.
 */

function option(name: string, fallback: number): number {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = flag ? flag.split('=')[1] : process.env[`BENCH_${name.toUpperCase()}`];
  return value ? Number(value.replace(/_/g, '')) : fallback;
}

const FILTERS: KPathsArgs = { types: ['BACKS', 'ALLIED_WITH', 'SUPPLIED', 'OPPOSED', 'ATTACKED'] as RelationType[], asOf: '2020' };

interface Row {
  readonly name: string;
  readonly times: number[];
  readonly note?: string;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3));
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function measure(pairs: readonly [string, string][], run: (from: string, to: string) => unknown): number[] {
  for (const [from, to] of pairs.slice(0, 10)) run(from, to); // warm-up
  return pairs.map(([from, to]) => {
    const started = process.hrtime.bigint();
    run(from, to);
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
}

async function measureAsync(pairs: readonly [string, string][], run: (from: string, to: string) => Promise<unknown>): Promise<number[]> {
  for (const [from, to] of pairs.slice(0, 10)) await run(from, to);
  const times: number[] = [];
  for (const [from, to] of pairs) {
    const started = process.hrtime.bigint();
    await run(from, to);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

function table(rows: readonly Row[], floorName: string, baselineName: string): string {
  const median = (row: Row) => percentile([...row.times].sort((a, b) => a - b), 0.5);
  const floor = median(rows.find((row) => row.name === floorName)!);
  const baseline = median(rows.find((row) => row.name === baselineName)!);
  const lines = ['| query | median ms | p95 ms | median × floor | median × baseline 1 | note |', '| --- | ---: | ---: | ---: | ---: | --- |'];
  for (const row of rows) {
    const sorted = [...row.times].sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5);
    lines.push(`| ${row.name} | ${ms(p50)} | ${ms(percentile(sorted, 0.95))} | ${(p50 / floor).toFixed(2)} | ${(p50 / baseline).toFixed(2)} | ${row.note ?? ''} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const entities = option('entities', 1_000_000);
  const pairCount = option('pairs', 200);
  const seed = option('seed', 42);
  const directory = join(tmpdir(), `proxygraph-bench-${entities}-${seed}`);
  mkdirSync(directory, { recursive: true });
  log(`N = ${entities.toLocaleString('en-US')} entities, ${(5 * entities).toLocaleString('en-US')} relationships, seed ${seed}, ${pairCount} pairs`);

  let started = performance.now();
  const dataset = syntheticDataset(entities, seed);
  log(`generated in ${Math.round(performance.now() - started)} ms`);
  // BENCH_COLD=0 skips the cold starts (and writing their input files) for a quicker run of the query timings.
  const coldStarts = option('cold', 1) !== 0;
  const labelPairs = option('label_pairs', 50);
  const datasetFile = join(directory, 'dataset.jsonl');
  if (coldStarts) await writeDatasetLines(dataset, datasetFile);
  started = performance.now();
  const graph = buildGraph(dataset);
  const buildMs = performance.now() - started;
  log(`buildGraph in ${Math.round(buildMs)} ms`);
  const graphologyFile = join(directory, 'graphology.jsonl');
  if (coldStarts) await writeGraphologyLines(graph, graphologyFile);
  started = performance.now();
  const index = pathIndexOf(graph);
  const indexMs = performance.now() - started;
  log(`path index in ${Math.round(indexMs)} ms; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);

  // Random pairs with a path under the most restrictive variant measured (directed, with the filters, default
  // maxLength 8), so every query below answers with a path.
  const floor = new CsrFloor(index);
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
  const node = (id: string) => index.nodeIds.get(id)!;

  const rows: Row[] = [];
  const add = (name: string, times: number[], note?: string) => {
    rows.push({ name, times, note });
    const sorted = [...times].sort((a, b) => a - b);
    log(`${name}: median ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms`);
  };
  add('floor: CSR bidirectional BFS, directed', measure(pairs, (from, to) => floor.path(node(from), node(to), true)));
  add('floor: CSR bidirectional BFS, undirected', measure(pairs, (from, to) => floor.path(node(from), node(to), false)));
  add('baseline 1: graphology-shortest-path bidirectional (directed)', measure(pairs, (from, to) => bidirectional(graph, from, to)));
  for (const directed of [true, false]) {
    const way = directed ? 'directed' : 'undirected';
    add(`shortestPath, ${way}`, measure(pairs, (from, to) => shortestPath(graph, from, to, { directed })));
    add(`shortestPath, ${way}, types + asOf`, measure(pairs, (from, to) => shortestPath(graph, from, to, { directed, ...FILTERS })));
    add(`paths(k: 5), ${way}`, measure(pairs, (from, to) => kShortestPaths(graph, from, to, { directed, k: 5 })));
    add(`paths(k: 5), ${way}, types + asOf`, measure(pairs, (from, to) => kShortestPaths(graph, from, to, { directed, k: 5, ...FILTERS })));
  }
  // The label-setting searches (weighted costs, chronological) are one-sided; a query past the search budget is
  // refused (BAD_USER_INPUT), which is counted rather than timed as a success.
  for (const [name, args] of [
    ['shortestPath, undirected, cost: CONFIDENCE', { cost: 'CONFIDENCE', maxLength: 6 }],
    ['shortestPath, directed, cost: WEIGHT', { cost: 'WEIGHT', directed: true, maxLength: 6 }],
    ['shortestPath, directed, chronological', { directed: true, chronological: true, maxLength: 6 }],
  ] as const) {
    let refused = 0;
    const times = measure(pairs.slice(0, labelPairs), (from, to) => {
      try {
        shortestPath(graph, from, to, args);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        refused++;
      }
    });
    add(name, times, `${labelPairs} pairs, maxLength 6${refused > 0 ? `; ${refused} runs refused past the search budget` : ''}`);
  }

  // The same through GraphQL over HTTP: the real app on port 0 with this graph.
  const app = await createApp(graph, serverOptionsFromEnv({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' }), createLogger({ LOG_LEVEL: 'silent' }));
  const url = await app.listen();
  const SELECTION = 'length cost nodes { id } hops { forward relationship { id type } }';
  const post = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  const ARGS = '$from: ID!, $to: ID!, $directed: Boolean, $types: [RelationType!], $asOf: String';
  const PASS = 'from: $from, to: $to, directed: $directed, types: $types, asOf: $asOf';
  const shortestQuery = `query Shortest(${ARGS}) { shortestPath(${PASS}) { ${SELECTION} } }`;
  const pathsQuery = `query Paths(${ARGS}) { paths(${PASS}, k: 5) { ${SELECTION} } }`;
  for (const directed of [true, false]) {
    const way = directed ? 'directed' : 'undirected';
    add(`HTTP shortestPath, ${way}`, await measureAsync(pairs, (from, to) => post(shortestQuery, { from, to, directed })));
    add(`HTTP shortestPath, ${way}, types + asOf`, await measureAsync(pairs, (from, to) => post(shortestQuery, { from, to, directed, ...FILTERS })));
    add(`HTTP paths(k: 5), ${way}`, await measureAsync(pairs, (from, to) => post(pathsQuery, { from, to, directed })));
    add(`HTTP paths(k: 5), ${way}, types + asOf`, await measureAsync(pairs, (from, to) => post(pathsQuery, { from, to, directed, ...FILTERS })));
  }
  await app.stop();

  // Cold starts in fresh processes, so each peak RSS is its own.
  const cold = (kind: string, file: string) => {
    log(`cold start: ${kind}`);
    const output = execFileSync(process.execPath, [...process.execArgv, __filename, `--cold=${kind}`, `--file=${file}`, `--from=${pairs[0][0]}`, `--to=${pairs[0][1]}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    return JSON.parse(output.trim().split('\n').pop()!) as { phases: Record<string, number>; totalMs: number; maxRssMb: number };
  };
  const ours = coldStarts ? cold('proxygraph', datasetFile) : null;
  const stock = coldStarts ? cold('graphology', graphologyFile) : null;

  const out = process.stdout;
  out.write(`\n## Path queries: ${entities.toLocaleString('en-US')} entities, ${graph.size.toLocaleString('en-US')} relationships (seed ${seed})\n\n`);
  out.write(`${pairs.length} random pairs (of ${tries} drawn) with a directed path of at most 8 hops under the filters (types ${FILTERS.types!.join(', ')}; asOf ${FILTERS.asOf}), so every query answers with a path.\n`);
  out.write(`Node ${process.version}, ${process.execArgv.join(' ')}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${require('node:os').cpus().length} cores (other work shares the machine).\n\n`);
  out.write(table(rows, 'floor: CSR bidirectional BFS, undirected', 'baseline 1: graphology-shortest-path bidirectional (directed)') + '\n\n');
  out.write(`In-process build: buildGraph ${Math.round(buildMs)} ms, path index ${Math.round(indexMs)} ms.\n\n`);
  if (ours && stock) {
    const phases = (run: { phases: Record<string, number> }) => Object.entries(run.phases).map(([k, v]) => `${k} ${v}`).join('; ');
    out.write('| cold start | total ms | peak RSS MB | phases (ms) |\n| --- | ---: | ---: | --- |\n');
    out.write(`| proxygraph: dataset JSON lines → validate → buildGraph → app → first shortestPath over HTTP | ${ours.totalMs} | ${ours.maxRssMb} | ${phases(ours)} |\n`);
    out.write(`| stock: JSON.parse + graph.import() of Graphology's serialization | ${stock.totalMs} | ${stock.maxRssMb} | ${phases(stock)} |\n`);
  }
  if (!process.env.BENCH_KEEP_FILES) rmSync(directory, { recursive: true, force: true });
}

const coldKind = process.argv.find((arg) => arg.startsWith('--cold='))?.split('=')[1];
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))!.split('=')[1];
(coldKind ? runColdStart(coldKind, argument('file'), argument('from'), argument('to')) : main()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
