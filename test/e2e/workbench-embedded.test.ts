import { describeInBrowser } from './support/browser';
import { workbenchScenario } from './support/workbench-scenario';
import { serversAndBrowser } from './support/workbench';

// The analyst's workbench against a real server on the embedded store: the whole story in Chromium.

describeInBrowser('workbench on the embedded store', () => {
  const session = serversAndBrowser('embedded');

  test('sign in, create, see, edit, conflict, merge, unmerge, revert, delete, sign out', async () => {
    await workbenchScenario(session.browser, session.servers, 'embedded');
  }, 600_000);
});
