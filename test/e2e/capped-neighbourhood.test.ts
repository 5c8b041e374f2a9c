import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeInBrowser, inPage, openPage, screenshot, useServerAndBrowser } from './support/browser';
import { graphSettled } from './support/graph';

const BACKED = 250;
const OPPOSED = 30;

/** A patron state backing 250 groups and opposing 30 more: past the 100 relationships a neighbourhood returns per entity. */
function hubDataset(): string {
  const directory = mkdtempSync(join(tmpdir(), 'proxygraph-hub-'));
  const groups = Array.from({ length: BACKED + OPPOSED }, (_, i) => `group-${String(i).padStart(3, '0')}`);
  writeFileSync(join(directory, 'sources.yaml'), '- id: generated\n  title: Generated for the capped-neighbourhood test\n');
  const entities = ['- id: patron\n  kind: STATE\n  name: Patron State\n  aliases: []\n', ...groups.map((id, i) => `- id: ${id}\n  kind: ORGANIZATION\n  name: Group ${i}\n  aliases: []\n`)];
  writeFileSync(join(directory, 'entities.yaml'), entities.join('\n'));
  const relationships = groups.map((id, i) => {
    const type = i < BACKED ? 'BACKS' : 'OPPOSED';
    return `- id: patron-${type.toLowerCase()}-${id}\n  type: ${type}\n  source: patron\n  target: ${id}\n  evidence:\n    - source: generated\n`;
  });
  writeFileSync(join(directory, 'relationships.yaml'), relationships.join('\n'));
  return directory;
}

describeInBrowser('an entity with more relationships than one neighbourhood returns', () => {
  const directory = hubDataset();
  const session = useServerAndBrowser(directory);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const drawn = (page: Parameters<typeof inPage>[0]) => inPage<number>(page, 'proxygraph.cy.nodes().length');

  test('its ego network says how many are left, and each Expand draws the next batch until all are drawn', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?focus=patron&depth=1&sel=patron');
    await graphSettled(page);
    await page.locator('#status').getByText('180 more relationships of this entity not drawn yet: Expand draws the next 100.').waitFor();
    expect(await drawn(page)).toBe(101);

    await page.getByRole('button', { name: 'Expand' }).click();
    await page.locator('#status').getByText('Added 100 entities around Patron State. 80 more relationships not drawn yet: Expand again for the next 80.').waitFor();
    await graphSettled(page);
    expect(await drawn(page)).toBe(201);

    await page.getByRole('button', { name: 'Expand' }).click();
    await page.locator('#status').getByText('Added 80 entities around Patron State.', { exact: true }).waitFor();
    await graphSettled(page);
    expect(await drawn(page)).toBe(1 + BACKED + OPPOSED);
    await screenshot(page, 'capped-neighbourhood-expanded');

    // Everything is drawn: the next Expand starts over and finds nothing new, and says so.
    await page.getByRole('button', { name: 'Expand' }).click();
    await page.locator('#status').getByText(/^Nothing new to add: all 100 of its neighbours are already drawn\. 180 more relationships/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('its panel lists the relationships a page at a time and says how many there are in all', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?focus=patron&depth=1&sel=patron');
    await graphSettled(page);
    const heading = page.locator('#panel h3').filter({ hasText: 'Relationships' });
    await heading.getByText('Relationships (100 of 280)').waitFor();
    expect(await page.locator('#panel .relation-item').count()).toBe(100);

    await page.getByRole('button', { name: 'Show 100 more of 180 not listed' }).click();
    await heading.getByText('Relationships (200 of 280)').waitFor();
    expect(await page.locator('#panel .relation-item').count()).toBe(200);
    await page.getByRole('button', { name: 'Show 80 more of 80 not listed' }).click();
    await heading.getByText('Relationships (280)', { exact: true }).waitFor();
    // Every relationship once, the opposed ones under their own type.
    const items = await page.locator('#panel .relation-item .link-button').allTextContents();
    expect(new Set(items).size).toBe(280);
    await page.locator('#panel h4').getByText(`Opposed (${OPPOSED})`).waitFor();
    expect(await page.locator('#panel .more-relationships').count()).toBe(0);
    await screenshot(page, 'capped-neighbourhood-panel');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
