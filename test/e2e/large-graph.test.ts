import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { choose, describeInBrowser, inPage, launchBrowser, openPage, screenshot, settled, startServer, type Server } from './support/browser';

/** A generated dataset past the client's drawing threshold: 1,600 groups in a ring of 1,600 alliances. */
function largeDataset(): string {
  const directory = mkdtempSync(join(tmpdir(), 'proxygraph-large-'));
  const count = 1600;
  writeFileSync(join(directory, 'sources.yaml'), '- id: generated\n  title: Generated for the large-graph test\n');
  const entities = Array.from({ length: count }, (_, i) => `- id: group-${i}\n  kind: ORGANIZATION\n  name: Group ${i}\n  aliases: []\n`);
  writeFileSync(join(directory, 'entities.yaml'), entities.join('\n'));
  const relationships = Array.from(
    { length: count },
    (_, i) => `- id: group-${i}-allied-with-group-${(i + 1) % count}\n  type: ALLIED_WITH\n  source: group-${i}\n  target: group-${(i + 1) % count}\n  evidence:\n    - source: generated\n`,
  );
  writeFileSync(join(directory, 'relationships.yaml'), relationships.join('\n'));
  return directory;
}

describeInBrowser('a graph too large to draw at once', () => {
  let server: Server;
  let browser: Browser;
  let directory: string;

  beforeAll(async () => {
    directory = largeDataset();
    server = await startServer(directory);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.app.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  test('starts empty, says why, and opens an ego network from a search', async () => {
    const { page, errors, queries } = await openPage(browser, server);
    await settled(page);
    expect(queries.some((query) => query.includes('stats('))).toBe(true);
    expect(await inPage(page, 'proxygraph.cy.elements().length')).toBe(0);
    expect(await page.locator('#status').textContent()).toMatch(/1600 entities and 1600 relationships: too many to draw at once/);
    expect(queries.some((query) => query.includes('network('))).toBe(false);
    await choose(page, '#search', 'Group 42', 'group-42');
    await page.locator('#panel h2').waitFor();
    await settled(page);
    expect((await inPage<string[]>(page, 'proxygraph.cy.nodes().map((node) => node.id())')).sort()).toEqual(['group-41', 'group-42', 'group-43']);
    await screenshot(page, 'large-graph');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
