import modularity from 'graphology-metrics/graph/modularity';
import { analysisSnapshot, brokers, simpleGraph, communitiesOf, estimateFromPivots, metrics, type MetricsResult } from '../../src/analysis';
import { gmlKnowledgeGraph, reference, type ReferenceMeasures } from './support/gml';

/** Our measures against networkx's on external graphs (values written by test/fixtures/analysis/reference-values.py). */

const REFERENCE = reference();
const TOLERANCE = 1e-3;

function byId(result: MetricsResult) {
  return new Map(result.items.map((item) => [item.entity.id, { degree: item.degree, betweenness: item.betweenness, pagerank: item.pagerank, closeness: item.closeness }]));
}

function expectClose(ours: Map<string, Record<string, number>>, expected: ReferenceMeasures, measure: 'degree' | 'betweenness' | 'pagerank' | 'closeness') {
  const ids = Object.keys(expected[measure]);
  expect(ids).toHaveLength(expected.nodes);
  let worst = 0;
  for (const id of ids) worst = Math.max(worst, Math.abs(ours.get(id)![measure] - expected[measure][id]));
  expect({ measure, worst: worst <= TOLERANCE ? 'within 1e-3' : worst }).toEqual({ measure, worst: 'within 1e-3' });
}

describe.each([
  ['karate.gml', 'karate', false],
  ['lesmiserables.gml', 'lesmiserables', false],
  ['lesmiserables.gml', 'lesmiserablesDirected', true],
] as const)('%s (%s) against networkx', (file, key, directed) => {
  const graph = gmlKnowledgeGraph(file);
  const expected = REFERENCE[key];
  const result = metrics(graph, { directed, limit: 5000 });

  test('the network has the reference size', () => {
    expect(result.entities).toBe(expected.nodes);
    expect(result.ties).toBe(expected.edges);
    expect(result.directed).toBe(directed);
  });

  test.each(['degree', 'betweenness', 'pagerank', 'closeness'] as const)('%s matches to 1e-3', (measure) => {
    expectClose(byId(result), expected, measure);
  });

  test('betweenness is exact on a graph this small, and says so', () => {
    expect(result.betweenness).toMatchObject({ approximate: false, samples: expected.nodes, errorBound: 0 });
  });

  test('brokers between two groups match betweenness_centrality_subset (doubled on undirected graphs, where networkx halves it)', () => {
    const { sources, targets, values } = expected.subset;
    const found = brokers(graph, sources, targets, { directed, limit: 500 });
    const scores = new Map(found.brokers.map((broker) => [broker.entity.id, broker.score]));
    for (const [id, value] of Object.entries(values)) {
      expect(Math.abs((scores.get(id) ?? 0) - (directed ? value : 2 * value))).toBeLessThanOrEqual(TOLERANCE);
    }
    expect(found.brokers.length).toBeGreaterThan(0);
  });
});

describe('sampled betweenness', () => {
  const graph = gmlKnowledgeGraph('lesmiserables.gml');
  const exact = REFERENCE.lesmiserables.betweenness;

  test('with fewer pivots than entities it is approximate, and every estimate lies within the stated bound', () => {
    const result = metrics(graph, { samples: 30, limit: 5000, orderBy: 'BETWEENNESS' });
    expect(result.betweenness.approximate).toBe(true);
    expect(result.betweenness.samples).toBe(30);
    expect(result.betweenness.confidence).toBe(0.95);
    const bound = result.betweenness.errorBound;
    expect(bound).toBeGreaterThan(0);
    expect(bound).toBeCloseTo(Math.sqrt(Math.log((2 * 77) / 0.05) / (2 * 29)), 12);
    for (const item of result.items) expect(Math.abs(item.betweenness - exact[item.entity.id])).toBeLessThanOrEqual(bound);
    // Valjean (11) is the top broker of the novel; thirty pivots find him too.
    expect(result.items[0].entity.id).toBe('11');
  });

  test('the estimate repeats: the pivots are drawn from a fixed seed', () => {
    const first = metrics(gmlKnowledgeGraph('lesmiserables.gml'), { samples: 30, limit: 5000 });
    const second = metrics(gmlKnowledgeGraph('lesmiserables.gml'), { samples: 30, limit: 5000 });
    expect(first.items.map((item) => item.betweenness)).toEqual(second.items.map((item) => item.betweenness));
  });

  test('the pivot estimator with every entity as a pivot reproduces networkx exactly, betweenness and closeness alike', () => {
    for (const [key, directed] of [
      ['lesmiserables', false],
      ['lesmiserablesDirected', true],
    ] as const) {
      const snapshot = analysisSnapshot(graph, { directed });
      const estimate = estimateFromPivots(snapshot.analysis, Uint32Array.from({ length: snapshot.order }, (_, i) => i));
      expect(estimate).toMatchObject({ approximate: false, samples: 77, errorBound: 0 });
      snapshot.analysis.ids.forEach((id, i) => {
        expect(Math.abs(estimate.values[i] - REFERENCE[key].betweenness[id])).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(estimate.closeness[i] - REFERENCE[key].closeness[id])).toBeLessThanOrEqual(1e-9);
      });
    }
  });

  test('sampled closeness comes from the same pivots and stays near the exact values', () => {
    const result = metrics(graph, { samples: 30, limit: 5000 });
    const closeness = REFERENCE.lesmiserables.closeness;
    const errors = result.items.map((item) => Math.abs(item.closeness - closeness[item.entity.id]));
    expect(errors.reduce((sum, error) => sum + error, 0) / errors.length).toBeLessThan(0.05);
  });

  test('asking for as many pivots as entities is the exact computation', () => {
    const result = metrics(graph, { samples: 77, limit: 5000 });
    expect(result.betweenness.approximate).toBe(false);
    for (const item of result.items) expect(Math.abs(item.betweenness - exact[item.entity.id])).toBeLessThanOrEqual(1e-9);
  });
});

describe('Louvain on the karate club', () => {
  test('modularity is within the known range (best known 0.4198) and is the modularity of the partition it returns', () => {
    const graph = gmlKnowledgeGraph('karate.gml');
    const result = communitiesOf(graph, { limit: 1000 });
    expect(result.modularity).toBeGreaterThanOrEqual(0.4);
    expect(result.modularity).toBeLessThanOrEqual(0.42);
    // networkx's own Louvain lands in the same range.
    expect(REFERENCE.karate.louvainModularity).toBeGreaterThanOrEqual(0.4);
    const snapshot = analysisSnapshot(graph, {});
    const community = new Map(result.communities.flatMap((c) => c.members.map((member) => [member.id, c.id])));
    expect(community.size).toBe(34);
    expect(modularity(simpleGraph(snapshot.analysis, (i) => snapshot.analysis.ids[i]), { getNodeCommunity: (node) => community.get(node)!, getEdgeWeight: null })).toBeCloseTo(result.modularity, 9);
    expect(result.communities.reduce((sum, c) => sum + c.internalTies, 0) + result.communities.reduce((sum, c) => sum + c.externalTies, 0) / 2).toBe(78);
    // The instructor (1) and the administrator (34) end up in different communities, as the club did.
    expect(community.get('1')).not.toBe(community.get('34'));
  });

  test('the same graph gives the same communities every time (seeded)', () => {
    const run = () => communitiesOf(gmlKnowledgeGraph('karate.gml'), { limit: 1000 }).communities.map((c) => c.members.map((member) => member.id).sort());
    expect(run()).toEqual(run());
  });
});
