import { loadGraph } from '../../src/load';
import { createTestApi, type TestApi } from '../helpers/api';
import { MINI_DATASET, SEED_DATASET } from '../helpers/fixture-datasets';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(loadGraph(MINI_DATASET));
});
afterAll(() => api.server.stop());

const codeOf = (result: { errors?: readonly { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

describe('entity', () => {
  test('returns the entity with its fields and aliases', async () => {
    const { data } = await api.query(`{ entity(id: "kataib-hezbollah") { id kind name aliases description start end aliasDetails { name lang } } }`);
    expect(data!.entity).toEqual({
      id: 'kataib-hezbollah',
      kind: 'ORGANIZATION',
      name: "Kata'ib Hezbollah",
      aliases: ['KH', 'Kataib Hezbollah'],
      description: 'An Iraqi militia.',
      start: '2003',
      end: null,
      aliasDetails: [{ name: 'KH', lang: null }, { name: 'Kataib Hezbollah', lang: null }],
    });
  });

  test('is null when unknown, also for hostile ids; an id that is not a slug is BAD_USER_INPUT', async () => {
    const { data, errors } = await api.query(`{ a: entity(id: "nobody") { id } b: entity(id: "__proto__") { id } c: entity(id: "constructor") { id } }`);
    expect(data).toEqual({ a: null, b: null, c: null });
    expect(errors!.map((error) => [(error as { path?: unknown }).path, error.extensions!.code])).toEqual([[['b'], 'BAD_USER_INPUT']]);
  });

  test('relationships and degree take types, direction and asOf', async () => {
    const { data } = await api.query(`{ entity(id: "kataib-hezbollah") {
      all: relationships { id }
      out: relationships(direction: OUT) { id }
      in: relationships(direction: IN) { id }
      leads: relationships(types: [LEADS]) { id type source { id } target { id } }
      later: relationships(asOf: "2020-01-04") { id }
      degree outDegree: degree(direction: OUT) laterDegree: degree(asOf: "2020-01-04")
    } }`);
    const entity = data!.entity;
    expect(entity.all.map((r: { id: string }) => r.id)).toEqual([
      'iran-backs-kataib-hezbollah',
      'kataib-hezbollah-part-of-pmu',
      'kataib-hezbollah-perpetrated-jordan-attack',
      'muhandis-leads-kataib-hezbollah',
    ]);
    expect(entity.out.map((r: { id: string }) => r.id)).toEqual(['kataib-hezbollah-part-of-pmu', 'kataib-hezbollah-perpetrated-jordan-attack']);
    expect(entity.in.map((r: { id: string }) => r.id)).toEqual(['iran-backs-kataib-hezbollah', 'muhandis-leads-kataib-hezbollah']);
    expect(entity.leads).toEqual([{ id: 'muhandis-leads-kataib-hezbollah', type: 'LEADS', source: { id: 'abu-mahdi-al-muhandis' }, target: { id: 'kataib-hezbollah' } }]);
    expect(entity.later.map((r: { id: string }) => r.id)).not.toContain('muhandis-leads-kataib-hezbollah');
    expect([entity.degree, entity.outDegree, entity.laterDegree]).toEqual([4, 2, 2]);
  });
});

describe('relationship', () => {
  test('carries dates, confidence, disputed and evidence with its source', async () => {
    const { data } = await api.query(`{ entity(id: "united-states") { relationships { id type start end confidence disputed temporality
      evidence { locator note stance source { id title published publisher url } } } } }`);
    const [relationship] = data!.entity.relationships;
    expect(relationship).toMatchObject({ id: 'jordan-attack-targeted-united-states', type: 'TARGETED', start: '2024-01-28', end: null, confidence: 0.5, disputed: true, temporality: 'EVENT' });
    expect(relationship.evidence).toEqual([
      { locator: '¶11', note: 'Dates the attack one day early.', stance: 'SUPPORTS', source: { id: 'report-a', title: 'Test report on militias', published: '2024-04-21', publisher: 'Test Desk', url: 'https://example.org/report-a' } },
      { locator: '¶1', note: 'Gives the date as the 28th.', stance: 'CONTRADICTS', source: { id: 'report-b', title: 'Second test report', published: '2024-01-29', publisher: null, url: null } },
    ]);
  });

  test('undisputed relationships say so', async () => {
    const { data } = await api.query(`{ relationships(types: [BACKS]) { edges { node { id disputed } } } }`);
    expect(data!.relationships.edges).toEqual([{ node: { id: 'iran-backs-kataib-hezbollah', disputed: false } }]);
  });
});

describe('pagination', () => {
  async function walk(field: 'entities' | 'relationships', first: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const result: any = await api.query(`query($first: Int, $after: String) { ${field}(first: $first, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { first, after });
      const connection = result.data[field];
      ids.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) return ids;
      after = connection.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  test.each([1, 2, 3, 50])('walks every entity exactly once, %i at a time, in a stable order', async (first) => {
    const ids = await walk('entities', first);
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
    expect(ids).toEqual([...ids].sort());
  });

  test.each([1, 3, 50])('walks every relationship exactly once, %i at a time', async (first) => {
    const ids = await walk('relationships', first);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });

  test('totalCount counts the filtered set; kinds filter entities', async () => {
    const { data } = await api.query(`{ entities(kinds: [STATE]) { totalCount edges { node { id kind } } } }`);
    expect(data!.entities.totalCount).toBe(4);
    expect(data!.entities.edges.every((edge: { node: { kind: string } }) => edge.node.kind === 'STATE')).toBe(true);
  });

  test('relationships asOf filter pages', async () => {
    const { data } = await api.query(`{ relationships(asOf: "2024-01-27") { totalCount } }`);
    expect(data!.relationships.totalCount).toBe(4);
  });

  test('a forged cursor is refused naming the argument', async () => {
    const result = await api.query(`{ entities(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/^after: /);
  });
});

describe('neighborhood', () => {
  test('depth 1 gives the entity, its neighbours and the relationships among them', async () => {
    const { data } = await api.query(`{ neighborhood(id: "tower-22") { nodes { id } edges { id } truncated } }`);
    expect(data!.neighborhood.nodes.map((node: { id: string }) => node.id).sort()).toEqual(['jordan', 'jordan-drone-attack-2024', 'tower-22']);
    expect(data!.neighborhood.edges.map((edge: { id: string }) => edge.id)).toEqual(['jordan-attack-located-at-tower-22', 'tower-22-located-at-jordan']);
    expect(data!.neighborhood.truncated).toBe(false);
  });

  test('depth 2 reaches further; direction and types restrict the walk', async () => {
    const two = await api.query(`{ neighborhood(id: "tower-22", depth: 2) { nodes { id } } }`);
    expect(two.data!.neighborhood.nodes.map((node: { id: string }) => node.id)).toEqual(expect.arrayContaining(['kataib-hezbollah', 'united-states']));
    const out = await api.query(`{ neighborhood(id: "tower-22", depth: 3, direction: OUT) { nodes { id } } }`);
    expect(out.data!.neighborhood.nodes.map((node: { id: string }) => node.id).sort()).toEqual(['jordan', 'tower-22']);
    const typed = await api.query(`{ neighborhood(id: "kataib-hezbollah", depth: 2, types: [BACKS, LEADS]) { nodes { id } } }`);
    expect(typed.data!.neighborhood.nodes.map((node: { id: string }) => node.id).sort()).toEqual(['abu-mahdi-al-muhandis', 'iran', 'kataib-hezbollah']);
  });

  test('stops at limit and says truncated', async () => {
    const { data } = await api.query(`{ neighborhood(id: "kataib-hezbollah", depth: 4, limit: 3) { nodes { id } truncated } }`);
    expect(data!.neighborhood.nodes).toHaveLength(3);
    expect(data!.neighborhood.truncated).toBe(true);
  });

  test('asOf hides what did not exist yet', async () => {
    const { data } = await api.query(`{ neighborhood(id: "kataib-hezbollah", asOf: "2023") { nodes { id } } }`);
    expect(data!.neighborhood.nodes.map((node: { id: string }) => node.id)).not.toContain('jordan-drone-attack-2024');
  });

  test.each([
    ['depth: 50', 'depth'],
    ['depth: 0', 'depth'],
    ['limit: 0', 'limit'],
    ['limit: 100000', 'limit'],
    ['asOf: "2020-13"', 'asOf'],
    ['minConfidence: 2', 'minConfidence'],
  ])('%s is BAD_USER_INPUT naming %s', async (argument, name) => {
    const result = await api.query(`{ neighborhood(id: "iran", ${argument}) { truncated } }`);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.argument).toBe(name);
    expect(result.errors![0].message).toMatch(new RegExp(`^${name}: .*(from|date)`));
  });

  test('an unknown id is NOT_FOUND', async () => {
    const result = await api.query(`{ neighborhood(id: "atlantis") { truncated } }`);
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors![0].message).toContain('atlantis');
  });
});

describe('network, sources, stats, relation types', () => {
  test('network returns the filtered whole graph', async () => {
    const all = await api.query(`{ network { nodes { id } edges { id } truncated } }`);
    expect(all.data!.network.nodes).toHaveLength(9);
    expect(all.data!.network.edges).toHaveLength(8);
    const states = await api.query(`{ network(kinds: [STATE, LOCATION], types: [LOCATED_AT]) { nodes { id } edges { id } } }`);
    expect(states.data!.network.edges.map((edge: { id: string }) => edge.id)).toEqual(['tower-22-located-at-jordan']);
  });

  test('sources lists every source', async () => {
    const { data } = await api.query(`{ sources { id title } }`);
    expect(data!.sources.map((source: { id: string }) => source.id)).toEqual(['report-a', 'report-b']);
  });

  test('stats counts by kind and type with the date range', async () => {
    const { data } = await api.query(`{ stats { entities relationships byKind { kind count } byType { type count } earliest latest } }`);
    expect(data!.stats).toMatchObject({ entities: 9, relationships: 8, earliest: '1954-01-01', latest: '2024-01-28' });
    expect(data!.stats.byKind).toContainEqual({ kind: 'STATE', count: 4 });
    expect(data!.stats.byType).toContainEqual({ type: 'LOCATED_AT', count: 3 });
  });

  test('relationTypes documents every type with its allowed kinds', async () => {
    const { data } = await api.query(`{ relationTypes { type definition temporality sourceKinds targetKinds } }`);
    expect(data!.relationTypes.find((rule: { type: string }) => rule.type === 'LEADS')).toMatchObject({ temporality: 'SPAN', sourceKinds: ['PERSON'] });
  });

  test('an enum value outside the schema is refused by validation', async () => {
    const result = await api.query(`{ network(types: [FUNDS]) { truncated } }`);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('search through the API on the seed dataset', () => {
  let seed: TestApi;
  beforeAll(async () => {
    seed = await createTestApi(loadGraph(SEED_DATASET));
  });
  afterAll(() => seed.server.stop());

  test('Hashd al-Shaabi finds the Popular Mobilization Units first', async () => {
    const { data } = await seed.query(`{ search(text: "Hashd al-Shaabi") { id name } }`);
    expect(data!.search[0]).toEqual({ id: 'popular-mobilization-units', name: 'Popular Mobilization Units' });
  });

  test('an empty search is BAD_USER_INPUT naming text', async () => {
    const result = await seed.query(`{ search(text: " ") { id } }`);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.argument).toBe('text');
  });
});
