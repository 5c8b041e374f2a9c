import cytoscape, { type Core } from 'cytoscape';
import { createAnalysisApi, type AnalysisApi } from '../../client/analysis-api';
import { analysisFilters, AnalysisOverlay } from '../../client/analysis-overlay';
import { communityColor, SIZE_RANGE, sizesFor } from '../../client/analysis-style';
import { CompareOverlay, GHOST } from '../../client/compare-overlay';
import { NETWORK } from '../../client/documents';
import { subgraphToElements } from '../../client/mapping';
import type { ApiSubgraph } from '../../client/types';
import { loadGraph } from '../../src/load';
import { ENTITY_KINDS } from '../../src/model';
import { createTestApi, type TestApi } from '../helpers/api';
import { SEED_DATASET } from '../helpers/fixture-datasets';

/** The client's analysis overlays on headless Cytoscape, over the real API (the schema on the seed, without sockets). */

let server: TestApi;
let api: AnalysisApi;
const request = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
  const result = await server.query<T>(query, variables);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
  return result.data as T;
};

beforeAll(async () => {
  server = await createTestApi(loadGraph(SEED_DATASET));
  api = createAnalysisApi({ request });
});
afterAll(() => server.server.stop());

async function drawn(asOf: string | null): Promise<Core> {
  const { network } = await request<{ network: ApiSubgraph }>(NETWORK, { asOf });
  const cy = cytoscape({ headless: true });
  cy.add(subgraphToElements(network));
  return cy;
}

async function redraw(cy: Core, asOf: string): Promise<void> {
  const { network } = await request<{ network: ApiSubgraph }>(NETWORK, { asOf });
  const elements = subgraphToElements(network);
  const wanted = new Set(elements.map((element) => element.data.id as string));
  cy.elements().filter((element) => !wanted.has(element.id())).remove();
  cy.add(elements.filter((element) => cy.getElementById(element.data.id as string).empty()));
}

const classesOf = (cy: Core, id: string) => ['compare-began', 'compare-ended', 'compare-ghost', 'compare-same'].filter((name) => cy.getElementById(id).hasClass(name));

describe('analysis filters and scales', () => {
  test('the filters are the view\'s date and the kinds and types the legend shows (null: all)', () => {
    expect(analysisFilters({ asOf: '2020', hiddenKinds: [], hiddenTypes: [] })).toEqual({ asOf: '2020', kinds: null, types: null });
    const filters = analysisFilters({ asOf: null, hiddenKinds: ['EVENT'], hiddenTypes: ['LEADS'] });
    expect(filters.kinds).toEqual(ENTITY_KINDS.filter((kind) => kind !== 'EVENT'));
    expect(filters.types).not.toContain('LEADS');
    expect(filters.types!.length).toBeGreaterThan(5);
  });

  test('node areas grow with the measure: the largest value gets the largest size, zero the smallest', () => {
    const sizes = sizesFor(new Map([['a', 0.8], ['b', 0.2], ['c', 0]]));
    expect(sizes.get('a')).toBe(SIZE_RANGE.max);
    expect(sizes.get('c')).toBe(SIZE_RANGE.min);
    // A quarter of the value: half the extra diameter (area ∝ value).
    expect(sizes.get('b')).toBeCloseTo(SIZE_RANGE.min + (SIZE_RANGE.max - SIZE_RANGE.min) / 2, 1);
    expect([...sizesFor(new Map([['x', 0]])).values()]).toEqual([SIZE_RANGE.min]);
  });
});

describe('AnalysisOverlay', () => {
  test('sizes and colours every drawn node from the measures of the same date, and again after a redraw', async () => {
    const cy = await drawn('2019-06-01');
    const overlay = new AnalysisOverlay(cy, api, { measure: 'BETWEENNESS', sizeNodes: true, byCommunity: true });
    const result = (await overlay.refresh({ asOf: '2019-06-01', kinds: null, types: null }))!;
    expect(result.metrics.betweenness?.approximate).toBe(false);
    const rows = new Map(result.metrics.items.map((item) => [item.entity.id, item]));
    const sizes = sizesFor(new Map(result.metrics.items.map((item) => [item.entity.id, item.betweenness!])));
    cy.nodes().forEach((node) => {
      expect(node.hasClass('sized')).toBe(true);
      expect(node.data('analysisSize')).toBe(sizes.get(node.id()));
      expect(node.data('communityColor')).toBe(communityColor(rows.get(node.id())!.community!));
    });
    // Only the asked-for measure is fetched.
    expect(result.metrics.items[0].pagerank).toBeUndefined();
    await redraw(cy, '2021-06-01');
    await overlay.refresh({ asOf: '2021-06-01', kinds: null, types: null });
    expect(cy.nodes().filter((node) => !node.hasClass('sized')).length).toBe(0);
    overlay.settings = { measure: 'PAGERANK', sizeNodes: false, byCommunity: false };
    await overlay.refresh({ asOf: '2021-06-01', kinds: null, types: null });
    expect(cy.nodes('.sized, .by-community').length).toBe(0);
  });
});

describe('CompareOverlay', () => {
  const IDS = { leads: 'muhandis-leads-kataib-hezbollah', muhandis: 'abu-mahdi-al-muhandis' };

  test('slider after the pinned date: what began is marked where drawn, what ended comes back as a ghost where it stood', async () => {
    const cy = await drawn('2019-06-01');
    const overlay = new CompareOverlay(cy, api);
    cy.getElementById(IDS.muhandis).position({ x: 123, y: 45 });
    overlay.pin('2019-06-01');
    await redraw(cy, '2021-06-01');
    const comparison = (await overlay.refresh('2021-06-01', { asOf: '2021-06-01', kinds: null, types: null }))!;
    const began = comparison.changes.began.items.map((item) => item.relationship.id);
    expect(began.length).toBeGreaterThan(0);
    for (const id of began) expect(classesOf(cy, id)).toEqual(['compare-began']);
    expect(classesOf(cy, GHOST + IDS.leads)).toEqual(['compare-ended', 'compare-ghost']);
    expect(cy.getElementById(GHOST + IDS.muhandis).position()).toEqual({ x: 123, y: 45 });
    expect(cy.getElementById(GHOST + IDS.leads).data('relationship').evidence.length).toBeGreaterThan(0);
    expect(classesOf(cy, 'iran')).toEqual(['compare-same']);
    overlay.pin(null);
    expect(cy.elements().filter((element) => element.id().startsWith(GHOST)).length).toBe(0);
    expect(cy.elements('.compare-began, .compare-ended, .compare-same').length).toBe(0);
  });

  test('slider before the pinned date: what will end is marked where drawn, what will begin is the ghost', async () => {
    const cy = await drawn('2019-06-01');
    const overlay = new CompareOverlay(cy, api);
    overlay.pin('2021-06-01');
    const comparison = (await overlay.refresh('2019-06-01', { asOf: '2019-06-01', kinds: null, types: null }))!;
    expect(classesOf(cy, IDS.leads)).toEqual(['compare-ended']);
    expect(cy.getElementById(GHOST + IDS.leads).empty()).toBe(true);
    const began = comparison.changes.began.items.map((item) => item.relationship.id);
    const ghosts = began.filter((id) => cy.getElementById(GHOST + id).nonempty());
    expect(ghosts.length).toBeGreaterThan(0);
    for (const id of ghosts) expect(classesOf(cy, GHOST + id)).toEqual(['compare-began', 'compare-ghost']);
    // Without a date on the slider there is nothing to compare.
    expect(await overlay.refresh(null, { asOf: null, kinds: null, types: null })).toBeNull();
    expect(cy.elements().filter((element) => element.id().startsWith(GHOST)).length).toBe(0);
  });
});
