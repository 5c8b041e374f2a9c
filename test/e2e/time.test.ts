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
    expect(await page.locator('#time-input').inputValue()).toBe('2015-06-01');
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
    expect(await page.locator('#time-input').inputValue()).toBe('2015-06-01');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a link with a partial date shows it as given, and the network as of that whole period', async () => {
    const { page, errors } = await openPage(browser, server, '/?asOf=2015');
    await settled(page);
    expect(await page.locator('#time-input').inputValue()).toBe('2015');
    expect(await page.locator('#time-enabled').isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2015');
    const expected = await network('2015');
    const shown = await drawn(page);
    expect(shown.edges).toEqual(expected.edges.map((edge) => edge.id).sort());
    expect(shown.nodes).toEqual(expected.nodes.map((node) => node.id).sort());
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a typed date is validated, kept at its precision, and stepped by day, month and year from the keyboard', async () => {
    const { page, errors } = await openPage(browser, server);
    await settled(page);
    const input = page.locator('#time-input');
    const asOf = () => new URL(page.url()).searchParams.get('asOf');

    // A date that is not in the calendar: a clear message, nothing applied.
    await input.fill('2016-13');
    await input.press('Enter');
    await page.locator('#time-error').getByText('no month 13').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(asOf()).toBeNull();
    await input.fill('16/03/2016');
    await input.press('Enter');
    await page.locator('#time-error').getByText('use YYYY, YYYY-MM or YYYY-MM-DD').waitFor();
    expect(asOf()).toBeNull();
    await screenshot(page, 'time-typed-invalid');

    // A month, as typed.
    await input.fill('2016-03');
    await input.press('Enter');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2016-03'");
    await settled(page);
    expect(await page.locator('#time-error').textContent()).toBe('');
    expect(await input.getAttribute('aria-invalid')).toBe('false');
    expect((await drawn(page)).edges).toEqual((await network('2016-03')).edges.map((edge) => edge.id).sort());
    // ↑ in the field steps by what is typed: a month.
    await input.press('ArrowUp');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2016-04'");

    // The slider's keys: PageUp a month, Shift+PageUp a year, → a day, End the latest date.
    const slider = page.locator('#time-slider');
    await slider.focus();
    await page.keyboard.press('PageUp');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2016-05'");
    await page.keyboard.press('Shift+PageUp');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2017-05'");
    await page.keyboard.press('ArrowRight');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2017-05-02'");
    await page.keyboard.press('Shift+PageDown');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2016-05-02'");
    await page.keyboard.press('ArrowLeft');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2016-05-01'");
    await settled(page);
    expect(await input.inputValue()).toBe('2016-05-01');
    expect((await drawn(page)).edges).toEqual((await network('2016-05-01')).edges.map((edge) => edge.id).sort());
    await page.keyboard.press('End');
    await until(page, `new URL(location.href).searchParams.get('asOf') === '${range.latest}'`);
    // The keys are written where the analyst looks for them.
    expect(await slider.getAttribute('title')).toContain('PageUp');
    expect(await input.getAttribute('title')).toContain('Shift+PageUp');
    // Emptying the field goes back to all dates.
    await input.fill('');
    await input.press('Enter');
    await until(page, "!new URL(location.href).searchParams.has('asOf')");
    await settled(page);
    await screenshot(page, 'time-typed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('undated relationships say so (panel, hover, legend) and can be hidden, in the link too', async () => {
    const { page, errors } = await openPage(browser, server, '/?asOf=2015&sel=kataib-hezbollah');
    await settled(page);
    await page.locator('#panel h2').waitFor();
    const { entity } = await server.graphql<{ entity: { relationships: { id: string; start: string | null; end: string | null }[] } }>(
      '{ entity(id: "kataib-hezbollah") { relationships(asOf: "2015") { id start end } } }',
    );
    const undatedHere = entity.relationships.filter((relationship) => !relationship.start && !relationship.end).length;
    expect(undatedHere).toBeGreaterThan(0);
    expect(await page.locator('#panel .fact-undated').count()).toBe(undatedHere);
    expect(await page.locator('#panel .fact-undated').first().textContent()).toBe('undated: always shown');
    expect(await page.locator('.mark-undated .legend-label').textContent()).toBe('undated: always shown');

    // Every undated relationship drawn, counted in the legend, drawn dotted while a date is set.
    const { network: shown } = await server.graphql<{ network: { edges: { id: string; start: string | null; end: string | null }[] } }>('{ network(asOf: "2015") { edges { id start end } } }');
    const undatedDrawn = shown.edges.filter((edge) => !edge.start && !edge.end).map((edge) => edge.id);
    expect(undatedDrawn.length).toBeGreaterThan(0);
    expect((await inPage<string[]>(page, "proxygraph.cy.edges('[?undated]').map((edge) => edge.id())")).sort()).toEqual([...undatedDrawn].sort());
    expect(await page.locator('label[for="undated-visible"] .legend-count').textContent()).toBe(String(undatedDrawn.length));
    expect(await inPage<string>(page, `proxygraph.cy.getElementById('${undatedDrawn[0]}').pstyle('line-style').value`)).toBe('dotted');

    // Hovering an undated relationship says so.
    const middle = await inPage<{ x: number; y: number; id: string }>(
      page,
      `(() => {
        const edge = proxygraph.cy.edges('.near').filter((edge) => edge.data('undated'))[0];
        const point = edge.renderedMidpoint();
        const box = proxygraph.cy.container().getBoundingClientRect();
        return { id: edge.id(), x: box.left + point.x, y: box.top + point.y };
      })()`,
    );
    await page.mouse.move(middle.x, middle.y);
    await until(page, `proxygraph.cy.getElementById('${middle.id}').hasClass('hover')`);
    expect(await inPage<string>(page, `proxygraph.cy.getElementById('${middle.id}').pstyle('label').strValue`)).toContain('undated: always shown');
    await screenshot(page, 'undated-hover');

    // Hide them: gone from the drawing, and the link says so.
    await page.locator('label[for="undated-visible"]').click();
    await until(page, "new URL(location.href).searchParams.get('undated') === 'hide'");
    expect((await inPage<string[]>(page, "proxygraph.cy.edges('.filtered').map((edge) => edge.id())")).sort()).toEqual([...undatedDrawn].sort());
    const reopened = await openPage(browser, server, page.url().slice(server.origin.length));
    await settled(reopened.page);
    expect(await reopened.page.locator('#undated-visible').isChecked()).toBe(false);
    expect(await inPage<number>(reopened.page, "proxygraph.cy.edges('.filtered').length")).toBe(undatedDrawn.length);
    expect(errors).toEqual([]);
    expect(reopened.errors).toEqual([]);
    await page.context().close();
    await reopened.page.context().close();
  });
});
