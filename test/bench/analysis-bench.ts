import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { UndirectedGraph } from 'graphology';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { analysisSnapshot, betweenness, BrandesSearch, defaultSamples, metrics, simpleGraph, type AnalysisGraph } from '../../src/analysis';
import { announceGraphChange, buildGraph, graphRebuilt, type KnowledgeGraph } from '../../src/load';
import { compileFilter } from '../../src/queries';
import { syntheticDataset } from './synthetic-dataset';

/**
 * `npm run bench:analysis`: the cost of the network measures on the synthetic graph (N entities, 5N relationships;
 * N = BENCH_ANALYSIS_ENTITIES or --entities=N, default 200,000: one million relationships), each figure next to a
 * baseline measured in the same run, and the accuracy of sampled betweenness against graphology-metrics' exact
 * computation on a graph small enough to compute it (BENCH_ANALYSIS_EXACT, default 4,000 entities), and how long the
 * event loop waits while exact betweenness of that graph is computed in the background (as the server does).
 */

function option(name: string, fallback: number): number {
  const flag = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  const value = flag ? flag.split('=')[1] : process.env[`BENCH_ANALYSIS_${name.toUpperCase()}`];
  return value ? Number(value.replace(/_/g, '')) : fallback;
}

const log = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function time<T>(run: () => T): [T, number] {
  const started = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

/** The network built as before the typed arrays: graphology, keyed by id, filtered on every relationship's record. */
function graphologyNetwork(graph: KnowledgeGraph): UndirectedGraph {
  const ids = graph.nodes().sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const filter = compileFilter(graph, {});
  const pairs: number[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target || !filter.relationshipVisible(edge, attributes)) return;
    const [u, v] = [index.get(source)!, index.get(target)!];
    pairs.push(u < v ? u * ids.length + v : v * ids.length + u);
  });
  const network = new UndirectedGraph();
  for (const id of ids) network.addNode(id);
  let previous = -1;
  for (const pair of Float64Array.from(pairs).sort()) {
    if (pair !== previous) network.addEdge(ids[Math.floor(pair / ids.length)], ids[pair % ids.length]);
    previous = pair;
  }
  return network;
}

/** The network as graphology holds it, for the baselines run on graphology's own routines. */
const keyedByIds = (analysis: AnalysisGraph) => simpleGraph(analysis, (i) => analysis.ids[i]);

function fresh(graph: KnowledgeGraph): void {
  announceGraphChange(graph, graphRebuilt());
}

async function large(entities: number): Promise<string[]> {
  log(`large graph: ${entities.toLocaleString('en-US')} entities, ${(5 * entities).toLocaleString('en-US')} relationships`);
  const graph = buildGraph(syntheticDataset(entities, 42));
  const [snapshot, buildMs] = time(() => analysisSnapshot(graph, {}));
  // Baseline: the network as it was built before, a graphology graph keyed by id from every relationship's record.
  const [, graphologyBuildMs] = time(() => graphologyNetwork(graph));
  const { order, ties: size } = snapshot.analysis;
  log(`analysis graph: ${order} entities, ${size} ties, built in ${ms(buildMs)} ms`);

  // Baseline: one single-source search of graphology's indexed Brandes routine (what graphology-metrics' exact
  // betweenness repeats n times), against ours (src/analysis/brandes.ts) from the same sources.
  const brandes = createUnweightedIndexedBrandes(keyedByIds(snapshot.analysis));
  const search = new BrandesSearch(snapshot.analysis);
  const probes = 10;
  const sources = Array.from({ length: probes }, (_, i) => Math.floor((i * order) / probes));
  const [, probeMs] = time(() => {
    for (const source of sources) {
      const [stack] = brandes(source);
      while (stack.size !== 0) stack.pop();
    }
  });
  const [, oursMs] = time(() => {
    for (const source of sources) search.run(source);
  });
  const perSearch = probeMs / probes;
  const perOwnSearch = oursMs / probes;
  const exactEstimate = perOwnSearch * order;
  const k = defaultSamples(order, size);
  const [sampled, sampledMs] = time(() => snapshot.betweenness());
  log(`sampled betweenness + closeness: k = ${sampled.samples}, ${ms(sampledMs)} ms, error bound ±${sampled.errorBound.toFixed(3)}`);
  const [, pagerankMs] = time(() => snapshot.pageRank());
  const [partition, louvainMs] = time(() => snapshot.communities());
  const [, degreeMs] = time(() => snapshot.degree());

  // As the server computes them: PageRank and Louvain in a worker thread, the event loop's delay sampled meanwhile.
  fresh(graph);
  const served = analysisSnapshot(graph, {});
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const workerStarted = performance.now();
  await served.libraryPending([{ measure: 'pagerank' }, { measure: 'louvain', resolution: 1 }]);
  const workerMs = performance.now() - workerStarted;
  delay.disable();
  const workerMaxDelay = delay.max / 1e6;

  fresh(graph);
  const [, coldMs] = time(() => metrics(graph, { orderBy: 'PAGERANK', limit: 50 }).items.map((item) => item.pagerank));
  const [, warmMs] = time(() => metrics(graph, { orderBy: 'PAGERANK', limit: 50 }).items.map((item) => item.pagerank));
  return [
    `### ${order.toLocaleString('en-US')} entities, ${snapshot.analysis.relationships.toLocaleString('en-US')} relationships (${size.toLocaleString('en-US')} distinct ties)`,
    '',
    '| computation | ms | baseline (same run) | ratio | note |',
    '| --- | ---: | --- | ---: | --- |',
    `| build the analysis graph (filters, simple graph as typed arrays) | ${ms(buildMs)} | graphology graph from the records, as before: ${ms(graphologyBuildMs)} ms | ${(buildMs / graphologyBuildMs).toFixed(3)} | once per (date, filters); holds the event loop |`,
    `| one single-source search (src/analysis/brandes.ts) | ${ms(perOwnSearch)} | graphology-shortest-path indexed Brandes: ${ms(perSearch)} ms | ${(perOwnSearch / perSearch).toFixed(3)} | mean of ${probes} sources |`,
    `| betweenness + closeness, sampled (k = ${k}) | ${ms(sampledMs)} | exact: ${order.toLocaleString('en-US')} searches × ${ms(perOwnSearch)} ms = ${ms(exactEstimate)} ms (extrapolated) | ${(sampledMs / exactEstimate).toFixed(4)} | stated error ±${sampled.errorBound.toFixed(3)} at 95% |`,
    `| PageRank (graphology-metrics) | ${ms(pagerankMs)} | one search: ${ms(perSearch)} ms | ${(pagerankMs / perSearch).toFixed(1)} | |`,
    `| Louvain (graphology-communities-louvain) | ${ms(louvainMs)} | one search: ${ms(perSearch)} ms | ${(louvainMs / perSearch).toFixed(1)} | modularity ${partition.modularity.toFixed(3)}, ${partition.members.length} communities |`,
    `| degree | ${ms(degreeMs)} | | | |`,
    `| PageRank + Louvain in a worker thread (as served), wall time | ${ms(workerMs)} | in this thread: ${ms(pagerankMs + louvainMs)} ms | ${(workerMs / (pagerankMs + louvainMs)).toFixed(2)} | includes starting the worker and building its graph |`,
    `| event-loop delay meanwhile, max | ${ms(workerMaxDelay)} | in this thread, the loop waits ${ms(pagerankMs + louvainMs)} ms | ${(workerMaxDelay / (pagerankMs + louvainMs)).toFixed(4)} | sampled every 10 ms |`,
    `| metrics(orderBy: PAGERANK, limit: 50), warm cache | ${ms(warmMs)} | same query, cold (graph + PageRank): ${ms(coldMs)} ms | ${(warmMs / coldMs).toFixed(4)} | |`,
  ];
}

function accuracy(entities: number, samples: number): string[] {
  log(`accuracy graph: ${entities} entities`);
  const graph = buildGraph(syntheticDataset(entities, 7));
  const snapshot = analysisSnapshot(graph, {});
  const analysis = snapshot.analysis;
  const [exact, exactMs] = time(() => betweennessCentrality(keyedByIds(analysis), { getEdgeWeight: null, normalized: true }));
  const [estimate, sampledMs] = time(() => betweenness(analysis, samples));
  let worst = 0;
  analysis.ids.forEach((id, i) => (worst = Math.max(worst, Math.abs(estimate.values[i] - exact[id]))));
  const top = (values: (i: number) => number) =>
    new Set(
      analysis.ids
        .map((_, i) => i)
        .sort((a, b) => values(b) - values(a))
        .slice(0, 20),
    );
  const exactTop = top((i) => exact[analysis.ids[i]]);
  const shared = [...top((i) => estimate.values[i])].filter((i) => exactTop.has(i)).length;
  return [
    `### Sampled against exact betweenness: ${analysis.order.toLocaleString('en-US')} entities, ${analysis.relationships.toLocaleString('en-US')} relationships`,
    '',
    '| computation | ms | baseline (same run) | ratio | note |',
    '| --- | ---: | --- | ---: | --- |',
    `| sampled, k = ${samples} | ${ms(sampledMs)} | graphology-metrics exact betweenness: ${ms(exactMs)} ms | ${(sampledMs / exactMs).toFixed(3)} | largest error ${worst.toExponential(2)} (stated bound ±${estimate.errorBound.toFixed(3)}); top 20 shared with exact: ${shared}/20 |`,
  ];
}

/**
 * Exact betweenness of a graph in the background (src/analysis/paced-work.ts), with the event loop's delay sampled
 * every 10 ms meanwhile; baseline: the same computation at once, during which the event loop waits for all of it.
 */
async function responsiveness(entities: number): Promise<string[]> {
  log(`responsiveness graph: ${entities} entities`);
  const graph = buildGraph(syntheticDataset(entities, 11));
  const order = analysisSnapshot(graph, {}).order;
  const [, syncMs] = time(() => analysisSnapshot(graph, {}).betweenness(order));
  fresh(graph);
  const snapshot = analysisSnapshot(graph, {});
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  await snapshot.betweennessSoon(order);
  const backgroundMs = performance.now() - started;
  delay.disable();
  const p99 = delay.percentile(99) / 1e6;
  const max = delay.max / 1e6;
  return [
    `### Exact betweenness in the background: ${order.toLocaleString('en-US')} entities`,
    '',
    '| computation | ms | baseline (same run) | ratio | note |',
    '| --- | ---: | --- | ---: | --- |',
    `| in slices, wall time | ${ms(backgroundMs)} | at once: ${ms(syncMs)} ms | ${(backgroundMs / syncMs).toFixed(2)} | |`,
    `| event-loop delay meanwhile, p99 / max | ${ms(p99)} / ${ms(max)} | at once, the loop waits ${ms(syncMs)} ms | ${(max / syncMs).toFixed(4)} | sampled every 10 ms |`,
  ];
}

async function main(): Promise<void> {
  const lines = ['## Network analysis benchmark', '', ...accuracy(option('exact', 4000), option('samples', 200)), '', ...(await responsiveness(option('exact', 4000))), '', ...(await large(option('entities', 200_000)))];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
