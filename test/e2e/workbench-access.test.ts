import type { Page } from 'playwright-core';
import { describeInBrowser, inPage, screenshot, until } from './support/browser';
import { createTokenWithCli, openWorkbench, selectEntity, serversAndBrowser, signIn, tokenCli } from './support/workbench';

// Anonymous and reader sessions see no editing controls, and the API refuses their edits anyway; a token that stops
// working signs the tab out.

const EDIT = `mutation { createEntity(input: { id: "not-allowed", kind: ORGANIZATION, name: "Not allowed" }) { id } }`;

/** Posts a mutation from the page with the tab's token (as the client would), bypassing the client's controls. */
function postFromPage(page: Page, query: string): Promise<{ status: number; code: string | null }> {
  return inPage(
    page,
    `(async () => {
      const token = sessionStorage.getItem('proxygraph.token');
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) }, body: JSON.stringify({ query: ${JSON.stringify(query)} }) });
      const body = await response.json();
      return { status: response.status, code: body.errors ? body.errors[0].extensions.code : null };
    })()`,
  );
}

const EDITING_CONTROLS = '#new-entity-button, #sources-button, #tokens-button, #edit-tools button:not(:text-is("History")), #editor form';

describeInBrowser('workbench access', () => {
  const session = serversAndBrowser('embedded');

  test('anonymous: reading only; the API refuses an edit', async () => {
    const { page, errors } = await openWorkbench(session.browser, session.servers.servers[0]);
    await selectEntity(page, 'Kataib Hezbollah', 'kataib-hezbollah');
    expect(await page.locator(EDITING_CONTROLS).count()).toBe(0);
    expect(await page.locator('#edit-tools button').allTextContents()).toEqual(['History']);
    expect(await postFromPage(page, EDIT)).toEqual({ status: 200, code: 'UNAUTHENTICATED' });
    await screenshot(page, 'workbench-access-anonymous');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a reader: the role is shown, no editing controls, and the API refuses edits and token management', async () => {
    const reader = await createTokenWithCli(session.servers.store, 'rita', 'reader');
    expect(reader.message).toMatch(/through the running server/);
    const { page, errors } = await openWorkbench(session.browser, session.servers.servers[0]);
    // A wrong token is refused beside the field.
    await page.getByRole('button', { name: 'Sign in' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.getByLabel('Token', { exact: true }).fill('pxg_not-a-token');
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await dialog.locator('.field-error', { hasText: 'not valid' }).waitFor();
    expect(await dialog.getByLabel('Token', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'workbench-access-wrong-token');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await signIn(page, reader.secret, 'rita');
    expect(await page.locator('.session-who').textContent()).toMatch(/rita\s*reader/i);
    await selectEntity(page, 'Kataib Hezbollah', 'kataib-hezbollah');
    expect(await page.locator(EDITING_CONTROLS).count()).toBe(0);
    await page.locator('#edit-tools').getByRole('button', { name: 'History' }).click();
    await page.locator('#editor .history-entry').first().waitFor();
    expect(await page.locator('#editor .revert-button').count()).toBe(0);
    expect(await postFromPage(page, EDIT)).toEqual({ status: 200, code: 'FORBIDDEN' });
    expect(await postFromPage(page, 'mutation { createToken(name: "sneaky", role: ADMIN) { secret } }')).toEqual({ status: 200, code: 'FORBIDDEN' });
    expect(await postFromPage(page, '{ tokens { name } }')).toEqual({ status: 200, code: 'FORBIDDEN' });
    await screenshot(page, 'workbench-access-reader');

    // Revoked while signed in: the next change the stream tells makes it check the token, and the tab signs out.
    const revoked = await createTokenWithCli(session.servers.store, 'root', 'admin');
    expect((await session.servers.servers[0].gql('mutation { createSource(input: { id: "access-test-source", title: "Access test" }) { id } }', {}, revoked.secret)).errors).toBeUndefined();
    await until(page, "document.querySelector('#activity [data-seq]') !== null && document.querySelector('#activity').textContent.includes('Access test')", 5000);
    expect((await tokenCli(session.servers.store, 'revoke', 'rita')).stdout).toMatch(/revoked token "rita" \(through the running server/);
    expect((await session.servers.servers[0].gql('mutation { createSource(input: { id: "access-test-source-2", title: "Access test 2" }) { id } }', {}, revoked.secret)).errors).toBeUndefined();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 5000 });
    expect(await inPage(page, "sessionStorage.getItem('proxygraph.token')")).toBeNull();
    expect(await page.locator('#status').textContent()).toMatch(/no longer valid/);
    await screenshot(page, 'workbench-access-revoked');
    expect(errors.filter((error) => !/401/.test(error))).toEqual([]);
    await page.context().close();
  });

  test('revoked while the tab is quiet: the next request signs the tab out with the one message, not an error', async () => {
    const quiet = await createTokenWithCli(session.servers.store, 'quinn', 'reader');
    const { page, errors } = await openWorkbench(session.browser, session.servers.servers[0]);
    await signIn(page, quiet.secret, 'quinn');
    expect((await tokenCli(session.servers.store, 'revoke', 'quinn')).stdout).toMatch(/revoked token "quinn"/);
    // Nothing changes in the graph, so the live stream has no reason to check the token: a date typed is the first
    // request the server refuses.
    await page.locator('#time-input').fill('2015');
    await page.locator('#time-input').press('Enter');
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 5000 });
    expect(await inPage(page, "sessionStorage.getItem('proxygraph.token')")).toBeNull();
    await until(page, "document.querySelector('#status').textContent.includes('no longer valid')", 5000);
    expect(await page.locator('#status').textContent()).not.toMatch(/went wrong/);
    expect(errors.filter((error) => !/401/.test(error))).toEqual([]);
    await page.context().close();
  });

  test('keyboard only: sign in through the dialog, open and close the history, with visible focus', async () => {
    const keyboard = await createTokenWithCli(session.servers.store, 'kim', 'editor');
    const { page, errors } = await openWorkbench(session.browser, session.servers.servers[0]);
    const focusOutline = () => inPage<string>(page, 'getComputedStyle(document.activeElement).outlineStyle');
    await page.locator('#sign-in-button').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Sign in' }).waitFor();
    expect(await inPage(page, "document.activeElement.getAttribute('name')")).toBe('token');
    await page.keyboard.type(keyboard.secret);
    await page.keyboard.press('Enter');
    await page.locator('.session-who', { hasText: 'kim' }).waitFor();
    // Focus went back to where it was; the header's new buttons are reachable with Tab.
    await page.locator('#new-entity-button').focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await inPage(page, 'document.activeElement.id')).toBe('new-entity-button');
    expect(await focusOutline()).toBe('solid');
    await selectEntity(page, 'Kataib Hezbollah', 'kataib-hezbollah');
    // The editing tools sit just before the details panel, where the search moved focus: back up to History.
    expect(await inPage(page, 'document.activeElement.className')).toBe('panel-title');
    for (let step = 0; step < 8 && (await inPage(page, 'document.activeElement.textContent')) !== 'History'; step++) await page.keyboard.press('Shift+Tab');
    expect(await inPage(page, 'document.activeElement.textContent')).toBe('History');
    expect(await focusOutline()).toBe('solid');
    await page.keyboard.press('Enter');
    await page.locator('#editor .history-entry').first().waitFor();
    expect(await inPage(page, 'document.activeElement.className')).toBe('pane-title');
    await page.keyboard.press('Escape');
    await page.locator('#editor').waitFor({ state: 'hidden' });
    await screenshot(page, 'workbench-access-keyboard');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describeInBrowser('workbench on a server that needs a token to read', () => {
  const session = serversAndBrowser('embedded', { PROXYGRAPH_READ_ACCESS: 'token' });

  test('asks for a token before anything is read, and cannot be dismissed; then the graph loads', async () => {
    const reader = await createTokenWithCli(session.servers.store, 'rita', 'reader');
    const { page, errors } = await openWorkbench(session.browser, session.servers.servers[0], { settle: false });
    const dialog = page.getByRole('dialog', { name: 'Sign in' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('needs a token to read');
    expect(await dialog.getByRole('button', { name: /Cancel|Close/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await inPage(page, 'proxygraph === undefined || proxygraph.cy.nodes().length === 0')).toBe(true);
    await screenshot(page, 'workbench-access-token-required');
    await dialog.getByLabel('Token', { exact: true }).fill(reader.secret);
    await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
    await until(page, "document.body.dataset.ready === 'true' && proxygraph.cy.nodes().length > 50");
    expect(await page.locator('.session-who').textContent()).toMatch(/rita\s*reader/i);
    expect(errors.filter((error) => !/401/.test(error))).toEqual([]);
    await page.context().close();
  });
});
