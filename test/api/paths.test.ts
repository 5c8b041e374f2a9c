import { buildGraph } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { createTestApi, type TestApi } from '../helpers/api';

/** The path queries through GraphQL (executeOperation, no sockets): the contract's names, nulls and error codes. */

const SOURCE = { id: 'report', title: 'A report' };
const relation = (id: string, type: RelationshipRecord['type'], source: string, target: string, extra: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id,
  type,
  source,
  target,
  evidence: [{ source: SOURCE.id, locator: '¶1' }],
  ...extra,
});

const GRAPH = buildGraph({
  sources: [SOURCE],
  entities: [
    { id: 'patron', kind: 'STATE', name: 'Patron', aliases: [] },
    { id: 'militia', kind: 'ORGANIZATION', name: 'Militia', aliases: [] },
    { id: 'front', kind: 'ORGANIZATION', name: 'Front', aliases: [] },
    { id: 'strike', kind: 'EVENT', name: 'Strike', aliases: [], start: '2024-01-28' },
    { id: 'loner', kind: 'ORGANIZATION', name: 'Loner', aliases: [] },
  ],
  relationships: [
    relation('patron-backs-militia', 'BACKS', 'patron', 'militia', { start: '2014', confidence: 0.9 }),
    relation('front-for-militia', 'FRONT_FOR', 'front', 'militia', { start: '2019', confidence: 0.8 }),
    relation('militia-perpetrated-strike', 'PERPETRATED', 'militia', 'strike', { start: '2024-01-28', confidence: 0.75 }),
    relation('front-perpetrated-strike', 'PERPETRATED', 'front', 'strike', { start: '2024-01-28', confidence: 0.6, weight: 3 }),
  ],
});

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(GRAPH);
});
afterAll(() => api.server.stop());

const PATH_FIELDS = `length cost nodes { id } hops { forward from { id } to { id } relationship { id type evidence { source { id } locator } } }`;

test('shortestPath returns the contract fields', async () => {
  const { data, errors } = await api.query(`{ shortestPath(from: "patron", to: "strike") { ${PATH_FIELDS} } }`);
  expect(errors).toBeUndefined();
  expect(data!.shortestPath).toEqual({
    length: 2,
    cost: 2,
    nodes: [{ id: 'patron' }, { id: 'militia' }, { id: 'strike' }],
    hops: [
      { forward: true, from: { id: 'patron' }, to: { id: 'militia' }, relationship: { id: 'patron-backs-militia', type: 'BACKS', evidence: [{ source: { id: 'report' }, locator: '¶1' }] } },
      { forward: true, from: { id: 'militia' }, to: { id: 'strike' }, relationship: { id: 'militia-perpetrated-strike', type: 'PERPETRATED', evidence: [{ source: { id: 'report' }, locator: '¶1' }] } },
    ],
  });
});

test('paths returns k paths in order, with backwards hops marked', async () => {
  const { data, errors } = await api.query(`{ paths(from: "patron", to: "strike", k: 5, cost: WEIGHT) { length cost hops { forward relationship { id } } } }`);
  expect(errors).toBeUndefined();
  expect(data!.paths).toEqual([
    { length: 2, cost: 2, hops: [{ forward: true, relationship: { id: 'patron-backs-militia' } }, { forward: true, relationship: { id: 'militia-perpetrated-strike' } }] },
    {
      length: 3,
      cost: 5,
      hops: [
        { forward: true, relationship: { id: 'patron-backs-militia' } },
        { forward: false, relationship: { id: 'front-for-militia' } },
        { forward: true, relationship: { id: 'front-perpetrated-strike' } },
      ],
    },
  ]);
});

test('arguments: defaults, explicit nulls, types, directed, avoid, asOf, minConfidence, chronological, CONFIDENCE', async () => {
  const { data, errors } = await api.query(`{
    nulls: shortestPath(from: "patron", to: "strike", directed: null, maxLength: null, cost: null, chronological: null, types: null, avoid: null) { length }
    directed: shortestPath(from: "strike", to: "patron", directed: true) { length }
    viaFront: shortestPath(from: "patron", to: "strike", avoid: ["militia"]) { length }
    typed: shortestPath(from: "patron", to: "strike", types: [BACKS, FRONT_FOR, PERPETRATED], avoid: ["militia"]) { length }
    before: shortestPath(from: "patron", to: "strike", asOf: "2023") { length }
    sure: paths(from: "patron", to: "strike", minConfidence: 0.7) { length }
    chrono: paths(from: "patron", to: "strike", chronological: true, k: 20) { hops { relationship { id } } }
    likely: shortestPath(from: "patron", to: "strike", cost: CONFIDENCE) { cost }
    same: shortestPath(from: "loner", to: "loner") { length cost nodes { id } hops { forward } }
    none: shortestPath(from: "patron", to: "loner") { length }
    noPaths: paths(from: "patron", to: "loner") { length }
  }`);
  expect(errors).toBeUndefined();
  expect(data).toEqual({
    nulls: { length: 2 },
    directed: null,
    viaFront: null,
    typed: null,
    before: null,
    sure: [{ length: 2 }],
    chrono: [
      { hops: [{ relationship: { id: 'patron-backs-militia' } }, { relationship: { id: 'militia-perpetrated-strike' } }] },
      { hops: [{ relationship: { id: 'patron-backs-militia' } }, { relationship: { id: 'front-for-militia' } }, { relationship: { id: 'front-perpetrated-strike' } }] },
    ],
    likely: { cost: -Math.log(0.9) - Math.log(0.75) },
    same: { length: 0, cost: 0, nodes: [{ id: 'loner' }], hops: [] },
    none: null,
    noPaths: [],
  });
});

const errorOf = (result: { errors?: readonly { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions;

test.each([
  ['paths', 'k: 0', 'k'],
  ['paths', 'k: 21', 'k'],
  ['shortestPath', 'maxLength: 0', 'maxLength'],
  ['paths', 'maxLength: 17', 'maxLength'],
  ['shortestPath', 'minConfidence: 2', 'minConfidence'],
  ['shortestPath', 'asOf: "2020-13"', 'asOf'],
  ['paths', 'avoid: ["patron"]', 'avoid'],
])('%s(%s) is BAD_USER_INPUT naming %s', async (field, argument, name) => {
  const result = await api.query(`{ ${field}(from: "patron", to: "strike", ${argument}) { length } }`);
  expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', argument: name });
});

test.each([
  ['shortestPath', 'from: "nobody", to: "strike"'],
  ['shortestPath', 'from: "patron", to: "__proto__"'],
  ['paths', 'from: "patron", to: "strike", avoid: ["nobody"]'],
])('%s(%s) is NOT_FOUND', async (field, args) => {
  const result = await api.query(`{ ${field}(${args}) { length } }`);
  expect(errorOf(result)).toMatchObject({ code: 'NOT_FOUND' });
});

describe('parallel relationships (one hop, not distinct paths)', () => {
  // Patron both backs and supplies the militia, and two reports say the militia perpetrated the strike.
  const parallel = buildGraph({
    sources: [SOURCE],
    entities: [
      { id: 'patron', kind: 'STATE', name: 'Patron', aliases: [] },
      { id: 'militia', kind: 'ORGANIZATION', name: 'Militia', aliases: [] },
      { id: 'strike', kind: 'EVENT', name: 'Strike', aliases: [], start: '2024-01-28' },
    ],
    relationships: [
      relation('patron-backs-militia', 'BACKS', 'patron', 'militia', { start: '2014', confidence: 0.9 }),
      relation('patron-supplied-militia', 'SUPPLIED', 'patron', 'militia', { start: '2016', confidence: 0.7 }),
      relation('militia-perpetrated-strike', 'PERPETRATED', 'militia', 'strike', { start: '2024-01-28', confidence: 0.75 }),
      relation('militia-perpetrated-strike-2', 'PERPETRATED', 'militia', 'strike', { start: '2024-01-28', confidence: 0.95 }),
    ],
  });
  let parallelApi: TestApi;
  beforeAll(async () => {
    parallelApi = await createTestApi(parallel);
  });
  afterAll(() => parallelApi.server.stop());

  test('paths counts sequences of entities and lists the other relationships of each hop as alternatives', async () => {
    const { data, errors } = await parallelApi.query(`{ paths(from: "patron", to: "strike", k: 5) { nodes { id } hops { relationship { id } alternatives { id confidence evidence { locator } } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.paths).toEqual([
      {
        nodes: [{ id: 'patron' }, { id: 'militia' }, { id: 'strike' }],
        hops: [
          { relationship: { id: 'patron-backs-militia' }, alternatives: [{ id: 'patron-supplied-militia', confidence: 0.7, evidence: [{ locator: '¶1' }] }] },
          { relationship: { id: 'militia-perpetrated-strike' }, alternatives: [{ id: 'militia-perpetrated-strike-2', confidence: 0.95, evidence: [{ locator: '¶1' }] }] },
        ],
      },
    ]);
  });

  test('the most credible path takes the most credible relationship of each hop; the alternatives follow, best first', async () => {
    const { data } = await parallelApi.query(`{ shortestPath(from: "patron", to: "strike", cost: CONFIDENCE) { cost hops { relationship { id } alternatives { id } } } }`);
    expect(data!.shortestPath.hops).toEqual([
      { relationship: { id: 'patron-backs-militia' }, alternatives: [{ id: 'patron-supplied-militia' }] },
      { relationship: { id: 'militia-perpetrated-strike-2' }, alternatives: [{ id: 'militia-perpetrated-strike' }] },
    ]);
    expect(data!.shortestPath.cost).toBeCloseTo(-Math.log(0.9) - Math.log(0.95), 12);
  });

  test('alternatives follow the filters: a type left out is no alternative', async () => {
    const { data } = await parallelApi.query(`{ shortestPath(from: "patron", to: "strike", types: [BACKS, PERPETRATED]) { hops { alternatives { id } } } }`);
    expect(data!.shortestPath.hops.map((hop: { alternatives: { id: string }[] }) => hop.alternatives.map((other) => other.id))).toEqual([[], ['militia-perpetrated-strike-2']]);
  });
});
