import type { Browser, Page } from 'playwright-core';
import { RELATION_RULES } from '../../../src/model';
import { inPage, screenshot, settled, until } from './browser';
import { asServer, createTokenWithCli, openWorkbench, pick, selectEntity, signIn, timeUntil, type StoreServers } from './workbench';

/** Steps of the workbench story, shared by the embedded and the two-server PostgreSQL runs. */

const NEW_ID = 'harakat-test-brigades';
const NEW_NAME = 'Harakat Test Brigades';

async function shot(page: Page, kind: string, step: string): Promise<void> {
  await settled(page);
  await screenshot(page, `workbench-${kind}-${step}`);
}

export async function workbenchScenario(browser: Browser, { store, servers }: StoreServers, kind: string): Promise<void> {
  const [serverA, serverB = servers[0]] = servers;
  // An admin token made with the command line while the server runs (through the server, on the embedded store).
  const admin = await createTokenWithCli(store, 'alice', 'admin');
  expect(admin.secret).toMatch(/^pxg_/);

  // Anonymous: reading only, no editing controls.
  const a = await openWorkbench(browser, serverA);
  const pageA = a.page;
  expect(await pageA.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  expect(await pageA.locator('#new-entity-button').count()).toBe(0);
  await shot(pageA, kind, '01-anonymous');

  // Sign in: the role is shown; the token stays out of the URL and of localStorage.
  await signIn(pageA, admin.secret, 'alice');
  expect(await pageA.locator('.session-who').textContent()).toMatch(/alice\s*admin/i);
  expect(pageA.url()).not.toContain('pxg_');
  expect(await inPage(pageA, "sessionStorage.getItem('proxygraph.token')")).toBe(admin.secret);
  expect(await inPage(pageA, 'localStorage.length')).toBe(0);
  await shot(pageA, kind, '02-signed-in');

  // Create an entity.
  await pageA.locator('#new-entity-button').click();
  const editor = pageA.locator('#editor');
  await editor.getByLabel('Name', { exact: true }).fill(NEW_NAME);
  expect(await editor.getByLabel('Id', { exact: true }).inputValue()).toBe(NEW_ID);
  await editor.getByLabel('Kind', { exact: true }).selectOption('ORGANIZATION');
  await editor.getByLabel('Aliases', { exact: true }).fill('HTB\nكتائب حركة الاختبار [ar]');
  await editor.getByLabel('Description', { exact: true }).fill('A fictitious militia made for the workbench test.');
  await editor.getByLabel('Start', { exact: true }).fill('2013-13');
  await editor.getByLabel('End', { exact: true }).fill('2012');
  await shot(pageA, kind, '03-new-entity-form');
  await editor.getByRole('button', { name: 'Save' }).click();
  // The server's validation errors appear beside their fields.
  await editor.locator('.field-error', { hasText: 'no month 13' }).waitFor();
  await shot(pageA, kind, '04-validation-errors');
  await editor.getByLabel('Start', { exact: true }).fill('2013');
  await editor.getByLabel('End', { exact: true }).fill('');
  await editor.getByRole('button', { name: 'Save' }).click();
  await until(pageA, `proxygraph.cy.getElementById(${JSON.stringify(NEW_ID)}).nonempty() && proxygraph.controller.state.selected === ${JSON.stringify(NEW_ID)}`);
  await shot(pageA, kind, '05-entity-created');
  // ... and in search, for anyone.
  const found = await asServer(serverB).graphql<{ search: { id: string }[] }>('{ search(text: "HTB") { id } }');
  expect(found.search.map((entity) => entity.id)).toContain(NEW_ID);

  // A relationship with evidence from a new source: the type list offers only what the rules allow.
  await pageA.locator('#edit-tools').getByRole('button', { name: 'New relationship' }).click();
  expect(await editor.locator('.end-field input').first().inputValue()).toBe(NEW_NAME);
  // The target picked on the graph: a click on the drawn entity.
  await editor.getByRole('button', { name: 'Pick the target on the graph' }).click();
  await pageA.locator('#status', { hasText: 'Click the target entity on the graph' }).waitFor();
  const at = await inPage<{ x: number; y: number }>(
    pageA,
    `(() => { const node = proxygraph.cy.getElementById('kataib-hezbollah'); proxygraph.cy.center(node); const box = proxygraph.cy.container().getBoundingClientRect(); const p = node.renderedPosition(); return { x: box.left + p.x, y: box.top + p.y }; })()`,
  );
  await pageA.mouse.click(at.x, at.y);
  await until(pageA, `document.querySelectorAll('#editor .end-field input')[1].value === "Kata'ib Hezbollah"`);
  const types = await editor.getByLabel('Type', { exact: true }).locator('option').evaluateAll((options) => options.map((option) => option.getAttribute('value')));
  const allowed = RELATION_RULES.filter((rule) => (rule.sourceKinds as readonly string[]).includes('ORGANIZATION') && (rule.targetKinds as readonly string[]).includes('ORGANIZATION'));
  expect(types).toEqual(allowed.map((rule) => rule.type));
  expect(types).not.toContain('LEADS');
  await editor.getByLabel('Type', { exact: true }).selectOption('ALLIED_WITH');
  expect(await editor.getByLabel('Id', { exact: true }).inputValue()).toBe(`${NEW_ID}-allied-with-kataib-hezbollah`);
  await editor.getByLabel('Start', { exact: true }).fill('2014-06');
  await editor.getByLabel('Confidence', { exact: true }).fill('0.8');
  await editor.getByRole('button', { name: 'New source' }).click();
  await editor.getByLabel('Title', { exact: true }).fill('Workbench test report');
  await editor.getByLabel('Published', { exact: true }).fill('2024-05');
  await editor.getByLabel('Locator', { exact: true }).fill('¶4');
  await editor.getByLabel('Note', { exact: true }).fill('Says the two groups fought side by side (test note, our words).');
  await shot(pageA, kind, '06-new-relationship-form');
  await editor.getByRole('button', { name: 'Save' }).click();
  const relationshipId = `${NEW_ID}-allied-with-kataib-hezbollah`;
  await until(pageA, `proxygraph.cy.getElementById(${JSON.stringify(relationshipId)}).nonempty() && proxygraph.controller.state.selected === ${JSON.stringify(relationshipId)}`);
  await pageA.locator('#panel .evidence', { hasText: 'Workbench test report' }).waitFor();
  await shot(pageA, kind, '07-relationship-created');
  const { relationship } = await asServer(serverB).graphql<{ relationship: { evidence: { locator: string; source: { title: string } }[] } }>(
    `{ relationship(id: "${relationshipId}") { evidence { locator source { title } } } }`,
  );
  expect(relationship.evidence).toEqual([{ locator: '¶4', source: { title: 'Workbench test report' } }]);

  // A second analyst, signed in with a token the admin makes on the admin page.
  await pageA.locator('#tokens-button').click();
  const tokens = pageA.getByRole('dialog', { name: 'Tokens' });
  await tokens.getByLabel('Name', { exact: true }).fill('bob');
  await tokens.getByLabel('Role', { exact: true }).selectOption('EDITOR');
  await tokens.getByRole('button', { name: 'Create token' }).click();
  const secretBox = tokens.locator('input.secret');
  await secretBox.waitFor();
  const bobSecret = await secretBox.inputValue();
  expect(bobSecret).toMatch(/^pxg_/);
  await tokens.locator('tr[data-token="bob"]').waitFor();
  await shot(pageA, kind, '08-admin-tokens');
  await tokens.getByRole('button', { name: 'Close the dialog' }).click();

  const b = await openWorkbench(browser, serverB);
  const pageB = b.page;
  await signIn(pageB, bobSecret, 'bob');
  await selectEntity(pageB, 'Harakat Test', NEW_ID);

  // Live: alice renames it; bob's graph shows it without a reload.
  await selectEntity(pageA, 'Harakat Test', NEW_ID);
  await pageA.locator('#edit-tools').getByRole('button', { name: 'Edit' }).click();
  await editor.getByLabel('Name', { exact: true }).fill(`${NEW_NAME} (renamed)`);
  await editor.getByRole('button', { name: 'Save' }).click();
  const liveMs = await timeUntil(pageB, `proxygraph.cy.getElementById(${JSON.stringify(NEW_ID)}).data('label') === ${JSON.stringify(`${NEW_NAME} (renamed)`)}`, 2000);
  process.stdout.write(`[workbench ${kind}] a rename by A appeared in B's graph after ${liveMs} ms\n`);
  await pageB.locator('#panel h2', { hasText: '(renamed)' }).waitFor({ timeout: 2000 });
  await shot(pageB, kind, '09-live-update-in-second-browser');

  // Conflict: both open the editor on the same version; bob saves first, alice's save is refused and compared.
  await pageA.locator('#edit-tools').getByRole('button', { name: 'Edit' }).click();
  await pageB.locator('#edit-tools').getByRole('button', { name: 'Edit' }).click();
  const editorB = pageB.locator('#editor');
  await editorB.getByLabel('Description', { exact: true }).fill('Bob: a militia formed in 2013 (test).');
  await editorB.getByRole('button', { name: 'Save' }).click();
  await pageB.locator('#editor').waitFor({ state: 'hidden' });
  await editor.locator('.form-notice', { hasText: 'bob saved a change' }).waitFor({ timeout: 2000 });
  await editor.getByLabel('Description', { exact: true }).fill('Alice: a militia (test).');
  await editor.getByLabel('Start', { exact: true }).fill('2012');
  await editor.getByRole('button', { name: 'Save' }).click();
  const conflict = editor.locator('.conflict');
  await conflict.waitFor();
  expect(await conflict.locator('tr[data-field="description"].conflict-both').count()).toBe(1);
  expect(await conflict.locator('tr[data-field="start"].conflict-mine').count()).toBe(1);
  expect(await conflict.textContent()).toContain('Bob: a militia formed in 2013 (test).');
  await shot(pageA, kind, '10-conflict');
  await conflict.getByRole('radio', { name: 'Keep their Description' }).check();
  await conflict.getByRole('button', { name: 'Re-apply mine on top' }).click();
  await pageA.locator('#editor').waitFor({ state: 'hidden' });
  const afterConflict = await asServer(serverA).graphql<{ entity: { description: string; start: string; version: number } }>(`{ entity(id: "${NEW_ID}") { description start version } }`);
  expect(afterConflict.entity).toEqual({ description: 'Bob: a militia formed in 2013 (test).', start: '2012', version: 4 });
  await shot(pageA, kind, '11-conflict-resolved');

  // Merge a duplicate (made by bob over the API) from the panel, with a preview of what moves; then unmerge it.
  const DUPLICATE = 'harakat-test-movement';
  const made = await serverB.gql(
    `mutation {
      createEntity(input: { id: "${DUPLICATE}", kind: ORGANIZATION, name: "Harakat Test Movement" }) { id }
      createRelationship(input: { id: "iran-backs-${DUPLICATE}", type: BACKS, source: "iran", target: "${DUPLICATE}", evidence: [{ source: "workbench-test-report", locator: "¶9" }] }) { id }
    }`,
    {},
    bobSecret,
  );
  expect(made.errors).toBeUndefined();
  await until(pageA, `proxygraph.cy.getElementById('${DUPLICATE}').nonempty()`, 2000);
  await pageA.locator('#edit-tools').getByRole('button', { name: 'Merge…' }).click();
  const mergeDialog = pageA.getByRole('dialog', { name: 'Merge duplicates' });
  await pick(pageA, mergeDialog.getByRole('combobox', { name: 'Duplicate to merge' }), 'Harakat Test Movement', DUPLICATE);
  const preview = mergeDialog.locator('.merge-preview');
  await preview.waitFor();
  expect(await preview.locator('.preview-repointed li').allTextContents()).toEqual([`Iran backs Harakat Test Movement`]);
  expect(await preview.locator('.preview-aliases li').allTextContents()).toEqual(['Harakat Test Movement']);
  await shot(pageA, kind, '12-merge-preview');
  await mergeDialog.getByRole('button', { name: /^Merge Harakat Test Movement into/ }).click();
  await until(pageA, `proxygraph.cy.getElementById('${DUPLICATE}').empty() && proxygraph.cy.getElementById('iran-backs-${DUPLICATE}').target().id() === '${NEW_ID}'`);
  await until(pageB, `proxygraph.cy.getElementById('${DUPLICATE}').empty()`, 2000);
  await shot(pageA, kind, '13-merged');
  await pageA.locator('#edit-tools').getByRole('button', { name: 'Unmerge Harakat Test Movement…' }).click();
  const unmergeDialog = pageA.getByRole('dialog', { name: 'Unmerge Harakat Test Movement?' });
  await unmergeDialog.getByRole('button', { name: 'Unmerge Harakat Test Movement' }).click();
  await until(pageA, `proxygraph.cy.getElementById('${DUPLICATE}').nonempty() && proxygraph.cy.getElementById('iran-backs-${DUPLICATE}').target().id() === '${DUPLICATE}'`);
  await until(pageB, `proxygraph.cy.getElementById('${DUPLICATE}').nonempty()`, 2000);
  await shot(pageA, kind, '14-unmerged');

  // History: who changed what; revert to the first version (a new version on top).
  await selectEntity(pageA, 'Harakat Test Brigades', NEW_ID);
  await pageA.locator('#edit-tools').getByRole('button', { name: 'History' }).click();
  const history = pageA.locator('#editor .history-entry');
  await until(pageA, "document.querySelectorAll('#editor .history-entry').length >= 6");
  expect(await history.first().textContent()).toContain('unmerge');
  expect(await pageA.locator('#editor .history-entry[data-version="3"] .history-actor').textContent()).toBe('bob');
  expect(await pageA.locator('#editor .history-entry[data-version="2"] .history-diff').textContent()).toContain(`${NEW_NAME} → ${NEW_NAME} (renamed)`);
  await shot(pageA, kind, '15-history');
  await pageA.locator('#editor .history-entry[data-version="1"]').getByRole('button', { name: 'Revert to version 1' }).click();
  await until(pageA, `proxygraph.cy.getElementById('${NEW_ID}').data('label') === ${JSON.stringify(NEW_NAME)}`);
  const reverted = await asServer(serverB).graphql<{ entity: { name: string; start: string; description: string; version: number } }>(`{ entity(id: "${NEW_ID}") { name start description version } }`);
  expect(reverted.entity).toEqual({ name: NEW_NAME, start: '2013', description: 'A fictitious militia made for the workbench test.', version: 7 });
  await pageA.locator('#editor .history-entry[data-version="7"] .badge-current').waitFor();
  await shot(pageA, kind, '16-reverted');

  // Delete, with the confirmation listing what the cascade removes.
  await selectEntity(pageA, 'Harakat Test Movement', DUPLICATE);
  await pageA.locator('#edit-tools').getByRole('button', { name: 'Delete…' }).click();
  const deleteDialog = pageA.getByRole('dialog', { name: 'Delete Harakat Test Movement?' });
  await deleteDialog.locator('.cascade-list li').first().waitFor();
  expect(await deleteDialog.locator('.cascade-list li').allTextContents()).toEqual(['Iran backs Harakat Test Movement']);
  await shot(pageA, kind, '17-delete-confirmation');
  await deleteDialog.getByRole('button', { name: 'Delete Harakat Test Movement and 1 relationship' }).click();
  await until(pageA, `proxygraph.cy.getElementById('${DUPLICATE}').empty()`);
  expect((await asServer(serverA).graphql<{ entity: null }>(`{ entity(id: "${DUPLICATE}") { id } }`)).entity).toBeNull();

  // Sign out: the token leaves the tab and the editing controls go.
  await pageA.getByRole('button', { name: 'Sign out' }).click();
  await pageA.getByRole('button', { name: 'Sign in' }).waitFor();
  expect(await inPage(pageA, "sessionStorage.getItem('proxygraph.token')")).toBeNull();
  expect(await pageA.locator('#new-entity-button, #tokens-button').count()).toBe(0);
  await selectEntity(pageA, 'Harakat Test Brigades', NEW_ID);
  expect(await pageA.locator('#edit-tools button').allTextContents()).toEqual(['History']);
  await shot(pageA, kind, '18-signed-out');

  // Nothing went wrong in either browser, and nothing left the origin.
  expect([...a.errors, ...b.errors]).toEqual([]);
  expect([...a.outside, ...b.outside]).toEqual([]);
  expect([...a.queries, ...b.queries].some((body) => body.includes('pxg_') && !body.includes('createToken'))).toBe(false);
  await pageA.context().close();
  await pageB.context().close();
}
