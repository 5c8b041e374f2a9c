import { buildGraph } from '../../src/load';
import { readAdjacencyList, readEdgeList, writeEdgeList, entityIdFor } from '../../src/interop';
import { shortestPath } from '../../src/queries';
import type { InputFile } from '../../src/interop';
import { fixture, validated } from './helpers';

/*
 * The LDBC Graphalytics validation graphs, imported through the edge-list (and adjacency-list) importer; the path
 * API must reproduce every published BFS hop count and SSSP distance from the published source vertex.
 */

const UNREACHABLE = new Set(['9223372036854775807', 'Infinity']);

function expected(file: InputFile): [string, string][] {
  return file.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/) as [string, string]);
}

interface Case {
  readonly name: string;
  readonly inputs: InputFile[];
  readonly adjacency?: boolean;
  readonly directed: boolean;
  readonly source: string;
  readonly bfs?: InputFile;
  readonly sssp?: InputFile;
}

const ldbc = (...parts: string[]) => fixture('ldbc', ...parts);
const CASES: Case[] = [
  { name: 'example-directed', inputs: [ldbc('example', 'example-directed.v'), ldbc('example', 'example-directed.e')], directed: true, source: '1', bfs: ldbc('example', 'example-directed-BFS'), sssp: ldbc('example', 'example-directed-SSSP') },
  { name: 'example-undirected', inputs: [ldbc('example', 'example-undirected.v'), ldbc('example', 'example-undirected.e')], directed: false, source: '2', bfs: ldbc('example', 'example-undirected-BFS'), sssp: ldbc('example', 'example-undirected-SSSP') },
  { name: 'sssp directed', inputs: [ldbc('sssp', 'dir-input.v'), ldbc('sssp', 'dir-input.e')], directed: true, source: '1', sssp: ldbc('sssp', 'dir-output') },
  { name: 'sssp undirected', inputs: [ldbc('sssp', 'undir-input.v'), ldbc('sssp', 'undir-input.e')], directed: false, source: '1', sssp: ldbc('sssp', 'undir-output') },
  { name: 'bfs directed (adjacency list)', inputs: [ldbc('bfs', 'dir-input')], adjacency: true, directed: true, source: '1', bfs: ldbc('bfs', 'dir-output') },
  { name: 'bfs undirected (adjacency list)', inputs: [ldbc('bfs', 'undir-input')], adjacency: true, directed: false, source: '1', bfs: ldbc('bfs', 'undir-output') },
];

describe.each(CASES)('LDBC $name', ({ inputs, adjacency, directed, source, bfs, sssp }) => {
  const dataset = validated(adjacency ? readAdjacencyList(inputs) : readEdgeList(inputs));
  const graph = buildGraph(dataset);

  if (bfs) {
    test('every published BFS hop count', () => {
      const rows = expected(bfs);
      expect(rows.length).toBe(dataset.entities.length);
      for (const [vertex, hops] of rows) {
        const path = shortestPath(graph, entityIdFor(source), entityIdFor(vertex), { directed, cost: 'HOPS', maxLength: 16 });
        if (UNREACHABLE.has(hops)) expect(path).toBeNull();
        else expect([vertex, path?.length]).toEqual([vertex, Number(hops)]);
      }
    });
  }

  if (sssp) {
    test('every published SSSP distance', () => {
      const rows = expected(sssp);
      expect(rows.length).toBe(dataset.entities.length);
      for (const [vertex, distance] of rows) {
        const path = shortestPath(graph, entityIdFor(source), entityIdFor(vertex), { directed, cost: 'WEIGHT', maxLength: 16 });
        if (UNREACHABLE.has(distance)) expect(path).toBeNull();
        else {
          expect(path).not.toBeNull();
          expect(path!.cost).toBeCloseTo(Number(distance), 9);
        }
      }
    });
  }
});

test('SNAP ca-GrQc imports as an edge list with 5,242 nodes', () => {
  const result = readEdgeList([fixture('snap', 'CA-GrQc.txt')], { kind: 'PERSON' });
  const dataset = validated(result);
  expect(dataset.entities).toHaveLength(5242);
  expect(dataset.relationships).toHaveLength(28980);
  expect(dataset.entities[0]).toEqual({ id: '3466', kind: 'PERSON', name: '3466', aliases: [] });
  expect(dataset.relationships[0]).toMatchObject({ id: 'edge-ca-grqc-txt-5', type: 'ALLIED_WITH', source: '3466', target: '937', evidence: [{ source: 'import-ca-grqc-txt', locator: 'line 5' }] });
  expect(dataset.sources).toEqual([{ id: 'import-ca-grqc-txt', title: 'Imported from CA-GrQc.txt' }]);
});

test('ids that are not slugs map deterministically, keeping the original as the name', () => {
  const text = '# comment\n% another\nAlice.Smith\tBob! 2.5\nbob  alice-smith\n0.0 edge-7\n';
  const first = validated(readEdgeList([{ name: 'people.tsv', text }]));
  const again = validated(readEdgeList([{ name: 'people.tsv', text }]));
  expect(again).toEqual(first);
  const names = Object.fromEntries(first.entities.map((entity) => [entity.name, entity.id]));
  expect(names['alice-smith']).toBe('alice-smith');
  expect(names['bob']).toBe('bob');
  expect(names['Alice.Smith']).toMatch(/^alice-smith-[0-9a-z]{7}$/);
  expect(names['Bob!']).toMatch(/^bob-[0-9a-z]{7}$/);
  expect(names['0.0']).toMatch(/^0-0-[0-9a-z]{7}$/);
  // "edge-" is where relationship ids live: an entity token there is always mapped.
  expect(names['edge-7']).toMatch(/^edge-7-[0-9a-z]{7}$/);
  expect(first.relationships.map((r) => [r.id, r.weight])).toEqual([['edge-people-tsv-3', 2.5], ['edge-people-tsv-4', undefined], ['edge-people-tsv-5', undefined]]);
});

test('bad lines are problems at file:line, found by the same validation as data files', () => {
  const result = readEdgeList([{ name: 'bad.txt', text: 'a b 1\nb c -2\nc d heavy\n' }]);
  expect(() => validated(result)).toThrow(/bad\.txt:2 INVALID_FIELD "weight"[\s\S]*bad\.txt:3 INVALID_FIELD "weight"/);
});

test('an edge list written and read back has the same structure, isolated nodes included', () => {
  const dataset = validated(readEdgeList([ldbc('example', 'example-directed.v'), ldbc('example', 'example-directed.e')]));
  const text = writeEdgeList(dataset)['edges.txt'];
  const back = validated(readEdgeList([{ name: 'edges.txt', text }]));
  expect(back.entities.map((entity) => entity.id).sort()).toEqual(dataset.entities.map((entity) => entity.id).sort());
  expect(back.relationships.map((r) => [r.source, r.target, r.weight])).toEqual(dataset.relationships.map((r) => [r.source, r.target, r.weight ?? 1]));
});
