import { announceGraphChange, buildGraph, relationshipAttributes, type KnowledgeGraph } from '../../src/load';
import { InvalidInputError, NotFoundError, type Dataset, type RelationshipRecord } from '../../src/model';
import { checkPathArgs, compileFilter, kShortestPaths, pathIndexOf, shortestPath, type KPathsArgs } from '../../src/queries';
import { SearchBudget } from '../../src/queries/paths/search-budget';
import { SearchSpace } from '../../src/queries/paths/search-space';
import { kBestPaths } from '../../src/queries/paths/yen';
import { randomDataset, randomDate, RANDOM_TYPES, seededRandom, TEST_SOURCE } from './paths-dataset';

const evidence = [{ source: TEST_SOURCE.id }];
const entity = (id: string) => ({ id, kind: 'ORGANIZATION' as const, name: id, aliases: [] });
const relation = (id: string, type: RelationshipRecord['type'], source: string, target: string, extra: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id,
  type,
  source,
  target,
  evidence,
  ...extra,
});
const dataset = (entities: string[], relationships: RelationshipRecord[]): Dataset => ({ sources: [TEST_SOURCE], entities: entities.map(entity), relationships });
const ids = (path: { hops: readonly { relationship: { id: string } }[] } | null | undefined) => path?.hops.map((hop) => hop.relationship.id);

// a → b → c, a → c with a lower confidence, a parallel pair b ⇉ c, a self-loop on b, d isolated, e dated 2010..2012.
const GRAPH = buildGraph({
  sources: [TEST_SOURCE],
  entities: [...['a', 'b', 'c', 'd'].map(entity), { ...entity('e'), start: '2010', end: '2012' }],
  relationships: [
    relation('ab', 'BACKS', 'a', 'b', { confidence: 0.9, weight: 5 }),
    relation('bc1', 'BACKS', 'b', 'c', { confidence: 0.9, weight: 5 }),
    relation('bc2', 'SUPPLIED', 'b', 'c', { confidence: 0.5, weight: 1 }),
    relation('ac', 'ALLIED_WITH', 'a', 'c', { confidence: 0.1, weight: 20 }),
    relation('bb', 'BACKS', 'b', 'b'),
    relation('ce', 'ALLIED_WITH', 'c', 'e'),
  ],
});

describe('arguments', () => {
  const invalid = (args: KPathsArgs, argument: string, from = 'a', to = 'c') => {
    expect(() => kShortestPaths(GRAPH, from, to, args)).toThrow(InvalidInputError);
    try {
      kShortestPaths(GRAPH, from, to, args);
    } catch (error) {
      expect((error as InvalidInputError).argument).toBe(argument);
    }
  };

  test('out-of-range values name their argument', () => {
    invalid({ k: 0 }, 'k');
    invalid({ k: 21 }, 'k');
    invalid({ k: 1.5 }, 'k');
    invalid({ maxLength: 0 }, 'maxLength');
    invalid({ maxLength: 17 }, 'maxLength');
    invalid({ minConfidence: 2 }, 'minConfidence');
    invalid({ minConfidence: -0.1 }, 'minConfidence');
    invalid({ asOf: '2020-13' }, 'asOf');
    invalid({ cost: 'MILES' as never }, 'cost');
    invalid({ types: ['FRIENDS' as never] }, 'types');
    invalid({ avoid: ['a'] }, 'avoid');
    invalid({ avoid: ['c'] }, 'avoid');
    invalid({ avoid: ['Not An Id'] }, 'avoid');
    invalid({}, 'from', '', 'c');
  });

  test('unknown ids are NotFoundError', () => {
    expect(() => shortestPath(GRAPH, 'nobody', 'c')).toThrow(NotFoundError);
    expect(() => shortestPath(GRAPH, 'a', 'nobody')).toThrow(NotFoundError);
    expect(() => shortestPath(GRAPH, 'a', '__proto__')).toThrow(NotFoundError);
    expect(() => shortestPath(GRAPH, 'a', 'c', { avoid: ['nobody'] })).toThrow(NotFoundError);
  });

  test('null means the default', () => {
    const nulls = { k: null, maxLength: null, cost: null, directed: null, chronological: null, types: null, asOf: null, avoid: null, minConfidence: null };
    expect(checkPathArgs(GRAPH, 'a', 'c', nulls)).toEqual(checkPathArgs(GRAPH, 'a', 'c', {}));
    expect(checkPathArgs(GRAPH, 'a', 'c', {})).toMatchObject({ k: 3, maxLength: 8, cost: 'HOPS', directed: false, chronological: false, avoid: [] });
  });
});

describe('paths on a small graph', () => {
  test('from == to is the zero-length path, unless the entity is absent as of the date', () => {
    expect(shortestPath(GRAPH, 'd', 'd')).toEqual({ length: 0, cost: 0, nodes: [GRAPH.getNodeAttributes('d').record], hops: [] });
    expect(kShortestPaths(GRAPH, 'd', 'd', { k: 5 })).toHaveLength(1);
    expect(shortestPath(GRAPH, 'e', 'e', { asOf: '2011' })?.length).toBe(0);
    expect(shortestPath(GRAPH, 'e', 'e', { asOf: '2015' })).toBeNull();
    expect(kShortestPaths(GRAPH, 'e', 'e', { asOf: '2015' })).toEqual([]);
  });

  test('null / [] when there is no path', () => {
    expect(shortestPath(GRAPH, 'a', 'd')).toBeNull();
    expect(kShortestPaths(GRAPH, 'a', 'd')).toEqual([]);
    expect(shortestPath(GRAPH, 'c', 'a', { directed: true })).toBeNull();
    expect(shortestPath(GRAPH, 'a', 'e', { asOf: '2015' })).toBeNull();
  });

  test('costs pick different paths; ties go to fewer hops, then smaller relationship ids', () => {
    expect(ids(shortestPath(GRAPH, 'a', 'c'))).toEqual(['ac']);
    expect(ids(shortestPath(GRAPH, 'a', 'c', { cost: 'WEIGHT' }))).toEqual(['ab', 'bc2']);
    expect(shortestPath(GRAPH, 'a', 'c', { cost: 'WEIGHT' })?.cost).toBe(6);
    expect(ids(shortestPath(GRAPH, 'a', 'c', { cost: 'CONFIDENCE' }))).toEqual(['ab', 'bc1']);
    expect(shortestPath(GRAPH, 'a', 'c', { cost: 'CONFIDENCE' })?.cost).toBeCloseTo(-2 * Math.log(0.9), 12);
    expect(kShortestPaths(GRAPH, 'a', 'c', { k: 5 }).map(ids)).toEqual([['ac'], ['ab', 'bc1']]);
  });

  test('parallel relationships are one hop, not distinct paths: the others are its alternatives; self-loops never appear', () => {
    const found = kShortestPaths(GRAPH, 'a', 'c', { k: 20, types: ['BACKS', 'SUPPLIED'] });
    expect(found.map(ids)).toEqual([['ab', 'bc1']]);
    expect(found[0].hops.map((hop) => hop.alternatives.map((other) => other.id))).toEqual([[], ['bc2']]);
    // The hop takes its best relationship under the cost, and lists the others best first.
    const byWeight = shortestPath(GRAPH, 'a', 'c', { cost: 'WEIGHT', types: ['BACKS', 'SUPPLIED'] })!;
    expect(ids(byWeight)).toEqual(['ab', 'bc2']);
    expect(byWeight.hops[1].alternatives.map((other) => other.id)).toEqual(['bc1']);
    // Only what the query may use: without SUPPLIED, bc2 is no alternative.
    expect(shortestPath(GRAPH, 'a', 'c', { types: ['BACKS'] })!.hops[1].alternatives).toEqual([]);
  });

  test('undirected hops say which way they went', () => {
    const path = shortestPath(GRAPH, 'c', 'a', { types: ['BACKS'] })!;
    expect(path.hops.map((hop) => [hop.from.id, hop.to.id, hop.forward])).toEqual([
      ['c', 'b', false],
      ['b', 'a', false],
    ]);
  });

  test('avoid, minConfidence and maxLength', () => {
    expect(ids(shortestPath(GRAPH, 'a', 'c', { avoid: ['b'], cost: 'WEIGHT' }))).toEqual(['ac']);
    expect(ids(shortestPath(GRAPH, 'a', 'c', { minConfidence: 0.6, cost: 'WEIGHT' }))).toEqual(['ab', 'bc1']);
    expect(ids(shortestPath(GRAPH, 'a', 'c', { maxLength: 1, cost: 'WEIGHT' }))).toEqual(['ac']);
    expect(shortestPath(GRAPH, 'a', 'e', { maxLength: 1 })).toBeNull();
  });

  test('confidence 0 is unusable under CONFIDENCE and usable otherwise', () => {
    const graph = buildGraph(dataset(['x', 'y'], [relation('xy', 'BACKS', 'x', 'y', { confidence: 0 })]));
    expect(shortestPath(graph, 'x', 'y', { cost: 'CONFIDENCE' })).toBeNull();
    expect(shortestPath(graph, 'x', 'y')?.length).toBe(1);
  });

  test('a search past the budget stops with BAD_USER_INPUT naming how to narrow it', () => {
    const graph = buildGraph(randomDataset(seededRandom(7), { minNodes: 10, maxNodes: 10 }));
    const [from, to] = [graph.nodes()[0], graph.nodes()[9]];
    const query = checkPathArgs(graph, from, to, { k: 20, maxLength: 16, cost: 'WEIGHT' });
    const index = pathIndexOf(graph);
    const space = new SearchSpace(index, query, new SearchBudget(3));
    expect(() => kBestPaths(space, index.nodeIds.get(from)!, index.nodeIds.get(to)!, 20)).toThrow(/narrow it with a smaller maxLength or k, or with types, asOf, minConfidence or avoid/);
  });
});

describe('chronological paths: the documented examples', () => {
  const graph = buildGraph(
    dataset(
      ['p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'z2', 'z3'],
      [
        // 1: BACKS 2014..2016, then PERPETRATED on 2015-06-01.
        relation('ex1-a', 'BACKS', 'p', 'q', { start: '2014', end: '2016' }),
        relation('ex1-b', 'PERPETRATED', 'q', 'r', { start: '2015-06-01' }),
        // 2: PERPETRATED on 2024-01-28, then BACKS 2014..2020.
        relation('ex2-a', 'PERPETRATED', 's', 't', { start: '2024-01-28' }),
        relation('ex2-b', 'BACKS', 't', 'u', { start: '2014', end: '2020' }),
        // 3: BACKS 2014..2020, then ALLIED_WITH from 2018, then ATTACKED on 2019-05-01.
        relation('ex3-a', 'BACKS', 'v', 'w', { start: '2014', end: '2020' }),
        relation('ex3-b', 'ALLIED_WITH', 'w', 'x', { start: '2018' }),
        relation('ex3-c', 'ATTACKED', 'x', 'y', { start: '2019-05-01' }),
        // 4: ATTACKED on 2019-05-01, then an undated LOCATED_AT, then TARGETED on 2019-04-30.
        relation('ex4-a', 'ATTACKED', 'z', 'z2', { start: '2019-05-01' }),
        relation('ex4-b', 'LOCATED_AT', 'z2', 'z3'),
        relation('ex4-c', 'TARGETED', 'z3', 'p', { start: '2019-04-30' }),
      ],
    ),
  );
  const chronological = { chronological: true, directed: false };

  test('1: a hop inside an earlier span is in order', () => expect(ids(shortestPath(graph, 'p', 'r', chronological))).toEqual(['ex1-a', 'ex1-b']));
  test('2: a span that ended before the previous hop is not', () => {
    expect(shortestPath(graph, 's', 'u', chronological)).toBeNull();
    expect(ids(shortestPath(graph, 's', 'u'))).toEqual(['ex2-a', 'ex2-b']);
  });
  test('3: overlapping spans chain', () => expect(ids(shortestPath(graph, 'v', 'y', chronological))).toEqual(['ex3-a', 'ex3-b', 'ex3-c']));
  test('4: undated hops never move time back', () => expect(shortestPath(graph, 'z', 'p', chronological)).toBeNull());
  test('5: direction does not change a window', () => {
    // Read backwards, example 2 is in order: BACKS 2014..2020 (from u to t), then PERPETRATED on 2024-01-28.
    expect(ids(shortestPath(graph, 'u', 's', chronological))).toEqual(['ex2-b', 'ex2-a']);
    // Example 1 backwards: PERPETRATED on 2015-06-01, then BACKS until 2016-12-31: still in order.
    expect(ids(shortestPath(graph, 'r', 'p', chronological))).toEqual(['ex1-b', 'ex1-a']);
  });
});

describe('the path index', () => {
  test('its filter is compileFilter: the same relationships are usable', () => {
    const random = seededRandom(99);
    for (let round = 0; round < 40; round++) {
      const graph = buildGraph(randomDataset(random));
      const index = pathIndexOf(graph);
      const nodes = graph.nodes();
      const args: KPathsArgs = {
        ...(random() < 0.5 && { types: RANDOM_TYPES.filter(() => random() < 0.5) }),
        ...(random() < 0.5 && { asOf: randomDate(random, 1999, 2010) }),
        ...(random() < 0.5 && { minConfidence: [0, 0.5, 0.9][Math.floor(random() * 3)] }),
        ...(random() < 0.5 && { avoid: nodes.slice(2).filter(() => random() < 0.3) }),
      };
      const space = new SearchSpace(index, checkPathArgs(graph, nodes[0], nodes[1], args));
      const filter = compileFilter(graph, args);
      for (let e = 0; e < index.edgeCount; e++) {
        const key = index.edgeKeys[e];
        const [source, target] = graph.extremities(key);
        const viaIndex = space.edgeOpen(e) && space.nodeOpen(index.nodeIds.get(source)!) && space.nodeOpen(index.nodeIds.get(target)!);
        expect({ key, args, usable: viaIndex }).toEqual({ key, args, usable: filter.relationshipUsable(graph, key) });
      }
      for (let v = 0; v < index.nodeCount; v++) {
        const key = index.nodeKeys[v];
        expect(space.nodeOpen(v)).toBe(filter.entityVisible(key, graph.getNodeAttributes(key)));
      }
    }
  });

  test('numbers relationships in id order whatever order they were added in', () => {
    const graph = buildGraph(dataset(['a', 'b'], []));
    for (const id of ['r3', 'r1', 'r2']) graph.addEdgeWithKey(id, 'a', 'b', relationshipAttributes(relation(id, 'BACKS', 'a', 'b')));
    expect(pathIndexOf(graph).edgeKeys).toEqual(['r1', 'r2', 'r3']);
    // Parallel relationships are one hop: one path, by the first of them, the others its alternatives.
    const [only, ...more] = kShortestPaths(graph, 'a', 'b');
    expect(more).toEqual([]);
    expect(ids(only)).toEqual(['r1']);
    expect(only.hops[0].alternatives.map((other) => other.id)).toEqual(['r2', 'r3']);
  });

  test('is cached per graph, rebuilt when the graph grows, and refreshed when the graph announces a change', () => {
    const graph = GRAPH.copy() as KnowledgeGraph;
    const first = pathIndexOf(graph);
    expect(pathIndexOf(graph)).toBe(first);
    expect(ids(shortestPath(graph, 'a', 'c', { cost: 'WEIGHT' }))).toEqual(['ab', 'bc2']);

    // The index reads the graph's own columns: an edit of a weight (or confidence) is seen at once, and after the
    // change is announced the next query builds a fresh index that sees it too. (Dates under asOf for fewest hops are
    // read from a copy in adjacency order, PathIndex.asOfWindows: seen after the announcement, which the store makes.)
    const bc2 = graph.getEdgeAttributes('bc2').record;
    const updated = { ...bc2, weight: 50 };
    graph.replaceEdgeAttributes('bc2', relationshipAttributes(updated));
    expect(ids(shortestPath(graph, 'a', 'c', { cost: 'WEIGHT' }))).toEqual(['ab', 'bc1']);
    announceGraphChange(graph, { rebuilt: false, entities: new Set(), removedEntities: new Set(), relationships: [{ before: bc2, after: updated }], sources: new Set() });
    const second = pathIndexOf(graph);
    expect(second).not.toBe(first);
    expect(ids(shortestPath(graph, 'a', 'c', { cost: 'WEIGHT' }))).toEqual(['ab', 'bc1']);

    // A new relationship changes the size: the index is rebuilt even without an announcement.
    graph.addEdgeWithKey('aa-direct', 'a', 'c', relationshipAttributes(relation('aa-direct', 'BACKS', 'a', 'c', { weight: 1 })));
    expect(ids(shortestPath(graph, 'a', 'c', { cost: 'WEIGHT' }))).toEqual(['aa-direct']);
    expect(pathIndexOf(graph)).not.toBe(second);
  });
});
