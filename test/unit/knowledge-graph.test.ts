import { MultiDirectedGraph } from 'graphology';
import { buildGraph, GraphBuilder, KnowledgeGraph, relationshipAttributes, type RelationshipAttributes } from '../../src/load';
import { formatDay } from '../../src/load/relationship-codec';
import { dayToIso, relationshipTime, relationshipWindow, type RelationshipRecord } from '../../src/model';
import { randomDataset, seededRandom, TEST_SOURCE } from './paths-dataset';

/**
 * KnowledgeGraph keeps relationships in columns but must answer every Graphology method as a MultiDirectedGraph holding
 * the same records would: checked method by method against a real Graphology graph, under random edits.
 */

type Any = Record<string, (...args: unknown[]) => unknown>;
const sorted = (values: unknown) => (Array.isArray(values) ? [...values].map((value) => JSON.stringify(value)).sort() : values);

/** Graphology methods that only concern nodes or the graph's own attributes: KnowledgeGraph leaves them to Graphology. */
const NODE_METHODS = [
  '_resetInstanceCounters', 'addListener', 'addNode', 'emit', 'eventNames', 'everyNode', 'filterNodes', 'findNode', 'forEachNode',
  'getAttribute', 'getAttributes', 'getMaxListeners', 'getNodeAttribute', 'getNodeAttributes', 'hasAttribute', 'hasNode', 'hasNodeAttribute',
  'listenerCount', 'listeners', 'mapNodes', 'mergeAttributes', 'mergeNode', 'mergeNodeAttributes', 'nodeEntries', 'nodes', 'off', 'on', 'once',
  'prependListener', 'prependOnceListener', 'rawListeners', 'reduceNodes', 'removeAllListeners', 'removeAttribute', 'removeListener',
  'removeNodeAttribute', 'replaceAttributes', 'replaceNodeAttributes', 'setAttribute', 'setMaxListeners', 'setNodeAttribute', 'someNode',
  'toString', 'updateAttribute', 'updateAttributes', 'updateEachNodeAttributes', 'updateNode', 'updateNodeAttribute', 'updateNodeAttributes',
  '_events', '_eventsCount', '_maxListeners',
  // Graphology's import adds through this graph's own addNode / addEdgeWithKey / merge… methods.
  'import',
];

function graphologyMethods(): string[] {
  const names = new Set<string>();
  for (let prototype = MultiDirectedGraph.prototype; prototype && Object.getPrototypeOf(prototype) !== null; prototype = Object.getPrototypeOf(prototype)) {
    for (const name of Object.getOwnPropertyNames(prototype)) names.add(name);
  }
  return [...names].sort();
}

test('every Graphology method that touches relationships is answered by KnowledgeGraph itself', () => {
  const own = new Set(Object.getOwnPropertyNames(KnowledgeGraph.prototype));
  const leftToGraphology = graphologyMethods().filter((name) => !own.has(name));
  expect(leftToGraphology).toEqual([...NODE_METHODS].sort());
});

function record(id: string, source: string, target: string, extra: Partial<RelationshipRecord> = {}): RelationshipRecord {
  return { id, type: 'BACKS', source, target, ...extra, evidence: [{ source: TEST_SOURCE.id }] };
}

test('records come back exactly, with the windows the model gives', () => {
  const records: RelationshipRecord[] = [
    { id: 'a', type: 'BACKS', source: 'x', target: 'y', start: '2014', end: '2016-03', confidence: 0.95, disputed: true, weight: 2, evidence: [{ source: TEST_SOURCE.id, locator: '¶3', note: 'A "quoted" note\\ with a backslash', stance: 'SUPPORTS' }], attributes: { n: 1, b: false, s: 'x' } },
    { id: 'b', type: 'ATTACKED', source: 'x', target: 'y', start: '2024-01-28', evidence: [{ source: TEST_SOURCE.id }] },
    { id: 'c', type: 'ATTACKED', source: 'y', target: 'x', start: '2024-01', end: '2024-02-03', evidence: [{ source: TEST_SOURCE.id }] },
    { id: 'd', type: 'LOCATED_AT', source: 'y', target: 'x', end: '1999', evidence: [{ source: TEST_SOURCE.id }] },
    // Not validation's field order, a year the day numbers cannot spell, a field the model may add later: kept verbatim.
    { type: 'BACKS', id: 'e', source: 'x', target: 'x', evidence: [{ source: TEST_SOURCE.id }] } as RelationshipRecord,
    { id: 'f', type: 'BACKS', source: 'x', target: 'y', start: '0050', evidence: [{ source: TEST_SOURCE.id }] },
    { id: 'g', type: 'BACKS', source: 'x', target: 'y', confidence: 0, weight: 0, evidence: [{ source: TEST_SOURCE.id }], origin: 'draft' } as RelationshipRecord,
  ];
  const entities = ['x', 'y'].map((id) => ({ id, kind: 'ORGANIZATION' as const, name: id, aliases: [] }));
  const graph = buildGraph({ sources: [TEST_SOURCE], entities, relationships: records });
  // The same records given as the JSON text the store keeps (only the head of each is parsed).
  const builder = new GraphBuilder();
  entities.forEach((entity) => builder.addEntity(entity));
  records.forEach((record) => builder.addRelationshipJson(JSON.stringify(record)));
  const fromText = builder.finish();
  for (const original of records) {
    for (const attributes of [graph.getEdgeAttributes(original.id), fromText.getEdgeAttributes(original.id)]) {
      expect(JSON.stringify(attributes.record)).toBe(JSON.stringify(original));
      expect(attributes.window).toEqual(relationshipWindow(original));
      expect(attributes.time).toEqual(relationshipTime(original));
    }
  }
});

test('day numbers of years 1..9999 are spelled as ISO dates without Date objects, as dayToIso spells them', () => {
  for (let day = -719162; day <= 2932896; day += 37) {
    const iso = dayToIso(day);
    expect([formatDay(day, 1), formatDay(day, 2), formatDay(day, 3)]).toEqual([iso.slice(0, 4), iso.slice(0, 7), iso]);
  }
});

/** The same edits on a Graphology graph and a KnowledgeGraph. */
class Twins {
  readonly reference = new MultiDirectedGraph<Record<string, unknown>, RelationshipAttributes>({ allowSelfLoops: true });
  readonly graph: KnowledgeGraph;

  constructor(seed: number) {
    const dataset = randomDataset(seededRandom(seed), { minNodes: 3, maxNodes: 8 });
    this.graph = buildGraph(dataset);
    this.reference.replaceAttributes(this.graph.getAttributes() as never);
    this.graph.forEachNode((id, attributes) => this.reference.addNode(id, attributes as never));
    for (const relationship of [...dataset.relationships].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      this.reference.addEdgeWithKey(relationship.id, relationship.source, relationship.target, relationshipAttributes(relationship));
    }
  }

  both(run: (graph: Any) => unknown): [unknown, unknown] {
    const outcome = (graph: Any) => {
      try {
        const value = run(graph);
        return value === graph ? 'the graph' : value;
      } catch (error) {
        return `${(error as Error).constructor.name}`;
      }
    };
    return [outcome(this.reference as unknown as Any), outcome(this.graph as unknown as Any)];
  }
}

const READS: readonly [string, (nodes: string[], edges: string[]) => unknown[][]][] = [
  ['edges', (n) => [[], ...n.map((a) => [a]), ...n.flatMap((a) => n.map((b) => [a, b]))]],
  ['outEdges', (n) => [[], ...n.map((a) => [a]), ...n.flatMap((a) => n.map((b) => [a, b]))]],
  ['inEdges', (n) => [[], ...n.map((a) => [a]), ...n.flatMap((a) => n.map((b) => [a, b]))]],
  ['undirectedEdges', (n) => [[], ...n.map((a) => [a])]],
  ['neighbors', (n) => n.map((a) => [a])],
  ['outNeighbors', (n) => n.map((a) => [a])],
  ['inNeighbors', (n) => n.map((a) => [a])],
  ['areNeighbors', (n) => n.flatMap((a) => n.map((b) => [a, b]))],
  ['areOutNeighbors', (n) => n.flatMap((a) => n.map((b) => [a, b]))],
  ['areInNeighbors', (n) => n.flatMap((a) => n.map((b) => [a, b]))],
  ['hasEdge', (n, e) => [...e.map((x) => [x]), ['nope'], ...n.flatMap((a) => n.map((b) => [a, b]))]],
  ['degree', (n) => [...n.map((a) => [a]), ['nope']]],
  ['inDegree', (n) => n.map((a) => [a])],
  ['outDegree', (n) => n.map((a) => [a])],
  ['degreeWithoutSelfLoops', (n) => n.map((a) => [a])],
  ['undirectedDegree', (n) => n.map((a) => [a])],
  ['extremities', (_n, e) => [...e.map((x) => [x]), ['nope']]],
  ['source', (_n, e) => e.map((x) => [x])],
  ['target', (_n, e) => e.map((x) => [x])],
  ['opposite', (n, e) => e.flatMap((x) => n.map((a) => [a, x]))],
  ['isSelfLoop', (_n, e) => e.map((x) => [x])],
  ['getEdgeAttributes', (_n, e) => [...e.map((x) => [x]), ['nope']]],
  ['getEdgeAttribute', (_n, e) => e.map((x) => [x, 'time'])],
  ['getSourceAttributes', (_n, e) => e.map((x) => [x])],
  ['getOppositeAttribute', (n, e) => e.map((x) => [n[0], x, 'record'])],
];

function compareReads(twins: Twins): void {
  const nodes = twins.reference.nodes();
  const edges = twins.reference.edges();
  const calls = READS.flatMap(([method, argumentsOf]) => argumentsOf(nodes, edges).map((args) => [method, args] as const));
  const [expectedReads, actualReads] = twins.both((graph) =>
    calls.map(([method, args]) => {
      try {
        return { method, args, value: sorted(graph[method](...args)) };
      } catch (error) {
        return { method, args, value: (error as Error).constructor.name };
      }
    }),
  );
  expect(actualReads).toEqual(expectedReads);
  const callbacks = (graph: Any) => {
    const seen: unknown[] = [];
    graph.forEachEdge((...values: unknown[]) => void seen.push(values));
    for (const node of nodes) graph.forEachOutEdge(node, (key: unknown, _a: unknown, source: unknown, target: unknown) => void seen.push(['out', node, key, source, target]));
    for (const node of nodes) graph.forEachNeighbor(node, (neighbor: unknown) => void seen.push(['neighbor', node, neighbor]));
    seen.push(['filter', ...(graph.filterEdges((_k: unknown, a: RelationshipAttributes) => (a.record.confidence ?? 1) > 0.5) as string[]).sort()]);
    seen.push(['reduce', graph.reduceEdges((sum: number, _k: unknown, a: RelationshipAttributes) => sum + (a.record.weight ?? 1), 0)]);
    seen.push(['some', graph.someEdge((_k: unknown, _a: unknown, s: unknown, t: unknown) => s === t), graph.everyInEdge(nodes[0], (_k: unknown, a: RelationshipAttributes) => a.record.type === 'BACKS')]);
    seen.push(['entries', sorted([...(graph.edgeEntries() as Iterable<{ edge: string; source: string; target: string }>)].map(({ edge, source, target }) => [edge, source, target]))]);
    seen.push(['size', graph.size, graph.directedSize, graph.undirectedSize, graph.selfLoopCount, graph.order]);
    seen.push(['export', sorted((graph.export() as { edges: unknown[] }).edges)]);
    const adjacency: unknown[] = [];
    graph.forEachAdjacencyEntryWithOrphans((node: unknown, neighbor: unknown, _na: unknown, _nb: unknown, edge: unknown) => void adjacency.push([node, neighbor, edge]));
    seen.push(['adjacency', sorted(adjacency)]);
    return seen;
  };
  const [expected, actual] = twins.both(callbacks);
  expect(sorted(actual)).toEqual(sorted(expected));
}

describe.each(Array.from({ length: 16 }, (_, i) => 500 + i))('random graph %i under random edits', (seed) => {
  test('answers every read as Graphology does', () => {
    const twins = new Twins(seed);
    const random = seededRandom(seed * 7);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
    compareReads(twins);
    for (let round = 0; round < 12; round++) {
      const nodes = twins.reference.nodes();
      const edges = twins.reference.edges();
      const action = random();
      let run: (graph: Any) => unknown;
      if (action < 0.3 || edges.length === 0) {
        const [source, target] = [pick(nodes), pick(nodes)];
        const id = random() < 0.1 && edges.length > 0 ? pick(edges) : `z${round}-${Math.floor(random() * 1000)}`;
        run = (graph) => graph.addEdgeWithKey(id, source, target, relationshipAttributes(record(id, source, target, { start: '2001-02' })));
      } else if (action < 0.5) {
        const id = pick(edges);
        run = (graph) => graph.dropEdge(id);
      } else if (action < 0.65) {
        const id = pick(edges);
        const [source, target] = twins.reference.extremities(id);
        run = (graph) => graph.replaceEdgeAttributes(id, relationshipAttributes(record(id, source, target, { confidence: 0.3, end: '2020' })));
      } else if (action < 0.75) {
        const node = pick(nodes);
        run = (graph) => graph.dropNode(node);
      } else if (action < 0.85) {
        const node = `added${round}`;
        run = (graph) => graph.addNode(node, { record: { id: node, kind: 'ORGANIZATION', name: node, aliases: [] }, window: { lo: -Infinity, hi: Infinity } });
      } else {
        // A path query compacts the graph (renumbers nodes, reorders relationships); answers must not change.
        run = (graph) => (graph instanceof KnowledgeGraph ? void graph.compact() : undefined);
      }
      const [expected, actual] = twins.both(run);
      expect(actual).toEqual(expected);
      compareReads(twins);
    }
  });
});

test('refuses what a knowledge graph cannot hold, with Graphology errors', () => {
  const graph = buildGraph({ sources: [TEST_SOURCE], entities: ['x', 'y'].map((id) => ({ id, kind: 'ORGANIZATION', name: id, aliases: [] })), relationships: [record('r', 'x', 'y')] });
  expect(() => graph.addEdgeWithKey('s', 'x', 'y', {} as RelationshipAttributes)).toThrow(/needs its record/);
  expect(() => graph.addEdgeWithKey('s', 'x', 'y', relationshipAttributes(record('t', 'x', 'y')))).toThrow(/the record of "s" says t/);
  expect(() => graph.addEdgeWithKey('r', 'x', 'y', relationshipAttributes(record('r', 'x', 'y')))).toThrow(/already exists/);
  expect(() => graph.addEdgeWithKey('s', 'x', 'nope', relationshipAttributes(record('s', 'x', 'nope')))).toThrow(/could not find the "nope" node/);
  expect(() => graph.setEdgeAttribute('r', 'weight' as never, 3 as never)).toThrow(/set the record instead/);
  expect(() => graph.addUndirectedEdge('x', 'y', relationshipAttributes(record('u', 'x', 'y')))).toThrow(/undirected/);
  expect(graph.size).toBe(1);
});

test("announces added, changed and dropped relationships with Graphology's events, to whoever listens", () => {
  const graph = buildGraph({ sources: [TEST_SOURCE], entities: ['x', 'y'].map((id) => ({ id, kind: 'ORGANIZATION', name: id, aliases: [] })), relationships: [] });
  const heard: unknown[] = [];
  graph.on('edgeAdded', ({ key, source, target, attributes }) => heard.push(['added', key, source, target, attributes.record.confidence]));
  graph.on('edgeAttributesUpdated', ({ key, attributes }) => heard.push(['updated', key, attributes.record.confidence]));
  graph.on('edgeDropped', ({ key, source, target }) => heard.push(['dropped', key, source, target]));
  graph.addEdgeWithKey('r', 'x', 'y', relationshipAttributes(record('r', 'x', 'y', { confidence: 0.5 })));
  graph.replaceEdgeAttributes('r', relationshipAttributes(record('r', 'x', 'y', { confidence: 0.7 })));
  graph.dropEdge('r');
  expect(heard).toEqual([
    ['added', 'r', 'x', 'y', 0.5],
    ['updated', 'r', 0.7],
    ['dropped', 'r', 'x', 'y'],
  ]);
});
