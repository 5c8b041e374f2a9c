import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, type KnowledgeGraph } from '../../src/load';
import { shortestPath } from '../../src/queries';
import { datasetFromEdges, type EdgeSpec } from './paths-dataset';

/**
 * LDBC Graphalytics validation graphs (test/fixtures/ldbc, see SOURCE.txt there): BFS hop counts through cost HOPS and
 * SSSP distances through cost WEIGHT, from the benchmark's source vertex to every vertex, exactly as the expected
 * outputs say (distances to the 16 significant digits they are printed with).
 */

const FIXTURES = join(__dirname, '..', 'fixtures', 'ldbc');
const UNREACHABLE_BFS = '9223372036854775807';
const lines = (file: string) => readFileSync(join(FIXTURES, file), 'utf8').split('\n').map((line) => line.trim()).filter(Boolean);

/** "src dst [weight]" lines. */
function edgeFile(file: string): EdgeSpec[] {
  return lines(file).map((line) => {
    const [source, target, weight] = line.split(/\s+/);
    return { source, target, ...(weight !== undefined && { weight: Number(weight) }) };
  });
}

/** "v n1 n2 ..." adjacency lines (a vertex with no out-edges may have no line); an undirected input lists each edge from both ends, kept once. */
function adjacencyFile(file: string, directed: boolean): { vertices: string[]; edges: EdgeSpec[] } {
  const vertices = new Set<string>();
  const edges: EdgeSpec[] = [];
  for (const line of lines(file)) {
    const [vertex, ...neighbours] = line.split(/\s+/);
    for (const id of [vertex, ...neighbours]) vertices.add(id);
    for (const neighbour of neighbours) {
      if (directed || Number(vertex) < Number(neighbour)) edges.push({ source: vertex, target: neighbour });
    }
  }
  return { vertices: [...vertices], edges };
}

/** "v value" lines. */
function expectedFile(file: string): [string, string][] {
  return lines(file).map((line) => line.split(/\s+/) as [string, string]);
}

/** Directedness and source vertex, read from the benchmark's .properties file. */
function properties(name: string): { directed: boolean; source: string } {
  const text = readFileSync(join(FIXTURES, 'config', `${name}.properties`), 'utf8');
  const value = (key: string) => new RegExp(`^graph\\.${name}\\.${key}\\s*=\\s*(\\S+)`, 'm').exec(text)![1];
  const algorithm = /\.bfs\.source-vertex/.test(text) ? 'bfs' : 'sssp';
  return { directed: value('directed') === 'true', source: value(`${algorithm}.source-vertex`) };
}

const sameAtPrintedPrecision = (actual: number, expected: string) => Number(actual.toExponential(15)) === Number(expected);

function checkBfs(graph: KnowledgeGraph, config: { directed: boolean; source: string }, expected: [string, string][]): void {
  expect(expected.length).toBe(graph.order);
  for (const [vertex, hops] of expected) {
    const path = shortestPath(graph, `v${config.source}`, `v${vertex}`, { cost: 'HOPS', directed: config.directed, maxLength: 16 });
    expect({ vertex, hops: path ? String(path.length) : UNREACHABLE_BFS }).toEqual({ vertex, hops });
    if (path) expect(path.cost).toBe(path.length);
  }
}

function checkSssp(graph: KnowledgeGraph, config: { directed: boolean; source: string }, expected: [string, string][]): void {
  expect(expected.length).toBe(graph.order);
  for (const [vertex, distance] of expected) {
    const path = shortestPath(graph, `v${config.source}`, `v${vertex}`, { cost: 'WEIGHT', directed: config.directed, maxLength: 16 });
    if (distance === 'Infinity') {
      expect({ vertex, path }).toEqual({ vertex, path: null });
    } else {
      expect({ vertex, cost: path?.cost }).toEqual({ vertex, cost: expect.any(Number) });
      expect({ vertex, distance, cost: path!.cost, same: sameAtPrintedPrecision(path!.cost, distance) }).toEqual({ vertex, distance, cost: path!.cost, same: true });
    }
  }
}

describe.each(['example-directed', 'example-undirected'])('%s', (name) => {
  const config = properties(name);
  const graph = buildGraph(datasetFromEdges(lines(`example/${name}.v`), edgeFile(`example/${name}.e`)));

  test(`is ${config.directed ? 'directed' : 'undirected'} with source ${config.source}`, () => {
    expect(config).toEqual(name === 'example-directed' ? { directed: true, source: '1' } : { directed: false, source: '2' });
  });
  test('BFS: hop counts to every vertex', () => checkBfs(graph, config, expectedFile(`example/${name}-BFS`)));
  test('SSSP: weighted distances to every vertex', () => checkSssp(graph, config, expectedFile(`example/${name}-SSSP`)));
});

describe.each([
  ['test-bfs-directed', 'bfs/dir'],
  ['test-bfs-undirected', 'bfs/undir'],
])('%s', (name, stem) => {
  const config = properties(name);
  const { vertices, edges } = adjacencyFile(`${stem}-input`, config.directed);
  const graph = buildGraph(datasetFromEdges(vertices, edges));

  test('BFS: hop counts to every vertex', () => {
    expect(graph.size).toBe(config.directed ? 17 : 14);
    checkBfs(graph, config, expectedFile(`${stem}-output`));
  });
});

describe.each([
  ['test-sssp-directed', 'sssp/dir'],
  ['test-sssp-undirected', 'sssp/undir'],
])('%s', (name, stem) => {
  const config = properties(name);
  const graph = buildGraph(datasetFromEdges(lines(`${stem}-input.v`), edgeFile(`${stem}-input.e`)));

  test('SSSP: weighted distances to every vertex', () => checkSssp(graph, config, expectedFile(`${stem}-output`)));
  test('BFS over the same graph matches a plain BFS of the edge list', () => {
    const adjacency = new Map<string, string[]>();
    for (const { source, target } of edgeFile(`${stem}-input.e`)) {
      adjacency.set(source, [...(adjacency.get(source) ?? []), target]);
      if (!config.directed) adjacency.set(target, [...(adjacency.get(target) ?? []), source]);
    }
    const hops = new Map([[config.source, 0]]);
    const queue = [config.source];
    while (queue.length > 0) {
      const vertex = queue.shift()!;
      for (const next of adjacency.get(vertex) ?? []) {
        if (!hops.has(next)) {
          hops.set(next, hops.get(vertex)! + 1);
          queue.push(next);
        }
      }
    }
    const expected = lines(`${stem}-input.v`).map((vertex): [string, string] => [vertex, String(hops.get(vertex) ?? UNREACHABLE_BFS)]);
    checkBfs(graph, config, expected);
  });
});
