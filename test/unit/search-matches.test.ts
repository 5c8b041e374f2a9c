import { buildGraph, loadGraph } from '../../src/load';
import type { EntityRecord, RelationshipRecord } from '../../src/model';
import { searchEntities, searchMatches } from '../../src/queries';
import { SEED_DATASET } from '../helpers/fixture-datasets';

// Why each search result matched, and the order that follows from it: every name or alias match before any match
// found only in a description or in an event's places and dates.

const entity = (id: string, kind: EntityRecord['kind'], name: string, more: Partial<EntityRecord> = {}): EntityRecord => ({ id, kind, name, aliases: [], ...more });
const relationship = (id: string, type: RelationshipRecord['type'], source: string, target: string): RelationshipRecord => ({ id, type, source, target, evidence: [{ source: 'report' }] });

const graph = buildGraph({
  sources: [{ id: 'report', title: 'A report' }],
  entities: [
    // Described as a militia many times over, so that its description alone would score high.
    entity('harbour-authority', 'ORGANIZATION', 'Harbour Authority', { description: 'Runs the port; militia militia militia militia said to smuggle for the militia.' }),
    entity('militia-council', 'ORGANIZATION', 'Council of the Northern Militias'),
    entity('badr', 'ORGANIZATION', 'Badr Organization', { aliases: [{ name: 'Badr Brigades' }, { name: 'Militia of Badr' }] }),
    entity('kataib-hezbollah', 'ORGANIZATION', "Kata'ib Hezbollah", { aliases: [{ name: 'KH' }, { name: 'Hezbollah Brigades' }] }),
    entity('qasem-soleimani', 'PERSON', 'Qasem Soleimani'),
    entity('biographer', 'PERSON', 'Anonymous Biographer', { description: 'Wrote a life of Ghassem Soleimani.' }),
    entity('camp-ashraf', 'LOCATION', 'Camp Ashraf'),
    entity('camp-ashraf-raid-2013', 'EVENT', 'September 2013 killings at the camp', { start: '2013-09-01' }),
    entity('port-blast-2020', 'EVENT', 'Explosion at the port of Beirut', { start: '2020-08-04' }),
  ],
  relationships: [relationship('raid-located-at-camp', 'LOCATED_AT', 'camp-ashraf-raid-2013', 'camp-ashraf')],
});

const matchOf = (text: string, id: string) => searchMatches(graph, text).find((match) => match.entity.id === id);

describe('each result says why it matched', () => {
  test('the name', () => {
    expect(matchOf('Harbour Authority', 'harbour-authority')).toMatchObject({ field: 'NAME', text: 'Harbour Authority', quality: 'EXACT' });
    expect(matchOf('Harbour', 'harbour-authority')).toMatchObject({ field: 'NAME', quality: 'PREFIX' });
    expect(matchOf('northern council', 'militia-council')).toMatchObject({ field: 'NAME', quality: 'WORDS' });
  });

  test('which alias', () => {
    expect(matchOf('Badr Brigades', 'badr')).toMatchObject({ field: 'ALIAS', text: 'Badr Brigades', quality: 'EXACT' });
    expect(matchOf('hezbollah brigades', 'kataib-hezbollah')).toMatchObject({ field: 'ALIAS', text: 'Hezbollah Brigades', quality: 'EXACT' });
    expect(matchOf('KH', 'kataib-hezbollah')).toMatchObject({ field: 'ALIAS', text: 'KH' });
  });

  test('a spelling or transliteration variant of a name', () => {
    expect(matchOf('Kataib Hizballah', 'kataib-hezbollah')).toMatchObject({ field: 'NAME', text: "Kata'ib Hezbollah", quality: 'SIMILAR' });
  });

  test('the description, only when no name or alias matched', () => {
    expect(matchOf('smuggle', 'harbour-authority')).toMatchObject({ field: 'DESCRIPTION', text: 'Runs the port; militia militia militia militia said to smuggle for the militia.' });
  });

  test("an event's place or date", () => {
    expect(matchOf('Ashraf', 'camp-ashraf-raid-2013')).toMatchObject({ field: 'EVENT_CONTEXT', text: 'Camp Ashraf' });
    expect(matchOf('September 2013', 'camp-ashraf-raid-2013')).toMatchObject({ field: 'NAME' });
  });
});

describe('ranking', () => {
  test('description-only matches come after every name or alias match, however often the description repeats the word', () => {
    const ids = searchEntities(graph, 'militia').map((record) => record.id);
    expect(ids).toEqual(['badr', 'militia-council', 'harbour-authority']);
    expect(searchMatches(graph, 'militia').map((match) => [match.field, match.quality])).toEqual([
      ['ALIAS', 'PREFIX'],
      ['NAME', 'WORDS'],
      ['DESCRIPTION', 'WORDS'],
    ]);
  });

  test('a name matched only as a transliteration variant still comes before a description that has the exact words', () => {
    for (const text of ['Ghassem', 'Ghassem Soleimani']) {
      expect(searchMatches(graph, text).map((match) => [match.entity.id, match.field, match.quality])).toEqual([
        ['qasem-soleimani', 'NAME', 'SIMILAR'],
        ['biographer', 'DESCRIPTION', 'WORDS'],
      ]);
    }
  });

  test('a query that names an attack puts events first, and finds them without the attack word in their names', () => {
    const bombing = searchMatches(graph, 'camp ashraf attack').map((match) => [match.entity.id, match.entity.kind]);
    expect(bombing[0]).toEqual(['camp-ashraf-raid-2013', 'EVENT']);
    expect(bombing.map(([id]) => id)).toContain('camp-ashraf');
    expect(searchMatches(graph, 'camp ashraf').map((match) => match.entity.id)[0]).toBe('camp-ashraf');
  });
});

describe('the seed dataset', () => {
  const seed = loadGraph(SEED_DATASET);
  const ids = (text: string) => searchEntities(seed, text).map((record) => record.id);

  test('"Tower 22" offers the attack as well as the place, the place first', () => {
    expect(ids('Tower 22').slice(0, 2)).toEqual(['tower-22', 'jordan-drone-attack-2024']);
  });

  test.each(['Tower 22 attack', 'attack on Tower 22', 'Tower 22 strike', 'Tower 22 bombing', 'explosion Tower 22', 'drone strike Tower 22'])('"%s" offers the attack first, then the place', (text) => {
    expect(ids(text).slice(0, 2)).toEqual(['jordan-drone-attack-2024', 'tower-22']);
  });

  test('the attack found by its alias says which alias', () => {
    expect(searchMatches(seed, 'Tower 22 attack')[0]).toMatchObject({ field: 'ALIAS', text: 'Tower 22 attack', quality: 'EXACT' });
  });
});
