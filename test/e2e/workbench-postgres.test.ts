import type { Browser } from 'playwright-core';
import { declarePostgresPresence, describeWithPostgres } from '../store/helpers/stores';
import { describeInBrowser, launchBrowser } from './support/browser';
import { startStoreServers, type StoreServers } from './support/workbench';
import { workbenchScenario } from './support/workbench-scenario';

// The same story with two server processes on one PostgreSQL: each browser talks to its own server, so every live
// update and the conflict cross from one server to the other.

declarePostgresPresence('the workbench on two servers');

describeInBrowser('workbench on two servers on one PostgreSQL', () => {
  describeWithPostgres('two servers', () => {
    let servers: StoreServers;
    let browser: Browser;
    beforeAll(async () => {
      [servers, browser] = await Promise.all([startStoreServers('postgres'), launchBrowser()]);
      expect(servers.servers).toHaveLength(2);
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await servers?.stop();
    });

    test('sign in, create, see, edit, conflict, merge, unmerge, revert, delete, sign out: across servers', async () => {
      await workbenchScenario(browser, servers, 'postgres');
    }, 600_000);
  });
});
