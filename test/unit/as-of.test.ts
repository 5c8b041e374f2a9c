import { loadGraph } from '../../src/load';
import { InvalidInputError, partialDateProblem, toInterval } from '../../src/model';
import { network, parseAsOf, stats } from '../../src/queries';
import { MINI_DATASET } from '../helpers/fixture-datasets';

const graph = loadGraph(MINI_DATASET);
const edgesAsOf = (asOf: string) => network(graph, { asOf }).edges.map((edge) => edge.id);
const nodesAsOf = (asOf: string) => network(graph, { asOf }).nodes.map((node) => node.id);

describe('partial dates', () => {
  test.each([
    ['2020', '2020-01-01', '2020-12-31'],
    ['2020-02', '2020-02-01', '2020-02-29'],
    ['2021-02', '2021-02-01', '2021-02-28'],
    ['2020-01-03', '2020-01-03', '2020-01-03'],
  ])('%s covers %s..%s', (date, first, last) => {
    const interval = toInterval(date);
    expect(interval.lo).toBe(toInterval(first).lo);
    expect(interval.hi).toBe(toInterval(last).lo);
  });

  test.each(['2020-13', '2023-02-29', '2020-00-10', '20', '2020-1-1', '2020/01/01', ''])('%s is refused', (date) => {
    expect(partialDateProblem(date)).not.toBeNull();
  });

  test('an unparseable asOf names the argument', () => {
    expect(() => parseAsOf('2020-13')).toThrow(InvalidInputError);
    expect(() => parseAsOf('yesterday')).toThrow(/^asOf: /);
  });
});

describe('asOf: a span holds while it lasts, boundaries inclusive', () => {
  // muhandis-leads-kataib-hezbollah: 2003 .. 2020-01-03
  test('the day a span ends it still holds; the day after it does not', () => {
    expect(edgesAsOf('2020-01-03')).toContain('muhandis-leads-kataib-hezbollah');
    expect(edgesAsOf('2020-01-04')).not.toContain('muhandis-leads-kataib-hezbollah');
  });

  test('a partial asOf covering the end day still shows the span', () => {
    expect(edgesAsOf('2020-01')).toContain('muhandis-leads-kataib-hezbollah');
    expect(edgesAsOf('2020')).toContain('muhandis-leads-kataib-hezbollah');
    expect(edgesAsOf('2020-02')).not.toContain('muhandis-leads-kataib-hezbollah');
  });

  test('a span with a partial start begins on the first day the start covers', () => {
    expect(edgesAsOf('2003-01-01')).toContain('muhandis-leads-kataib-hezbollah');
    expect(edgesAsOf('2002-12-31')).not.toContain('muhandis-leads-kataib-hezbollah');
    expect(edgesAsOf('2014-06-01')).toContain('kataib-hezbollah-part-of-pmu');
    expect(edgesAsOf('2014-05-31')).not.toContain('kataib-hezbollah-part-of-pmu');
  });

  test('an undated span always holds (while its ends exist)', () => {
    expect(edgesAsOf('1990')).toContain('tower-22-located-at-jordan');
    expect(edgesAsOf('2030')).toContain('tower-22-located-at-jordan');
  });
});

describe('asOf: an event counts from the day it happened on', () => {
  test('the day before an event it is absent; on the day and after it is there', () => {
    expect(edgesAsOf('2024-01-27')).not.toContain('kataib-hezbollah-perpetrated-jordan-attack');
    expect(edgesAsOf('2024-01-28')).toContain('kataib-hezbollah-perpetrated-jordan-attack');
    expect(edgesAsOf('2024-01')).toContain('kataib-hezbollah-perpetrated-jordan-attack');
    expect(edgesAsOf('2025')).toContain('kataib-hezbollah-perpetrated-jordan-attack');
  });

  test('an event entity appears on its day and stays in the record', () => {
    expect(nodesAsOf('2024-01-27')).not.toContain('jordan-drone-attack-2024');
    expect(nodesAsOf('2024-01-28')).toContain('jordan-drone-attack-2024');
    expect(nodesAsOf('2026')).toContain('jordan-drone-attack-2024');
  });
});

describe('asOf: entities exist between their dates, and relationships need both ends', () => {
  test('a person is gone the day after death, and so are all relationships touching him', () => {
    expect(nodesAsOf('2020-01-03')).toContain('abu-mahdi-al-muhandis');
    expect(nodesAsOf('2020-01-04')).not.toContain('abu-mahdi-al-muhandis');
  });

  test('an organisation does not exist before it was founded; its undated relationship waits for it', () => {
    expect(nodesAsOf('2014-05')).not.toContain('popular-mobilization-units');
    expect(edgesAsOf('2014-05')).not.toContain('pmu-located-at-iraq');
    expect(edgesAsOf('2014-06')).toContain('pmu-located-at-iraq');
  });

  test('an entity without dates always exists', () => {
    expect(nodesAsOf('1800')).toContain('iran');
  });
});

test('stats as of a date count what the network shows then', () => {
  const before = stats(graph, { asOf: '2024-01-27' });
  const after = stats(graph, { asOf: '2024-01-28' });
  expect(after.entities - before.entities).toBe(1);
  expect(after.relationships).toBeGreaterThan(before.relationships);
  expect(stats(graph).earliest).toBe('1954-01-01');
  expect(stats(graph).latest).toBe('2024-01-28');
});
