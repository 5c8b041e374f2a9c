import type { ApiBrokers } from '../../client/analysis-api';
import { choose, describeInBrowser, inPage, openPage, screenshot, settled, useServerAndBrowser } from './support/browser';

/** Brokers between two groups in the sidebar, on the seed: the ranking the API gives, and a broker's path drawn. */

const FROM = [
  ['Kataib Hezbollah', 'kataib-hezbollah'],
  ['Asaib', 'asaib-ahl-al-haq'],
] as const;
const TO = [['Israel', 'israel']] as const;

describeInBrowser('brokers between groups', () => {
  const session = useServerAndBrowser();

  test('lists the brokers the API ranks, with their share, and draws a broker’s path with its evidence', async () => {
    const { brokers: expected } = await session.server.graphql<{ brokers: ApiBrokers }>(
      'query ($from: [ID!]!, $to: [ID!]!) { brokers(from: $from, to: $to, limit: 10) { connectedPairs unconnectedPairs brokers { rank share group entity { id name kind } paths(limit: 1) { nodes { id } } } } }',
      { from: FROM.map(([, id]) => id), to: TO.map(([, id]) => id) },
    );
    expect(expected.brokers.length).toBeGreaterThan(0);

    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    await page.locator('#brokers-find').click();
    await page.locator('#brokers').getByText('Choose at least one entity for the first group.').waitFor();
    for (const [text, id] of FROM) await choose(page, '#brokers-from', text, id);
    for (const [text, id] of TO) await choose(page, '#brokers-to', text, id);
    expect(await page.locator('#brokers .chip').count()).toBe(FROM.length + TO.length);
    await page.locator('#brokers-find').click();
    await page.locator('#broker-list li').first().waitFor();
    const rows = page.locator('#broker-list li');
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-id')))).toEqual(expected.brokers.map((broker) => broker.entity.id));
    const first = expected.brokers[0];
    expect(await rows.first().locator('.broker-share').textContent()).toBe(` ${Math.round(first.share * 100)}%`);
    const pairs = expected.connectedPairs + expected.unconnectedPairs;
    expect(await page.locator('#brokers-summary').textContent()).toContain(`${expected.connectedPairs} of ${pairs} pairs are joined`);

    await rows.first().getByRole('button', { name: 'Show a path' }).click();
    await settled(page);
    const onPath = (await inPage<string[]>(page, "proxygraph.cy.nodes('.on-path').map((node) => node.id())")).sort();
    expect(onPath).toEqual([...first.paths[0].nodes.map((node) => node.id)].sort());
    expect(onPath).toContain(first.entity.id);
    await page.locator('#path-results h2').getByText('1 path').waitFor();
    await screenshot(page, 'brokers');

    // A chip taken out: the group shrinks, and the next search says so in its pair count.
    await page.getByRole('button', { name: `Take ${(await page.locator('#brokers .chip span').first().textContent())!} out of the first group` }).click();
    await page.locator('#brokers-find').click();
    await page.locator('#brokers-summary').getByText(new RegExp(`of ${(FROM.length - 1) * TO.length} pairs|No shortest path joins`)).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
