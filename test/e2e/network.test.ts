import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { ENTITY_KINDS, RELATION_TYPES } from '../../src/model';
import { describeInBrowser, inPage, launchBrowser, openPage, screenshot, settled, startServer, type Server } from './support/browser';
import { graphSettled } from './support/graph';

/** Pairs of drawn nodes whose boxes (shape and label) overlap, at the zoom the page opened with. */
const OVERLAPPING_LABELS = `(() => {
  const boxes = proxygraph.cy.nodes(':visible').map((node) => ({ id: node.id(), box: node.boundingBox({ includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false }) }));
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i].box, b = boxes[j].box;
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(boxes[i].id + ' / ' + boxes[j].id);
  }
  return pairs;
})()`;

describeInBrowser('the network page', () => {
  let server: Server;
  let browser: Browser;
  let stats: { entities: number; relationships: number; byKind: { kind: string; count: number }[] };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    stats = (await server.graphql<{ stats: typeof stats }>('{ stats { entities relationships byKind { kind count } } }')).stats;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.stop();
  });

  test('draws the whole seed network with its legend: no console errors, nothing fetched from outside, no overlapping labels', async () => {
    const { page, errors, outside } = await openPage(browser, server);
    // Labels are placed (and hidden where they would overlap) just after the page is idle: wait for that too.
    await graphSettled(page);
    await screenshot(page, 'network');
    expect(await inPage(page, 'proxygraph.cy.nodes().length')).toBe(stats.entities);
    expect(await inPage(page, 'proxygraph.cy.edges().length')).toBe(stats.relationships);
    for (const kind of ENTITY_KINDS) expect(await page.locator(`#kind-${kind}`).isChecked()).toBe(true);
    for (const type of RELATION_TYPES) expect(await page.locator(`#type-${type}`).isChecked()).toBe(true);
    const personCount = stats.byKind.find((entry) => entry.kind === 'PERSON')!.count;
    expect(await page.locator('label[for="kind-PERSON"] .legend-count').textContent()).toBe(String(personCount));
    expect(await inPage(page, OVERLAPPING_LABELS)).toEqual([]);
    // The whole drawing is in view: the rows under the graph (time, timeline) had their height before it was fitted.
    const drawing = await inPage<{ x1: number; y1: number; x2: number; y2: number; width: number; height: number }>(
      page,
      '({ ...proxygraph.cy.elements().renderedBoundingBox({ includeOverlays: false }), width: proxygraph.cy.width(), height: proxygraph.cy.height() })',
    );
    expect(drawing.x1).toBeGreaterThanOrEqual(0);
    expect(drawing.y1).toBeGreaterThanOrEqual(0);
    expect(drawing.x2).toBeLessThanOrEqual(drawing.width);
    expect(drawing.y2).toBeLessThanOrEqual(drawing.height);
    // Labels are big enough to read at the default zoom (12px labels drawn at no less than 7px).
    expect(await inPage<number>(page, 'proxygraph.cy.zoom()')).toBeGreaterThan(0.6);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  test('filters by kind, shows it in the URL, and exports the displayed records as JSON', async () => {
    const { page, errors } = await openPage(browser, server);
    await settled(page);
    await page.locator('label[for="kind-EVENT"]').click();
    const events = stats.byKind.find((entry) => entry.kind === 'EVENT')!.count;
    expect(await inPage(page, "proxygraph.cy.nodes('.filtered').length")).toBe(events);
    expect(new URL(page.url()).searchParams.get('hideKinds')).toBe('EVENT');
    await screenshot(page, 'network-without-events');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#json-button').click()]);
    const dataset = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { entities: { id: string; kind: string }[]; relationships: unknown[]; sources: unknown[] };
    expect(dataset.entities).toHaveLength(stats.entities - events);
    expect(dataset.entities.some((entity) => entity.kind === 'EVENT')).toBe(false);
    expect(dataset.relationships.length).toBeGreaterThan(0);
    expect(dataset.sources.length).toBeGreaterThan(0);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#png-button').click()]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
