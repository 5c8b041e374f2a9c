import autocannon, { type Request, type Result } from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../../client/documents';
import { loadavg } from 'node:os';
import { floodMix, heavyMix, hostileMix, hubMix, readMix, READERS, Tally } from './load/request-mix';

/**
 * `npm run bench:load`: drives proxygraph (node dist/src/main.js, production settings, limits on) and a baseline
 * (graphql-js execute behind bare node:http, same schema and resolvers, cached documents) from this second process,
 * over loopback only, for a bounded time (about 2 minutes). Phases: warm-up; clean read mix, the two servers
 * alternating; then, proxygraph only, the read mix beside hostile requests, a clean phase, the read mix beside one heavy
 * (allowed) query, the hostile phase again, and idle; RSS sampled throughout. Prints a table with ratios.
 *
 * PROXYGRAPH_DATA (dataset, default graph/), BENCH_DURATION (seconds per phase, default 8), BENCH_ROUNDS (alternating clean rounds per server, default 3),
 * BENCH_CONNECTIONS (default 10), BENCH_CPU_PROF=1 (proxygraph runs
 * with --cpu-prof, profiles in dist/bench-profiles), BENCH_HUB_DEGREE (relationships of the high-degree entity of the
 * last phase, default 1,000,000; 0 skips the phase).
 *
 * The read mix stands for READERS readers (X-Forwarded-For, trusted by the servers), each within the default rate
 * limit; the hostile phases add one address flooding paths requests past its limit (429 expected). The last phase
 * serves a generated graph with one entity of a million relationships (load/hub-server.ts) and probes /healthz
 * every 20 ms while the read mix runs at that entity.
 */
const HUB_DEGREE = Number(process.env.BENCH_HUB_DEGREE ?? 1_000_000);
const ROOT = join(__dirname, '..', '..', '..', '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const WARM_UP = 3;
const IDLE_AFTER = 5;
const MAX_BODY_BYTES = 1_000_000;
/** The dataset both servers serve: PROXYGRAPH_DATA, else the seed dataset. */
const DATA = process.env.PROXYGRAPH_DATA || join(ROOT, 'graph');

interface Server {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
}

function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, startTimeoutMs = 30_000): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, PROXYGRAPH_DATA: DATA, ...env, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${output}`)), startTimeoutMs);
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /API at (http:\/\/[^\s,]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ name, child, url: match[1] });
      }
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)));
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) return resolve();
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
    server.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.kill('SIGTERM');
  });
}

/** Samples a process's resident set size from /proc (Linux). */
class RssSampler {
  peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, this.now())), 100);
  }

  now(): number {
    try {
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1] ?? 0);
      return kb / 1024;
    } catch {
      return 0;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function run(url: string, requests: Request[], connections: number, duration: number): Promise<Result> {
  return autocannon({ url, connections, duration, requests, timeout: 10 }) as unknown as Promise<Result>;
}

interface Row {
  readonly phase: string;
  readonly server: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly unexpected: number;
  /** Connection errors and timeouts seen by autocannon (a 413 closes its connection while the body is still being sent). */
  readonly socketErrors: number;
  readonly note: string;
}

function row(phase: string, server: string, result: Result, tally: Tally, note = ''): Row {
  return { phase, server, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, unexpected: tally.unexpected, socketErrors: result.errors + result.timeouts, note };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probePaths(url: string): Promise<boolean> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PATHS, variables: { from: 'kataib-hezbollah', to: 'israel', k: 3 } }) });
  const body = (await response.json()) as { errors?: unknown[] };
  return response.status === 200 && !body.errors;
}

interface Side {
  readonly name: string;
  readonly requests: (tally: Tally) => Request[];
  readonly expect: 'ok' | 'refused' | 'limited';
  readonly connections: number;
}

const HOSTILE: Side = { name: 'hostile', requests: (tally) => hostileMix(tally, MAX_BODY_BYTES), expect: 'refused', connections: 2 };
const FLOOD: Side = { name: 'paths flood', requests: floodMix, expect: 'limited', connections: 1 };
const HEAVY: Side = { name: 'heavy', requests: heavyMix, expect: 'ok', connections: 1 };

/** One clean phase: the read mix alone. */
async function clean(server: Server, withPaths: boolean, label: string): Promise<Row> {
  const tally = new Tally('ok');
  const result = await run(server.url, readMix(tally, withPaths), CONNECTIONS, DURATION);
  if (tally.samples.length > 0) console.error(`${server.name} ${label}: unexpected responses`, tally.samples);
  return row(label, server.name, result, tally);
}

/** The read mix with other streams beside it (hostile requests and a flood past the rate limit, or one heavy query). */
async function beside(server: Server, withPaths: boolean, sides: Side[], label: string): Promise<{ valid: Row; others: Row[]; tallies: Tally[] }> {
  const valid = new Tally('ok');
  const tallies = sides.map((side) => new Tally(side.expect));
  const [validResult, ...otherResults] = await Promise.all([run(server.url, readMix(valid, withPaths), CONNECTIONS, DURATION), ...sides.map((side, i) => run(server.url, side.requests(tallies[i]), side.connections, DURATION))]);
  if (valid.samples.length > 0 || tallies.some((tally) => tally.samples.length > 0)) console.error(`${server.name} ${label}: unexpected responses`, valid.samples, ...tallies.map((tally) => tally.samples));
  return {
    valid: row(`${label}: read mix`, server.name, validResult, valid),
    others: sides.map((side, i) => row(`${label}: ${side.name}`, server.name, otherResults[i], tallies[i], tallies[i].summary())),
    tallies,
  };
}

/** Sequential liveness probes until `until` settles: the latency of each, in milliseconds. */
async function probeHealth(origin: string, until: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  void Promise.resolve(until).then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${origin}/healthz`);
    await response.text();
    latencies.push(response.status === 200 ? Number(process.hrtime.bigint() - started) / 1e6 : Infinity);
    await sleep(20);
  }
  return latencies;
}

/** The read mix at an entity with HUB_DEGREE relationships, with /healthz probed meanwhile. */
async function hubPhase(): Promise<{ row: Row; health: number[]; built: string } | null> {
  if (HUB_DEGREE === 0) return null;
  const hub = await startServer('hub', ['--max-old-space-size=6000', join(__dirname, 'load', 'hub-server.js')], { NODE_ENV: 'production', LOG_LEVEL: 'warn', HUB_DEGREE: String(HUB_DEGREE), PROXYGRAPH_RATE_LIMIT: 'off' }, 600_000);
  try {
    await run(hub.url, hubMix(new Tally('ok')), CONNECTIONS, WARM_UP);
    const tally = new Tally('ok');
    const load = run(hub.url, hubMix(tally), CONNECTIONS, DURATION);
    const health = await probeHealth(hub.url.replace(/\/graphql$/, ''), load);
    const result = await load;
    if (tally.samples.length > 0) console.error('hub phase: unexpected responses', tally.samples);
    return { row: row(`entity of degree ${HUB_DEGREE.toLocaleString('en')}`, 'proxygraph', result, tally), health, built: hub.name };
  } finally {
    await stopServer(hub);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Clean rounds of one server merged: requests over the whole time, median p50 and p99 of the rounds. */
function merged(rows: Row[], phase: string): Row {
  const requests = rows.reduce((sum, r) => sum + r.requests, 0);
  return { phase, server: rows[0].server, rps: requests / (rows.length * DURATION), p50: median(rows.map((r) => r.p50)), p99: median(rows.map((r) => r.p99)), requests, unexpected: rows.reduce((sum, r) => sum + r.unexpected, 0), socketErrors: rows.reduce((sum, r) => sum + r.socketErrors, 0), note: `${rows.length} rounds` };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const pad = (text: string, width: number) => text.padEnd(width);

function printRows(rows: Row[]): void {
  console.log(`${pad('phase', 30)}${pad('server', 12)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('requests', 10)}${pad('unexpected', 12)}${pad('socket err', 12)}note`);
  for (const r of rows) console.log(`${pad(r.phase, 30)}${pad(r.server, 12)}${pad(fixed(r.rps, 0), 8)}${pad(fixed(r.p50), 9)}${pad(fixed(r.p99), 9)}${pad(String(r.requests), 10)}${pad(String(r.unexpected), 12)}${pad(String(r.socketErrors), 12)}${r.note}`);
}

async function main(): Promise<void> {
  const profile = process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(ROOT, 'dist', 'bench-profiles')}`] : [];
  // Both in production mode: graphql-js runs extra instanceof checks otherwise, which would slow the baseline alone.
  const baseline = await startServer('baseline', [join(__dirname, 'load', 'baseline-server.js')], { NODE_ENV: 'production' });
  const proxygraph = await startServer('proxygraph', [...profile, join(ROOT, 'dist', 'src', 'main.js')], { NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', PROXYGRAPH_TRUST_PROXY: '1' });
  const ourRss = new RssSampler(proxygraph.child.pid!);
  const baseRss = new RssSampler(baseline.child.pid!);
  try {
    const withPaths = (await probePaths(proxygraph.url)) && (await probePaths(baseline.url));
    console.log(`load average at start: ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
    console.log(`read mix: search, entity, neighbourhood${withPaths ? ', paths' : ' (paths not in the schema yet)'}; ${CONNECTIONS} connections standing for ${READERS} readers, ${DURATION} s per phase, loopback only`);
    for (const server of [baseline, proxygraph]) await run(server.url, readMix(new Tally('ok'), withPaths), CONNECTIONS, WARM_UP);
    const rssStart = { baseline: baseRss.now(), proxygraph: ourRss.now() };

    // Baseline and proxygraph alternate, so that other work on the machine weighs on both alike.
    const rounds: Row[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      rounds.push(await clean(baseline, withPaths, `clean round ${round}`));
      rounds.push(await clean(proxygraph, withPaths, `clean round ${round}`));
    }
    const rssAfterClean = { baseline: baseRss.now(), proxygraph: ourRss.now() };
    baseRss.stop();

    // proxygraph only: each phase with a stream beside the read mix is framed by clean phases to compare it with.
    const hostile = await beside(proxygraph, withPaths, [HOSTILE, FLOOD], 'hostile');
    const rssAfterHostile = ourRss.now();
    const between = await clean(proxygraph, withPaths, 'clean (between)');
    const heavy = await beside(proxygraph, withPaths, [HEAVY], 'heavy');
    const hostileAgain = await beside(proxygraph, withPaths, [HOSTILE, FLOOD], 'hostile again');
    const rssAfterHostileAgain = ourRss.now();
    await sleep(IDLE_AFTER * 1000);
    const rssEnd = ourRss.now();

    const baseClean = merged(rounds.filter((r) => r.server === 'baseline'), 'clean (merged)');
    const ourClean = merged(rounds.filter((r) => r.server === 'proxygraph'), 'clean (merged)');
    console.log('');
    ourRss.stop();
    await stopServer(proxygraph);
    const hub = await hubPhase();
    printRows([...rounds, baseClean, ourClean, hostile.valid, ...hostile.others, between, heavy.valid, ...heavy.others, hostileAgain.valid, ...hostileAgain.others, ...(hub ? [hub.row] : [])]);
    console.log('');
    console.log(`${pad('RSS MB', 30)}${pad('server', 12)}${pad('start', 8)}${pad('clean', 9)}${pad('peak', 9)}after hostile / hostile again / ${IDLE_AFTER} s idle`);
    console.log(`${pad('', 30)}${pad('baseline', 12)}${pad(fixed(rssStart.baseline), 8)}${pad(fixed(rssAfterClean.baseline), 9)}${pad(fixed(baseRss.peak), 9)}(not run)`);
    console.log(`${pad('', 30)}${pad('proxygraph', 12)}${pad(fixed(rssStart.proxygraph), 8)}${pad(fixed(rssAfterClean.proxygraph), 9)}${pad(fixed(ourRss.peak), 9)}${fixed(rssAfterHostile)} / ${fixed(rssAfterHostileAgain)} / ${fixed(rssEnd)}`);
    const cleanP99 = median([ourClean.p99, between.p99]);
    console.log('');
    console.log('ratios and checks');
    console.log(`  throughput, proxygraph / baseline (clean):         ${fixed(ourClean.rps / baseClean.rps, 2)}  (target >= 0.6)`);
    console.log(`  p99, proxygraph / baseline (clean):                ${fixed(ourClean.p99 / baseClean.p99, 2)}  (target <= 2)`);
    console.log(`  per round, throughput ratio:                       ${rounds.filter((r) => r.server === 'proxygraph').map((r, i) => fixed(r.rps / rounds.filter((b) => b.server === 'baseline')[i].rps, 2)).join(' ')}`);
    console.log(`  read-mix p99, hostile phases / clean:              ${fixed(hostile.valid.p99 / cleanP99, 2)} ${fixed(hostileAgain.valid.p99 / cleanP99, 2)}  (target <= 2)`);
    console.log(`  read-mix p99, heavy-query phase / clean:           ${fixed(heavy.valid.p99 / cleanP99, 2)}`);
    const validRows = [...rounds.filter((r) => r.server === 'proxygraph'), between, hostile.valid, heavy.valid, hostileAgain.valid, ...(hub ? [hub.row] : [])];
    console.log(`  read-mix responses not a clean 200, all phases:    ${validRows.reduce((sum, r) => sum + r.unexpected + r.socketErrors, 0)}  (target 0)`);
    console.log(`  hostile requests not answered 4xx:                 ${hostile.tallies[0].unexpected + hostileAgain.tallies[0].unexpected}  (target 0)`);
    const flood = [hostile.tallies[1], hostileAgain.tallies[1]];
    console.log(`  paths flood past the rate limit answered 429:      ${flood.reduce((sum, t) => sum + t.count((status) => status === 429), 0)} of ${flood.reduce((sum, t) => sum + t.count(() => true), 0)}; other answers ${flood.reduce((sum, t) => sum + t.unexpected, 0)} (target 0)`);
    if (hub) {
      const sorted = [...hub.health].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
      console.log(`  /healthz beside the degree-${HUB_DEGREE.toLocaleString('en')} phase:  ${sorted.length} probes, p50 ${fixed(at(0.5))} ms, p99 ${fixed(at(0.99))} ms, max ${fixed(sorted[sorted.length - 1])} ms  (target p99 < 100)`);
    }
    console.log(`  load average of this machine at the end:           ${loadavg().map((value) => value.toFixed(1)).join(' ')} (2 cores; other work on the machine skews latency)`);
  } finally {
    ourRss.stop();
    await Promise.all([stopServer(baseline), stopServer(proxygraph)]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
