import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type App } from '../../../src/api/create-app';
import { serverOptionsFromEnv } from '../../../src/api/server-options';
import { loadGraph } from '../../../src/load';
import { createLogger } from '../../../src/logger';

/** End-to-end support: the real server in-process, a real headless Chromium, and what a test checks on every page. */

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (or, set to a missing file, shows what happens without a browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// A browser, a layout and a server per file: slower than the repository's 30 s default when suites run side by side.
jest.setTimeout(120_000);
export const SEED = join(__dirname, '..', '..', '..', 'graph');
export const HOSTILE_NAMES = join(__dirname, '..', '..', 'fixtures', 'hostile-names');
const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');
const CLIENT = join(__dirname, '..', '..', '..', 'dist', 'client', 'index.html');

/**
 * Defines a browser suite, or, without Chromium, one test that says loudly what did not run: it fails when
 * REQUIRE_BROWSER=1 (CI) and otherwise only warns and checks that the browser really is absent.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  describe(`${name} [NOT RUN: no browser]`, () => {
    beforeAll(() => {
      console.warn(`\n*** BROWSER TESTS NOT RUN: "${name}" needs ${CHROMIUM} (apt-get install -y chromium). Set REQUIRE_BROWSER=1 to make this a failure. ***\n`);
    });
    test(`${name}: needs ${CHROMIUM}`, () => {
      if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is missing and REQUIRE_BROWSER=1: the browser tests of "${name}" cannot run`);
      expect(existsSync(CHROMIUM)).toBe(false);
    });
  });
}

export interface Server {
  readonly origin: string;
  readonly app: App;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function startServer(dataset: string = SEED): Promise<Server> {
  if (!existsSync(CLIENT)) throw new Error(`${CLIENT} is missing: run npm run build first (npm test does it in pretest)`);
  const app = await createApp(loadGraph(dataset), { ...serverOptionsFromEnv({}), port: 0 }, createLogger({ LOG_LEVEL: 'silent' }));
  const url = await app.listen();
  const origin = new URL(url).origin;
  return {
    origin,
    app,
    async graphql<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
      return body.data as T;
    },
  };
}

/** Starts the server (on `dataset`) and the browser before a suite's tests and stops both after; read them from the result. */
export function useServerAndBrowser(dataset: string = SEED): { readonly server: Server; readonly browser: Browser } {
  const session = {} as { server: Server; browser: Browser };
  beforeAll(async () => {
    session.server = await startServer(dataset);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.app.stop();
  });
  return session;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests to anywhere but the server's origin (data: and blob: URLs are local). */
  readonly outside: string[];
  readonly dialogs: string[];
  /** The bodies of the page's GraphQL requests. */
  readonly queries: string[];
}

export async function openPage(browser: Browser, server: Server, path = '/'): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  const dialogs: string[] = [];
  const queries: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    if (url === `${server.origin}/graphql`) queries.push(request.postData() ?? '');
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${server.origin}${path}`);
  return { page, errors, outside, dialogs, queries };
}

/** Evaluates an expression in the page (a string, so the tests need no DOM types). */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

/**
 * Polls an expression until it is truthy. (page.waitForFunction with a string compiles it with `new Function`, which
 * the page's CSP rightly refuses; page.evaluate goes through the debugger protocol instead.)
 */
export async function until(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}\nthe page then said: ${await pageMessages(page)}`);
    await page.waitForTimeout(50);
  }
}

/** What the page tells its user at the moment (status line, alerts, form messages): the first clue when a wait times out. */
function pageMessages(page: Page): Promise<string> {
  return page
    .evaluate(
      `JSON.stringify([...document.querySelectorAll('#status, [role=alert], .form-message')].map((element) => element.textContent.trim()).filter(Boolean))`,
    )
    .then(String, (error: Error) => `(could not read it: ${error.message})`);
}

/** Waits until the client has started and has no request in flight. */
export async function settled(page: Page): Promise<void> {
  await until(page, "document.body.dataset.ready === 'true' && document.body.dataset.busy === 'false'");
}

/** The paths listed in the path results, as relationship ids hop by hop. */
export function listedPaths(page: Page): Promise<string[][]> {
  return inPage(page, "Array.from(document.querySelectorAll('#path-results .path')).map((path) => Array.from(path.querySelectorAll('.hop')).map((hop) => hop.getAttribute('data-relationship')))");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Types into a combobox and chooses the suggestion with this entity id by clicking it. */
export async function choose(page: Page, inputSelector: string, text: string, id: string): Promise<void> {
  const input = page.locator(inputSelector);
  await input.click();
  await input.fill(text);
  const listId = await input.getAttribute('aria-controls');
  const option = page.locator(`#${listId} [role="option"][data-id="${id}"]`);
  await option.waitFor({ state: 'visible', timeout: 10_000 });
  await option.click();
}
