import { announceGraphChange, buildGraph, relationshipAttributes, type KnowledgeGraph } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { pathIndexOf, shortestPath, type PathArgs } from '../../src/queries';
import { HUB_DEGREE } from '../../src/queries/paths/hub-lists';
import { HopLimitedBounds, LAYER_WORK } from '../../src/queries/paths/hop-limited-bounds';
import { MeetingBounds } from '../../src/queries/paths/meeting-bounds';
import { labelSearchReference as reference, searchSpace as space } from './paths-reference';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom, TEST_SOURCE } from './paths-dataset';

/**
 * Hop distances to t (hop-limited-bounds.ts) on top of the cost bounds: on random graphs with many equal costs, hubs,
 * filters, avoided entities, time order and hop limits that cut the cheapest walk, (1) a bound is Infinity only where
 * no walk of at most the hops left leads to t under the query's filters, whatever work limit cut the layers short, and
 * (2) shortestPath still gives exactly what the one-sided label search without bounds gives, also after edits.
 */

function randomArgs(random: () => number, graph: KnowledgeGraph, from: string, to: string): PathArgs {
  const chance = (p: number) => random() < p;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const others = graph.nodes().filter((id) => id !== from && id !== to);
  return {
    directed: chance(0.5),
    cost: pick(['CONFIDENCE', 'WEIGHT', 'CONFIDENCE'] as const),
    chronological: chance(0.2),
    maxLength: pick([1, 2, 3, 3, 4, 4, 5, 6, 8]),
    ...(chance(0.3) && { types: RANDOM_TYPES.filter(() => chance(0.6)) }),
    ...(chance(0.25) && { asOf: randomDate(random, 2000, 2010) }),
    ...(chance(0.25) && { avoid: others.filter(() => chance(0.1)) }),
    ...(chance(0.2) && { minConfidence: pick([0.5, 0.8]) }),
  };
}

const outcomes = { pruned: 0, prunedWhereCostBoundFinite: 0, cutShort: 0, complete: 0, ranOut: 0, answers: 0, afterEdits: 0 };

function checkAnswer(seed: number, graph: KnowledgeGraph, from: string, to: string, args: PathArgs): void {
  const context = JSON.stringify({ seed, from, to, args });
  const best = shortestPath(graph, from, to, args);
  expect({ context, ids: best && best.hops.map((hop) => hop.relationship.id) }).toEqual({ context, ids: reference(graph, from, to, args) });
  outcomes.answers++;
}

function checkQueries(seed: number, graph: KnowledgeGraph, random: () => number, queries: number): void {
  const ids = graph.nodes();
  const index = pathIndexOf(graph);
  for (let query = 0; query < queries; query++) {
    const from = ids[Math.floor(random() * ids.length)];
    let to = ids[Math.floor(random() * ids.length)];
    if (to === from) to = ids[(ids.indexOf(from) + 1) % ids.length];
    const args = randomArgs(random, graph, from, to);
    const context = JSON.stringify({ seed, from, to, args });
    checkAnswer(seed, graph, from, to, args);

    // Whether a walk of at most k hops leads from v to `to` under the filters (time order aside), computed before the
    // bounds: every query builds layers in the same working arrays. (Avoided entities are not looked at.)
    const hopsLeft = Array.from({ length: args.maxLength! }, (_, i) => i + 1);
    const reaches = ids.map((v) => hopsLeft.map((k) => v === to || args.avoid?.includes(v) || shortestPath(graph, v, to, { ...args, chronological: false, cost: 'HOPS', maxLength: k }) !== null));
    const probe = space(graph, from, to, args);
    const [s, t] = [index.nodeIds.get(from)!, index.nodeIds.get(to)!];
    if (!probe.nodeOpen(s) || !probe.nodeOpen(t)) continue;
    const inner = new MeetingBounds(probe, s, t);
    if (!inner.connected) continue;
    const workLimit = [0, 2, 5, 12, 30, LAYER_WORK][Math.floor(random() * 6)];
    const bounds = new HopLimitedBounds(probe, inner, t, workLimit);
    if (bounds.radius === Infinity) outcomes.ranOut++;
    else if (bounds.radius < args.maxLength!) outcomes.cutShort++;
    else outcomes.complete++;
    ids.forEach((v, i) => {
      const w = index.nodeIds.get(v)!;
      if (!probe.nodeOpen(w)) return;
      expect({ context, v, none: bounds.bound(w, 0) }).toEqual({ context, v, none: v === to ? 0 : Infinity });
      hopsLeft.forEach((k, j) => {
        const bound = bounds.bound(w, k);
        if (bound !== Infinity) {
          expect({ context, v, k, workLimit, bound }).toEqual({ context, v, k, workLimit, bound: v === to ? 0 : inner.bound(w) });
          return;
        }
        expect({ context, v, k, workLimit, reaches: reaches[i][j] }).toEqual({ context, v, k, workLimit, reaches: false });
        outcomes.pruned++;
        if (inner.bound(w) < Infinity) outcomes.prunedWhereCostBoundFinite++;
      });
    });
  }
}

/** Adds a relationship between two random entities and announces it, as the store does after a batch. */
function addRandomRelationship(random: () => number, graph: KnowledgeGraph, n: number): void {
  const ids = graph.nodes();
  const [source, target] = [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]];
  const record: RelationshipRecord = {
    id: `edit-${n}`,
    type: RANDOM_TYPES[Math.floor(random() * RANDOM_TYPES.length)],
    source,
    target,
    confidence: [0.5, 0.9, 1][Math.floor(random() * 3)],
    weight: [1, 2][Math.floor(random() * 2)],
    evidence: [{ source: TEST_SOURCE.id }],
  };
  graph.addEdgeWithKey(record.id, record.source, record.target, relationshipAttributes(record));
  const none = { entities: new Set<string>(), removedEntities: new Set<string>(), sources: new Set<string>() };
  announceGraphChange(graph, { ...none, rebuilt: false, relationships: [{ before: null, after: record }] });
}

describe.each(Array.from({ length: 16 }, (_, i) => 7000 + i))('random graph %i of up to 40 entities', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 20, maxNodes: 40, edgesPerNode: 2 }));
  test('a bound is Infinity only where t is out of reach in the hops left; answers unchanged', () => checkQueries(seed, graph, random, 10));
});

// Sparse graphs of long paths: hop limits cut the cheapest walk, and the layers are deep before they run out.
describe.each(Array.from({ length: 10 }, (_, i) => 7100 + i))('random sparse graph %i of up to 60 entities', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 60, edgesPerNode: 1.4 }));
  test('a bound is Infinity only where t is out of reach in the hops left; answers unchanged', () => checkQueries(seed, graph, random, 12));
});

describe.each([7200, 7201, 7202])('random graph %i with a hub', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 50, edgesPerNode: 1.6, hub: 2 * HUB_DEGREE + 50 }));
  test('a bound is Infinity only where t is out of reach in the hops left; answers unchanged', () => checkQueries(seed, graph, random, 8));
});

describe.each([7300, 7301, 7302, 7303])('random sparse graph %i edited between queries', (seed) => {
  test('answers after each announced edit equal the reference on the edited graph', () => {
    const random = seededRandom(seed);
    const graph = buildGraph(randomDataset(random, { minNodes: 30, maxNodes: 40, edgesPerNode: 1.3 }));
    const ids = graph.nodes();
    const pairs = Array.from({ length: 8 }, () => [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]] as const).filter(([a, b]) => a !== b);
    const args = pairs.map(([from, to]) => randomArgs(random, graph, from, to));
    for (let edit = 0; edit < 6; edit++) {
      pairs.forEach(([from, to], i) => checkAnswer(seed, graph, from, to, args[i]));
      addRandomRelationship(random, graph, edit);
      outcomes.afterEdits++;
    }
  });
});

test('bounds whose shared marks were overwritten by layers towards another target fall back to the bounds they wrap', () => {
  const random = seededRandom(7400);
  const graph = buildGraph(randomDataset(random, { minNodes: 40, maxNodes: 50, edgesPerNode: 1.3 }));
  const index = pathIndexOf(graph);
  const ids = graph.nodes();
  const args: PathArgs = { cost: 'CONFIDENCE', maxLength: 3 };
  let revoked = 0;
  for (let pair = 0; pair < 20; pair++) {
    const [from, to, other] = [0, 1, 2].map(() => ids[Math.floor(random() * ids.length)]);
    if (from === to || other === to) continue;
    const probe = space(graph, from, to, args);
    const [s, t] = [index.nodeIds.get(from)!, index.nodeIds.get(to)!];
    const inner = new MeetingBounds(probe, s, t);
    if (!inner.connected) continue;
    const first = new HopLimitedBounds(probe, inner, t);
    const before = ids.map((v) => first.bound(index.nodeIds.get(v)!, 2));
    // Layers towards another entity re-mark the arrays the first bounds read.
    new HopLimitedBounds(space(graph, from, other, args), inner, index.nodeIds.get(other)!);
    ids.forEach((v, i) => {
      const w = index.nodeIds.get(v)!;
      const after = first.bound(w, 2);
      expect({ v, after }).toEqual({ v, after: v === to ? 0 : inner.bound(w) });
      if (before[i] === Infinity && after !== Infinity) revoked++;
    });
  }
  // The case that matters occurred: a pruning that stale marks would have kept or invented.
  expect(revoked).toBeGreaterThan(0);
});

// Runs last (a file's tests run in order): the random queries must have exercised what the bounds add.
test('the random queries pruned where the cost bounds could not, with layers cut short, complete and run out', () => {
  expect(outcomes.prunedWhereCostBoundFinite).toBeGreaterThan(200);
  expect(outcomes.cutShort).toBeGreaterThan(20);
  expect(outcomes.complete).toBeGreaterThan(20);
  expect(outcomes.ranOut).toBeGreaterThan(0);
  expect(outcomes.answers).toBeGreaterThan(300);
  expect(outcomes.afterEdits).toBe(24);
});
