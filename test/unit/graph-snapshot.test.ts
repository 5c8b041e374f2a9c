import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATASET_FILES, graphFromFiles, KnowledgeGraph, loadGraph, readGraphSnapshot, relationshipAttributes, SnapshotIgnored, writeGraphSnapshot } from '../../src/load';
import { neighborhood, pathIndexOf, shortestPath } from '../../src/queries';
import { SEED_DATASET } from '../helpers/fixture-datasets';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'proxygraph-snapshot-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

/** Everything a graph answers with: its records (nodes, relationships, attributes as Graphology gives them) and sources. */
function contents(graph: KnowledgeGraph) {
  return {
    nodes: graph.mapNodes((key, attributes) => [key, attributes]),
    edges: graph.mapEdges((key, attributes, source, target) => [key, source, target, attributes]),
    sources: [...(graph.getAttribute('sources') ?? new Map()).entries()],
    order: graph.order,
    size: graph.size,
    selfLoops: graph.selfLoopCount,
  };
}

function expectSnapshotIgnored(path: string, tag: string, reason: RegExp): void {
  const into = new KnowledgeGraph();
  expect(() => readGraphSnapshot(path, tag, into)).toThrow(SnapshotIgnored);
  expect(() => readGraphSnapshot(path, tag, into)).toThrow(reason);
  expect(into.order).toBe(0);
  expect(into.size).toBe(0);
}

describe('graph snapshot', () => {
  test('gives back the same graph: records, sources, attributes, node order, and the same path and neighbourhood answers', async () => {
    const graph = loadGraph(SEED_DATASET);
    const path = join(directory, 'graph.snapshot');
    await writeGraphSnapshot(path, 'tag-1', graph, ['kept by the caller', 'ünïcode ✓']);
    const { graph: read, meta } = readGraphSnapshot(path, 'tag-1');
    expect(contents(read)).toEqual(contents(graph));
    expect(meta).toEqual(['kept by the caller', 'ünïcode ✓']);
    const ids = graph.nodes();
    for (const [from, to] of [[ids[0], ids[ids.length - 1]], [ids[3], ids[20]], [ids[10], ids[30]]]) {
      expect(shortestPath(read, from, to, { directed: false })).toEqual(shortestPath(graph, from, to, { directed: false }));
    }
    expect(neighborhood(read, ids[5], { depth: 2 })).toEqual(neighborhood(graph, ids[5], { depth: 2 }));
    expect(pathIndexOf(read)).toBeTruthy();
  });

  test('a graph read from a snapshot takes edits like any other, and sharing of texts still works', async () => {
    const graph = loadGraph(SEED_DATASET);
    const path = join(directory, 'graph.snapshot');
    await writeGraphSnapshot(path, 't', graph);
    const { graph: read } = readGraphSnapshot(path, 't');
    const [key] = read.edges();
    const record = read.getEdgeAttribute(key, 'record');
    const copy = { ...record, id: 'snapshot-copy' };
    read.addDirectedEdgeWithKey('snapshot-copy', record.source, record.target, relationshipAttributes(copy));
    graph.addDirectedEdgeWithKey('snapshot-copy', record.source, record.target, relationshipAttributes(copy));
    read.dropEdge(key);
    graph.dropEdge(key);
    expect(contents(read)).toEqual(contents(graph));
    // Writing compacts the graph (relationships in id order, as the path index needs): the same records, reordered.
    await writeGraphSnapshot(path, 't2', read);
    expect(contents(readGraphSnapshot(path, 't2').graph)).toEqual(contents(read));
    expect(read.edges().sort()).toEqual(graph.edges().sort());
  });

  test('an empty graph round-trips', async () => {
    const path = join(directory, 'empty.snapshot');
    await writeGraphSnapshot(path, 'empty', new KnowledgeGraph());
    expect(contents(readGraphSnapshot(path, 'empty').graph)).toEqual(contents(new KnowledgeGraph()));
  });

  describe('is ignored, never half read, when', () => {
    let path: string;
    beforeEach(async () => {
      path = join(directory, 'graph.snapshot');
      await writeGraphSnapshot(path, 'state-7', loadGraph(SEED_DATASET));
    });

    test('there is none', () => expectSnapshotIgnored(join(directory, 'missing.snapshot'), 'state-7', /none yet/));

    test('it is of another state (another tag: the store moved on, other files)', () => expectSnapshotIgnored(path, 'state-8', /another state/));

    test('it is truncated', () => {
      for (const cut of [3, 40, readFileSync(path).length - 1]) {
        const copy = join(directory, `cut-${cut}.snapshot`);
        writeFileSync(copy, readFileSync(path).subarray(0, cut));
        expectSnapshotIgnored(copy, 'state-7', /truncated|damaged|not a proxygraph snapshot/);
      }
      truncateSync(path, readFileSync(path).length - 100);
      expectSnapshotIgnored(path, 'state-7', /truncated/);
    });

    test('a byte of its body changed (checksum)', () => {
      const bytes = readFileSync(path);
      bytes[bytes.length - 200] ^= 0x01;
      writeFileSync(path, bytes);
      expectSnapshotIgnored(path, 'state-7', /checksum/);
    });

    test('it was written in another format version', () => {
      const text = readFileSync(path).toString('latin1').replace('{"format":1,', '{"format":9,');
      writeFileSync(path, Buffer.from(text, 'latin1'));
      expectSnapshotIgnored(path, 'state-7', /snapshot format 9/);
    });

    test('it is not a snapshot at all', () => {
      writeFileSync(path, 'sources:\n  - id: x\n');
      expectSnapshotIgnored(path, 'state-7', /not a proxygraph snapshot|truncated/);
    });
  });

  test('is replaced whole: a second write over the first leaves no temporary file and the new state', async () => {
    const path = join(directory, 'graph.snapshot');
    const graph = loadGraph(SEED_DATASET);
    await writeGraphSnapshot(path, 'a', graph);
    graph.dropNode(graph.nodes()[0]);
    await writeGraphSnapshot(path, 'b', graph);
    expect(readFileSync(path).length).toBeGreaterThan(0);
    expect(readdirSync(directory)).toEqual(['graph.snapshot']);
    // A write killed midway (its process gone) leaves a temporary file: the next write removes it.
    writeFileSync(join(directory, 'graph.snapshot.999999999-abcd.tmp'), 'half written');
    await writeGraphSnapshot(path, 'b', graph);
    expect(readdirSync(directory)).toEqual(['graph.snapshot']);
    expect(contents(readGraphSnapshot(path, 'b').graph)).toEqual(contents(graph));
    expectSnapshotIgnored(path, 'a', /another state/);
  });
});

describe('graph of dataset files through a snapshot keyed by their bytes', () => {
  test('the first start builds from the files, the next reads the snapshot, changed files are read again', async () => {
    const data = join(directory, 'data');
    cpSync(SEED_DATASET, data, { recursive: true });
    const files = Object.values(DATASET_FILES).map((file) => join(data, file));
    const snapshot = join(directory, 'files.snapshot');
    let builds = 0;
    const build = () => (builds++, loadGraph(data));
    const first = await graphFromFiles(files, snapshot, build);
    expect(first.ignored).toMatch(/none yet/);
    expect(await first.save()).toBeGreaterThan(0);
    const second = await graphFromFiles(files, snapshot, build);
    expect(second.ignored).toBeNull();
    expect(builds).toBe(1);
    expect(contents(second.graph)).toEqual(contents(first.graph));

    const entities = join(data, DATASET_FILES.entities);
    writeFileSync(entities, `${readFileSync(entities, 'utf8')}\n# a comment: other bytes, the same records\n`);
    const third = await graphFromFiles(files, snapshot, build);
    expect(third.ignored).toMatch(/another state/);
    expect(builds).toBe(2);
    expect(contents(third.graph)).toEqual(contents(first.graph));
  });
});
