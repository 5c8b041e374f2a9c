import { readDataset } from '../../src/load';
import { datasetWithOverrides, invalidFixtureNames, removeCreatedDatasets } from '../helpers/fixture-datasets';

afterAll(removeCreatedDatasets);

/** One failing fixture per rule: the code, the file and line (or record) it must be reported at. */
const EXPECTED: Record<string, { code: string; file: string; line?: number; record?: string; field?: string }[]> = {
  'syntax-error': [{ code: 'FILE_SYNTAX', file: 'entities.yaml', line: 4 }],
  bom: [{ code: 'FILE_BOM', file: 'sources.yaml', line: 1 }],
  'invalid-utf8': [{ code: 'FILE_ENCODING', file: 'entities.yaml', line: 10 }],
  'empty-file': [{ code: 'FILE_EMPTY', file: 'relationships.yaml' }],
  'unknown-kind': [{ code: 'UNKNOWN_KIND', file: 'entities.yaml', line: 32, record: 'tower-22', field: 'kind' }],
  'unknown-type': [{ code: 'UNKNOWN_TYPE', file: 'relationships.yaml', line: 13, record: 'iran-backs-kataib-hezbollah', field: 'type' }],
  'duplicate-id': [{ code: 'DUPLICATE_ID', file: 'entities.yaml', line: 49, record: 'iraq', field: 'id' }],
  'dangling-reference': [{ code: 'DANGLING_REFERENCE', file: 'relationships.yaml', line: 76, record: 'pmu-located-at-iraq', field: 'target' }],
  'invalid-date': [{ code: 'INVALID_DATE', file: 'entities.yaml', line: 29, record: 'abu-mahdi-al-muhandis', field: 'start' }],
  'malformed-date': [{ code: 'INVALID_DATE', file: 'entities.yaml', line: 29, record: 'abu-mahdi-al-muhandis', field: 'start' }],
  'end-before-start': [{ code: 'END_BEFORE_START', file: 'relationships.yaml', line: 6, record: 'muhandis-leads-kataib-hezbollah', field: 'end' }],
  'kind-not-allowed': [{ code: 'KIND_NOT_ALLOWED', file: 'relationships.yaml', line: 3, record: 'muhandis-leads-kataib-hezbollah', field: 'source' }],
  'missing-evidence': [{ code: 'MISSING_EVIDENCE', file: 'relationships.yaml', line: 81, record: 'iran-backs-pmu' }],
  'unknown-source': [{ code: 'UNKNOWN_SOURCE', file: 'relationships.yaml', line: 38, record: 'kataib-hezbollah-perpetrated-jordan-attack', field: 'evidence' }],
  'unsafe-id-proto': [{ code: 'UNSAFE_ID', file: 'entities.yaml', line: 49, field: 'id' }],
  'unsafe-id-constructor': [{ code: 'UNSAFE_ID', file: 'entities.yaml', line: 49, field: 'id' }],
  'unsafe-id-uppercase': [{ code: 'UNSAFE_ID', file: 'entities.yaml', line: 49, field: 'id' }],
  'confidence-range': [{ code: 'CONFIDENCE_RANGE', file: 'relationships.yaml', line: 17, record: 'iran-backs-kataib-hezbollah', field: 'confidence' }],
  'unsafe-url': [{ code: 'UNSAFE_URL', file: 'sources.yaml', line: 5, record: 'report-a', field: 'url' }],
  'unsafe-key': [{ code: 'UNSAFE_KEY', file: 'entities.yaml', line: 47, record: 'jordan-drone-attack-2024', field: 'attributes' }],
  'unknown-field': [{ code: 'UNKNOWN_FIELD', file: 'relationships.yaml', line: 14, record: 'iran-backs-kataib-hezbollah', field: 'soruce' }],
  'three-errors': [
    { code: 'INVALID_DATE', file: 'entities.yaml', line: 29, record: 'abu-mahdi-al-muhandis', field: 'start' },
    { code: 'DUPLICATE_ID', file: 'entities.yaml', line: 49, record: 'jordan', field: 'id' },
    { code: 'DANGLING_REFERENCE', file: 'relationships.yaml', line: 76, record: 'pmu-located-at-iraq', field: 'target' },
  ],
};

test('every invalid fixture has an expectation and vice versa', () => {
  expect(invalidFixtureNames()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.entries(EXPECTED))('fixture %s', (name, expected) => {
  const { problems } = readDataset(datasetWithOverrides(name));

  test('reports exactly the expected problems with their codes', () => {
    expect([...new Set(problems.map((problem) => problem.code))].sort()).toEqual([...new Set(expected.map((problem) => problem.code))].sort());
  });

  test.each(expected)('places $code at $file:$line', (want) => {
    const found = problems.find((problem) => problem.code === want.code && problem.file?.endsWith(want.file) && (want.line === undefined || problem.line === want.line));
    expect(found).toMatchObject({ ...(want.record && { record: want.record }), ...(want.field && { field: want.field }) });
    expect(found!.message.length).toBeGreaterThan(10);
    if (!want.code.startsWith('FILE_')) expect(found!.hint).toBeTruthy();
  });
});

test('a duplicate id names both places', () => {
  const { problems } = readDataset(datasetWithOverrides('duplicate-id'));
  expect(problems[0].message).toMatch(/already used at .*entities\.yaml:8/);
});

test('an unknown field suggests the nearest known one', () => {
  const { problems } = readDataset(datasetWithOverrides('unknown-field'));
  expect(problems[0].hint).toContain('"source"');
});

test('a file that cannot be read does not make every reference into it dangling', () => {
  const { problems } = readDataset(datasetWithOverrides('invalid-utf8'));
  expect(problems.map((problem) => problem.code)).toEqual(['FILE_ENCODING']);
});

test('a missing file is reported by name', () => {
  const { problems } = readDataset('/nonexistent-proxygraph-dataset');
  expect(problems.map((problem) => [problem.code, problem.file?.split('/').pop()])).toEqual([
    ['FILE_MISSING', 'sources.yaml'],
    ['FILE_MISSING', 'entities.yaml'],
    ['FILE_MISSING', 'relationships.yaml'],
  ]);
});
