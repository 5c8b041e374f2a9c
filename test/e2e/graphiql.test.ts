import { EXAMPLE_TABS } from '../../client/graphiql/examples';
import { describeInBrowser, useServerAndBrowser, openPage, screenshot, until } from './support/browser';

describeInBrowser('GraphiQL', () => {
  const session = useServerAndBrowser();

  test('renders at /graphiql from our own origin with the example queries, and runs one', async () => {
    const { page, errors, outside } = await openPage(session.browser, session.server, '/graphiql');
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    expect(await tabs.count()).toBe(EXAMPLE_TABS.length);
    await tabs.first().click();
    await page.locator('.graphiql-execute-button').click();
    await until(page, "document.querySelector('.result-window') && document.querySelector('.result-window').textContent.includes('relationships')");
    await screenshot(page, 'graphiql');
    // Its dialogs add styles at run time; they must get past the CSP too.
    await page.locator('button[aria-label="Open settings dialog"]').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  });
});
