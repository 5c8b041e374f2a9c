import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetStream, DATASET_FILES, loadGraph, readYamlRecords, streamDatasetLines, type KnowledgeGraph } from '../../src/load';
import { DataValidationError, type Problem } from '../../src/model';
import { datasetWithOverrides, invalidFixtureNames, removeCreatedDatasets, SEED_DATASET } from '../helpers/fixture-datasets';

// The workers run the build's copy of the reader (dist/src/load/dataset-lines.worker.js): `npm test` builds first.

const directory = mkdtempSync(join(tmpdir(), 'proxygraph-dataset-lines-'));
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
  removeCreatedDatasets();
});

let fileCount = 0;
/** Writes JSON lines: each item a line's object, or a string written as it is. */
function linesFile(lines: readonly unknown[]): string {
  const file = join(directory, `dataset-${++fileCount}.jsonl`);
  writeFileSync(file, lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n');
  return file;
}

/** A dataset directory's records as JSON lines of `per` records each, kinds in their order. */
function linesOfDirectory(dataset: string, per: number): string {
  const lines: unknown[] = [];
  for (const [list, file] of Object.entries(DATASET_FILES)) {
    const values = readYamlRecords(join(dataset, file)).records.map((record) => record.value);
    for (let i = 0; i < values.length; i += per) lines.push({ [list]: values.slice(i, i + per) });
  }
  return linesFile(lines);
}

async function read(file: string, workers: number, workerHeapMb?: number): Promise<DatasetStream> {
  const stream = new DatasetStream();
  await streamDatasetLines(file, stream, { workers, workerHeapMb });
  return stream;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
/** The records of a graph: entities by id (a stream adds them in file order, loadGraph in id order), relationships as the graph orders them. */
const contents = (graph: KnowledgeGraph) => ({
  nodes: graph.mapNodes((_id, attributes) => attributes.record).sort(byId),
  edges: graph.mapEdges((id, attributes, source, target) => ({ id, source, target, ...attributes })),
  sources: [...graph.getAttribute('sources').values()],
});

test('the seed dataset read with 0, 1 or 3 workers gives the graph loadGraph builds, relationship for relationship', async () => {
  const file = linesOfDirectory(SEED_DATASET, 9);
  const expected = contents(loadGraph(SEED_DATASET));
  expect(expected.edges.length).toBeGreaterThan(50);
  for (const workers of [0, 1, 3]) expect(contents((await read(file, workers)).finish())).toEqual(expected);
});

const where = (problem: Problem) => [problem.code, problem.file, problem.line, problem.record, problem.field, problem.message].join(' | ');

describe.each(invalidFixtureNames().filter((name) => !['syntax-error', 'bom', 'invalid-utf8', 'empty-file'].includes(name)))('fixture %s', (name) => {
  test('workers report the same problems, in the same order, at the same lines, and no graph is given', async () => {
    const file = linesOfDirectory(datasetWithOverrides(name), 3);
    const inThread = await read(file, 0);
    const withWorkers = await read(file, 2);
    expect(inThread.problems.length).toBeGreaterThan(0);
    expect(withWorkers.problems.map(where)).toEqual(inThread.problems.map(where));
    expect(() => withWorkers.finish()).toThrow(DataValidationError);
  });
});

test('a problem in a record checked by a worker is reported with its file, line, record and field, among the others in file order', async () => {
  const evidence = [{ source: 's1' }];
  const file = linesFile([
    { sources: [{ id: 's1', title: 'A report' }] },
    { entities: [{ id: 'a', kind: 'ORGANIZATION', name: 'A' }, { id: 'b', kind: 'PERSON', name: 'B' }] },
    { relationships: [{ id: 'r1', type: 'BACKS', source: 'a', target: 'b', evidence }, { id: 'r2', type: 'BACKS', source: 'a', target: 'b', start: '2020-13', evidence }] },
    '{"relationships": [ not json',
    { relationships: [{ id: 'r3', type: 'LEADS', source: 'a', target: 'b', evidence }, { id: 'r1', type: 'BACKS', source: 'b', target: 'a', evidence: [{ source: 'nowhere' }] }] },
  ]);
  const stream = await read(file, 2);
  expect(stream.problems.map((problem) => [problem.code, problem.line, problem.record, problem.field])).toEqual([
    ['INVALID_DATE', 3, 'r2', 'start'],
    ['FILE_SYNTAX', 4, undefined, undefined],
    ['KIND_NOT_ALLOWED', 5, 'r3', 'source'],
    ['KIND_NOT_ALLOWED', 5, 'r3', 'target'],
    ['UNKNOWN_SOURCE', 5, 'r1', 'evidence'],
    ['DUPLICATE_ID', 5, 'r1', 'id'],
  ]);
  expect(stream.problems.every((problem) => problem.file === file)).toBe(true);
  expect(() => stream.finish()).toThrow(DataValidationError);
});

test('a worker that fails fails the read, saying so; with room the same file reads whole', async () => {
  const evidence = [{ source: 's1', note: 'x'.repeat(200) }];
  const relationships = Array.from({ length: 40_000 }, (_, i) => ({ id: `r${i}`, type: 'BACKS', source: 'a', target: 'b', evidence }));
  const file = linesFile([{ sources: [{ id: 's1', title: 'A report' }] }, { entities: [{ id: 'a', kind: 'ORGANIZATION', name: 'A' }, { id: 'b', kind: 'ORGANIZATION', name: 'B' }] }, { relationships }]);
  // A worker's heap of 4 MB cannot hold the parsed line: it runs out of memory.
  await expect(read(file, 1, 4)).rejects.toThrow(/a dataset worker failed .*nothing was loaded/);
  // The same file, workers with room: read whole.
  expect((await read(file, 1)).finish().size).toBe(40_000);
});

test('entities after relationships, ids shared with entities, ends that are broken entities: workers resolve ends as a read without them', async () => {
  const evidence = [{ source: 's1' }];
  const backs = (id: string, source: string, target: string) => ({ id, type: 'BACKS', source, target, evidence });
  const file = linesFile([
    { sources: [{ id: 's1', title: 'A report' }] },
    { entities: [{ id: 'a', kind: 'ORGANIZATION', name: 'A' }, { id: 'b', kind: 'ORGANIZATION', name: 'B' }, { id: 'broken', kind: 'NOPE', name: 'X' }] },
    { relationships: [backs('r1', 'a', 'b'), backs('r2', 'a', 'late'), backs('b', 'a', 'b'), backs('r3', 'a', 'broken')] },
    { relationships: [backs('r4', 'b', 'a')] },
    // After the node table went to the workers: their numbers hold, their misses must be looked up again.
    { entities: [{ id: 'late', kind: 'ORGANIZATION', name: 'Late' }, { id: 'r4', kind: 'ORGANIZATION', name: 'Taken' }] },
    { relationships: [backs('r5', 'late', 'a'), backs('late', 'a', 'b'), backs('r6', 'b', 'late'), backs('r1', 'b', 'a')] },
  ]);
  const inThread = await read(file, 0);
  expect(inThread.problems.map((problem) => [problem.code, problem.line, problem.record])).toEqual([
    ['UNKNOWN_KIND', 2, 'broken'],
    ['DANGLING_REFERENCE', 3, 'r2'],
    ['DUPLICATE_ID', 3, 'b'],
    ['DUPLICATE_ID', 5, 'r4'],
    ['DUPLICATE_ID', 6, 'late'],
    ['DUPLICATE_ID', 6, 'r1'],
  ]);
  for (const workers of [1, 2]) expect((await read(file, workers)).problems.map(where)).toEqual(inThread.problems.map(where));
  // Without the broken entity and the duplicates, the graph is the same with or without workers.
  const valid = linesFile([
    { sources: [{ id: 's1', title: 'A report' }] },
    { entities: [{ id: 'a', kind: 'ORGANIZATION', name: 'A' }, { id: 'b', kind: 'ORGANIZATION', name: 'B' }] },
    { relationships: [backs('r1', 'a', 'b'), backs('r2', 'b', 'a')] },
    { entities: [{ id: 'late', kind: 'ORGANIZATION', name: 'Late' }] },
    { relationships: [backs('r5', 'late', 'a'), backs('r6', 'b', 'late')] },
  ]);
  const expected = contents((await read(valid, 0)).finish());
  expect(expected.edges.map((edge) => edge.id)).toEqual(['r1', 'r2', 'r5', 'r6']);
  expect(contents((await read(valid, 2)).finish())).toEqual(expected);
});
