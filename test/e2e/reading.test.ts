import type { Browser } from 'playwright-core';
import { MIN_LABEL_PX } from '../../client/style';
import { describeInBrowser, inPage, openPage, screenshot, until, useServerAndBrowser, type Server } from './support/browser';
import { edgeLabelChecks, edgesDrawnOverNodeLabels, graphSettled, positions, screenPoint, shownLabelSizes, type Positions } from './support/graph';

/** Reading the graph: the same link gives the same picture, labels are readable, a selection stands out. */

async function positionsAt(browser: Browser, server: Server, path: string, viewport: { width: number; height: number }): Promise<Positions> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  await graphSettled(page);
  const result = await positions(page);
  await context.close();
  return result;
}

describeInBrowser('reading the graph', () => {
  const session = useServerAndBrowser();

  test('the same link gives the same positions on every load, whatever the window', async () => {
    for (const path of ['/', '/?asOf=2015&hideKinds=LOCATION']) {
      const first = await positionsAt(session.browser, session.server, path, { width: 1440, height: 900 });
      const again = await positionsAt(session.browser, session.server, path, { width: 1440, height: 900 });
      const smaller = await positionsAt(session.browser, session.server, path, { width: 1100, height: 760 });
      expect(Object.keys(first).length).toBeGreaterThan(10);
      expect(again).toEqual(first);
      expect(smaller).toEqual(first);
    }
  });

  test('a dragged entity stays where it was put, and the link carries it', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await graphSettled(page);
    const before = await positions(page);
    const start = await screenPoint(page, 'iran');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 40, start.y + 30, { steps: 4 });
    await page.mouse.move(start.x + 90, start.y + 70, { steps: 4 });
    await page.mouse.up();
    await until(page, "new URL(location.href).searchParams.has('pos')");
    const moved = (await positions(page)).iran;
    expect(Math.hypot(moved.x - before.iran.x, moved.y - before.iran.y)).toBeGreaterThan(50);
    // Compactly: id_x_y in whole model pixels.
    expect(new URL(page.url()).searchParams.get('pos')).toBe(`iran_${Math.round(moved.x)}_${Math.round(moved.y)}`);
    // Copy link copies the address the page shows.
    await page.locator('#link-button').click();
    await page.locator('#status').getByText(/Link copied|Copy this link/).waitFor();

    const second = await openPage(session.browser, session.server, page.url().slice(session.server.origin.length));
    await graphSettled(second.page);
    const reopened = await positions(second.page);
    expect(reopened.iran).toEqual({ x: Math.round(moved.x), y: Math.round(moved.y) });
    for (const id of Object.keys(before).filter((other) => other !== 'iran')) expect(reopened[id]).toEqual(before[id]);
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await page.context().close();
    await second.page.context().close();
  });

  test('labels are readable at the fitted zoom, with or without the details column, and no edge is drawn over one', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await graphSettled(page);
    await screenshot(page, 'reading-network');
    let sizes = await shownLabelSizes(page);
    const total = await inPage<number>(page, 'proxygraph.cy.nodes(":visible").length');
    // The whole network opens with every label shown, none smaller than MIN_LABEL_PX.
    expect(sizes).toHaveLength(total);
    expect(Math.min(...sizes.map((size) => size.px))).toBeGreaterThanOrEqual(MIN_LABEL_PX - 0.01);
    expect(await edgesDrawnOverNodeLabels(page)).toEqual([]);

    // Open the details column (the graph gets narrower) and fit again: labels grow to stay readable; those that would
    // then overlap are hidden (they show on hover), never drawn small.
    await page.goto(`${session.server.origin}/?sel=iraq`);
    await graphSettled(page);
    await page.locator('#panel h2').waitFor();
    await page.locator('#fit-button').click();
    await graphSettled(page);
    sizes = await shownLabelSizes(page);
    expect(sizes.length).toBeGreaterThan(total / 3);
    expect(Math.min(...sizes.map((size) => size.px))).toBeGreaterThanOrEqual(MIN_LABEL_PX - 0.01);
    const hidden = await inPage<string[]>(page, "proxygraph.cy.nodes('.label-hidden').map((node) => node.id())");
    expect(hidden).not.toContain('iraq');
    // Shown labels do not overlap each other.
    const overlapping = await inPage<number>(
      page,
      `(() => {
        const boxes = proxygraph.cy.nodes(':visible').filter((node) => !node.hasClass('label-hidden'))
          .map((node) => node.boundingBox({ includeNodes: false, includeLabels: true, includeEdges: false, includeOverlays: false }));
        let count = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) count += 1;
        }
        return count;
      })()`,
    );
    expect(overlapping).toBe(0);
    await screenshot(page, 'reading-fitted-with-details');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('selecting an entity highlights it, its relationships and neighbours, and fades the rest', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await graphSettled(page);
    const point = await screenPoint(page, 'kataib-hezbollah');
    await page.mouse.click(point.x, point.y);
    await page.locator('#panel h2').waitFor();
    await graphSettled(page);
    const opacity = await inPage<{ near: Record<string, number>; rest: number[] }>(
      page,
      `(() => {
        const node = proxygraph.cy.getElementById('kataib-hezbollah');
        const near = node.closedNeighborhood();
        return {
          near: Object.fromEntries(near.map((element) => [element.id(), element.effectiveOpacity()])),
          rest: proxygraph.cy.elements().difference(near).map((element) => element.effectiveOpacity()),
        };
      })()`,
    );
    // Its neighbours and its own relationships, as the API has them.
    const { entity } = await session.server.graphql<{ entity: { relationships: { id: string; source: { id: string }; target: { id: string } }[] } }>(
      '{ entity(id: "kataib-hezbollah") { relationships { id source { id } target { id } } } }',
    );
    const expected = new Set(['kataib-hezbollah']);
    for (const relationship of entity.relationships) {
      expected.add(relationship.id);
      expected.add(relationship.source.id);
      expected.add(relationship.target.id);
    }
    expect(Object.keys(opacity.near).sort()).toEqual([...expected].sort());
    for (const value of Object.values(opacity.near)) expect(value).toBe(1);
    expect(opacity.rest.length).toBeGreaterThan(50);
    for (const value of opacity.rest) expect(value).toBeLessThan(0.2);
    // The relationships around it are labelled, and nothing is drawn over their labels.
    for (const check of await edgeLabelChecks(page, '.near')) {
      expect(check.text.length).toBeGreaterThan(0);
      expect(check.px).toBeGreaterThanOrEqual(MIN_LABEL_PX - 0.01);
      expect(check.box.w).toBeGreaterThanOrEqual(check.needed.w - 3);
    }
    await screenshot(page, 'selection');

    // Clicking the background clears the selection and the fading.
    const box = await inPage<{ x: number; y: number }>(page, '(() => { const b = proxygraph.cy.container().getBoundingClientRect(); return { x: b.left + 8, y: b.top + 8 }; })()');
    await page.mouse.click(box.x, box.y);
    await until(page, "proxygraph.cy.elements('.dimmed').length === 0");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the labels of a found path are drawn whole, readable, in view, and nothing is drawn over them', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?from=iran&to=jordan-drone-attack-2024');
    await graphSettled(page);
    await page.locator('#path-results .hop').first().waitFor();
    await graphSettled(page);
    const checks = await edgeLabelChecks(page, '.on-path');
    expect(checks.length).toBeGreaterThan(2);
    for (const check of checks) {
      expect({ id: check.id, coveredBy: check.coveredBy, inViewport: check.inViewport }).toEqual({ id: check.id, coveredBy: [], inViewport: true });
      expect(check.px).toBeGreaterThanOrEqual(MIN_LABEL_PX - 0.01);
      expect(check.box.w).toBeGreaterThanOrEqual(check.needed.w - 3);
      expect(check.box.h).toBeGreaterThanOrEqual(check.needed.h - 3);
    }
    // The entities on the path keep their labels clear of the path's relationships.
    expect(await edgesDrawnOverNodeLabels(page, '.on-path')).toEqual([]);
    await screenshot(page, 'path-labels');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
