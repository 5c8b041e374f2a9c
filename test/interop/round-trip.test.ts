import { loadDataset } from '../../src/load';
import { readCsv, readDatasetJson, readGexf, readGraphml, readGraphologyJson, readStix, writeCsv, writeDatasetJson, writeGexf, writeGraphml, writeGraphologyJson, writeStix, type DatasetReader, type DatasetWriter } from '../../src/interop';
import { asInputs, SEED, validated } from './helpers';

const seed = loadDataset(SEED);

const formats: [string, DatasetWriter, DatasetReader][] = [
  ['CSV', writeCsv, readCsv],
  ['dataset JSON', writeDatasetJson, readDatasetJson],
  ['Graphology JSON', writeGraphologyJson, readGraphologyJson],
  ['GEXF', writeGexf, readGexf],
  ['GraphML', writeGraphml, readGraphml],
  ['STIX', writeStix, readStix],
];

describe.each(formats)('%s round trip of the seed dataset', (_name, write, read) => {
  test('is lossless: the dataset read back deep-equals the one written', () => {
    const back = validated(read(asInputs(write(seed))));
    expect(back).toEqual(seed);
  });

  test('writing is deterministic', () => {
    expect(write(seed)).toEqual(write(seed));
  });
});

test('CSV keeps every record in order, with lists and maps as JSON cells', () => {
  const files = writeCsv(seed);
  expect(Object.keys(files).sort()).toEqual(['entities.csv', 'relationships.csv', 'sources.csv']);
  expect(files['entities.csv'].split('\n')[0]).toBe('id,kind,name,aliases,description,start,end,attributes');
  expect(files['relationships.csv'].split('\n')[0]).toBe('id,type,source,target,start,end,confidence,disputed,weight,evidence,attributes');
  expect(files['entities.csv']).toContain('"[""Islamic Republic of Iran"",{""name"":""ایران"",""lang"":""fa""}');
});

test('a hand-written CSV: ";"-separated aliases, no evidence column (cites the file), problems at file:line', () => {
  const result = readCsv([
    { name: 'people.csv', text: 'id,kind,name,aliases\nali,PERSON,Ali,"A; B\\;C"\nbad id,PERSON,X,\n' },
    { name: 'links.csv', text: 'id,type,source,target,confidence\nali-member-of-x,MEMBER_OF,ali,kataib,0.7\n' },
  ]);
  expect(result.entities[0].value).toEqual({ id: 'ali', kind: 'PERSON', name: 'Ali', aliases: ['A', 'B;C'] });
  expect(result.relationships[0].value).toMatchObject({ confidence: 0.7, evidence: [{ source: 'import-links-csv', locator: 'line 2' }] });
  expect(() => validated(result)).toThrow(/people\.csv:3 UNSAFE_ID[\s\S]*links\.csv:2 DANGLING_REFERENCE/);
});
