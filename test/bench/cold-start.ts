import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { MultiDirectedGraph } from 'graphology';
import { createApp } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import pino from 'pino';
import { DatasetStream, graphFromFiles, streamDatasetLines, type KnowledgeGraph } from '../../src/load';
import { createLogger } from '../../src/logger';
import { searchIndexOf } from '../../src/queries';
import { GraphEditor, openStore } from '../../src/store';
import { fingerprint, queryAnswers } from './query-answers';
import { readLines } from './synthetic-dataset';

/**
 * Cold starts, each run in a fresh process so that its peak resident size is its own. Prints one JSON line:
 * { phases: { name: ms }, totalMs (to the first answer), peakRssMb (at the first answer), steady: { rssMb, … },
 * answers (fingerprint) }.
 *   files: dataset JSON lines → validated batch by batch (DatasetStream) → graph → server → first path over HTTP; or,
 *          when `snapshot` holds the graph of these very bytes, that snapshot → graph (load/files-snapshot.ts). A
 *          start that read the files writes the snapshot after its measurements (phase "snapshot written (after)").
 *   store: the embedded store of PROXYGRAPH_HOME → graph streamed from it, or read from its snapshot when current →
 *          server → first path over HTTP; the stop writes the snapshot when the graph is ahead of it.
 *   graphology: Graphology's serialization → JSON.parse + graph.import(), the stock way to get the same graph back
 * Then the steady state: the search index built too, garbage collected, the resident size; and the answers to the
 * benchmark's fixed queries (query-answers.ts), to compare graphs across processes.
 */

export interface ColdStartResult {
  readonly phases: Record<string, number>;
  readonly totalMs: number;
  readonly peakRssMb: number;
  readonly steady: { readonly rssMb: number; readonly heapMb: number; readonly externalMb: number; readonly relationships: number; readonly overallPeakRssMb: number };
  readonly answers?: string;
  /** 'read' when the start read a snapshot, else why not (cold starts of files and store). */
  readonly snapshot?: string;
  readonly snapshotBytes?: number;
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

async function timed<T>(phases: Record<string, number>, name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  phases[name] = Math.round(performance.now() - started);
  return result;
}

/** Serves the graph, asks for one path over HTTP (which builds the path index), and stops the server. */
async function firstAnswer(phases: Record<string, number>, graph: KnowledgeGraph, from: string, to: string, options: Parameters<typeof createApp>[3] = undefined): Promise<void> {
  const logger = createLogger({ LOG_LEVEL: 'silent' });
  const app = await timed(phases, 'server', async () => {
    const created = await createApp(graph, serverOptionsFromEnv({ PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' }), logger, options);
    return { app: created, url: await created.listen() };
  });
  await timed(phases, 'first shortestPath over HTTP', async () => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ shortestPath(from: "${from}", to: "${to}") { length } }` }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  });
  await app.app.stop();
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function steadyState(relationships: number, build: () => void): ColdStartResult['steady'] {
  build();
  gc();
  const usage = process.memoryUsage();
  return { rssMb: mb(usage.rss), heapMb: mb(usage.heapUsed), externalMb: mb(usage.external), relationships, overallPeakRssMb: mb(process.resourceUsage().maxRSS * 1024) };
}

/** A logger that keeps the messages (to tell whether a start read its snapshot, and why not). */
function recordingLogger() {
  const lines: { msg: string; reason?: string; bytes?: number }[] = [];
  return { logger: pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as { msg: string }) }), lines };
}

function buildFromLines(file: string, phases: Record<string, number>): () => Promise<KnowledgeGraph> {
  return async () => {
    const stream = new DatasetStream();
    const workers = process.env.BENCH_LOAD_WORKERS === undefined ? undefined : Number(process.env.BENCH_LOAD_WORKERS);
    await timed(phases, 'read + validate + build', () => streamDatasetLines(file, stream, { workers }));
    return timed(phases, 'adjacency', () => stream.finish());
  };
}

export async function runColdStart(kind: string, file: string, from: string, to: string, answersFile: string | undefined, snapshotFile?: string): Promise<ColdStartResult> {
  const phases: Record<string, number> = {};
  const started = performance.now();
  let graph: KnowledgeGraph | undefined;
  let close = async () => {};
  let snapshot: string | undefined;
  let snapshotBytes: number | undefined;
  if (kind === 'files') {
    const before = performance.now();
    const files = await graphFromFiles([file], snapshotFile!, buildFromLines(file, phases));
    graph = files.graph;
    snapshot = files.ignored === null ? 'read' : files.ignored;
    phases[files.ignored === null ? 'hash files + read snapshot' : 'hash files'] = Math.round(performance.now() - before - (phases['read + validate + build'] ?? 0) - (phases.adjacency ?? 0));
    await firstAnswer(phases, graph, from, to);
    close = async () => {
      snapshotBytes = await timed(phases, 'snapshot written (after)', () => files.save());
    };
  } else if (kind === 'store') {
    const { logger, lines } = recordingLogger();
    const store = await timed(phases, 'open store', () => openStore({ kind: 'embedded', home: file }, logger));
    // Written at the stop only: no timer fires while the start is measured.
    const config = { file: snapshotFile!, delayMs: 86_400_000 };
    const editor = await timed(phases, 'graph from store or snapshot', () => GraphEditor.open(store, logger, config));
    snapshot = lines.some((line) => line.msg === 'graph read from its snapshot') ? 'read' : (lines.find((line) => line.msg.startsWith('graph snapshot not used'))?.reason ?? 'unknown');
    graph = editor.graph;
    await firstAnswer(phases, graph, from, to, { editor, readAccess: 'open' });
    close = async () => {
      await timed(phases, 'stop (writes the snapshot if behind)', () => editor.close());
      snapshotBytes = lines.find((line) => line.msg === 'graph snapshot written')?.bytes ?? 0;
    };
  } else {
    let stock: MultiDirectedGraph | undefined;
    await timed(phases, 'read + JSON.parse + import', () =>
      readLines(file, (part) => {
        if (!stock) stock = new MultiDirectedGraph(part.options);
        else stock.import(part, true);
      }),
    );
    const totalMs = Math.round(performance.now() - started);
    const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
    return { phases, totalMs, peakRssMb, steady: steadyState(stock!.size, () => undefined) };
  }
  const totalMs = Math.round(performance.now() - started);
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
  // Of all the process's threads (workers included): what the start cost the machine, apart from what others took.
  const cpu = process.cpuUsage();
  phases['CPU time to the first answer'] = Math.round((cpu.user + cpu.system) / 1000);
  const steady = steadyState(graph.size, () => {
    const indexStarted = performance.now();
    searchIndexOf(graph!);
    phases['search index (after)'] = Math.round(performance.now() - indexStarted);
  });
  let answers: string | undefined;
  if (answersFile) {
    const { pairs, entities } = JSON.parse(readFileSync(answersFile, 'utf8')) as { pairs: [string, string][]; entities: string[] };
    answers = fingerprint(queryAnswers(graph, pairs, entities));
  }
  await close();
  return { phases, totalMs, peakRssMb, steady, answers, snapshot, snapshotBytes };
}
