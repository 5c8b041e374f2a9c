import { loadGraph } from '../../src/load';
import { InvalidInputError } from '../../src/model';
import { foldText, searchEntities } from '../../src/queries';
import { skeleton, tokenize } from '../../src/queries/normalize-text';
import { MINI_DATASET, SEED_DATASET } from '../helpers/fixture-datasets';

const seed = loadGraph(SEED_DATASET);
const mini = loadGraph(MINI_DATASET);
const top = (text: string, graph = seed) => searchEntities(graph, text)[0]?.id;

describe('text folding', () => {
  test('apostrophes, case and diacritics vanish', () => {
    expect(tokenize("Kata'ib")).toEqual(tokenize('Kataib'));
    expect(tokenize('Kata’ib')).toEqual(tokenize('KATAIB'));
    expect(foldText('Ḥashd al-Shaʿbī')).toBe('hashd al-shabi');
  });

  test('transliteration variants share a skeleton', () => {
    expect(skeleton('hezbollah')).toBe(skeleton('hizballah'));
    expect(skeleton('hizbullah')).toBe(skeleton('hezbollah'));
    expect(skeleton('qasem')).toBe(skeleton('kassem'));
  });
});

describe('search on the seed dataset', () => {
  test('an alias finds the group first: Hashd al-Shaabi is the Popular Mobilization Units', () => {
    expect(top('Hashd al-Shaabi')).toBe('popular-mobilization-units');
    expect(top('PMF')).toBe('popular-mobilization-units');
  });

  test.each([["Kata'ib Hezbollah"], ['Kataib Hezbollah'], ['Kata’ib Hezbollah'], ['kataib hizballah'], ['Hezbollah Kataib'], ['KH']])('%s finds Kata\'ib Hezbollah first', (text) => {
    expect(top(text)).toBe('kataib-hezbollah');
  });

  test('small typos are tolerated', () => {
    expect(top('Soleimany')).toBe('qasem-soleimani');
    expect(top('Muhandes')).toBe('abu-mahdi-al-muhandis');
  });

  test('an exact name ranks above names that merely contain it', () => {
    const results = searchEntities(seed, 'Hezbollah').map((entity) => entity.id);
    expect(results[0]).toBe('hezbollah');
    expect(results).toContain('kataib-hezbollah');
  });

  test("a query naming an event's place and date finds the event", () => {
    expect(top('drone attack Jordan January 2024')).toBe('jordan-drone-attack-2024');
  });

  test('Arabic script finds the group', () => {
    expect(top('الحشد الشعبي')).toBe('popular-mobilization-units');
  });

  test('kinds restrict the results', () => {
    const results = searchEntities(seed, 'Hezbollah', ['EVENT']);
    expect(results.every((entity) => entity.kind === 'EVENT')).toBe(true);
  });

  test('limit caps the results', () => {
    expect(searchEntities(seed, 'a', null, 3).length).toBeLessThanOrEqual(3);
  });
});

describe('search arguments', () => {
  test.each([
    ['', 10, 'text'],
    ['   ', 10, 'text'],
    ['iran', 0, 'limit'],
    ['iran', 101, 'limit'],
    ['x'.repeat(201), 10, 'text'],
  ])('text %p limit %p is refused naming %s', (text, limit, argument) => {
    expect(() => searchEntities(mini, text, null, limit)).toThrow(InvalidInputError);
    expect(() => searchEntities(mini, text, null, limit)).toThrow(new RegExp(`^${argument}: `));
  });
});
