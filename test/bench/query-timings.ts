import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { KnowledgeGraph } from '../../src/load';
import { dayToIso, InvalidInputError, RELATION_TYPES, toInterval, type RelationType } from '../../src/model';
import { kShortestPaths, pathIndexOf, shortestPath, type KPathsArgs } from '../../src/queries';
import { checkPathArgs } from '../../src/queries/paths/path-args';
import { cheapestPath } from '../../src/queries/paths/label-search';
import { OPEN_START } from '../../src/queries/paths/path-index';
import { BUILD_ON_ASK, projectionCacheOf } from '../../src/queries/paths/projection-cache';
import { SearchSpace } from '../../src/queries/paths/search-space';
import { CsrFloor, type FloorFilter } from './csr-floor';

/** Query timings in process, each over the same pairs, next to the baselines measured with them. */

export const FILTERS: KPathsArgs = { types: ['BACKS', 'ALLIED_WITH', 'SUPPLIED', 'OPPOSED', 'ATTACKED'] as RelationType[], asOf: '2020' };

export interface Row {
  readonly name: string;
  readonly times: number[];
  readonly note?: string;
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

export function measure(pairs: readonly (readonly [string, string])[], run: (from: string, to: string) => unknown): number[] {
  for (const [from, to] of pairs.slice(0, 10)) run(from, to); // warm-up
  return pairs.map(([from, to]) => {
    const started = process.hrtime.bigint();
    run(from, to);
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
}

export async function measureAsync(pairs: readonly (readonly [string, string])[], run: (from: string, to: string) => Promise<unknown>): Promise<number[]> {
  for (const [from, to] of pairs.slice(0, 10)) await run(from, to);
  const times: number[] = [];
  for (const [from, to] of pairs) {
    const started = process.hrtime.bigint();
    await run(from, to);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/** Names of the rows the targets read. */
export const ROW = {
  floorUndirected: 'floor: CSR bidirectional BFS, undirected',
  floorUndirectedFiltered: 'floor: CSR bidirectional BFS, undirected, types + asOf checked inline',
  graphology: 'baseline 1: graphology-shortest-path bidirectional (directed)',
  undirectedFiltered: 'shortestPath, undirected, types + asOf',
  confidence: 'shortestPath, undirected, cost: CONFIDENCE',
  weight: 'shortestPath, directed, cost: WEIGHT',
  confidenceOneSided: 'baseline 2: one-sided label search, undirected, cost: CONFIDENCE',
  weightOneSided: 'baseline 2: one-sided label search, directed, cost: WEIGHT',
} as const;

/**
 * The previous weighted search: one-sided label setting from `from`, no bounds (label-search.ts without bounds).
 * A query past the search budget is refused and counted.
 */
function oneSided(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs): void {
  const index = pathIndexOf(graph);
  const space = new SearchSpace(index, checkPathArgs(graph, from, to, args));
  cheapestPath(space, { node: index.nodeIds.get(from)!, cost: 0, hops: 0, time: OPEN_START }, index.nodeIds.get(to)!, Infinity, null);
}

/**
 * Queries whose filter is new: pair i gets the FILTERS types and asOf a day of its own (from `firstDay` on), asked
 * `ask` times; only the last ask is timed. Ask 1 is a date slider's query (no projection yet); ask BUILD_ON_ASK pays
 * for building the filter's projection (projection-cache.ts).
 */
function newFilterTimes(graph: KnowledgeGraph, pairs: readonly (readonly [string, string])[], firstDay: number, ask: number): { times: number[]; note: string } {
  let found = 0;
  const times = pairs.map(([from, to], i) => {
    const args: KPathsArgs = { ...FILTERS, directed: false, asOf: dayToIso(firstDay + i) };
    for (let earlier = 1; earlier < ask; earlier++) shortestPath(graph, from, to, args);
    const started = process.hrtime.bigint();
    if (shortestPath(graph, from, to, args)) found++;
    return Number(process.hrtime.bigint() - started) / 1e6;
  });
  return { times, note: `${pairs.length} pairs, each its own day of 2020; ${found} found a path` };
}

export function inProcessRows(graph: KnowledgeGraph, pairs: readonly (readonly [string, string])[], log: (message: string) => void, baselinePairs: number): Row[] {
  const index = pathIndexOf(graph);
  const floor = new CsrFloor(index);
  const node = (id: string) => index.nodeIds.get(id)!;
  const rows: Row[] = [];
  const add = (name: string, times: number[], note?: string) => {
    rows.push({ name, times, note });
    log(`${name}: median ${percentile(times, 0.5).toFixed(3)} ms, p95 ${percentile(times, 0.95).toFixed(3)} ms`);
  };
  const counted = (run: (from: string, to: string) => void) => {
    let refused = 0;
    const wrapped = (from: string, to: string) => {
      try {
        run(from, to);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        refused++;
      }
    };
    return { wrapped, refused: () => refused };
  };
  add('floor: CSR bidirectional BFS, directed', measure(pairs, (from, to) => floor.path(node(from), node(to), true)));
  add(ROW.floorUndirected, measure(pairs, (from, to) => floor.path(node(from), node(to), false)));
  const asOf = toInterval(FILTERS.asOf!);
  const inline: FloorFilter = { types: Uint8Array.from(RELATION_TYPES, (type) => (FILTERS.types!.includes(type) ? 1 : 0)), asOfLo: asOf.lo, asOfHi: asOf.hi };
  add(ROW.floorUndirectedFiltered, measure(pairs, (from, to) => floor.path(node(from), node(to), false, inline)));
  add(ROW.graphology, measure(pairs, (from, to) => bidirectional(graph, from, to)));
  for (const directed of [true, false]) {
    const way = directed ? 'directed' : 'undirected';
    add(`shortestPath, ${way}`, measure(pairs, (from, to) => shortestPath(graph, from, to, { directed })));
    add(`shortestPath, ${way}, types + asOf`, measure(pairs, (from, to) => shortestPath(graph, from, to, { directed, ...FILTERS })));
    add(`paths(k: 5), ${way}`, measure(pairs, (from, to) => kShortestPaths(graph, from, to, { directed, k: 5 })));
    add(`paths(k: 5), ${way}, types + asOf`, measure(pairs, (from, to) => kShortestPaths(graph, from, to, { directed, k: 5, ...FILTERS })));
  }
  const projection = projectionCacheOf(index).held().at(-1);
  if (projection) log(`projection of the undirected filter: built in ${projection.buildMs.toFixed(1)} ms, ${(projection.bytes / 1e6).toFixed(1)} MB (${projection.forward.edge.length.toLocaleString('en-US')} entries)`);
  // Days of 2020 (the pairs are connected as of 2020, not necessarily on each day) that no other row asks.
  const day = toInterval('2020').lo;
  const firstAsk = newFilterTimes(graph, pairs, day, 1);
  add('shortestPath, undirected, types + a new asOf (first ask: no projection)', firstAsk.times, firstAsk.note);
  const building = newFilterTimes(graph, pairs.slice(0, 10), day + 200, BUILD_ON_ASK);
  add(`shortestPath, undirected, types + a new asOf (ask ${BUILD_ON_ASK}: builds the projection)`, building.times, building.note);
  const weighted: [string, KPathsArgs, number][] = [
    [ROW.confidence, { cost: 'CONFIDENCE' }, pairs.length],
    [`${ROW.confidence}, maxLength 6`, { cost: 'CONFIDENCE', maxLength: 6 }, pairs.length],
    [`${ROW.confidence}, types + asOf`, { cost: 'CONFIDENCE', ...FILTERS }, pairs.length],
    [ROW.weight, { cost: 'WEIGHT', directed: true }, pairs.length],
    [`${ROW.weight}, maxLength 6`, { cost: 'WEIGHT', directed: true, maxLength: 6 }, pairs.length],
    ['shortestPath, directed, chronological', { directed: true, chronological: true }, pairs.length],
    // Yen's k searches, each an A* search: slower, so over the baselines' pairs.
    ['paths(k: 5), undirected, cost: CONFIDENCE', { cost: 'CONFIDENCE', k: 5 }, baselinePairs],
  ];
  for (const [name, args, count] of weighted) {
    const run = counted((from, to) => (args.k ? kShortestPaths(graph, from, to, args) : shortestPath(graph, from, to, args)));
    const times = measure(pairs.slice(0, count), run.wrapped);
    add(name, times, run.refused() > 0 ? `${run.refused()} refused past the search budget` : undefined);
  }
  for (const [name, args] of [
    [ROW.confidenceOneSided, { cost: 'CONFIDENCE' }],
    [ROW.weightOneSided, { cost: 'WEIGHT', directed: true }],
  ] as const) {
    const run = counted((from, to) => oneSided(graph, from, to, args));
    const times = measure(pairs.slice(0, baselinePairs), run.wrapped);
    add(name, times, `${baselinePairs} pairs${run.refused() > 0 ? `; ${run.refused()} refused past the search budget (timed until refused)` : ''}`);
  }
  return rows;
}
