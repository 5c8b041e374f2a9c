import type { Page } from 'playwright-core';
import { decodeViewState } from '../../client/url-state';
import { describeInBrowser, useServerAndBrowser, inPage, openPage, screenshot, settled, until } from './support/browser';

const VIEW = '/?sel=kataib-hezbollah&asOf=2024-02-01&hideKinds=LOCATION&hideTypes=PART_OF&from=iran&to=jordan-drone-attack-2024&k=2';

describeInBrowser('the URL carries the view', () => {
  const session = useServerAndBrowser();

  const viewOf = async (page: Page) => ({
    selected: await inPage<string[]>(page, "proxygraph.cy.$(':selected').map((element) => element.id())"),
    filtered: (await inPage<string[]>(page, "proxygraph.cy.elements('.filtered').map((element) => element.id())")).sort(),
    onPath: (await inPage<string[]>(page, "proxygraph.cy.elements('.on-path').map((element) => element.id())")).sort(),
    nodes: await inPage<number>(page, 'proxygraph.cy.nodes().length'),
    date: await page.locator('#time-input').inputValue(),
    hops: await page.locator('#path-results .hop').count(),
  });

  test('a link reopens the selection, filters, date and path search, and the page keeps the URL in step', async () => {
    const first = await openPage(session.browser, session.server, VIEW);
    await settled(first.page);
    await first.page.locator('#path-results .hop').first().waitFor();
    await first.page.locator('#panel h2').waitFor();
    const view = await viewOf(first.page);
    expect(view.selected).toEqual(['kataib-hezbollah']);
    expect(view.date).toBe('2024-02-01');
    expect(view.hops).toBeGreaterThan(0);
    expect(view.onPath).toContain('iran');
    expect(view.filtered.length).toBeGreaterThan(0);
    expect(await first.page.locator('#kind-LOCATION').isChecked()).toBe(false);
    expect(await first.page.locator('#type-PART_OF').isChecked()).toBe(false);
    expect(await first.page.locator('#path-from').inputValue()).toBe('Iran');
    expect(await first.page.locator('#path-k').inputValue()).toBe('2');
    expect(await first.page.locator('#panel h2').textContent()).toBe("Kata'ib Hezbollah");
    // The URL the page shows encodes the same view.
    expect(decodeViewState(new URL(first.page.url()).search)).toEqual(decodeViewState(VIEW.slice(1)));
    await screenshot(first.page, 'url-state');

    // Change the view; the URL follows; a new page on that URL shows the same.
    await first.page.locator('label[for="kind-EVENT"]').click();
    await until(first.page, "new URL(location.href).searchParams.get('hideKinds') === 'LOCATION,EVENT'");
    const url = first.page.url();
    const changed = await viewOf(first.page);
    const second = await openPage(session.browser, session.server, url.slice(session.server.origin.length));
    await settled(second.page);
    await second.page.locator('#path-results .hop').first().waitFor();
    expect(await viewOf(second.page)).toEqual(changed);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.page.context().close();
    await second.page.context().close();
  });
});
