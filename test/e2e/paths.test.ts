import { PATHS } from '../../client/documents';
import type { ApiPath } from '../../client/types';
import { choose, describeInBrowser, useServerAndBrowser, inPage, listedPaths, openPage, screenshot, settled, until } from './support/browser';

describeInBrowser('the path finder', () => {
  const session = useServerAndBrowser();

  test('finds the paths from Iran to the 2024 Jordan drone attack with the mouse and the two names, as the API does', async () => {
    const { page, errors, outside } = await openPage(session.browser, session.server);
    await settled(page);
    await choose(page, '#path-from', 'Iran', 'iran');
    await choose(page, '#path-to', 'Jordan drone', 'jordan-drone-attack-2024');
    await page.locator('#path-find').click();
    await page.locator('#path-results .hop').first().waitFor();
    await settled(page);

    const { paths } = await session.server.graphql<{ paths: ApiPath[] }>(PATHS, { from: 'iran', to: 'jordan-drone-attack-2024', k: 3, directed: false, chronological: false });
    expect(paths.length).toBeGreaterThan(0);
    const expected = paths.map((path) => path.hops.map((hop) => hop.relationship.id));
    const listed = await listedPaths(page);
    expect(listed).toEqual(expected);

    const highlighted = (await inPage<string[]>(page, "proxygraph.cy.edges('.on-path').map((edge) => edge.id())")).sort();
    expect(highlighted).toEqual([...new Set(expected.flat())].sort());
    const pathNodes = [...new Set(paths.flatMap((path) => path.nodes.map((node) => node.id)))].sort();
    expect((await inPage<string[]>(page, "proxygraph.cy.nodes('.on-path').map((node) => node.id())")).sort()).toEqual(pathNodes);
    expect(await inPage<number>(page, "proxygraph.cy.elements('.faded').length")).toBeGreaterThan(0);

    // Each hop is readable: its relation, dates or "undated", and its evidence.
    const firstHop = page.locator('#path-results .hop').first();
    expect(await firstHop.locator(':scope > .facts').count()).toBe(1);
    expect(await firstHop.locator('.evidence, .muted').count()).toBeGreaterThan(0);
    const evidenceTitles = paths[0].hops[0].relationship.evidence.map((item) => item.source.title);
    for (const title of evidenceTitles) expect(await firstHop.textContent()).toContain(title);

    // Parallel relationships are one hop: the others are listed under it, folded, each with its evidence.
    const alternatives = await inPage<string[][][]>(
      page,
      "Array.from(document.querySelectorAll('#path-results .path')).map((path) => Array.from(path.querySelectorAll('.hop')).map((hop) => Array.from(hop.querySelectorAll('.alternative')).map((item) => item.getAttribute('data-relationship'))))",
    );
    expect(alternatives).toEqual(paths.map((path) => path.hops.map((hop) => hop.alternatives.map((other) => other.id))));
    expect(alternatives.flat(2).length).toBeGreaterThan(0);
    const folded = page.locator('#path-results .hop-alternatives').first();
    expect(await folded.locator('.alternative').first().isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await folded.locator('.alternative .evidence').first().isVisible()).toBe(true);
    await folded.scrollIntoViewIfNeeded();
    await screenshot(page, 'paths-alternatives');

    const params = new URL(page.url()).searchParams;
    expect(params.get('from')).toBe('iran');
    expect(params.get('to')).toBe('jordan-drone-attack-2024');
    await screenshot(page, 'paths');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  test('respects the options: directed, k, avoided entities and relation types', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    await choose(page, '#path-from', 'Iran', 'iran');
    await choose(page, '#path-to', 'Jordan drone', 'jordan-drone-attack-2024');
    await page.locator('#path-k').fill('2');
    await page.locator('#path-directed').check();
    await choose(page, '#path-avoid', 'Kataib Hezbollah', 'kataib-hezbollah');
    await page.locator('.path-types summary').click();
    for (const type of ['BACKS', 'PERPETRATED', 'PART_OF', 'LEADS', 'MEMBER_OF']) await page.locator(`#path-type-${type}`).check();
    await page.locator('#path-find').click();
    await until(page, "new URL(location.href).searchParams.get('directed') === '1'");
    await settled(page);
    const variables = { from: 'iran', to: 'jordan-drone-attack-2024', k: 2, directed: true, avoid: ['kataib-hezbollah'], types: ['LEADS', 'MEMBER_OF', 'PART_OF', 'BACKS', 'PERPETRATED'], chronological: false };
    const { paths } = await session.server.graphql<{ paths: ApiPath[] }>(PATHS, variables);
    const listed = await listedPaths(page);
    expect(listed).toEqual(paths.map((path) => path.hops.map((hop) => hop.relationship.id)));
    expect(JSON.stringify(listed)).not.toContain('kataib-hezbollah');
    const params = new URL(page.url()).searchParams;
    expect(params.get('avoid')).toBe('kataib-hezbollah');
    expect(params.get('k')).toBe('2');
    await screenshot(page, 'paths-options');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
