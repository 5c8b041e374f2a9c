import { ENTITY } from '../../client/documents';
import type { ApiEntityDetail } from '../../client/types';
import { describeInBrowser, useServerAndBrowser, inPage, openPage, screenshot, settled, until } from './support/browser';

describeInBrowser('search and the details panel', () => {
  const session = useServerAndBrowser();

  test('search by keyboard selects the entity and the panel shows its relationships with their evidence', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    const search = page.locator('#search');
    await search.focus();
    await page.keyboard.type('kataib hezb');
    await page.locator('#search-list [role="option"][data-id="kataib-hezbollah"]').waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe('search-list-0');
    await page.keyboard.press('Enter');
    await page.locator('#panel h2').waitFor();
    await settled(page);
    expect(await inPage(page, "proxygraph.cy.$(':selected').map((element) => element.id())")).toEqual(['kataib-hezbollah']);
    expect(await page.locator('#panel h2').textContent()).toBe("Kata'ib Hezbollah");
    // Keyboard focus moved to the panel.
    expect(await inPage(page, 'document.activeElement.className')).toBe('panel-title');

    const { entity } = await session.server.graphql<{ entity: ApiEntityDetail }>(ENTITY, { id: 'kataib-hezbollah' });
    expect(await page.locator('#panel .relation-item').count()).toBe(entity.relationships.length);
    const evidence = entity.relationships.flatMap((relationship) => relationship.evidence);
    expect(await page.locator('#panel .evidence').count()).toBe(evidence.length);
    const panelText = (await page.locator('#panel').textContent()) ?? '';
    for (const item of evidence) {
      expect(panelText).toContain(item.source.title);
      if (item.note) expect(panelText).toContain(item.note);
      if (item.locator) expect(panelText).toContain(item.locator);
    }
    expect(panelText).toMatch(/SUPPORTS/);
    expect(panelText).toMatch(/confidence \d+%/);
    await screenshot(page, 'search-panel');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('an ego network to a chosen depth, hiding an entity, and reset', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?sel=kataib-hezbollah');
    await settled(page);
    await page.locator('#panel h2').waitFor();
    const total = await inPage<number>(page, 'proxygraph.cy.nodes().length');
    await page.locator('#focus-depth').selectOption('1');
    await page.getByRole('button', { name: 'Show only its network' }).click();
    await until(page, "new URL(location.href).searchParams.get('focus') === 'kataib-hezbollah'");
    await settled(page);
    const { neighborhood } = await session.server.graphql<{ neighborhood: { nodes: { id: string }[] } }>('{ neighborhood(id: "kataib-hezbollah", depth: 1) { nodes { id } } }');
    expect((await inPage<string[]>(page, 'proxygraph.cy.nodes().map((node) => node.id())')).sort()).toEqual(neighborhood.nodes.map((node) => node.id).sort());
    await screenshot(page, 'ego-network');
    await page.getByRole('button', { name: 'Hide' }).click();
    expect(await inPage(page, "proxygraph.cy.getElementById('kataib-hezbollah').hasClass('filtered')")).toBe(true);
    await page.locator('#reset-button').click();
    await until(page, `proxygraph.cy.nodes().length === ${total} && proxygraph.cy.nodes('.filtered').length === 0`);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('clicking a disputed edge shows the relationship, flagged, with its evidence', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    // A real click on the middle of a disputed edge.
    const target = await inPage<{ id: string; x: number; y: number }>(
      page,
      `(() => {
        const edge = proxygraph.cy.edges('[?disputed]')[0];
        const middle = edge.renderedMidpoint();
        const box = proxygraph.cy.container().getBoundingClientRect();
        return { id: edge.id(), x: box.left + middle.x, y: box.top + middle.y };
      })()`,
    );
    await page.mouse.click(target.x, target.y);
    await page.locator('#panel h2').waitFor();
    expect(await inPage(page, "proxygraph.cy.$(':selected').map((element) => element.id())")).toEqual([target.id]);
    expect(await page.locator('#panel .badge-disputed').count()).toBe(1);
    expect(await page.locator('#panel .evidence').count()).toBeGreaterThan(0);
    await screenshot(page, 'edge-panel');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
