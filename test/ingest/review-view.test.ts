import { createApp, type App } from '../../src/api/create-app';
import { serverOptionsFromEnv } from '../../src/api/server-options';
import { createToken } from '../../src/store';
import { describeInBrowser, inPage, launchBrowser, screenshot, settled, until, type Server } from '../e2e/support/browser';
import { openHarness, type Harness } from '../store/helpers/harness';
import { silentLogger } from '../store/helpers/stores';
import type { Browser, Page } from 'playwright-core';

// The review view in a real Chromium, against a real server with an embedded store and an editor token.

const ARTICLE = [
  'Militia report',
  'Qais Khazali, the leader of Asaib Ahl al-Haq, spoke on Friday. <img src=x onerror="window.owned=1">',
  'Gen. Yahya Rasool said Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory last month.',
  'Iraqi militias fired rockets at Tower 22 on Sunday. They also threatened Israel.',
].join('\n\n');

describeInBrowser('reviewing reporting in the browser', () => {
  let harness: Harness;
  let app: App;
  let server: Server;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await openHarness('embedded');
    const secret = await createToken(harness.store, 'alice', 'editor');
    app = await createApp(harness.graph, { ...serverOptionsFromEnv({}), port: 0 }, silentLogger, { editor: harness.editor, readAccess: 'open' });
    const url = await app.listen();
    server = { origin: new URL(url).origin, app, graphql: async () => ({}) as never };
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(`sessionStorage.setItem('proxygraph.token', ${JSON.stringify(secret)})`);
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`${server.origin}/`);
    await settled(page);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await harness?.close();
  });

  test('an article pasted in the form becomes a draft: paragraphs with mentions, proposals beside them', async () => {
    await page.click('#review-button');
    await page.fill('.review-form input[name=title]', 'Militia report');
    await page.fill('.review-form input[name=published]', '2024-04-21');
    await page.fill('.review-form input[name=url]', 'https://example.org/militia');
    await page.fill('.review-form textarea[name=text]', ARTICLE);
    await page.keyboard.press('Tab');
    await page.click('.review-form button[type=submit]');
    await until(page, "document.querySelectorAll('#review .proposal').length > 0");
    expect(await inPage<number>(page, "document.querySelectorAll('#review .review-paragraph').length")).toBe(4);
    expect(await inPage<string[]>(page, "Array.from(document.querySelectorAll('#review mark.mention.linked')).map((m) => m.dataset.entity)")).toEqual(expect.arrayContaining(['qais-khazali', 'asaib-ahl-al-haq', 'kataib-hezbollah', 'iran']));
    // The article's markup is stripped as data: never run, never rendered, and the analyst is told.
    expect(await inPage<number>(page, "document.querySelectorAll('#review img').length")).toBe(0);
    expect(await inPage<unknown>(page, 'window.owned')).toBeUndefined();
    expect(await inPage<string>(page, "document.querySelector('#review .review-message').textContent")).toMatch(/HTML markup removed|proposals/);
    expect(await inPage<boolean>(page, "new URLSearchParams(location.search).has('review')")).toBe(true);
    // The first open proposal has the focus, visibly.
    expect(await inPage<string>(page, "document.activeElement.className")).toMatch(/proposal/);
    expect(await inPage<string>(page, "getComputedStyle(document.activeElement).outlineStyle")).toBe('solid');
    await screenshot(page, 'review-draft');
  });

  test('a fact resting on a resolved "they" says so, beside the proposal and on the highlighted pronoun', async () => {
    const resolution = await inPage<string>(page, "Array.from(document.querySelectorAll('#review .proposal')).find((p) => /THREATENED/.test(p.textContent) && /Israel/.test(p.textContent)).querySelector('.resolution').textContent");
    expect(resolution).toMatch(/^Resolved by proxygraph: "They" → Iran-backed militias in Iraq: the subject of the previous sentence/);
    const they = await inPage<{ entity: string; title: string }>(page, "(() => { const mark = Array.from(document.querySelectorAll('#review mark.mention')).find((m) => m.textContent === 'They'); return { entity: mark.dataset.entity, title: mark.title }; })()");
    expect(they.entity).toBe('iran-backed-militias-in-iraq');
    expect(they.title).toMatch(/\(pronoun\).*a pronoun resolved by proxygraph, to check/);
  });

  test('keyboard only: move with ↓, reject with r, accept with a; the accepted fact is drawn at once', async () => {
    const focused = () => inPage<string>(page, 'document.activeElement.dataset.proposal');
    const first = await focused();
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    expect(second).not.toBe(first);
    await page.keyboard.press('r');
    await until(page, `document.querySelector('#review [data-proposal="${second}"]').classList.contains('rejected')`);
    // Find the LEADS proposal and accept it from the keyboard.
    const leads = await inPage<string>(page, "Array.from(document.querySelectorAll('#review .proposal')).find((p) => /LEADS/.test(p.textContent) && !p.classList.contains('decided')).dataset.proposal");
    await page.focus(`#review [data-proposal="${leads}"]`);
    await page.keyboard.press('a');
    await until(page, `document.querySelector('#review [data-proposal="${leads}"]').classList.contains('accepted')`);
    expect(await inPage<string>(page, `document.querySelector('#review [data-proposal="${leads}"] .decision').textContent`)).toMatch(/Accepted by alice/);
    // It repeats a known relationship: the evidence went to it, and it is drawn and selected on the graph.
    await until(page, "window.proxygraph.cy.getElementById('khazali-leads-asaib-ahl-al-haq').nonempty() && window.proxygraph.cy.getElementById('khazali-leads-asaib-ahl-al-haq').selected()");
    const evidence = harness.graph.getEdgeAttributes('khazali-leads-asaib-ahl-al-haq').record.evidence;
    expect(evidence.some((item) => item.locator === '¶2' && item.source !== 'article-2024-04-21')).toBe(true);
  });

  test('a new entity is created, then an edited proposal using it is accepted and appears on the graph', async () => {
    await page.click('#review .new-entity[data-entity="camp-victory"] button');
    await until(page, "document.querySelector('#review .new-entity[data-entity=\"camp-victory\"]') === null");
    const attack = await inPage<string>(page, "Array.from(document.querySelectorAll('#review .proposal')).find((p) => /ATTACKED/.test(p.textContent) && /Camp Victory/.test(p.textContent)).dataset.proposal");
    await page.focus(`#review [data-proposal="${attack}"]`);
    await page.keyboard.press('e');
    await until(page, "document.activeElement.tagName === 'SELECT'");
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2024-03-15');
    await page.keyboard.press('Enter');
    await until(page, `document.querySelector('#review [data-proposal="${attack}"]').classList.contains('accepted')`);
    const relationship = await inPage<string>(page, `document.querySelector('#review [data-proposal="${attack}"] .decision').textContent.replace(/^.* as /, '')`);
    expect(harness.graph.getEdgeAttributes(relationship).record).toMatchObject({ type: 'ATTACKED', source: 'kataib-hezbollah', target: 'camp-victory', start: '2024-03-15' });
    await until(page, `window.proxygraph.cy.getElementById(${JSON.stringify(relationship)}).nonempty()`);
    await screenshot(page, 'review-accepted');
    expect(errors).toEqual([]);
  });

  test('?review=ID reopens the draft', async () => {
    const url = await inPage<string>(page, 'location.href');
    const again = await page.context().newPage();
    await again.goto(url);
    await settled(again);
    await until(again, "document.querySelectorAll('#review .proposal.decided').length >= 3");
    await again.close();
  });
});
