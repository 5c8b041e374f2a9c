import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { BIN, ensureBuilt, startServer, stopServer, type ServerProcess } from '../../store/helpers/server-process';
import { freshStoreConfig, prepareHome, type StoreKind, type TestStoreConfig } from '../../store/helpers/stores';
import { inPage, launchBrowser, openPage, settled, until, type Server, type WatchedPage } from './browser';

/** Workbench end-to-end support: real server processes on a real store, tokens made the way a user makes them. */

const run = promisify(execFile);

export interface StoreServers {
  readonly store: TestStoreConfig;
  /** The servers (one on the embedded store; two on one PostgreSQL). */
  readonly servers: ServerProcess[];
  stop(): Promise<void>;
}

/** Starts one server on a seeded embedded store, or two on one new PostgreSQL schema. */
export async function startStoreServers(kind: StoreKind, env: Record<string, string> = {}): Promise<StoreServers> {
  ensureBuilt();
  const store = await freshStoreConfig(kind);
  await prepareHome(store, { seeded: true });
  const servers: ServerProcess[] = [];
  try {
    servers.push(await startServer({ ...store.env, ...env }));
    if (kind === 'postgres') servers.push(await startServer({ ...store.env, ...env }));
  } catch (error) {
    for (const server of servers) await stopServer(server);
    await store.cleanup();
    throw error;
  }
  return {
    store,
    servers,
    async stop() {
      for (const server of servers) await stopServer(server);
      await store.cleanup();
    },
  };
}

/** `proxygraph token ...`, run as a user would while the server runs (on the embedded store it goes through the server). */
/** Starts the store's servers and a browser before the tests of the enclosing describe block, and stops both after. */
export function serversAndBrowser(kind: StoreKind, env: Record<string, string> = {}): { readonly servers: StoreServers; readonly browser: Browser } {
  const session = {} as { servers: StoreServers; browser: Browser };
  beforeAll(async () => {
    [session.servers, session.browser] = await Promise.all([startStoreServers(kind, env), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.servers?.stop();
  });
  return session;
}

export async function tokenCli(store: TestStoreConfig, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, [BIN, 'token', ...args], { env: { ...process.env, ...store.env, LOG_LEVEL: 'silent' } });
}

export async function createTokenWithCli(store: TestStoreConfig, name: string, role: string): Promise<{ secret: string; message: string }> {
  const { stdout, stderr } = await tokenCli(store, 'create', '--name', name, '--role', role);
  return { secret: stdout.trim(), message: stderr.trim() };
}

/** The browser tests' view of a server process. */
export function asServer(server: ServerProcess): Server {
  return {
    origin: new URL(server.url).origin,
    app: undefined as never,
    async graphql(query, variables = {}) {
      const { data, errors } = await server.gql(query, variables);
      if (errors) throw new Error(errors.map((error) => error.message).join('; '));
      return data;
    },
  };
}

export async function openWorkbench(browser: Browser, server: ServerProcess, options: { settle?: boolean } = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, asServer(server));
  if (options.settle !== false) await settled(watched.page);
  return watched;
}

/** Signs in through the dialog, as an analyst does: the "Sign in" button, the field labelled "Token". */
export async function signIn(page: Page, secret: string, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in' });
  await dialog.getByLabel('Token').fill(secret);
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('.session-who', { hasText: name }).waitFor();
}

/** Chooses an option of a combobox (entity picker) by typing, then clicking the option with this id. */
export async function pick(page: Page, input: ReturnType<Page['locator']>, text: string, id: string): Promise<void> {
  await input.click();
  await input.fill(text);
  const list = await input.getAttribute('aria-controls');
  const option = page.locator(`#${list} [role="option"][data-id="${id}"]`);
  await option.waitFor({ state: 'visible', timeout: 15_000 });
  await option.click();
}

/** Selects an entity through the main search box and waits for its panel. */
export async function selectEntity(page: Page, text: string, id: string): Promise<void> {
  await pick(page, page.locator('#search'), text, id);
  await until(page, `proxygraph.controller.state.selected === ${JSON.stringify(id)}`);
  await page.locator('#edit-tools:not([hidden]), #panel:not([hidden])').first().waitFor();
  await settled(page);
}

export const nodeLabel = (page: Page, id: string) => inPage<string | null>(page, `(() => { const node = proxygraph.cy.getElementById(${JSON.stringify(id)}); return node.nonempty() ? node.data('label') : null; })()`);

/** Milliseconds until `expression` holds in the page (polling), failing past `limit`. */
export async function timeUntil(page: Page, expression: string, limit: number): Promise<number> {
  const started = Date.now();
  await until(page, expression, limit);
  return Date.now() - started;
}
