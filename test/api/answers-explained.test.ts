import { buildGraph } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { createTestApi, type TestApi } from '../helpers/api';

// Answers that explain themselves: why a search result matched, why an id is refused, why a path is null as of a date,
// and a date error that states its rule once.

const relation = (id: string, type: RelationshipRecord['type'], source: string, target: string, extra: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id,
  type,
  source,
  target,
  evidence: [{ source: 'report', locator: '¶1' }],
  ...extra,
});

const GRAPH = buildGraph({
  sources: [{ id: 'report', title: 'A report' }],
  entities: [
    { id: 'patron', kind: 'STATE', name: 'Patron', aliases: [{ name: 'The Patron State' }] },
    { id: 'militia', kind: 'ORGANIZATION', name: 'Militia', aliases: [], description: 'Backed by the patron state.' },
    { id: 'front', kind: 'ORGANIZATION', name: 'Front', aliases: [] },
    { id: 'old-ally', kind: 'ORGANIZATION', name: 'Old Ally', aliases: [] },
    { id: 'strike', kind: 'EVENT', name: 'Strike', aliases: [], start: '2024-01-28' },
  ],
  relationships: [
    relation('patron-backs-militia', 'BACKS', 'patron', 'militia', { start: '2014', end: '2016' }),
    relation('militia-allied-with-front', 'ALLIED_WITH', 'militia', 'front', { start: '2015-03' }),
    relation('old-ally-allied-with-patron', 'ALLIED_WITH', 'old-ally', 'patron', { start: '2001', end: '2003' }),
    relation('front-perpetrated-strike', 'PERPETRATED', 'front', 'strike', { start: '2024-01-28' }),
  ],
});

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(GRAPH);
});
afterAll(() => api.server.stop());

describe('searchMatches', () => {
  test('says for each result where it matched and how, names and aliases before descriptions', async () => {
    const { data, errors } = await api.query(`{ searchMatches(text: "patron state") { entity { id } field text quality } }`);
    expect(errors).toBeUndefined();
    expect(data!.searchMatches).toEqual([
      { entity: { id: 'patron' }, field: 'ALIAS', text: 'The Patron State', quality: 'WORDS' },
      { entity: { id: 'militia' }, field: 'DESCRIPTION', text: 'Backed by the patron state.', quality: 'WORDS' },
    ]);
  });
});

describe('entity(id:)', () => {
  test.each([["Kata'ib Hezbollah"], ['Patron'], ['__proto__'], ['patron state']])('%p is not an id: BAD_USER_INPUT pointing to search', async (id) => {
    const { data, errors } = await api.query(`query($id: ID!) { entity(id: $id) { id } }`, { id });
    expect(data?.entity ?? null).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(errors![0].message).toContain('search(text:');
    expect(errors![0].message).toContain(JSON.stringify(id));
  });

  test('a well-formed id that names nothing is still null, without an error', async () => {
    const { data, errors } = await api.query(`{ entity(id: "atlantis") { id } reserved: entity(id: "constructor") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ entity: null, reserved: null });
  });
});

describe('a path that exists, but not as of the date asked', () => {
  test('shortestPath is null with the reason in extensions: when the path holds', async () => {
    const result = (await api.query(`{ late: shortestPath(from: "patron", to: "front", asOf: "2019") { length } }`)) as any;
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ late: null });
    expect(result.extensions.reasons).toEqual([
      expect.objectContaining({ path: ['late'], code: 'NO_PATH_AS_OF', asOf: '2019', presentFrom: '2015-03-01', presentUntil: '2016-12-31', pathWithoutAsOf: ['patron', 'militia', 'front'] }),
    ]);
    expect(result.extensions.reasons[0].message).toMatch(/2015-03-01 .*2016-12-31/);
  });

  test('paths is empty with the same kind of reason; one whose relationships never coexist says so', async () => {
    const result = (await api.query(`{ paths(from: "old-ally", to: "front", asOf: "2020") { length } }`)) as any;
    expect(result.data).toEqual({ paths: [] });
    expect(result.extensions.reasons).toEqual([expect.objectContaining({ path: ['paths'], code: 'NO_PATH_AS_OF', presentFrom: null, presentUntil: null })]);
    expect(result.extensions.reasons[0].message).toMatch(/never .*same day/);
  });

  test('an end that is not part of the network yet is named, with its date', async () => {
    const result = (await api.query(`{ shortestPath(from: "patron", to: "strike", asOf: "2015") { length } }`)) as any;
    expect(result.data).toEqual({ shortestPath: null });
    expect(result.extensions.reasons).toEqual([expect.objectContaining({ path: ['shortestPath'], code: 'NOT_PRESENT_AS_OF', entity: 'strike', presentFrom: '2024-01-28' })]);
  });

  test('no reason when there is no path at any time, or when a path is found', async () => {
    const none = (await api.query(`{ shortestPath(from: "strike", to: "old-ally", types: [PERPETRATED]) { length } }`)) as any;
    expect(none.data).toEqual({ shortestPath: null });
    expect(none.extensions?.reasons).toBeUndefined();
    const found = (await api.query(`{ shortestPath(from: "patron", to: "front", asOf: "2015-06") { length } }`)) as any;
    expect(found.data).toEqual({ shortestPath: { length: 2 } });
    expect(found.extensions?.reasons).toBeUndefined();
  });
});

test('an unparseable date states the rule once', async () => {
  const { errors } = await api.query(`{ network(asOf: "yesterday") { truncated } }`);
  expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  expect(errors![0].message.match(/YYYY-MM-DD/g)).toHaveLength(1);
  expect(errors![0].message).toContain('"yesterday"');
});
