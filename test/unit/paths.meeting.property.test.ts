import { buildGraph, type KnowledgeGraph } from '../../src/load';
import { pathIndexOf, shortestPath, type PathArgs } from '../../src/queries';
import { bestPath } from '../../src/queries/paths/best-path';
import { HUB_DEGREE } from '../../src/queries/paths/hub-lists';
import { HopLimitedBounds } from '../../src/queries/paths/hop-limited-bounds';
import { HopPenaltyBounds } from '../../src/queries/paths/hop-penalty-bounds';
import { MeetingBounds } from '../../src/queries/paths/meeting-bounds';
import { OPEN_START } from '../../src/queries/paths/path-index';
import { labelSearchReference as reference, searchSpace as space } from './paths-reference';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom } from './paths-dataset';

/**
 * The one-label bidirectional search (meeting-bounds.ts) in front of the A* label search: on random graphs large
 * enough for long paths, with many equal costs (confidences and weights drawn from a few values), hop limits that cut
 * the cheapest walk, filters and time order, shortestPath must give exactly what the one-sided label search without
 * bounds gives (the exact order of paths, ties included), and the bounds must never exceed a true cost.
 */

function randomArgs(random: () => number, graph: KnowledgeGraph, from: string, to: string): PathArgs {
  const chance = (p: number) => random() < p;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const others = graph.nodes().filter((id) => id !== from && id !== to);
  return {
    directed: chance(0.5),
    cost: pick(['CONFIDENCE', 'WEIGHT'] as const),
    chronological: chance(0.2),
    maxLength: pick([1, 2, 3, 4, 4, 5, 5, 6, 8, 16]),
    ...(chance(0.25) && { types: RANDOM_TYPES.filter(() => chance(0.6)) }),
    ...(chance(0.25) && { asOf: randomDate(random, 2000, 2010) }),
    ...(chance(0.2) && { avoid: others.filter(() => chance(0.1)) }),
    ...(chance(0.2) && { minConfidence: pick([0.5, 0.8]) }),
  };
}

const chosenBounds = new Map<string, number>();
const outcomes = { fits: 0, tooLong: 0, unconnected: 0, boundsChecked: 0, penaltyTighter: 0 };

function checkQueries(seed: number, graph: KnowledgeGraph, random: () => number, queries: number): void {
  const ids = graph.nodes();
  const index = pathIndexOf(graph);
  for (let query = 0; query < queries; query++) {
    const from = ids[Math.floor(random() * ids.length)];
    let to = ids[Math.floor(random() * ids.length)];
    if (to === from) to = ids[(ids.indexOf(from) + 1) % ids.length];
    const args = randomArgs(random, graph, from, to);
    const context = JSON.stringify({ seed, from, to, args });
    const best = shortestPath(graph, from, to, args);
    const expected = reference(graph, from, to, args);
    expect({ context, ids: best && best.hops.map((hop) => hop.relationship.id) }).toEqual({ context, ids: expected });
    // Which bounds best-path.ts chose for it (all three must be exercised, see the last test).
    const chosen = space(graph, from, to, args);
    const [s0, t0] = [index.nodeIds.get(from)!, index.nodeIds.get(to)!];
    if (chosen.nodeOpen(s0) && chosen.nodeOpen(t0)) {
      const found = bestPath(chosen, { node: s0, cost: 0, hops: 0, time: OPEN_START }, t0);
      expect({ context, ids: found && found.edges.map((e) => index.edgeKeys[e]) }).toEqual({ context, ids: expected });
      // Hop distances (hop-limited-bounds.ts) wrap whichever bounds were chosen.
      const kind = chosen.bounds instanceof HopLimitedBounds ? chosen.bounds.inner.constructor.name : chosen.bounds!.connected ? 'unwrapped' : 'no path';
      chosenBounds.set(kind, (chosenBounds.get(kind) ?? 0) + 1);
    }

    // The true costs to `to` within r hops, without time order (computed first: searches share working arrays).
    const exact = { ...args, chronological: false };
    const hopsLeft = [...new Set([1, 2, 3, args.maxLength!])];
    const costs = ids.map((v) => hopsLeft.map((r) => (v === to || args.avoid?.includes(v) ? null : shortestPath(graph, v, to, { ...exact, maxLength: r })?.cost ?? null)));
    const probe = space(graph, from, to, args);
    const [s, t] = [index.nodeIds.get(from)!, index.nodeIds.get(to)!];
    if (!probe.nodeOpen(s) || !probe.nodeOpen(t)) continue;
    const plain = new MeetingBounds(probe, s, t);
    if (!plain.connected) outcomes.unconnected++;
    else if (plain.fits) outcomes.fits++;
    else outcomes.tooLong++;
    if (!plain.connected) expect({ context, best }).toEqual({ context, best: null });
    // A walk met within the hop limit caps the answer's cost (best-path.ts).
    if (plain.fits && !args.chronological) expect({ context, capped: best !== null && best.cost <= plain.cheapest * (1 + 1e-9) }).toEqual({ context, capped: true });
    const penalty = [0.1, 0.7, 3][Math.floor(random() * 3)];
    const penalized = plain.connected ? new HopPenaltyBounds(plain, new MeetingBounds(probe, s, t, penalty, 2), Infinity) : null;
    ids.forEach((v, i) => {
      const w = index.nodeIds.get(v)!;
      hopsLeft.forEach((r, j) => {
        const cost = costs[i][j];
        if (cost === null) return;
        const bounds = { plain: plain.bound(w), penalized: penalized ? penalized.bound(w, r) : 0 };
        const limit = cost * (1 + 1e-9);
        expect({ context, v, r, penalty, within: bounds.plain <= limit && bounds.penalized <= limit }).toEqual({ context, v, r, penalty, within: true });
        outcomes.boundsChecked++;
        if (bounds.penalized > bounds.plain) outcomes.penaltyTighter++;
      });
    });
  }
}

describe.each(Array.from({ length: 24 }, (_, i) => 3000 + i))('random graph %i of up to 40 entities', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 20, maxNodes: 40, edgesPerNode: 2 }));
  test('shortestPath equals the one-sided label search; bounds never exceed a cost', () => checkQueries(seed, graph, random, 12));
});

// Sparse graphs of long paths: the cheapest walk is often longer than the hop limit (hop-penalised bounds).
describe.each(Array.from({ length: 12 }, (_, i) => 5000 + i))('random sparse graph %i of up to 60 entities', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 60, edgesPerNode: 1.6 }));
  test('shortestPath equals the one-sided label search; bounds never exceed a cost', () => checkQueries(seed, graph, random, 30));
});

describe.each([4000, 4001, 4002, 4003])('random graph %i with a hub', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 50, edgesPerNode: 1.6, hub: 2 * HUB_DEGREE + 50 }));
  test('shortestPath equals the one-sided label search; bounds never exceed a cost', () => checkQueries(seed, graph, random, 10));
});

// Runs after the graphs above (a file's tests run in order): the random queries must have taken every way through
// best-path.ts: the cheapest walk within the hop limit, longer than it (hop-penalised bounds), and no path at all.
test('the random queries took every way', () => {
  expect(outcomes.fits).toBeGreaterThan(20);
  expect(outcomes.tooLong).toBeGreaterThan(20);
  expect(outcomes.unconnected).toBeGreaterThan(5);
  expect(outcomes.boundsChecked).toBeGreaterThan(1000);
  // The penalised bounds must be tested where they matter: above the plain ones.
  expect(outcomes.penaltyTighter).toBeGreaterThan(100);
  expect(chosenBounds.get('HopPenaltyBounds')).toBeGreaterThan(15);
  expect(Object.fromEntries(chosenBounds)).toEqual({ MeetingBounds: expect.any(Number), HopPenaltyBounds: expect.any(Number), 'no path': expect.any(Number) });
});
