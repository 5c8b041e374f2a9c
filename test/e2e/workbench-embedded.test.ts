import { describeInBrowser, launchBrowser } from './support/browser';
import { workbenchScenario } from './support/workbench-scenario';
import { startStoreServers, type StoreServers } from './support/workbench';
import type { Browser } from 'playwright-core';

// The analyst's workbench against a real server on the embedded store: the whole story in Chromium.

describeInBrowser('workbench on the embedded store', () => {
  let servers: StoreServers;
  let browser: Browser;
  beforeAll(async () => {
    [servers, browser] = await Promise.all([startStoreServers('embedded'), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await servers?.stop();
  });

  test('sign in, create, see, edit, conflict, merge, unmerge, revert, delete, sign out', async () => {
    await workbenchScenario(browser, servers, 'embedded');
  }, 600_000);
});
