import 'reflect-metadata';
import { MultiDirectedGraph } from 'graphology';
import { createApp } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { buildGraph, validateDataset, type RawRecord } from '../../src/load';
import { createLogger } from '../../src/logger';
import { readLines } from './synthetic-dataset';

/**
 * Cold starts, each run in a fresh process so its peak RSS is its own. Prints one JSON line:
 * { phases: { name: ms }, totalMs, maxRssMb }.
 */

const place = { fieldLine: () => undefined };
const raw = (value: unknown): RawRecord => ({ value, place });

async function timed<T>(phases: Record<string, number>, name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  phases[name] = Math.round(performance.now() - started);
  return result;
}

/** Dataset file → validated records → graph → app listening → first path query answered over HTTP (path index built). */
async function proxygraphColdStart(file: string, from: string, to: string): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  const records = { sources: [] as RawRecord[], entities: [] as RawRecord[], relationships: [] as RawRecord[] };
  await timed(phases, 'read+parse', () =>
    readLines(file, (line) => {
      for (const key of ['sources', 'entities', 'relationships'] as const) for (const value of line[key] ?? []) records[key].push(raw(value));
    }),
  );
  const { dataset, problems } = await timed(phases, 'validate', () => validateDataset(records));
  if (problems.length > 0) throw new Error(`${problems.length} problems in the synthetic dataset, e.g. ${problems[0].message}`);
  records.sources.length = records.entities.length = records.relationships.length = 0;
  const graph = await timed(phases, 'buildGraph', () => buildGraph(dataset));
  const logger = createLogger({ LOG_LEVEL: 'silent' });
  const app = await timed(phases, 'createApp+listen', async () => {
    const created = await createApp(graph, serverOptionsFromEnv({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' }), logger);
    return { app: created, url: await created.listen() };
  });
  await timed(phases, 'first shortestPath (builds path index)', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ shortestPath(from: "${from}", to: "${to}") { length } }` }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  });
  await app.app.stop();
  return phases;
}

/** Graphology's serialization → graph.import(): the stock way to get the same graph back. */
async function graphologyColdStart(file: string): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  let graph: MultiDirectedGraph | undefined;
  await timed(phases, 'read+JSON.parse+import', () =>
    readLines(file, (part) => {
      if (!graph) graph = new MultiDirectedGraph(part.options);
      else graph.import(part, true);
    }),
  );
  phases.order = graph!.order;
  phases.size = graph!.size;
  return phases;
}

export async function runColdStart(kind: string, file: string, from: string, to: string): Promise<void> {
  const started = performance.now();
  const phases = kind === 'proxygraph' ? await proxygraphColdStart(file, from, to) : await graphologyColdStart(file);
  const totalMs = Math.round(performance.now() - started);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ phases, totalMs, maxRssMb }) + '\n');
}
