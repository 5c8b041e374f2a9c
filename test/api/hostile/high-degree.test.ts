import { getOperationAST, parse } from 'graphql';
import { createSchema } from '../../../src/api/create-schema';
import { graphDegrees } from '../../../src/api/create-app';
import { DEFAULT_QUERY_LIMITS, operationCost, COST_MODEL } from '../../../src/api/limits';
import { DEFAULTS } from '../../../src/queries';
import { HUB, HUB_DEGREE, highDegreeGraph } from '../../helpers/high-degree';
import { codeOf, startTestServer, type TestServer } from '../http-harness';

// One entity with 180,001 relationships, generated here: every request about it does bounded work and gives a bounded
// answer, and the server keeps answering (/healthz and ordinary queries) while such requests run.
const graph = highDegreeGraph();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(graph, { NODE_ENV: 'production' });
});
afterAll(() => server.stop());

async function expectHealthy(): Promise<void> {
  const health = await server.get('/healthz');
  expect(health.status).toBe(200);
  const response = await server.post({ query: '{ entity(id: "pair-a") { degree } }' });
  expect(response.body.data.entity.degree).toBe(1);
}

test("neighborhood caps the hub's relationships and counts the rest per type", async () => {
  const response = await server.post({ query: `{ neighborhood(id: "${HUB.id}") { nodes { id } edges { id } truncated more { entity type count } } }` });
  expect(response.status).toBe(200);
  const { nodes, edges, truncated, more } = response.body.data.neighborhood;
  expect(truncated).toBe(true);
  expect(edges.length).toBeLessThanOrEqual(DEFAULTS.relationshipsPerEntity * nodes.length);
  expect(nodes.length).toBeLessThanOrEqual(DEFAULTS.relationshipsPerEntity + 1);
  // What is shown plus what is counted as more is every relationship of the hub, per type.
  const hubMore = more.filter((item: { entity: string }) => item.entity === HUB.id);
  const shownAtHub = edges.length; // every edge of this subgraph touches the hub
  expect(shownAtHub + hubMore.reduce((sum: number, item: { count: number }) => sum + item.count, 0)).toBe(HUB_DEGREE);
  expect(hubMore.map((item: { type: string }) => item.type).sort()).toEqual(['ALLIED_WITH', 'MEMBER_OF']);
  expect(response.text.length).toBeLessThan(100_000);
  await expectHealthy();
});

test('neighborhood at its maxima stays within its caps', async () => {
  const response = await server.post({ query: `{ neighborhood(id: "${HUB.id}", depth: 4, limit: 5000, relationshipsPerEntity: 1000, relationshipLimit: 20000) { nodes { id } edges { id } truncated } }` });
  expect(response.status).toBe(200);
  const { nodes, edges, truncated } = response.body.data.neighborhood;
  expect(truncated).toBe(true);
  expect(nodes.length).toBeLessThanOrEqual(5000);
  expect(edges.length).toBeLessThanOrEqual(20_000);
  await expectHealthy();
});

test('the caps are checked and named', async () => {
  const over = await server.post({ query: `{ neighborhood(id: "${HUB.id}", relationshipsPerEntity: 5000) { truncated } }` });
  expect([codeOf(over), over.body.errors[0].message]).toEqual(['BAD_USER_INPUT', 'relationshipsPerEntity: must be an integer from 1 to 1000, got 5000']);
  const total = await server.post({ query: `{ neighborhood(id: "${HUB.id}", relationshipLimit: 1000000) { truncated } }` });
  expect(total.body.errors[0].message).toBe('relationshipLimit: must be an integer from 0 to 20000, got 1000000');
});

test("Entity.relationships gives a page (first, after) and the totals per type, not 180,001 relationships", async () => {
  // The query of the report: 113 MB in 19 s before.
  const response = await server.post({ query: `{ entity(id: "${HUB.id}") { degree relationshipCounts { type count } relationships { id evidence { locator } source { name } target { name } } } }` });
  expect(response.status).toBe(200);
  const entity = response.body.data.entity;
  expect(entity.relationships).toHaveLength(DEFAULTS.entityRelationships);
  expect(entity.degree).toBe(HUB_DEGREE);
  // In the order of the relation types table.
  expect(entity.relationshipCounts).toEqual([
    { type: 'MEMBER_OF', count: HUB.members },
    { type: 'ALLIED_WITH', count: HUB.selfLoops + 1 },
  ]);
  expect(response.text.length).toBeLessThan(100_000);

  const page = async (after: string | null) =>
    (await server.post({ query: 'query($after: ID) { entity(id: "hub") { relationships(first: 500, after: $after) { id } } }', variables: { after } })).body.data.entity.relationships.map((r: { id: string }) => r.id);
  const first = await page(null);
  const second = await page(first[first.length - 1]);
  expect(first).toHaveLength(500);
  expect(second).toHaveLength(500);
  const both = [...first, ...second];
  expect(both).toEqual([...both].sort());
  expect(new Set(both).size).toBe(1000);
  expect(second[0] > first[499]).toBe(true);
  await expectHealthy();
});

test('Entity.relationships refuses a page larger than 500, naming the argument', async () => {
  const response = await server.post({ query: '{ entity(id: "hub") { relationships(first: 1000) { id } } }' });
  expect([codeOf(response), response.body.errors[0].message]).toEqual(['BAD_USER_INPUT', 'first: must be an integer from 0 to 500, got 1000']);
  // Past the cost limit, the cost check refuses it first.
  const huge = await server.post({ query: '{ entity(id: "hub") { relationships(first: 100000) { id } } }' });
  expect([huge.status, codeOf(huge)]).toEqual([400, 'QUERY_TOO_COSTLY']);
});

describe('the cost of an entity\'s relationships follows the real degree', () => {
  let cost: (query: string) => number;
  beforeAll(async () => {
    const schema = await createSchema(graph);
    cost = (query) => {
      const document = parse(query);
      return operationCost(schema, document, getOperationAST(document)!, {}, COST_MODEL, graphDegrees(graph));
    };
  });

  test('a page of the hub costs the page; an entity with one relationship costs one', () => {
    expect(cost('{ entity(id: "hub") { relationships(first: 500) { id } } }')).toBe(1 + (1 + 500 * 1));
    expect(cost('{ entity(id: "lone") { relationships(first: 500) { id } } }')).toBe(1 + (1 + 1 * 1));
    expect(cost('{ entity(id: "nobody") { relationships { id } } }')).toBe(1 + 1);
  });

  test('under a list of entities, pages are costed at the largest degree, capped by first', async () => {
    expect(cost('{ network { nodes { relationships(first: 500) { id } } } }')).toBe(1 + (1 + 1000 * (1 + 500 * 1)));
    const response = await server.post({ query: '{ network { nodes { relationships(first: 500) { id } } } }' });
    expect([response.status, codeOf(response)]).toEqual([400, 'QUERY_TOO_COSTLY']);
    expect(cost('{ neighborhood(id: "hub", limit: 5000, depth: 4) { nodes { id } } }')).toBeLessThan(DEFAULT_QUERY_LIMITS.maxCost);
  });
});

test('four heavy but allowed queries at once: each answer is bounded and /healthz answers meanwhile', async () => {
  const heavy = `{ entity(id: "${HUB.id}") { relationships(first: 500) { id evidence { locator } source { name } target { name } } } neighborhood(id: "${HUB.id}", depth: 2, limit: 2000, relationshipsPerEntity: 1000) { nodes { id } edges { id } more { entity type count } } }`;
  const answers = Array.from({ length: 4 }, () => server.post({ query: heavy }));
  const health = await server.get('/healthz');
  expect(health.status).toBe(200);
  for (const response of await Promise.all(answers)) {
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.text.length).toBeLessThan(2_000_000);
  }
  await expectHealthy();
});

test('network over the hub graph is truncated within its limit', async () => {
  const response = await server.post({ query: '{ network { nodes { id } edges { id } truncated } stats { relationships } }' });
  expect(response.status).toBe(200);
  const { nodes, edges, truncated } = response.body.data.network;
  expect(truncated).toBe(true);
  expect(nodes.length + edges.length).toBeLessThanOrEqual(20_000);
  expect(response.body.data.stats.relationships).toBe(HUB_DEGREE + 1);
  await expectHealthy();
});

describe('the execution time budget', () => {
  let budgeted: TestServer;
  beforeAll(async () => {
    budgeted = await startTestServer(graph, { NODE_ENV: 'production', PROXYGRAPH_MAX_EXECUTION_MS: '150', PROXYGRAPH_MAX_COST: '10000000' });
  });
  afterAll(() => budgeted.stop());

  test('a long execution stops at the budget with one error naming it, and /healthz is answered while it runs', async () => {
    // 500 relationships, each with the hub's first 500 again: 250,000 relationship objects.
    const query = `{ entity(id: "${HUB.id}") { relationships(first: 500) { id source { relationships(first: 500) { id type evidence { locator source { title } } } } } } }`;
    let done = false;
    const slow = budgeted.post({ query }).finally(() => (done = true));
    // Liveness probes while it runs: the execution yields every few milliseconds, so they are answered meanwhile.
    const answeredMeanwhile: number[] = [];
    while (!done) {
      const health = await budgeted.get('/healthz');
      if (!done) answeredMeanwhile.push(health.status);
    }
    const response = await slow;
    expect(answeredMeanwhile.length).toBeGreaterThan(0);
    expect(answeredMeanwhile.every((status) => status === 200)).toBe(true);
    const budgetErrors = response.body.errors.filter((error: { extensions: { code: string } }) => error.extensions.code === 'EXECUTION_TOO_LONG');
    expect(budgetErrors).toHaveLength(1);
    expect(budgetErrors[0].message).toContain('maxExecutionMs = 150');
    expect(budgetErrors[0].extensions).toMatchObject({ limit: 'maxExecutionMs', max: 150 });
    const after = await budgeted.post({ query: '{ entity(id: "pair-a") { degree } }' });
    expect(after.body).toEqual({ data: { entity: { degree: 1 } } });
  });
});
