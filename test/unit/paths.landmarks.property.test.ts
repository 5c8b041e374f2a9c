import { announceGraphChange, buildGraph, relationshipAttributes, type KnowledgeGraph } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { kShortestPaths, pathIndexOf, shortestPath, UNRATED_CONFIDENCE, type KPathsArgs } from '../../src/queries';
import { cheapestPath } from '../../src/queries/paths/label-search';
import { difference, landmarksOf, landmarksReady, LANDMARK_COUNT, requestLandmarks, type Landmarks } from '../../src/queries/paths/landmarks';
import { checkPathArgs } from '../../src/queries/paths/path-args';
import { OPEN_START } from '../../src/queries/paths/path-index';
import { SearchSpace } from '../../src/queries/paths/search-space';
import { kBestPaths } from '../../src/queries/paths/yen';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom, TEST_SOURCE } from './paths-dataset';

/**
 * Landmark (ALT) bounds (landmarks.ts) under the CONFIDENCE searches: on random graphs large enough for the A* search
 * to lean on them, with ties (confidences from a few values), hop limits that cut the cheapest walk, filters, time
 * order and avoid, the answers must be exactly those of the one-sided label search without bounds; every landmark
 * bound must stay at or below the true cost (computed here by a plain Dijkstra over the Graphology graph); and after an
 * edit the landmarks of the old graph must not be used.
 */

/** The one-sided label search with no bounds: its first label at `to` is the answer (the reference). */
function reference(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs): string[] | null {
  const index = pathIndexOf(graph);
  const space = new SearchSpace(index, checkPathArgs(graph, from, to, args));
  const [s, t] = [index.nodeIds.get(from)!, index.nodeIds.get(to)!];
  if (!space.nodeOpen(s) || !space.nodeOpen(t)) return null;
  if (s === t) return [];
  const found = cheapestPath(space, { node: s, cost: 0, hops: 0, time: OPEN_START }, t, Infinity, null);
  return found && found.edges.map((e) => index.edgeKeys[e]);
}

/** Unfiltered undirected CONFIDENCE costs to `to` over the Graphology graph: every query's cost is at least these. */
function costsTo(graph: KnowledgeGraph, to: string): Map<string, number> {
  const cost = new Map<string, number>([[to, 0]]);
  const done = new Set<string>();
  for (;;) {
    let u: string | null = null;
    for (const [v, c] of cost) if (!done.has(v) && (u === null || c < cost.get(u)!)) u = v;
    if (u === null) return cost;
    done.add(u);
    graph.forEachEdge(u, (_id, attributes, source, target) => {
      const confidence = attributes.record.confidence ?? UNRATED_CONFIDENCE;
      if (confidence === 0) return;
      const w = source === u ? target : source;
      const next = cost.get(u!)! - Math.log(confidence);
      if (!done.has(w) && next < (cost.get(w) ?? Infinity)) cost.set(w, next);
    });
  }
}

function randomArgs(random: () => number, graph: KnowledgeGraph, from: string, to: string): KPathsArgs {
  const chance = (p: number) => random() < p;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  return {
    cost: 'CONFIDENCE',
    directed: chance(0.3),
    chronological: chance(0.15),
    maxLength: pick([2, 3, 4, 5, 6, 8, 8, 12, 16]),
    ...(chance(0.25) && { types: RANDOM_TYPES.filter(() => chance(0.7)) }),
    ...(chance(0.25) && { asOf: randomDate(random, 2000, 2010) }),
    ...(chance(0.2) && { avoid: graph.nodes().filter((id) => id !== from && id !== to && chance(0.05)) }),
    ...(chance(0.15) && { minConfidence: pick([0.5, 0.8]) }),
  };
}

const seen = { queries: 0, paths: 0, boundsChecked: 0, informative: 0 };

function checkQueries(seed: number, graph: KnowledgeGraph, random: () => number, queries: number): void {
  const ids = graph.nodes();
  const index = pathIndexOf(graph);
  shortestPath(graph, ids[0], ids[1], { cost: 'CONFIDENCE' }); // a small graph: its landmarks are computed at once
  const landmarks = landmarksOf(index)!;
  expect(landmarks.count).toBeGreaterThan(1);
  for (let query = 0; query < queries; query++) {
    const from = ids[Math.floor(random() * ids.length)];
    const to = ids[Math.floor(random() * ids.length)];
    const args = randomArgs(random, graph, from, to);
    const context = JSON.stringify({ seed, from, to, args });
    const found = shortestPath(graph, from, to, args);
    expect({ context, ids: found && found.hops.map((hop) => hop.relationship.id) }).toEqual({ context, ids: reference(graph, from, to, args) });
    seen.queries++;
    if (found) seen.paths++;
    const exact = costsTo(graph, to);
    const bound = landmarks.towards(index.nodeIds.get(from)!, index.nodeIds.get(to)!);
    for (const v of ids) {
      const value = bound.bound(index.nodeIds.get(v)!);
      const cost = exact.get(v) ?? Infinity;
      expect({ context, v, within: value <= cost }).toEqual({ context, v, within: true });
      seen.boundsChecked++;
      if (value > 0.5 * cost && cost > 0) seen.informative++;
    }
  }
}

describe.each(Array.from({ length: 10 }, (_, i) => 7000 + i))('random graph %i of up to 200 entities', (seed) => {
  const random = seededRandom(seed);
  const graph = buildGraph(randomDataset(random, { minNodes: 120, maxNodes: 200, edgesPerNode: 1.8 }));
  test('shortestPath equals the one-sided label search; landmark bounds never exceed a cost', () => checkQueries(seed, graph, random, 25));
});

describe.each([7100, 7101, 7102])('random graph %i: paths(k)', (seed) => {
  test('Yen with landmark bounds gives the paths of Yen without them', () => {
    const random = seededRandom(seed);
    const dataset = randomDataset(random, { minNodes: 60, maxNodes: 90, edgesPerNode: 2 });
    const [withLandmarks, without] = [buildGraph(dataset), buildGraph(dataset)];
    const ids = withLandmarks.nodes();
    for (let query = 0; query < 15; query++) {
      const [from, to] = [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]];
      if (from === to) continue;
      const args = { ...randomArgs(random, withLandmarks, from, to), k: 1 + Math.floor(random() * 6) };
      const paths = kShortestPaths(withLandmarks, from, to, args).map((path) => path.hops.map((hop) => hop.relationship.id));
      // The same search through a SearchSpace of its own: no query of `without` ever asks for landmarks.
      const index = pathIndexOf(without);
      const space = new SearchSpace(index, checkPathArgs(without, from, to, args));
      const [s, t] = [index.nodeIds.get(from)!, index.nodeIds.get(to)!];
      const expected = space.nodeOpen(s) && space.nodeOpen(t) ? kBestPaths(space, s, t, args.k).map((path) => path.edges.map((e) => index.edgeKeys[e])) : [];
      expect(landmarksOf(pathIndexOf(withLandmarks))).not.toBeNull();
      expect(landmarksOf(index)).toBeNull();
      expect({ args, from, to, paths }).toEqual({ args, from, to, paths: expected });
    }
  });
});

test('the random queries found paths and the landmarks bounded them usefully', () => {
  expect(seen.queries).toBe(250);
  expect(seen.paths).toBeGreaterThan(60);
  expect(seen.boundsChecked).toBeGreaterThan(30_000);
  // The bounds are not trivially 0: many are above half the true cost.
  expect(seen.informative / seen.boundsChecked).toBeGreaterThan(0.3);
});

test('a landmark bound never exceeds the exact difference of the distances it was rounded from', () => {
  const random = seededRandom(11);
  let naiveAbove = 0;
  const above: number[][] = [];
  for (let i = 0; i < 200_000; i++) {
    // Distances of many hops, close together: where Float32 rounding matters most.
    const a = random() * 40;
    const b = random() < 0.5 ? a + random() * 1e-5 : random() * 40;
    const exact = Math.abs(a - b);
    if (difference(Math.fround(a), Math.fround(b)) > exact) above.push([a, b]);
    if (Math.abs(Math.fround(a) - Math.fround(b)) > exact) naiveAbove++;
  }
  expect(above).toEqual([]);
  // Without the margin the rounded distances would overstate the bound: the margin is needed.
  expect(naiveAbove).toBeGreaterThan(1000);
  expect(difference(Infinity, Infinity)).toBe(0);
  expect(difference(3, Infinity)).toBe(Infinity);
  expect(difference(Infinity, 0)).toBe(Infinity);
});

/** A ring of `n` entities with confidence 0.5 hops, so that one new near-certain chord makes far entities close. */
function ring(n: number): { graph: KnowledgeGraph; relationships: RelationshipRecord[] } {
  const entities = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'ORGANIZATION' as const, name: `Node ${i}`, aliases: [] }));
  const relationships: RelationshipRecord[] = entities.map((entity, i) => ({
    id: `r${String(i).padStart(3, '0')}`,
    type: 'ALLIED_WITH',
    source: entity.id,
    target: entities[(i + 1) % n].id,
    confidence: 0.5,
    evidence: [{ source: TEST_SOURCE.id }],
  }));
  return { graph: buildGraph({ sources: [TEST_SOURCE], entities, relationships }), relationships };
}

const none = { entities: new Set<string>(), removedEntities: new Set<string>(), relationships: [], sources: new Set<string>() };

test('after an edit the old landmarks are not used: answers follow the edited graph', () => {
  const { graph, relationships } = ring(60);
  expect(shortestPath(graph, 'n0', 'n30', { cost: 'CONFIDENCE', maxLength: 16 })).toBeNull(); // 30 hops either way
  const old = landmarksOf(pathIndexOf(graph))!;
  // Chords of confidence 1 (cost 0): n0 is now a few cheap hops from n30.
  const added: RelationshipRecord[] = [
    { id: 'a1', type: 'ALLIED_WITH', source: 'n0', target: 'n15', confidence: 1, evidence: [{ source: TEST_SOURCE.id }] },
    { id: 'a2', type: 'ALLIED_WITH', source: 'n15', target: 'n29', confidence: 1, evidence: [{ source: TEST_SOURCE.id }] },
  ];
  for (const record of added) graph.addEdgeWithKey(record.id, record.source, record.target, relationshipAttributes(record));
  // Raise one ring hop to certainty too.
  const before = relationships[29];
  const after = { ...before, confidence: 1 };
  graph.replaceEdgeAttributes(before.id, relationshipAttributes(after));
  announceGraphChange(graph, { ...none, rebuilt: false, relationships: [...added.map((record) => ({ before: null, after: record })), { before, after }] });

  const index = pathIndexOf(graph);
  // The old landmarks would now overstate what it costs to reach n30 from n0: using them would hide the new path.
  const stale = (landmarks: Landmarks) => landmarks.towards(index.nodeIds.get('n0')!, index.nodeIds.get('n30')!).bound(index.nodeIds.get('n0')!);
  expect(stale(old)).toBeGreaterThan(0);
  const path = shortestPath(graph, 'n0', 'n30', { cost: 'CONFIDENCE', maxLength: 16 });
  expect(path?.hops.map((hop) => hop.relationship.id)).toEqual(['a1', 'a2', 'r029']);
  expect(path?.cost).toBe(0);
  expect(path?.hops.map((hop) => hop.relationship.id)).toEqual(reference(graph, 'n0', 'n30', { cost: 'CONFIDENCE', maxLength: 16 }));
  const fresh = landmarksOf(index)!;
  expect(fresh).not.toBe(old);
  expect(stale(fresh)).toBe(0);
});

test('edits between random queries: every answer is that of the edited graph', () => {
  const random = seededRandom(8100);
  const dataset = randomDataset(random, { minNodes: 80, maxNodes: 100, edgesPerNode: 1.8 });
  const graph = buildGraph(dataset);
  const ids = graph.nodes();
  for (let round = 0; round < 8; round++) {
    for (let query = 0; query < 8; query++) {
      const [from, to] = [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]];
      const args = randomArgs(random, graph, from, to);
      const found = shortestPath(graph, from, to, args);
      expect({ round, from, to, args, ids: found && found.hops.map((hop) => hop.relationship.id) }).toEqual({ round, from, to, args, ids: reference(graph, from, to, args) });
    }
    // Cheaper hops: new near-certain relationships, and existing ones made certain.
    const changes = [];
    for (let i = 0; i < 4; i++) {
      const [source, target] = [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]];
      if (source === target) continue;
      const record: RelationshipRecord = { id: `x${round}-${i}`, type: 'ALLIED_WITH', source, target, confidence: 1, evidence: [{ source: TEST_SOURCE.id }], start: randomDate(random) };
      graph.addEdgeWithKey(record.id, source, target, relationshipAttributes(record));
      changes.push({ before: null, after: record });
    }
    const edge = graph.edges()[Math.floor(random() * graph.size)];
    const before = graph.getEdgeAttributes(edge).record;
    const after = { ...before, confidence: 1 };
    graph.replaceEdgeAttributes(edge, relationshipAttributes(after));
    changes.push({ before, after });
    announceGraphChange(graph, { ...none, rebuilt: false, relationships: changes });
    expect(landmarksOf(pathIndexOf(graph))).toBeNull();
  }
});

describe('a graph too large for landmarks at once', () => {
  // More relationships than landmarks.ts computes within a query: the first CONFIDENCE query starts them in the background.
  const random = seededRandom(9000);
  const n = 8000;
  const dataset = {
    sources: [TEST_SOURCE],
    entities: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'ORGANIZATION' as const, name: `Node ${i}`, aliases: [] })),
    relationships: Array.from({ length: 3 * n }, (_, i): RelationshipRecord => ({
      id: `r${String(i).padStart(5, '0')}`,
      type: RANDOM_TYPES[i % RANDOM_TYPES.length],
      source: `n${Math.floor(random() * n)}`,
      target: `n${Math.floor(random() * n)}`,
      confidence: [0.5, 0.8, 0.9, 1][Math.floor(random() * 4)],
      evidence: [{ source: TEST_SOURCE.id }],
    })),
  };

  test('queries answer alike before and after the landmarks are there', async () => {
    const graph = buildGraph(dataset);
    expect(graph.size).toBeGreaterThan(20_000);
    const ids = graph.nodes();
    const pairs = Array.from({ length: 12 }, () => [ids[Math.floor(random() * ids.length)], ids[Math.floor(random() * ids.length)]] as const);
    const answer = ([from, to]: readonly [string, string]) => shortestPath(graph, from, to, { cost: 'CONFIDENCE', maxLength: 6 })?.hops.map((hop) => hop.relationship.id) ?? null;
    const before = pairs.map(answer);
    expect(landmarksOf(pathIndexOf(graph))).toBeNull(); // under way, not there yet
    const landmarks = await landmarksReady(graph);
    expect(landmarksOf(pathIndexOf(graph))).toBe(landmarks);
    expect(landmarks.count).toBe(LANDMARK_COUNT);
    expect(pairs.map(answer)).toEqual(before);
  });

  test('a change during the computation stops it; the next query starts it again for the new graph', async () => {
    const graph = buildGraph(dataset);
    requestLandmarks(graph);
    const first = landmarksReady(graph);
    const record: RelationshipRecord = { id: 'late', type: 'ALLIED_WITH', source: 'n0', target: 'n1', confidence: 1, evidence: [{ source: TEST_SOURCE.id }] };
    graph.addEdgeWithKey(record.id, record.source, record.target, relationshipAttributes(record));
    announceGraphChange(graph, { ...none, rebuilt: false, relationships: [{ before: null, after: record }] });
    await expect(first).rejects.toThrow('the graph changed');
    const index = pathIndexOf(graph);
    expect(landmarksOf(index)).toBeNull();
    const landmarks = await landmarksReady(graph);
    expect(landmarksOf(index)).toBe(landmarks);
    expect(landmarks.towards(index.nodeIds.get('n0')!, index.nodeIds.get('n1')!).bound(index.nodeIds.get('n0')!)).toBe(0);
  });
});
