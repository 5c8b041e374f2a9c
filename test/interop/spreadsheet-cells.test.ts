import { parse } from 'csv-parse/sync';
import { readCsv, writeCsv, writeNeo4jAdmin } from '../../src/interop';
import type { Dataset } from '../../src/model';
import { asInputs, sorted, validated } from './helpers';

// CSV injection (OWASP): a cell that starts with = + - @ tab or carriage return runs as a formula when the export is
// opened in a spreadsheet. Exports neutralise such cells; our CSV import restores them exactly.
const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

function hostileDataset(): Dataset {
  const lead = ['=', '+', '-', '@', "'"];
  return {
    sources: [{ id: 'src', title: '=HYPERLINK("http://x","click")', publisher: '@publisher', url: 'https://example.org/a' }],
    entities: [
      ...lead.map((char, i) => ({ id: `e${i}`, kind: 'ORGANIZATION' as const, name: `${char}cmd|' /C calc'!A0`, aliases: [{ name: `${char}alias` }], description: `${char}SUM(1+1)*cmd|' /C calc'!A0` })),
      { id: 'tab', kind: 'PERSON', name: 'Tab', aliases: [], description: '\tstarts with a tab' },
      { id: 'cr', kind: 'PERSON', name: 'Carriage', aliases: [], description: '\rstarts with a carriage return' },
      { id: 'quoted', kind: 'PERSON', name: "''two quotes", aliases: [], description: "'=a quote then a formula" },
    ],
    relationships: [{ id: 'r', type: 'ALLIED_WITH', source: 'e0', target: 'e1', evidence: [{ source: 'src', locator: '-1', note: '+note' }] }],
  };
}

const cells = (csv: string): string[] => (parse(csv, { relax_column_count: true }) as string[][]).flat();

test('no cell of the CSV export begins with a dangerous character, and importing it gives back identical records', () => {
  const dataset = hostileDataset();
  const files = writeCsv(dataset);
  for (const [name, csv] of Object.entries(files)) {
    for (const cell of cells(csv)) expect([name, cell, DANGEROUS.includes(cell[0])]).toEqual([name, cell, false]);
  }
  expect(cells(files['entities.csv'])).toContain("'=cmd|' /C calc'!A0");
  expect(sorted(validated(readCsv(asInputs(files))))).toEqual(sorted(dataset));
});

test('no cell of the neo4j-admin export begins with a dangerous character; its restore script strips the added quote', () => {
  const files = writeNeo4jAdmin(hostileDataset());
  for (const [name, csv] of Object.entries(files)) {
    if (!name.endsWith('.csv')) continue;
    for (const cell of cells(csv)) expect([name, cell, DANGEROUS.includes(cell[0])]).toEqual([name, cell, false]);
  }
  const script = files['restore-escaped-cells.cypher'];
  expect(script).toContain("WHERE n.name STARTS WITH \"'\" SET n.name = substring(n.name, 1)");
  expect(script).toContain('n.description');
  expect(script).toContain('n.aliases[0]');
});

test('a hand-written cell starting with a quote loses that one quote (the README says to double it)', () => {
  const { entities } = readCsv([{ name: 'entities.csv', text: "id,kind,name\na,STATE,'Amran\nb,STATE,''Amran\n" }]);
  expect(entities.map((record) => (record.value as { name: string }).name)).toEqual(['Amran', "'Amran"]);
});
