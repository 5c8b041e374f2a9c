import { DEFAULT_QUERY_LIMITS } from '../../../src/api/limits';
import { loadGraph } from '../../../src/load';
import { SEED_DATASET } from '../../helpers/fixture-datasets';
import { countCases, expectRefusal, type Refusal } from './hostile-cases';
import { expectServes, startTestServer, type TestServer } from '../http-harness';

// Hostile input everywhere: each case asserts the exact refusal, then that the server (or the loader) still works.
const L = DEFAULT_QUERY_LIMITS;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(loadGraph(SEED_DATASET), { NODE_ENV: 'production', PROXYGRAPH_MAX_BODY_BYTES: '100000' });
});
afterAll(() => server.stop());
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function nested(levels: number, inner = 'id'): string {
  let selection = inner;
  for (let level = 0; level < levels; level++) selection = `relationships { target { ${selection} } }`;
  return selection;
}

function fragmentBomb(levels: number): string {
  let fragments = 'fragment F0 on Entity { id name }\n';
  for (let i = 1; i <= levels; i++) fragments += `fragment F${i} on Entity { ...F${i - 1} a${i}: relationships { target { ...F${i - 1} } } }\n`;
  return `{ entity(id: "hezbollah") { ...F${levels} } }\n${fragments}`;
}

describe('queries and variables', () => {
  const cases: [string, Record<string, unknown> | string, Refusal][] = [
    ['a field nested 25 levels deep', { query: `{ entity(id: "hezbollah") { ${nested(25)} } }` }, { status: 400, code: 'QUERY_TOO_DEEP', message: `maxDepth = ${L.maxDepth}` }],
    [
      'depth hidden in fragments',
      { query: `{ entity(id: "hezbollah") { ...A } } fragment A on Entity { relationships { target { ...B } } } fragment B on Entity { ${nested(5)} }` },
      { status: 400, code: 'QUERY_TOO_DEEP' },
    ],
    ['31 aliases', { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }` }, { status: 400, code: 'TOO_MANY_ALIASES', message: `maxAliases = ${L.maxAliases}` }],
    [
      'aliases multiplied by spreading a fragment',
      { query: `{ stats { ...S } a: stats { ...S } b: stats { ...S } c: stats { ...S } } fragment S on Stats { ${Array.from({ length: 8 }, (_, i) => `e${i}: entities`).join(' ')} }` },
      { status: 400, code: 'TOO_MANY_ALIASES' },
    ],
    ['21 directives', { query: `{ stats { ${'entities @include(if: true) '.repeat(21)} } }` }, { status: 400, code: 'TOO_MANY_DIRECTIVES', message: `maxDirectives = ${L.maxDirectives}` }],
    ['a document over the token limit', { query: `{ ${'stats { entities } '.repeat(700)} }` }, { status: 400, code: 'TOO_MANY_TOKENS', message: 'maxTokens = 2,000' }],
    [
      '1,000 aliases of a deep field (7 MB from a plain Apollo Server)',
      { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: neighborhood(id: "hezbollah", depth: 4) { nodes { id } }`).join(' ')} }` },
      { status: 400, code: 'TOO_MANY_TOKENS' },
    ],
    [
      'neighborhood depth 4, limit 5000, with relationships under it',
      { query: '{ neighborhood(id: "hezbollah", depth: 4, limit: 5000) { nodes { id relationships { id target { id } } } } }' },
      { status: 400, code: 'QUERY_TOO_COSTLY', message: 'maxCost = 100,000' },
    ],
    ['the whole network with two levels of relationships', { query: `{ network { nodes { id ${nested(2)} } } }` }, { status: 400, code: 'QUERY_TOO_COSTLY' }],
    [
      'paths k: 20 with two levels of relationships under each entity',
      { query: `{ paths(from: "kataib-hezbollah", to: "israel", k: 20) { nodes { id ${nested(2)} } } }` },
      { status: 400, code: 'QUERY_TOO_COSTLY' },
    ],
    ['500 entities with two levels of relationships', { query: `{ entities(first: 500) { edges { node { ${nested(2)} } } } }` }, { status: 400, code: 'QUERY_TOO_COSTLY' }],
    [
      'a costly limit passed in a variable',
      { query: 'query($n: Int) { neighborhood(id: "hezbollah", depth: 4, limit: $n) { nodes { id name kind } edges { id source { id } target { id } } } }', variables: { n: 5000 } },
      { status: 400, code: 'QUERY_TOO_COSTLY' },
    ],
    ['a fragment bomb (2^30 selections in 1.5 KB)', { query: fragmentBomb(30) }, { status: 400, code: 'QUERY_TOO_DEEP' }],
    ['a syntax error', { query: '{ stats { entities ' }, { status: 400, code: 'GRAPHQL_PARSE_FAILED' }],
    ['an unknown field', { query: '{ stats { entities secrets } }' }, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "secrets" on type "Stats".' }],
    ['introspection in production', { query: '{ __schema { types { name } } }' }, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /introspection/i }],
    ['two anonymous operations', { query: '{ stats { entities } } { stats { relationships } }' }, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }],
    ['an operation name that is not in the document', { query: 'query A { stats { entities } }', operationName: 'B' }, { status: 400, code: 'OPERATION_RESOLUTION_FAILURE', message: 'Unknown operation named "B".' }],
    ['neighborhood depth 99', { query: '{ neighborhood(id: "hezbollah", depth: 99) { nodes { id } } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'depth: must be an integer from 1 to 4, got 99' }],
    ['neighborhood limit -1', { query: '{ neighborhood(id: "hezbollah", limit: -1) { nodes { id } } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 1 to 5000, got -1' }],
    ['search text of 10,000 characters', { query: 'query($t: String!) { search(text: $t) { id } }', variables: { t: 'a'.repeat(10_000) } }, { status: 200, code: 'BAD_USER_INPUT', message: 'text: is 10000 characters long' }],
    ['search limit 1000', { query: '{ search(text: "hezbollah", limit: 1000) { id } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'limit: must be an integer from 1 to 100' }],
    ['a neighbourhood around "constructor"', { query: '{ neighborhood(id: "constructor") { nodes { id } } }' }, { status: 200, code: 'NOT_FOUND', message: 'entity "constructor" not found' }],
    ['a forged cursor', { query: '{ entities(after: "Li4vLi4vZXRjL3Bhc3N3ZA") { totalCount } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'after: is not a cursor returned by this API' }],
    ['an impossible asOf date', { query: '{ stats(asOf: "2020-13-45") { entities } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'asOf:' }],
    ['minConfidence 2', { query: '{ neighborhood(id: "hezbollah", minConfidence: 2) { nodes { id } } }' }, { status: 200, code: 'BAD_USER_INPUT', message: 'minConfidence: must be a number from 0 to 1, got 2' }],
    ['a variable of the wrong type', { query: 'query($n: Int) { search(text: "x", limit: $n) { id } }', variables: { n: 'ten' } }, { status: 400, code: 'BAD_USER_INPUT', message: 'Variable "$n" got invalid value' }],
    ['a missing required variable', { query: 'query($t: String!) { search(text: $t) { id } }', variables: {} }, { status: 400, code: 'BAD_USER_INPUT', message: 'Variable "$t" of required type "String!" was not provided.' }],
    ['variables given as a string', { query: '{ stats { entities } }', variables: '{"a":1}' }, { status: 400, code: 'BAD_REQUEST', message: '`variables` in a POST body should be provided as an object' }],
    ['a query given as an object', { query: { kind: 'Document' } }, { status: 400, code: 'BAD_REQUEST', message: 'GraphQL queries must be strings.' }],
    [
      'a variable nested 20,000 arrays deep',
      `{"query":"query($t: String!) { search(text: $t) { id } }","variables":{"t":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`,
      { status: 400, code: 'BAD_USER_INPUT', message: 'String cannot represent a non string value' },
    ],
  ];
  test.each(cases)('%s', async (_name, body, refusal) => {
    const response = await server.post(body);
    if (refusal.status === 400) expect(response.body.data).toBeUndefined();
    await expectRefusal(server, response, refusal);
  });

  test('an entity id of "__proto__" is simply unknown', async () => {
    const response = await server.post({ query: '{ entity(id: "__proto__") { id } toString: entity(id: "toString") { id } }' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ entity: null, toString: null });
    await expectServes(server);
  });

  test('variables carrying "__proto__" pollute nothing', async () => {
    const body = `{"query":"query($id: ID!) { entity(id: $id) { id } }","variables":{"id":"hezbollah","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}`;
    const response = await server.post(body);
    expect(response.status).toBe(200);
    expect(response.body.data.entity.id).toBe('hezbollah');
    await expectServes(server);
  });
});


test('the hostile suite keeps at least 80 table cases over its files', () => {
  // Rows of the tables of test/api/hostile/*.test.ts that fit on one line (kept honest by this test); the files also
  // hold cases written out as tests (high degrees, input sizes, rate limits).
  expect(countCases()).toBeGreaterThanOrEqual(80);
});

test('the loader still loads the seed after all this', () => {
  expect(loadGraph(SEED_DATASET).order).toBeGreaterThan(0);
});
