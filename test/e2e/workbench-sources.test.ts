import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, startServer, stopServer, type ServerProcess } from '../store/helpers/server-process';
import { freshStoreConfig, prepareHome, type TestStoreConfig } from '../store/helpers/stores';
import { describeInBrowser, inPage, launchBrowser, screenshot, settled, until } from './support/browser';
import { asServer, createTokenWithCli, openWorkbench, serversAndBrowser, signIn } from './support/workbench';

// Sources in the workbench, against a real server on the embedded store: the Sources page (create, edit, a conflict,
// history, delete with the confirmation of what cites it, restore from Recent changes); the date slider following an
// entity dated 1950 that someone else adds; an entity without relationships placed in free space; on a graph too large
// to draw, someone else's new entity announced with a way to draw it.

const SOURCE_ID = 'workbench-source-test';
const TITLE = 'Workbench source test';

async function shot(page: Page, step: string): Promise<void> {
  await settled(page);
  await screenshot(page, `workbench-sources-${step}`);
}

/** Drawn nodes whose boxes (labels included) overlap the box of `id`. */
const overlapping = (page: Page, id: string) =>
  inPage<string[]>(
    page,
    `(() => {
      const options = { includeNodes: true, includeLabels: true, includeEdges: false, includeOverlays: false };
      const node = proxygraph.cy.getElementById(${JSON.stringify(id)});
      const a = node.boundingBox(options);
      return proxygraph.cy.nodes().filter((other) => {
        if (other.id() === node.id()) return false;
        const b = other.boundingBox(options);
        return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      }).map((other) => other.id());
    })()`,
  );

const positions = (page: Page) => inPage<Record<string, { x: number; y: number }>>(page, `Object.fromEntries(proxygraph.cy.nodes().map((node) => [node.id(), node.position()]))`);

describeInBrowser('sources in the workbench (embedded store)', () => {
  const session = serversAndBrowser('embedded');

  test('create, edit (with a conflict), history, delete with what cites it, restore', async () => {
    const [server] = session.servers.servers;
    const alice = await createTokenWithCli(session.servers.store, 'alice', 'editor');
    const bob = await createTokenWithCli(session.servers.store, 'bob', 'editor');
    const asBob = async (query: string) => {
      const result = await server.gql(query, {}, bob.secret);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const { page, errors, outside } = await openWorkbench(session.browser, server);
    await signIn(page, alice.secret, 'alice');

    // The Sources page: every source, what cites it, a filter.
    await page.locator('#sources-button').click();
    const dialog = page.getByRole('dialog', { name: 'Sources' });
    await dialog.locator('tr[data-source="article-2024-04-21"]').waitFor();
    const seedSources = (await asServer(server).graphql<{ sources: unknown[] }>('{ sources { id } }')).sources.length;
    expect(await dialog.locator('tbody tr').count()).toBe(seedSources);
    expect(await dialog.locator('tr[data-source="article-2024-04-21"] .cited-by').textContent()).toMatch(/^\d+ relationships \(\d+ pieces\)/);
    await shot(page, '01-list');
    await dialog.getByLabel('Filter', { exact: true }).fill('reuters');
    expect(await dialog.locator('tbody tr').count()).toBeLessThan(seedSources);
    for (const text of await dialog.locator('tbody tr').allTextContents()) expect(text.toLowerCase()).toContain('reuters');
    await dialog.getByLabel('Filter', { exact: true }).fill('');

    // New source: the server's validation error beside its field, then created.
    await dialog.getByRole('button', { name: 'New source' }).click();
    await dialog.getByLabel('Title', { exact: true }).fill(TITLE);
    expect(await dialog.getByLabel('Source id', { exact: true }).inputValue()).toBe(SOURCE_ID);
    await dialog.getByLabel('Publisher', { exact: true }).fill('Test wire');
    await dialog.getByLabel('Published', { exact: true }).fill('2024-13');
    await dialog.getByRole('button', { name: 'Create source' }).click();
    await dialog.locator('.field-error', { hasText: 'no month 13' }).waitFor();
    await shot(page, '02-new-source-error');
    await dialog.getByLabel('Published', { exact: true }).fill('2024-05');
    await dialog.getByRole('button', { name: 'Create source' }).click();
    await dialog.locator(`tr[data-source="${SOURCE_ID}"]`).waitFor();
    expect(await dialog.locator(`tr[data-source="${SOURCE_ID}"] .cited-by`).textContent()).toBe('nothing');

    // Edit, while bob changes the same source: the comparison, then alice's change on top of bob's.
    await dialog.getByRole('button', { name: `Edit ${TITLE}` }).click();
    await dialog.getByLabel('Title', { exact: true }).fill(`${TITLE} (corrected)`);
    await dialog.getByLabel('URL', { exact: true }).fill('https://example.org/workbench-test');
    await asBob(`mutation { updateSource(id: "${SOURCE_ID}", version: 1, patch: { publisher: "Bob's wire", title: "Bob's title" }) { version } }`);
    await dialog.locator('.form-notice', { hasText: 'bob saved a change to this source' }).waitFor({ timeout: 2000 });
    await shot(page, '03-edit-while-bob-saves');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const conflict = dialog.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.locator('tr[data-field="title"].conflict-both').count()).toBe(1);
    expect(await conflict.locator('tr[data-field="publisher"].conflict-theirs').count()).toBe(1);
    expect(await conflict.locator('tr[data-field="url"].conflict-mine').count()).toBe(1);
    await shot(page, '04-conflict');
    await conflict.getByRole('button', { name: 'Re-apply mine on top' }).click();
    await dialog.locator(`tr[data-source="${SOURCE_ID}"]`).waitFor();
    const { source: edited } = await asServer(server).graphql<{ source: Record<string, unknown> }>(`{ source(id: "${SOURCE_ID}") { title publisher published url version } }`);
    expect(edited).toEqual({ title: `${TITLE} (corrected)`, publisher: "Bob's wire", published: '2024-05', url: 'https://example.org/workbench-test', version: 3 });

    // Bob cites it: as the only evidence of one relationship, beside other evidence on another, and as a date's source.
    await asBob(`mutation {
      a: createRelationship(input: { id: "wst-only", type: ALLIED_WITH, source: "kataib-hezbollah", target: "asaib-ahl-al-haq", evidence: [{ source: "${SOURCE_ID}", locator: "p. 2" }] }) { id }
      b: addEvidence(relationship: "kataib-hezbollah-part-of-iran-backed-militias-in-iraq", evidence: { source: "${SOURCE_ID}", locator: "p. 7" }) { id }
      c: createEntity(input: { id: "wst-group", kind: ORGANIZATION, name: "Workbench Test Group", start: "2010", attributes: { start_source: "${SOURCE_ID}", start_locator: "p. 1", start_note: "founded (test)" } }) { id }
    }`);
    await until(page, `(document.querySelector('tr[data-source="${SOURCE_ID}"] .cited-by') || {}).textContent === '2 relationships (2 pieces) · 1 entity date'`, 2000);

    // Delete is not offered while it is a relationship's only evidence.
    await dialog.getByRole('button', { name: `Delete ${TITLE} (corrected)` }).click();
    await dialog.locator('.stranded-list li[data-id="wst-only"]').waitFor();
    expect(await dialog.locator('.source-delete button.danger').isVisible()).toBe(false);
    await shot(page, '05-delete-refused-only-evidence');
    // "Show" closes the page and selects the relationship, to give it other evidence.
    await dialog.getByRole('button', { name: "Show Kata'ib Hezbollah allied with Asa'ib Ahl al-Haq on the graph" }).click();
    await until(page, `proxygraph.controller.state.selected === 'wst-only'`);
    await page.locator('#edit-tools').getByRole('button', { name: 'Add evidence' }).click();
    const editor = page.locator('#editor');
    await editor.getByLabel('Source', { exact: true }).selectOption('article-2024-04-21');
    await editor.getByLabel('Locator', { exact: true }).fill('¶3');
    await editor.getByRole('button', { name: 'Add evidence', exact: true }).click();
    await editor.waitFor({ state: 'hidden' });

    // Now the confirmation lists what goes: the evidence from two relationships, the date's source (the date stays).
    await page.locator('#sources-button').click();
    await dialog.getByRole('button', { name: `Delete ${TITLE} (corrected)` }).click();
    await dialog.locator('.evidence-cascade li').first().waitFor();
    expect((await dialog.locator('.evidence-cascade li').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')))).sort()).toEqual(['kataib-hezbollah-part-of-iran-backed-militias-in-iraq', 'wst-only']);
    expect(await dialog.locator('.date-cascade li').allTextContents()).toEqual(['Workbench Test Group: start 2010']);
    await shot(page, '06-delete-confirmation');
    await dialog.getByRole('button', { name: /^Delete Workbench source test \(corrected\), 2 pieces of evidence and 1 date citation$/ }).click();
    await until(page, `!document.querySelector('tr[data-source="${SOURCE_ID}"]') && !!document.querySelector('tr[data-source="article-2024-04-21"]')`);
    await page.locator('#status', { hasText: 'Deleted source Workbench source test (corrected)' }).waitFor();
    const after = await asServer(server).graphql<{ relationship: { evidence: { source: { id: string } }[] }; entity: { start: string; attributes: { key: string; value: string }[] } }>(
      `{ relationship(id: "wst-only") { evidence { source { id } } } entity(id: "wst-group") { start attributes { key value } } }`,
    );
    expect(after.relationship.evidence.map((evidence) => evidence.source.id)).toEqual(['article-2024-04-21']);
    expect(after.entity).toEqual({ start: '2010', attributes: [{ key: 'start_note', value: '"founded (test)"' }] });
    await shot(page, '07-deleted');
    await dialog.getByRole('button', { name: 'Close the dialog' }).click();

    // Recent changes names the deleted source; its history restores it.
    const entry = page.locator('#activity .activity', { hasText: `deleted source ${TITLE} (corrected)` });
    await entry.getByRole('button', { name: `History of ${TITLE} (corrected)` }).click();
    const history = page.locator('#editor .history-entry');
    await until(page, "document.querySelectorAll('#editor .history-entry').length === 4");
    expect(await history.first().textContent()).toContain('deleteSource');
    await shot(page, '08-source-history-after-delete');
    await page.locator('#editor .history-entry[data-version="3"]').getByRole('button', { name: 'Restore version 3' }).click();
    await page.locator('#editor .history-entry[data-version="4"] .badge-current').waitFor();
    expect((await asServer(server).graphql<{ source: { title: string } }>(`{ source(id: "${SOURCE_ID}") { title } }`)).source.title).toBe(`${TITLE} (corrected)`);

    // The history from the Sources page too.
    await page.locator('#sources-button').click();
    await dialog.getByRole('button', { name: `History of ${TITLE} (corrected)` }).click();
    await until(page, "document.querySelectorAll('.sources-dialog .history-entry').length === 5");
    expect(await dialog.locator('.history-entry[data-version="2"] .history-actor').textContent()).toBe('bob');
    expect(await dialog.locator('.history-entry[data-version="3"] .history-diff').textContent()).toContain(`Bob's title → ${TITLE} (corrected)`);
    await shot(page, '09-source-history');
    await dialog.getByRole('button', { name: 'Close the dialog' }).click();

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.context().close();
  }, 300_000);

  test('the date slider follows an entity dated 1950; a new entity without relationships lands in free space', async () => {
    const [server] = session.servers.servers;
    const carol = await createTokenWithCli(session.servers.store, 'carol', 'editor');
    const { page, errors } = await openWorkbench(session.browser, server);
    await signIn(page, carol.secret, 'carol');
    const range = page.locator('#time .time-range');
    const before = (await range.textContent())!;
    expect(before).not.toMatch(/^1950/);
    const bob = await createTokenWithCli(session.servers.store, 'bob2', 'editor');
    const made = await server.gql(`mutation { createEntity(input: { id: "old-test-party", kind: ORGANIZATION, name: "Old Test Party", start: "1950" }) { id } }`, {}, bob.secret);
    expect(made.errors).toBeUndefined();
    await until(page, `document.querySelector('#time .time-range').textContent.startsWith('1950-01-01')`, 2000);
    expect(await range.textContent()).toBe(`1950-01-01 – ${before.split(' – ')[1]}`);
    // The measures follow too: the analysis panel counts the new entity.
    const { stats } = await asServer(server).graphql<{ stats: { entities: number } }>('{ stats { entities } }');
    await page.locator('#analysis', { hasText: `${stats.entities} entities` }).waitFor({ timeout: 2000 });
    // The slider reaches 1950 now.
    await page.locator('#time-enabled').check();
    await page.locator('#time-slider').fill('0');
    await until(page, `proxygraph.controller.state.asOf === '1950-01-01'`);
    await settled(page);
    expect(await inPage(page, `proxygraph.cy.getElementById('old-test-party').nonempty()`)).toBe(true);
    await shot(page, '10-time-range-follows');
    await page.locator('#time-enabled').uncheck();
    await settled(page);

    // An entity created without relationships: in free space near the middle of the view; nothing else moves.
    const drawnBefore = await positions(page);
    await page.locator('#new-entity-button').click();
    const editor = page.locator('#editor');
    await editor.getByLabel('Name', { exact: true }).fill('Lone Test Committee');
    await editor.getByRole('button', { name: 'Save' }).click();
    await until(page, `proxygraph.cy.getElementById('lone-test-committee').nonempty()`);
    await settled(page);
    expect(await overlapping(page, 'lone-test-committee')).toEqual([]);
    const drawnAfter = await positions(page);
    for (const [id, position] of Object.entries(drawnBefore)) expect([id, drawnAfter[id]]).toEqual([id, position]);
    await shot(page, '11-lone-entity-placed');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});

/** Past the client's drawing threshold: 1,600 members of 40 organizations (3,240 records). */
function largeDataset(): string {
  const directory = mkdtempSync(join(tmpdir(), 'proxygraph-explore-'));
  writeFileSync(join(directory, 'sources.yaml'), '- id: roster\n  title: Generated roster for the explore-mode workbench test\n');
  const groups = Array.from({ length: 40 }, (_, i) => `- id: cell-${i}\n  kind: ORGANIZATION\n  name: Cell ${i}\n  aliases: []\n`);
  const people = Array.from({ length: 1600 }, (_, i) => `- id: member-${i}\n  kind: PERSON\n  name: Member ${i}\n  aliases: []\n`);
  writeFileSync(join(directory, 'entities.yaml'), [...groups, ...people].join('\n'));
  const members = Array.from({ length: 1600 }, (_, i) => `- id: member-${i}-member-of-cell-${i % 40}\n  type: MEMBER_OF\n  source: member-${i}\n  target: cell-${i % 40}\n  evidence:\n    - source: roster\n`);
  writeFileSync(join(directory, 'relationships.yaml'), members.join('\n'));
  return directory;
}

describeInBrowser('live edits on a graph too large to draw (explore mode)', () => {
  let store: TestStoreConfig;
  let server: ServerProcess;
  let browser: Browser;
  let directory: string;
  beforeAll(async () => {
    ensureBuilt();
    directory = largeDataset();
    store = await freshStoreConfig('embedded');
    await prepareHome(store);
    [server, browser] = await Promise.all([startServer({ ...store.env, PROXYGRAPH_DATA: directory }), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    await store?.cleanup();
    rmSync(directory, { recursive: true, force: true });
  });

  test("someone else's new entity is announced under Recent changes, and Show draws it", async () => {
    const dana = await createTokenWithCli(store, 'dana', 'editor');
    const erin = await createTokenWithCli(store, 'erin', 'editor');
    const { page, errors } = await openWorkbench(browser, server);
    await signIn(page, dana.secret, 'dana');
    expect(await inPage(page, 'proxygraph.controller.mode')).toBe('explore');
    const made = await server.gql('mutation { createEntity(input: { id: "new-test-cell", kind: ORGANIZATION, name: "New Test Cell" }) { id } }', {}, erin.secret);
    expect(made.errors).toBeUndefined();
    const entry = page.locator('#activity .activity', { hasText: 'added New Test Cell' });
    await entry.getByRole('button', { name: 'Show New Test Cell' }).waitFor({ timeout: 2000 });
    await page.locator('#status', { hasText: 'erin added New Test Cell, not drawn (this graph is too large to draw whole)' }).waitFor();
    expect(await inPage(page, `proxygraph.cy.getElementById('new-test-cell').empty()`)).toBe(true);
    await shot(page, '12-explore-announced');
    await entry.getByRole('button', { name: 'Show New Test Cell' }).click();
    await until(page, `proxygraph.controller.state.selected === 'new-test-cell'`);
    await settled(page);
    await page.locator('#panel h2', { hasText: 'New Test Cell' }).waitFor();
    await shot(page, '13-explore-shown');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
