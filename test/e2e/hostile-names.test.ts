import { describeInBrowser, useServerAndBrowser, HOSTILE_NAMES, inPage, openPage, screenshot, settled } from './support/browser';

const NAME = '<img src=x onerror=alert(1)>';

describeInBrowser('hostile text in the data', () => {
  const session = useServerAndBrowser(HOSTILE_NAMES);

  test('renders names, aliases, descriptions and evidence as the characters they are', async () => {
    const { page, errors, dialogs, outside } = await openPage(session.browser, session.server);
    await settled(page);
    expect(await inPage(page, "proxygraph.cy.getElementById('hostile-group').data('label')")).toBe(NAME);

    await page.locator('#search').fill('onerror');
    const option = page.locator('#search-list [data-id="hostile-group"]');
    await option.waitFor();
    expect(await option.locator('.picker-name').textContent()).toBe(NAME);
    await option.click();
    await page.locator('#panel h2').waitFor();
    await settled(page);
    expect(await page.locator('#panel h2').textContent()).toBe(NAME);
    const panel = (await page.locator('#panel').textContent()) ?? '';
    expect(panel).toContain('<svg onload=alert(2)>');
    expect(panel).toContain('"><iframe src=javascript:alert(4)> (en)');
    expect(panel).toContain('Named <a href=javascript:alert(5)>like this</a> on purpose & <b>bold</b>.');
    expect(panel).toContain("<script>alert('source title')</script> Report");
    expect(panel).toContain('<img src=y onerror=alert(6)> backs it.');
    expect(panel).toContain('<u>¶1</u>');

    // Nothing was parsed as markup anywhere in the page.
    expect(await page.locator('img, iframe, script:not([src]), a[href^="javascript"], b, u').count()).toBe(0);
    expect(await page.locator('svg[onload]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hostile-names');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });

  test('shows invisible characters (a zero-width space, a right-to-left override) as visible markers, in the canvas and the panel', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    expect(await inPage(page, "proxygraph.cy.getElementById('hidden-characters').data('label')")).toBe('Kata⟨ZWSP⟩ib ⟨RLO⟩Hallobzeh');
    await page.locator('#search').fill('Hallobzeh');
    const option = page.locator('#search-list [data-id="hidden-characters"]');
    await option.waitFor();
    expect(await option.locator('.picker-name .hidden-character').allTextContents()).toEqual(['ZWSP', 'RLO']);
    await option.click();
    await page.locator('#panel h2').waitFor();
    await settled(page);
    expect(await page.locator('#panel h2 .hidden-character').allTextContents()).toEqual(['ZWSP', 'RLO']);
    // The text after the override stays in reading order: the marker took the override's place.
    expect(await page.locator('#panel h2').textContent()).toBe('KataZWSPib RLOHallobzeh');
    // A zero-width non-joiner inside a Persian word is part of its spelling: not marked.
    expect(await page.locator('#panel').textContent()).toContain('کتائب\u200Cها (fa)');
    await screenshot(page, 'hidden-characters');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
