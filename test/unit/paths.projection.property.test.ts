import { announceGraphChange, buildGraph, graphRebuilt, type KnowledgeGraph } from '../../src/load';
import { kShortestPaths, pathIndexOf, shortestPath, type PathArgs } from '../../src/queries';
import { BUILD_ON_ASK, PROJECTION_BYTES_PER_RELATIONSHIP, PROJECTIONS_KEPT, projectionCacheOf } from '../../src/queries/paths/projection-cache';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom } from './paths-dataset';
import { editGraph, referencePath } from './paths-reference';

/**
 * Property tests of the filter projections (filter-projection.ts, projection-cache.ts): a filter asked again is
 * searched over a projection of the adjacency onto it. Each graph gets a few filters, more than the cache keeps, asked
 * over and over in random order (so projections are built, used, evicted and built again), with the graph edited
 * between rounds (a stale projection would answer for the graph as it was). Every answer must be the reference's
 * (paths-reference.ts, which never sees the index), and paths(k) must start with it.
 */

function randomFilters(random: () => number, count: number): PathArgs[] {
  const chance = (p: number) => random() < p;
  return Array.from({ length: count }, (_, i) => ({
    directed: i % 3 === 0,
    maxLength: [3, 4, 8][Math.floor(random() * 3)],
    ...((i % 2 === 0 || chance(0.4)) && { types: RANDOM_TYPES.filter(() => chance(0.6)) }),
    ...((i % 2 === 1 || chance(0.4)) && { asOf: randomDate(random, 2000, 2010) }),
    ...(i % 4 === 2 && { minConfidence: 0.5 }),
  }));
}

/** Asks the queries; returns how many of the comparisons with a new index were made with a projection held. */
function ask(graph: KnowledgeGraph, random: () => number, filters: readonly PathArgs[], seed: number, queries: number): number {
  let projections = 0;
  const ids = graph.nodes();
  const pick = () => ids[Math.floor(random() * ids.length)];
  for (let query = 0; query < queries; query++) {
    const [from, to] = [pick(), pick()];
    const args = { ...filters[Math.floor(random() * filters.length)], ...(random() < 0.1 && { avoid: [pick()].filter((id) => id !== from && id !== to) }) };
    const context = JSON.stringify({ seed, from, to, args });
    const expected = referencePath(graph, from, to, args);
    const found = shortestPath(graph, from, to, args);
    expect({ context, ids: found && found.hops.map((hop) => hop.relationship.id) }).toEqual({ context, ids: expected });
    if (query % 5 === 0) {
      // paths(k) and each hop's alternatives (read from the projection too), against the same queries asked of a new
      // index, where the filter is new: the index's own lists and checks answer.
      const answers = () => ({ context, shortest: shortestPath(graph, from, to, args), paths: kShortestPaths(graph, from, to, { ...args, k: 3 }) });
      const projected = answers();
      expect({ context, ids: projected.paths[0]?.hops.map((hop) => hop.relationship.id) ?? null }).toEqual({ context, ids: expected });
      const held = projectionCacheOf(pathIndexOf(graph)).held();
      if (held.length > 0) projections++;
      expect(held.length).toBeLessThanOrEqual(PROJECTIONS_KEPT);
      announceGraphChange(graph, graphRebuilt());
      expect(projected).toEqual(answers());
    }
  }
  return projections;
}

describe.each(Array.from({ length: 16 }, (_, i) => 5000 + i))('random graph %i, filters asked again', (seed) => {
  test('same path as the reference with projections built, evicted and dropped on edits', () => {
    const random = seededRandom(seed);
    const graph = buildGraph(randomDataset(random, { minNodes: 10, maxNodes: 40, edgesPerNode: 3, ...(seed % 4 === 0 && { hub: 80 }) }));
    // No filter, either way, is a filter too (one list per entity sorted by relationship id).
    const filters = [...randomFilters(random, PROJECTIONS_KEPT + 2), {}, { directed: true }];
    for (let round = 0; round < 4; round++) {
      expect(ask(graph, random, filters, seed, 60)).toBeGreaterThan(0);
      editGraph(graph, random, round);
    }
  });
});

describe('the projection cache', () => {
  const graph = () => buildGraph(randomDataset(seededRandom(7), { minNodes: 30, maxNodes: 30, edgesPerNode: 3 }));
  const asOf = (year: number) => ({ types: ['BACKS', 'ALLIED_WITH'] as const, asOf: String(year) });

  test(`builds a filter's projection on its ask number ${BUILD_ON_ASK}, not before`, () => {
    const g = graph();
    const cache = projectionCacheOf(pathIndexOf(g));
    for (let ask = 1; ask < BUILD_ON_ASK; ask++) {
      shortestPath(g, 'n0', 'n1', asOf(2005));
      expect(cache.held()).toHaveLength(0);
    }
    shortestPath(g, 'n0', 'n1', asOf(2005));
    expect(cache.held()).toHaveLength(1);
    // No filter is a filter too (one list per entity sorted by id), built on its second ask.
    shortestPath(g, 'n0', 'n1');
    expect(cache.held()).toHaveLength(1);
    shortestPath(g, 'n0', 'n1');
    expect(cache.held()).toHaveLength(2);
  });

  test('keeps what its byte budget allows, the newest at least', () => {
    const g = graph();
    const cache = projectionCacheOf(pathIndexOf(g));
    const twice = (args: PathArgs) => [0, 1].forEach(() => shortestPath(g, 'n0', 'n1', args));
    // Unfiltered, both ways: together more than the budget.
    twice({ directed: true });
    const [directed] = cache.held();
    twice({ directed: false });
    const [undirected] = cache.held();
    expect(directed.bytes + undirected.bytes).toBeGreaterThan(PROJECTION_BYTES_PER_RELATIONSHIP * g.size);
    expect(cache.held()).toEqual([undirected]);
    expect(undirected.forward).toBe(undirected.backward);
  });

  test(`keeps the ${PROJECTIONS_KEPT} most recently used, evicting the least recently used`, () => {
    const g = graph();
    const cache = projectionCacheOf(pathIndexOf(g));
    const twice = (year: number) => [0, 1].forEach(() => shortestPath(g, 'n0', 'n1', asOf(year)));
    for (let year = 2000; year < 2000 + PROJECTIONS_KEPT; year++) twice(year);
    const [oldest, second] = cache.held();
    shortestPath(g, 'n0', 'n1', asOf(2000)); // 2000 becomes the most recently used
    twice(2009);
    expect(cache.held()).toHaveLength(PROJECTIONS_KEPT);
    expect(cache.held()).not.toContain(second);
    expect(cache.held()).toContain(oldest);
  });

  test('filters asked in turn, more than it keeps, are not rebuilt on every other query', () => {
    const g = graph();
    const cache = projectionCacheOf(pathIndexOf(g));
    const built = new Set<unknown>();
    const years = Array.from({ length: PROJECTIONS_KEPT + 1 }, (_, i) => 2000 + i);
    for (let turn = 0; turn < 64; turn++) {
      for (const year of years) {
        shortestPath(g, 'n0', 'n1', asOf(year));
        cache.held().forEach((projection) => built.add(projection));
      }
    }
    // Each filter builds on ask 2, then after each eviction on twice as many asks: about log2(64) builds each, where
    // without the doubling every second ask of an evicted filter builds one (49 here).
    expect(built.size).toBeGreaterThan(years.length);
    expect(built.size).toBeLessThanOrEqual(years.length * 7);
  });

  test('a date slider (each date asked once) builds none', () => {
    const g = graph();
    for (let day = 1; day <= 28; day++) shortestPath(g, 'n0', 'n1', { asOf: `2005-02-${String(day).padStart(2, '0')}` });
    expect(projectionCacheOf(pathIndexOf(g)).held()).toHaveLength(0);
  });
});
