import type { Browser, Page } from 'playwright-core';
import { dayOf } from '../../client/dates';
import { describeInBrowser, inPage, launchBrowser, openPage, screenshot, settled, startServer, until, type Server } from './support/browser';

describeInBrowser('travelling in time', () => {
  let server: Server;
  let browser: Browser;
  let range: { earliest: string; latest: string };

  const network = async (asOf: string) =>
    (await server.graphql<{ network: { nodes: { id: string }[]; edges: { id: string }[] } }>('query ($asOf: String) { network(asOf: $asOf) { nodes { id } edges { id } } }', { asOf })).network;
  const drawn = async (page: Page) => ({
    nodes: (await inPage<string[]>(page, 'proxygraph.cy.nodes().map((node) => node.id())')).sort(),
    edges: (await inPage<string[]>(page, 'proxygraph.cy.edges().map((edge) => edge.id())')).sort(),
  });
  const positions = (page: Page) => inPage<Record<string, { x: number; y: number }>>(page, 'Object.fromEntries(proxygraph.cy.nodes().map((node) => [node.id(), { ...node.position() }]))');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    range = (await server.graphql<{ stats: typeof range }>('{ stats { earliest latest } }')).stats;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.stop();
  });

  test('the date slider shows the network as the API does as of that date, and nodes that stay keep their place', async () => {
    const { page, errors } = await openPage(browser, server);
    await settled(page);
    const before = await positions(page);
    await page.locator('#time-enabled').check();
    const slider = page.locator('#time-slider');
    await slider.focus();
    // Move the slider to 2015-06-01 as a user's drag would: set its value and fire input.
    const offset = dayOf('2015-06-01') - dayOf(range.earliest);
    await slider.evaluate((element, value) => {
      (element as unknown as { value: string }).value = String(value);
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, offset);
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2015-06-01'");
    await settled(page);
    expect(await page.locator('#time-output').textContent()).toBe('2015-06-01');
    let expected = await network('2015-06-01');
    let shown = await drawn(page);
    expect(shown.edges).toEqual(expected.edges.map((edge) => edge.id).sort());
    expect(shown.nodes).toEqual(expected.nodes.map((node) => node.id).sort());
    const all = await network(range.latest);
    expect(shown.edges.length).toBeLessThan(all.edges.length);
    const after = await positions(page);
    for (const id of shown.nodes) expect(after[id]).toEqual(before[id]);
    await screenshot(page, 'time-2015');

    // One month later, by the step button.
    await page.getByRole('button', { name: 'One month later' }).click();
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2015-07-01'");
    await settled(page);
    expected = await network('2015-07-01');
    shown = await drawn(page);
    expect(shown.edges).toEqual(expected.edges.map((edge) => edge.id).sort());

    // Back to all dates.
    await page.locator('#time-enabled').uncheck();
    await until(page, "!new URL(location.href).searchParams.has('asOf')");
    await settled(page);
    expect((await drawn(page)).edges.length).toBeGreaterThanOrEqual(all.edges.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the panel shows relationships as of the date', async () => {
    const { page, errors } = await openPage(browser, server, '/?asOf=2015-06-01&sel=kataib-hezbollah');
    await settled(page);
    await page.locator('#panel h2').waitFor();
    const { entity } = await server.graphql<{ entity: { relationships: { id: string }[] } }>('{ entity(id: "kataib-hezbollah") { relationships(asOf: "2015-06-01") { id } } }');
    expect(await page.locator('#panel .relation-item').count()).toBe(entity.relationships.length);
    expect(await page.locator('#panel h3').first().textContent()).toContain('as of 2015-06-01');
    expect(await page.locator('#time-output').textContent()).toBe('2015-06-01');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
