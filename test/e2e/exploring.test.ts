import { describeInBrowser, inPage, openPage, screenshot, until, useServerAndBrowser } from './support/browser';
import { graphSettled, positions } from './support/graph';

/** Exploring from the details panel: a new entity starts at the top, Expand, hidden entities, the depth in use. */

describeInBrowser('exploring from the panel', () => {
  const session = useServerAndBrowser();

  const neighbours = async (id: string) => {
    const { neighborhood } = await session.server.graphql<{ neighborhood: { nodes: { id: string }[] } }>('query ($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { id } } }', { id });
    return neighborhood.nodes.map((node) => node.id).filter((other) => other !== id);
  };

  test('the panel starts at the top for a new entity, and keeps the reader’s place when the same one is refreshed', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?sel=iraq');
    await graphSettled(page);
    await page.locator('#panel h2').getByText('Iraq').waitFor();
    const details = page.locator('.details');
    // The same entity shown again (here: as of a date) keeps the reader's place.
    await details.evaluate((element) => element.scrollTo(0, 400));
    await page.locator('#time-input').fill('2024');
    await page.locator('#time-input').press('Enter');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2024'");
    await page.locator('#panel h3').getByText('as of 2024').waitFor();
    await graphSettled(page);
    expect(await details.evaluate((element) => element.scrollTop)).toBe(400);

    await details.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    expect(await details.evaluate((element) => element.scrollTop)).toBeGreaterThan(400);
    // The last link of the panel, far down: another entity, shown from its top.
    const link = page.locator('#panel .relation-item .link-button').last();
    const name = (await link.textContent())!;
    expect(name).not.toBe('Iraq');
    await link.click();
    await page.locator('#panel h2').getByText(name, { exact: true }).waitFor();
    await graphSettled(page);
    expect(await details.evaluate((element) => element.scrollTop)).toBe(0);
    await screenshot(page, 'panel-new-entity');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('Expand adds only the new neighbours, next to the entity, without moving the rest, and says when there is nothing new', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?focus=kataib-hezbollah&depth=1&sel=iraq');
    await graphSettled(page);
    await page.locator('#panel h2').getByText('Iraq').waitFor();
    const before = await positions(page);
    const drawnBefore = Object.keys(before);
    const expectedNew = (await neighbours('iraq')).filter((id) => !drawnBefore.includes(id));
    expect(expectedNew.length).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Expand' }).click();
    await page.locator('#status').getByText(`Added ${expectedNew.length} entities around Iraq.`).waitFor();
    await graphSettled(page);
    const after = await positions(page);
    expect(Object.keys(after).sort()).toEqual([...drawnBefore, ...expectedNew].sort());
    // Nothing that was drawn moved; the newcomers sit near Iraq, none on top of another entity.
    for (const id of drawnBefore) expect(after[id]).toEqual(before[id]);
    for (const id of expectedNew) expect(Math.hypot(after[id].x - after.iraq.x, after[id].y - after.iraq.y)).toBeLessThan(450);
    const landedOnAnother = await inPage<string[]>(
      page,
      `(() => {
        const fresh = new Set(${JSON.stringify(expectedNew)});
        const boxes = proxygraph.cy.nodes().map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: false }) }));
        const found = [];
        for (const a of boxes) for (const b of boxes) {
          if (a.id >= b.id || !(fresh.has(a.id) || fresh.has(b.id))) continue;
          if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2) found.push(a.id + ' / ' + b.id);
        }
        return found;
      })()`,
    );
    expect(landedOnAnother).toEqual([]);
    await screenshot(page, 'expand');

    await page.getByRole('button', { name: 'Expand' }).click();
    const all = (await neighbours('iraq')).length;
    await page.locator('#status').getByText(`Nothing new to add: all ${all} of its neighbours are already drawn.`).waitFor();
    expect(await positions(page)).toEqual(after);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('hidden entities are listed and shown again one by one, or all at once', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?sel=iraq');
    await graphSettled(page);
    await page.locator('#panel h2').getByText('Iraq').waitFor();
    expect(await page.locator('#hidden').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await until(page, "new URL(location.href).searchParams.get('hide') === 'iraq'");
    await page.goto(`${session.server.origin}/?hide=iraq,iran,syria`);
    await graphSettled(page);
    const section = page.locator('#hidden');
    await section.waitFor();
    expect(await section.locator('h2').textContent()).toBe('Hidden entities (3)');
    expect(await section.locator('.hidden-name').allTextContents()).toEqual(['Iraq', 'Iran', 'Syria']);
    await screenshot(page, 'hidden-list');

    await section.getByRole('button', { name: 'Show Iran again' }).click();
    await until(page, "new URL(location.href).searchParams.get('hide') === 'iraq,syria'");
    expect(await inPage(page, "proxygraph.cy.getElementById('iran').hasClass('filtered')")).toBe(false);
    expect(await inPage(page, "proxygraph.cy.getElementById('iraq').hasClass('filtered')")).toBe(true);
    expect(await section.locator('.hidden-name').allTextContents()).toEqual(['Iraq', 'Syria']);

    await section.getByRole('button', { name: 'Show all 2' }).click();
    await until(page, "!new URL(location.href).searchParams.has('hide')");
    expect(await inPage(page, "proxygraph.cy.nodes('.filtered').length")).toBe(0);
    expect(await section.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the depth control shows the depth in use', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?sel=kataib-hezbollah');
    await graphSettled(page);
    await page.locator('#panel h2').waitFor();
    expect(await page.locator('#focus-depth').inputValue()).toBe('1');
    await page.locator('#focus-depth').selectOption('2');
    await page.getByRole('button', { name: 'Show only its network' }).click();
    await until(page, "new URL(location.href).searchParams.get('depth') === '2'");
    await graphSettled(page);
    await page.locator('#focus-note').waitFor();
    expect(await page.locator('#focus-depth').inputValue()).toBe('2');
    expect(await page.locator('#focus-note').textContent()).toContain('within 2 hops');
    // Another entity of the ego network: the control still shows the depth in use.
    await page.locator('#panel .relation-item .link-button').first().click();
    await until(page, "new URL(location.href).searchParams.get('sel') !== 'kataib-hezbollah'");
    await graphSettled(page);
    expect(await page.locator('#focus-depth').inputValue()).toBe('2');
    // A link opens with the same.
    const reopened = await openPage(session.browser, session.server, '/?focus=kataib-hezbollah&depth=3&sel=kataib-hezbollah');
    await graphSettled(reopened.page);
    await reopened.page.locator('#focus-note').waitFor();
    expect(await reopened.page.locator('#focus-depth').inputValue()).toBe('3');
    await screenshot(reopened.page, 'depth-in-use');
    expect(errors).toEqual([]);
    expect(reopened.errors).toEqual([]);
    await page.context().close();
    await reopened.page.context().close();
  });
});
