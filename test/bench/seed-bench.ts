import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createTokenWithCli, serverRss, startServerProcess, type ProbeReport } from './seed-rss';

/**
 * `npm run bench:seed`: the seed server's resident memory alone (issue #14), without the scale graph of bench:paths.
 * For each server — `node dist/src/main.js`, the stock-PGlite baseline (test/bench/seed-baseline-server.ts) and, when
 * BENCH_BEFORE names another build's main.js, that build — BENCH_RUNS (5) first starts on a fresh PROXYGRAPH_HOME,
 * each followed by a restart, VmRSS two seconds after "API at"; medians with min–max. Then, for proxygraph (and the
 * other build), one restart with test/helpers/process-probe.js: the split of its memory (V8 heap, external, array
 * buffers, the rest), the heavy libraries loaded, and the latency of the first and second analysis and ingestion
 * requests with the memory after them.
 */

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const PROBE = join(ROOT, 'test', 'helpers', 'process-probe.js');
const LIBRARIES = ['compromise', 'chrono-node', 'htmlparser2', 'graphology-metrics', 'graphology-communities-louvain', 'pg'];
const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
};
const spread = (values: readonly number[]) => `${median(values)} (${Math.min(...values)}–${Math.max(...values)})`;
const mb = (bytes: number) => Math.round(bytes / 1048576);

interface Server {
  readonly name: string;
  readonly script: string;
  readonly env: Record<string, string>;
  /** Its CLI, for a token: the requests are measured only where there is one. */
  readonly bin?: string;
}

async function residentRuns(server: Server, directory: string, runs: number) {
  const first: number[] = [];
  const restart: number[] = [];
  const startMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const home = join(directory, `${server.name.replace(/\W+/g, '-')}-${run}`);
    rmSync(home, { recursive: true, force: true });
    const a = await serverRss(server.script, { PROXYGRAPH_HOME: home, ...server.env });
    const b = await serverRss(server.script, { PROXYGRAPH_HOME: home, ...server.env });
    first.push(a.rssMb);
    restart.push(b.rssMb);
    startMs.push(b.startMs);
    log(`${server.name} run ${run + 1}: ${a.rssMb} MB first start, ${b.rssMb} MB restart (${b.startMs} ms)`);
    if (run < runs - 1) rmSync(home, { recursive: true, force: true });
  }
  return { first, restart, startMs };
}

function split(report: ProbeReport): string {
  const { heapTotal, heapUsed, external, arrayBuffers } = report.memory;
  const rss = report.rssKb / 1024;
  const loaded = LIBRARIES.filter((name) => report.modules.some((path) => path.includes(`/node_modules/${name}/`)));
  return `RSS ${Math.round(rss)} MB = V8 heap ${mb(heapTotal)} (used ${mb(heapUsed)}) + rest ${Math.round(rss - heapTotal / 1048576)} (code, PGlite's WebAssembly memory and compiled code, native); external ${mb(external)} (reserved, PGlite's 128 MB WebAssembly memory counted whole), array buffers ${mb(arrayBuffers)}; ${report.modules.length} CommonJS modules; of ${LIBRARIES.join(', ')}: ${loaded.length ? loaded.join(', ') : 'none'} loaded`;
}

async function timed(url: string, query: string, variables: Record<string, unknown> = {}, secret?: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret && { authorization: `Bearer ${secret}` }) }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Math.round(performance.now() - started);
}

const METRICS = '{ metrics(orderBy: BETWEENNESS, limit: 10) { items { entity { id } betweenness pagerank community } } }';
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { id proposals { id type status } } }';
// Our own sentences, in the shape of a report (the seed's text is not copied).
const ARTICLE = [
  '<h1>Rocket fire near the border</h1>',
  '<p>Kataib Hezbollah, which Iran backs, said on 2 February 2024 that it had fired rockets at a base in Syria.</p>',
  '<p>Qais Khazali, the leader of Asaib Ahl al-Haq, praised the attack in a speech in Baghdad.</p>',
].join('\n');
const SOURCE = (n: number) => ({ title: `Bench report ${n}`, published: '2024-04-21', publisher: 'Bench Wire', url: `https://example.org/bench-${n}-${Date.now()}` });

interface Profile {
  readonly lines: string[];
  /** First and second request, ms. */
  readonly analysis?: readonly [number, number];
  readonly ingestion?: readonly [number, number];
}

async function profile(server: Server, directory: string): Promise<Profile> {
  const home = join(directory, `${server.name.replace(/\W+/g, '-')}-0`);
  const probeFile = join(directory, 'probe.json');
  const started = await startServerProcess(server.script, { PROXYGRAPH_HOME: home, ...server.env }, { script: PROBE, file: probeFile });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const lines = [`- ${server.name}, after a restart: ${split(await started.probe())}`];
    if (!server.bin) return { lines };
    const analysis = [await timed(started.url, METRICS), await timed(started.url, METRICS.replace('BETWEENNESS', 'PAGERANK'))] as const;
    const secret = await createTokenWithCli(server.bin, home, 'editor');
    const ingestion = [await timed(started.url, INGEST, { input: { text: ARTICLE, source: SOURCE(1) } }, secret), await timed(started.url, INGEST, { input: { text: ARTICLE, source: SOURCE(2) } }, secret)] as const;
    lines.push(`- ${server.name}, after one metrics and one ingestReport request: ${split(await started.probe())}`);
    return { lines, analysis, ingestion };
  } finally {
    await started.stop();
  }
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const directory = join(tmpdir(), `proxygraph-bench-seed-${process.pid}`);
  mkdirSync(directory, { recursive: true });
  const main = join(ROOT, 'dist', 'src', 'main.js');
  const servers: Server[] = [{ name: 'proxygraph', script: main, env: {}, bin: join(dirname(main), 'cli', 'bin.js') }];
  const before = process.env.BENCH_BEFORE;
  if (before) servers.push({ name: `before (${before})`, script: before, env: {}, bin: join(dirname(before), 'cli', 'bin.js') });
  // Compiled under dist/bench, the baseline cannot find the seed dataset by its own place: say where it is.
  servers.push({ name: "stock PGlite (baseline: PostgreSQL's default settings, initdb in process)", script: join(__dirname, 'seed-baseline-server.js'), env: { PROXYGRAPH_DATA: join(ROOT, 'graph') } });
  try {
    const rows: string[] = [];
    for (const server of servers) {
      const result = await residentRuns(server, directory, runs);
      rows.push(`| ${server.name} | ${spread(result.first)} | ${spread(result.restart)} | ${median(result.startMs)} |`);
    }
    const profiles: string[] = [];
    for (const server of servers) {
      if (!server.bin) continue;
      const measured: Profile[] = [];
      for (let run = 0; run < runs; run++) measured.push(await profile(server, directory));
      const latency = (pick: (one: Profile) => readonly [number, number] | undefined, at: 0 | 1) => spread(measured.map((one) => pick(one)![at]));
      profiles.push(...measured[0].lines);
      profiles.push(`- ${server.name}, request latency over ${runs} restarts, ms, median (min–max): first metrics ${latency((one) => one.analysis, 0)}, second ${latency((one) => one.analysis, 1)}; first ingestReport ${latency((one) => one.ingestion, 0)}, second ${latency((one) => one.ingestion, 1)}`);
    }
    const out = process.stdout;
    out.write(`\n## Seed server resident memory (${runs} runs each; VmRSS 2 s after "API at")\n\n`);
    out.write(`Node ${process.version}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${cpus().length} cores (other work shares the machine).\n\n`);
    out.write(['| server | first start, MB: median (min–max) | restart, MB: median (min–max) | restart to "API at", ms (median) |', '| --- | ---: | ---: | ---: |', ...rows].join('\n') + '\n\n');
    out.write(profiles.join('\n') + '\n');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
