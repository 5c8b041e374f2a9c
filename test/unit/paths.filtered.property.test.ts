import { buildGraph, type KnowledgeGraph } from '../../src/load';
import { shortestPath, type PathArgs } from '../../src/queries';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom } from './paths-dataset';
import { editGraph, referencePath } from './paths-reference';

/**
 * Property tests of the fewest-hops search under filters (bidirectional-bfs.ts, read-path.ts): the asOf windows it
 * keeps in adjacency order, the type runs it skips, and the two ways it reads a path (from an entity's own lists, or
 * from the next layer's side when that is cheaper, as next to a hub). The reference is independent of both: a
 * one-sided BFS from `to` over the relationships compileFilter allows, then a greedy walk from `from` taking the
 * smallest relationship id towards an entity one hop closer (every such entity leads on, so nothing is undone).
 * Graphs are edited between queries (dates moved, types changed, relationships dropped and added, each batch
 * announced as the store does): a stale window or index would answer for the graph as it was.
 */

function randomArgs(random: () => number, graph: KnowledgeGraph, from: string, to: string): PathArgs {
  const chance = (p: number) => random() < p;
  const others = graph.nodes().filter((id) => id !== from && id !== to);
  return {
    directed: chance(0.3),
    maxLength: [2, 3, 4, 8][Math.floor(random() * 4)],
    ...(chance(0.7) && { types: RANDOM_TYPES.filter(() => chance(0.6)) }),
    ...(chance(0.8) && { asOf: randomDate(random, 2000, 2010) }),
    ...(chance(0.15) && { minConfidence: 0.5 }),
    ...(chance(0.15) && { avoid: others.filter(() => chance(0.1)) }),
  };
}

function checkQueries(graph: KnowledgeGraph, random: () => number, seed: number, queries: number, ends?: readonly string[]): void {
  const ids = graph.nodes();
  const pick = () => ids[Math.floor(random() * ids.length)];
  for (let query = 0; query < queries; query++) {
    const from = ends && random() < 0.5 ? ends[Math.floor(random() * ends.length)] : pick();
    const to = pick();
    const args = randomArgs(random, graph, from, to);
    const found = shortestPath(graph, from, to, args);
    const context = JSON.stringify({ seed, from, to, args });
    expect({ context, ids: found && found.hops.map((hop) => hop.relationship.id) }).toEqual({ context, ids: referencePath(graph, from, to, args) });
  }
}

describe.each(Array.from({ length: 25 }, (_, i) => 3000 + i))('random graph %i, filtered fewest hops', (seed) => {
  test('same path as a one-sided BFS, before and after edits', () => {
    const random = seededRandom(seed);
    const graph = buildGraph(randomDataset(random, { minNodes: 8, maxNodes: 30, edgesPerNode: 3 }));
    checkQueries(graph, random, seed, 30);
    for (let round = 0; round < 4; round++) {
      editGraph(graph, random, round);
      checkQueries(graph, random, seed, 30);
    }
  });
});

// A hub next to small layers: the path is read from the layer's side (read-path.ts fromLayer) at the hub.
describe.each([4000, 4001, 4002, 4003, 4004, 4005, 4006, 4007])('random graph %i with a hub, filtered fewest hops', (seed) => {
  test('same path as a one-sided BFS, before and after edits', () => {
    const random = seededRandom(seed);
    const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 60, edgesPerNode: 1.5, hub: 150 }));
    expect(graph.degree('n0')).toBeGreaterThan(100);
    checkQueries(graph, random, seed, 40, ['n0']);
    for (let round = 0; round < 3; round++) {
      editGraph(graph, random, round);
      checkQueries(graph, random, seed, 40, ['n0']);
    }
  });
});
