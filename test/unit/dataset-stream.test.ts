import { join } from 'node:path';
import { DatasetStream, DATASET_FILES, loadGraph, readDataset, readYamlRecords, type RawRecord } from '../../src/load';
import { DataValidationError, type Problem } from '../../src/model';
import { datasetWithOverrides, invalidFixtureNames, removeCreatedDatasets, SEED_DATASET } from '../helpers/fixture-datasets';

afterAll(removeCreatedDatasets);

/** Feeds a dataset directory to a DatasetStream in batches of `batch` records, as a large load would. */
function stream(directory: string, batch = 7): DatasetStream {
  const records = (file: string) => readYamlRecords(join(directory, file)).records;
  const target = new DatasetStream();
  const feed = (all: RawRecord[], add: (part: RawRecord[]) => void) => {
    for (let i = 0; i < all.length; i += batch) add(all.slice(i, i + batch));
  };
  feed(records(DATASET_FILES.sources), (part) => target.addSources(part));
  feed(records(DATASET_FILES.entities), (part) => target.addEntities(part));
  feed(records(DATASET_FILES.relationships), (part) => target.addRelationships(part));
  return target;
}

const where = (problem: Problem) => [problem.code, problem.file?.split('/').pop(), problem.line, problem.record, problem.field].join(' ');

test('the seed dataset streams into the graph that loadGraph builds', () => {
  const graph = stream(SEED_DATASET).finish();
  const expected = loadGraph(SEED_DATASET);
  const records = (g: typeof graph) => ({
    nodes: g.mapNodes((_id, attributes) => attributes.record).sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: g.mapEdges((_id, attributes) => attributes.record).sort((a, b) => (a.id < b.id ? -1 : 1)),
    sources: [...g.getAttribute('sources').values()],
  });
  expect(records(graph)).toEqual(records(expected));
});

// Fixtures whose problem is in reading a file (syntax, encoding) never reach validation.
const READ_PROBLEMS = new Set(['syntax-error', 'bom', 'invalid-utf8', 'empty-file']);

describe.each(invalidFixtureNames().filter((name) => !READ_PROBLEMS.has(name)))('fixture %s', (name) => {
  test('reports what validateDataset reports, at the same places, and refuses to give a graph', () => {
    const directory = datasetWithOverrides(name);
    const streamed = stream(directory);
    expect(streamed.problems.map(where).sort()).toEqual(readDataset(directory).problems.map(where).sort());
    expect(() => streamed.finish()).toThrow(DataValidationError);
  });
});
