import { getIntrospectionQuery, getOperationAST, parse, validate, specifiedRules, type GraphQLSchema } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { createSchema } from '../../src/api/create-schema';
import { COST_MODEL, DEFAULT_QUERY_LIMITS, operationCost, queryLimitRules, type QueryLimits } from '../../src/api/limits';
import { queryLimitsFromEnv, serverOptionsFromEnv } from '../../src/api/server-options';
import { loadGraph } from '../../src/load';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { codeOf, expectServes, startTestServer, type TestServer } from './http-harness';

// The query limits over real HTTP: each refusal is a 400 whose code and message name the limit and its value.
let server: TestServer;
let schema: GraphQLSchema;
const graph = loadGraph(SEED_DATASET);
beforeAll(async () => {
  server = await startTestServer(graph, { NODE_ENV: 'production' });
  schema = await createSchema(graph);
});
afterAll(() => server.stop());

const L = DEFAULT_QUERY_LIMITS;

function nested(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) selection = `relationships { target { ${selection} } }`;
  return `{ entity(id: "hezbollah") { ${selection} } }`;
}

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
}

describe('each limit refuses with 400, its own code, and a message naming the limit and its value', () => {
  const cases: [string, () => string, string, keyof QueryLimits][] = [
    ['a neighbour field nested 25 times (the 1.3 KB document that killed a plain Apollo Server)', () => nested(25), 'QUERY_TOO_DEEP', 'maxDepth'],
    ['31 aliases', () => `{ ${Array.from({ length: L.maxAliases + 1 }, (_, i) => `a${i}: stats { entities }`).join(' ')} }`, 'TOO_MANY_ALIASES', 'maxAliases'],
    ['21 directives', () => `{ stats { ${Array.from({ length: L.maxDirectives + 1 }, () => 'entities @include(if: true)').join(' ')} } }`, 'TOO_MANY_DIRECTIVES', 'maxDirectives'],
    ['more than 2,000 tokens', () => `{ ${'stats { entities } '.repeat(500)} }`, 'TOO_MANY_TOKENS', 'maxTokens'],
    [
      'neighborhood depth 4, limit 5000 with nested relationships',
      () => '{ neighborhood(id: "hezbollah", depth: 4, limit: 5000) { nodes { id relationships { id target { id } } } edges { id } } }',
      'QUERY_TOO_COSTLY',
      'maxCost',
    ],
  ];
  test.each(cases)('%s', async (_name, query, code, limit) => {
    const response = await server.post({ query: query() });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    const error = response.body.errors[0];
    expect(error.extensions).toMatchObject({ code, limit, max: L[limit] });
    expect(error.message).toContain(`${limit} = ${L[limit].toLocaleString('en-US')}`);
    expect(typeof error.extensions.requestId).toBe('string');
    await expectServes(server);
  });
});

test('the 1,000-alias document that returned 7 MB is refused in a few hundred bytes', async () => {
  const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: neighborhood(id: "hezbollah", depth: 4) { nodes { id } }`).join(' ')} }`;
  const response = await server.post({ query });
  expect(response.status).toBe(400);
  // Past the token limit before any alias is counted.
  expect(codeOf(response)).toBe('TOO_MANY_TOKENS');
  expect(response.text.length).toBeLessThan(1000);
});

test('cost follows the variables: the same document is accepted with a small limit and refused with a large one', async () => {
  const query = 'query($n: Int) { neighborhood(id: "hezbollah", depth: 4, limit: $n) { nodes { id name kind description start end } edges { id type source { id } target { id } } } }';
  expect((await server.post({ query, variables: { n: 50 } })).status).toBe(200);
  const refused = await server.post({ query, variables: { n: 5000 } });
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'maxCost', found: 1 + 2 * (1 + 4 * 5000 * 6) });
});

describe('the cost model', () => {
  test('every field costs 1; size arguments multiply what is under them, defaults applied', () => {
    expect(cost('{ stats { entities } }')).toBe(2);
    expect(cost('{ search(text: "x") { id name } }')).toBe(1 + 10 * 2);
    expect(cost('{ search(text: "x", limit: 100) { id name } }')).toBe(1 + 100 * 2);
    expect(cost('{ neighborhood(id: "x") { nodes { id } } }')).toBe(1 + (1 + 200 * 1));
    // The size applies to the lists in the Subgraph, not to its scalars: an out-of-range limit is left to the domain's own check.
    expect(cost('{ neighborhood(id: "x", limit: 100000) { truncated } }')).toBe(2);
    expect(cost('query($d: Int) { neighborhood(id: "x", depth: $d, limit: 5000) { nodes { id } } }', { d: 4 })).toBe(1 + (1 + 4 * 5000 * 1));
    expect(cost('{ entities(first: 500) { edges { node { id } } totalCount } }')).toBe(1 + (1 + 500 * 2) + 1);
  });

  test('paths: k × maxLength items, each counted with what is asked under it', () => {
    if (!schema.getQueryType()!.getFields().paths) return; // the paths API is another engineer's; checked once it exists
    expect(cost('{ paths(from: "a", to: "b") { length nodes { id } } }')).toBe(1 + 3 * 8 * (1 + (1 + 1)));
    expect(cost('{ paths(from: "a", to: "b", k: 20) { nodes { id relationships { id target { id relationships { id target { id } } } } } } }')).toBeGreaterThan(L.maxCost);
  });

  test('lists of unknown length have documented assumed sizes; an entity\'s relationships are a page (first)', () => {
    expect(COST_MODEL.assumedSizes['Query.network']).toBe(1000);
    expect(COST_MODEL.boundedByDegree['Entity.relationships']).toBe('id');
    // Without the graph's degrees (here), a page costs its size; the server also caps it by the real degree.
    expect(cost('{ entity(id: "x") { relationships { id } } }')).toBe(1 + (1 + 100 * 1));
    expect(cost('{ entity(id: "x") { relationships(first: 5) { id } } }')).toBe(1 + (1 + 5 * 1));
    expect(cost('{ network { nodes { id relationships(first: 20) { id } } } }')).toBe(1 + (1 + 1000 * (1 + (1 + 20 * 1))));
  });

  test('skipped fields cost nothing; fragments cost what they select, wherever they are spread', () => {
    expect(cost('query($s: Boolean!) { stats { entities @skip(if: $s) relationships } }', { s: true })).toBe(2);
    expect(cost('{ entity(id: "x") { ...F } } fragment F on Entity { id name }')).toBe(3);
    expect(cost('{ entity(id: "x") { ... on Entity { id name } } }')).toBe(3);
  });

  test('a fragment bomb is costed in linear time and comes out too expensive', () => {
    let fragments = 'fragment F0 on Entity { id }\n';
    for (let i = 1; i <= 40; i++) fragments += `fragment F${i} on Entity { ...F${i - 1} r: relationships { target { ...F${i - 1} } } }\n`;
    const started = Date.now();
    expect(cost(`{ entity(id: "x") { ...F40 } }\n${fragments}`)).toBeGreaterThan(L.maxCost);
    expect(Date.now() - started).toBeLessThan(100);
  });

  test('the documents the client sends are within every limit', async () => {
    const documents: Record<string, string> = await import('../../client/documents');
    const rules = queryLimitRules(L);
    for (const [name, query] of Object.entries(documents)) {
      if (typeof query !== 'string' || !/^\s*(query|mutation)/.test(query)) continue;
      const document = parse(query, { maxTokens: L.maxTokens });
      // A document for an API that has not landed yet (paths, mutations) is checked once its fields exist.
      const operation = getOperationAST(document)!;
      const root = operation.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
      if (!root || operation.selectionSet.selections.some((selection) => selection.kind === 'Field' && !root.getFields()[selection.name.value])) continue;
      expect([name, validate(schema, document, [...specifiedRules, ...rules]).map((error) => error.message)]).toEqual([name, []]);
      const variables = { id: 'hezbollah', from: 'hezbollah', to: 'iran', text: 'hezbollah', depth: 2, k: 5 };
      expect([name, operationCost(schema, document, getOperationAST(document)!, variables)]).toEqual([name, expect.any(Number)]);
      expect(operationCost(schema, document, getOperationAST(document)!, variables)).toBeLessThanOrEqual(L.maxCost);
    }
  });

  test('the introspection query of GraphiQL is within every limit', () => {
    const document = parse(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }), { maxTokens: L.maxTokens });
    expect(validate(schema, document, [...specifiedRules, ...queryLimitRules(L)])).toEqual([]);
    expect(operationCost(schema, document, getOperationAST(document)!, {})).toBeLessThanOrEqual(L.maxCost);
  });
});

describe('configuration', () => {
  test('defaults, and each limit from its environment variable', () => {
    expect(serverOptionsFromEnv({}).limits).toEqual({ maxDepth: 10, maxAliases: 30, maxDirectives: 20, maxTokens: 2000, maxCost: 100_000, maxExecutionMs: 5000 });
    expect(
      queryLimitsFromEnv({ PROXYGRAPH_MAX_DEPTH: '6', PROXYGRAPH_MAX_ALIASES: '5', PROXYGRAPH_MAX_DIRECTIVES: '3', PROXYGRAPH_MAX_TOKENS: '500', PROXYGRAPH_MAX_COST: '1000', PROXYGRAPH_MAX_EXECUTION_MS: '250' }),
    ).toEqual({ maxDepth: 6, maxAliases: 5, maxDirectives: 3, maxTokens: 500, maxCost: 1000, maxExecutionMs: 250 });
  });

  test('a bad value stops the start-up with the variable named', () => {
    expect(() => queryLimitsFromEnv({ PROXYGRAPH_MAX_DEPTH: 'deep' })).toThrow('PROXYGRAPH_MAX_DEPTH=deep: must be an integer from 1 to 1000');
    expect(() => queryLimitsFromEnv({ PROXYGRAPH_MAX_COST: '0' })).toThrow('PROXYGRAPH_MAX_COST=0');
  });

  test('a server started with lower limits enforces them', async () => {
    const strict = await startTestServer(graph, { PROXYGRAPH_MAX_DEPTH: '2', PROXYGRAPH_MAX_COST: '10' });
    try {
      const deep = await strict.post({ query: '{ entity(id: "hezbollah") { relationships { target { id } } } }' });
      expect([deep.status, codeOf(deep), deep.body.errors[0].extensions.max]).toEqual([400, 'QUERY_TOO_DEEP', 2]);
      const costly = await strict.post({ query: '{ search(text: "hezbollah") { id } }' });
      expect([costly.status, codeOf(costly), costly.body.errors[0].extensions.found]).toEqual([400, 'QUERY_TOO_COSTLY', 11]);
      expect((await strict.post({ query: '{ stats { entities } }' })).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });
});

test("GraphQL Armor's default (propagateOnRejection) throws out of validate, which Apollo would answer with a 500; ours reports", () => {
  const document = parse(nested(25));
  expect(() => validate(schema, document, [maxDepthRule({ n: 10 }) as never])).toThrow('Query depth limit of 10 exceeded');
  const errors = validate(schema, document, queryLimitRules(L));
  expect(errors.map((error) => error.extensions.code)).toEqual(['QUERY_TOO_DEEP']);
});
