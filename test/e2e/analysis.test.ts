import type { Page } from 'playwright-core';
import { dayOf } from '../../client/dates';
import { COMMUNITY_PALETTE, COMPARE_MARKS, sizesFor, SIZE_RANGE } from '../../client/analysis-style';
import { describeInBrowser, inPage, openPage, screenshot, settled, until, useServerAndBrowser } from './support/browser';

/** The analysis views in Chromium on the seed: size by a measure, colour by community, compare mode and the timeline. */

type Metric = { entity: { id: string }; betweenness: number; community: number };

const hex = (rgb: string) =>
  '#' +
  (rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((part) => Number(part).toString(16).padStart(2, '0'))
    .join('');

async function moveSlider(page: Page, day: string, earliest: string): Promise<void> {
  await page.locator('#time-enabled').check();
  await page.locator('#time-slider').evaluate((element, value) => {
    (element as unknown as { value: string }).value = String(value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, dayOf(day) - dayOf(earliest));
  await until(page, `new URL(location.href).searchParams.get('asOf') === '${day}'`);
  await settled(page);
}

describeInBrowser('network analysis in the client', () => {
  const session = useServerAndBrowser();
  const metrics = async (asOf: string | null) =>
    (await session.server.graphql<{ metrics: { items: Metric[]; entities: number } }>('query ($asOf: String) { metrics(asOf: $asOf, limit: 3000) { entities items { entity { id } betweenness community } } }', { asOf })).metrics;

  test('size by a measure: every drawn node is sized by its betweenness, the ranked table selects on click', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    expect(await page.locator('#ranking tbody tr').count()).toBe(15);
    await page.locator('#analysis-measure').selectOption('BETWEENNESS');
    await page.locator('#size-by-measure').check();
    await settled(page);
    const { items } = await metrics(null);
    const expected = sizesFor(new Map(items.map((item) => [item.entity.id, item.betweenness])));
    const drawn = await inPage<Record<string, { width: number; sized: boolean }>>(page, "Object.fromEntries(proxygraph.cy.nodes().map((node) => [node.id(), { width: node.width(), sized: node.hasClass('sized') }]))");
    expect(Object.keys(drawn).length).toBe(items.length);
    for (const [id, node] of Object.entries(drawn)) {
      expect(node.sized).toBe(true);
      expect(node.width).toBeCloseTo(expected.get(id)!, 1);
    }
    const top = [...items].sort((a, b) => b.betweenness - a.betweenness)[0].entity.id;
    expect(drawn[top].width).toBe(SIZE_RANGE.max);
    // The table ranks by the measure: its first row is the top broker; clicking it selects it.
    const first = page.locator('#ranking tbody tr').first();
    expect(await first.getAttribute('data-id')).toBe(top);
    await screenshot(page, 'analysis-size-by-betweenness');
    await first.locator('button').click();
    await settled(page);
    expect(await inPage(page, 'proxygraph.controller.state.selected')).toBe(top);
    await page.locator('#panel h2').waitFor();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    // The settings travel in the link: a new page opened on it measures, sizes and ranks alike.
    const link = await inPage<string>(page, 'location.search');
    expect(new URLSearchParams(link).get('measure')).toBe('BETWEENNESS');
    expect(new URLSearchParams(link).get('size')).toBe('1');
    const again = await openPage(session.browser, session.server, `/${link}`);
    await settled(again.page);
    expect(await again.page.locator('#analysis-measure').inputValue()).toBe('BETWEENNESS');
    expect(await again.page.locator('#size-by-measure').isChecked()).toBe(true);
    expect(await again.page.locator('#ranking tbody tr').first().getAttribute('data-id')).toBe(top);
    expect(await inPage(again.page, `proxygraph.cy.getElementById(${JSON.stringify(top)}).width()`)).toBe(SIZE_RANGE.max);
    expect(again.errors).toEqual([]);
    await again.page.context().close();
    await page.locator('#size-by-measure').uncheck();
    await settled(page);
    expect(await inPage(page, "proxygraph.cy.nodes('.sized').length")).toBe(0);
    expect(new URLSearchParams(await inPage<string>(page, 'location.search')).get('size')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('colour by community: nodes take their Louvain community colour, and the panel names the communities', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?asOf=2024-04-20');
    await settled(page);
    await page.locator('#colour-by-community').check();
    await settled(page);
    const { items } = await metrics('2024-04-20');
    const community = new Map(items.map((item) => [item.entity.id, item.community]));
    const colours = await inPage<Record<string, string>>(page, "Object.fromEntries(proxygraph.cy.nodes().map((node) => [node.id(), node.style('background-color')]))");
    expect(Object.keys(colours).length).toBe(items.length);
    for (const [id, colour] of Object.entries(colours)) expect(hex(colour)).toBe((COMMUNITY_PALETTE[community.get(id)!] ?? '#bab0ac').toLowerCase());
    expect(new Set(Object.values(colours)).size).toBeGreaterThanOrEqual(3);
    const { communities } = await session.server.graphql<{ communities: { modularity: number; count: number } }>('{ communities(asOf: "2024-04-20") { modularity count } }');
    expect(await page.locator('#analysis-summary').textContent()).toContain(`${communities.count} communities, modularity ${communities.modularity.toFixed(3)}`);
    expect(await page.locator('#community-list li').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'analysis-colour-by-community');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('compare mode: pinned 2019-06-01, slider on 2021-06-01, what began is green and what ended (the 2020 leadership) red', async () => {
    const { page, errors } = await openPage(session.browser, session.server, '/?asOf=2019-06-01');
    await settled(page);
    const { stats } = await session.server.graphql<{ stats: { earliest: string } }>('{ stats { earliest } }');
    const graphHeight = () => inPage<number>(page, 'proxygraph.cy.height()');
    const height = await graphHeight();
    expect(await page.locator('#compare').isVisible()).toBe(false);
    await page.locator('#compare-button').click();
    await settled(page);
    expect(await page.locator('#compare-button').textContent()).toBe('Comparing with 2019-06-01');
    // The summary takes the hint's line: the graph keeps its height (and its fitted drawing stays whole).
    expect(await page.locator('#compare').isVisible()).toBe(true);
    expect(await page.locator('#graph-hint').isVisible()).toBe(false);
    expect(await graphHeight()).toBe(height);
    await moveSlider(page, '2021-06-01', stats.earliest);
    const { changesBetween } = await session.server.graphql<{ changesBetween: { began: { total: number; items: { relationship: { id: string } }[] }; ended: { total: number; items: { relationship: { id: string } }[] } } }>(
      '{ changesBetween(from: "2019-06-01", to: "2021-06-01", limit: 300) { began { total items { relationship { id } } } ended { total items { relationship { id } } } } }',
    );
    const marks = await inPage<Record<string, string[]>>(page, "Object.fromEntries(proxygraph.cy.edges().map((edge) => [edge.id(), ['compare-began', 'compare-ended', 'compare-ghost', 'compare-same'].filter((c) => edge.hasClass(c))]))");
    for (const { relationship } of changesBetween.began.items) expect(marks[relationship.id]).toEqual(['compare-began']);
    for (const { relationship } of changesBetween.ended.items) expect(marks[`ghost:${relationship.id}`]).toEqual(['compare-ended', 'compare-ghost']);
    expect(changesBetween.ended.items.map((item) => item.relationship.id)).toEqual(expect.arrayContaining(['muhandis-leads-kataib-hezbollah', 'soleimani-leads-irgc-quds-force']));
    const colour = (id: string) => inPage<string>(page, `proxygraph.cy.getElementById(${JSON.stringify(id)}).style('line-color')`);
    expect(hex(await colour('ghost:muhandis-leads-kataib-hezbollah'))).toBe(COMPARE_MARKS.ended.color);
    expect(hex(await colour(changesBetween.began.items[0].relationship.id))).toBe(COMPARE_MARKS.began.color);
    expect(await page.locator('#compare-summary').textContent()).toContain(`${changesBetween.began.total} began, ${changesBetween.ended.total} ended`);
    await screenshot(page, 'analysis-compare-2019-2021');
    // The listed change opens the ended relationship with its evidence.
    await page.locator('.compare-details summary').click();
    // The list opens over the graph, which keeps its height.
    expect(await page.locator('#compare-list').isVisible()).toBe(true);
    expect(await graphHeight()).toBe(height);
    const listed = page.locator('#compare-list button[data-relationship="muhandis-leads-kataib-hezbollah"]');
    // The ghost's end is named, not shown as an id.
    expect(await listed.textContent()).toBe('2020-01-03 · ended: Abu Mahdi al-Muhandis leads Kata\'ib Hezbollah');
    await listed.click();
    await settled(page);
    await page.locator('#panel h2').waitFor();
    expect(await page.locator('#panel').textContent()).toContain('¶3');
    await screenshot(page, 'analysis-compare-evidence');
    // Off: no ghosts, no marks.
    await page.locator('#compare-button').click();
    await settled(page);
    expect(await inPage(page, "proxygraph.cy.elements('.compare-began, .compare-ended, .compare-same').length")).toBe(0);
    expect(await inPage(page, "proxygraph.cy.elements().filter((e) => e.id().startsWith('ghost:')).length")).toBe(0);
    expect(await page.locator('#graph-hint').isVisible()).toBe(true);
    expect(await graphHeight()).toBe(height);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('the timeline: one bar per bucket under the time bar; clicking 2020 shows the network as of its last day', async () => {
    const { page, errors } = await openPage(session.browser, session.server);
    await settled(page);
    const { timeline } = await session.server.graphql<{ timeline: { interval: string; buckets: { label: string; end: string }[] } }>('{ timeline { interval buckets { label end } } }');
    expect(await page.locator('#timeline .timeline-bucket').count()).toBe(timeline.buckets.length);
    const box = await page.locator('#timeline').boundingBox();
    const time = await page.locator('#time').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(time!.y + time!.height - 1);
    const bucket = timeline.buckets.find((candidate) => candidate.label.startsWith('2020'))!;
    await page.locator(`#timeline .timeline-bucket[data-label="${bucket.label}"]`).click();
    await until(page, `new URL(location.href).searchParams.get('asOf') === '${bucket.end}'`);
    await settled(page);
    expect(await page.locator('#time-input').inputValue()).toBe(bucket.end);
    const { network } = await session.server.graphql<{ network: { edges: { id: string }[] } }>(`{ network(asOf: "${bucket.end}") { edges { id } } }`);
    const drawn = await inPage<string[]>(page, 'proxygraph.cy.edges().map((edge) => edge.id())');
    expect(drawn.sort()).toEqual(network.edges.map((edge) => edge.id).sort());
    expect(await page.locator(`#timeline .timeline-bucket[data-label="${bucket.label}"]`).getAttribute('aria-current')).toBe('date');
    // Keyboard: Enter on a focused bar jumps too; past the data's last day, to that day (where the slider stops).
    const { stats } = await session.server.graphql<{ stats: { latest: string } }>('{ stats { latest } }');
    const last = timeline.buckets[timeline.buckets.length - 1];
    expect(last.end > stats.latest).toBe(true);
    await page.locator(`#timeline .timeline-bucket[data-label="${last.label}"]`).focus();
    await page.keyboard.press('Enter');
    await until(page, `new URL(location.href).searchParams.get('asOf') === '${stats.latest}'`);
    await settled(page);
    expect(await page.locator('#time-input').inputValue()).toBe(stats.latest);
    expect(await page.locator('#analysis-summary').textContent()).toContain(`as of ${stats.latest}`);
    await screenshot(page, 'analysis-timeline');

    // On the slider's scale: the slider's thumb stands over the bar of the year it is in.
    await page.locator('#time-input').fill('2016-07-01');
    await page.locator('#time-input').press('Enter');
    await until(page, "new URL(location.href).searchParams.get('asOf') === '2016-07-01'");
    await settled(page);
    const year = await page.locator('#timeline .timeline-bucket[aria-current="date"] .timeline-hit').boundingBox();
    expect(await page.locator('#timeline .timeline-bucket[aria-current="date"]').getAttribute('data-label')).toBe('2016');
    const slider = (await page.locator('#time-slider').boundingBox())!;
    const thumb = await inPage<number>(page, "parseFloat(getComputedStyle(document.querySelector('.time-dock')).getPropertyValue('--thumb'))");
    const { stats: range } = await session.server.graphql<{ stats: { earliest: string; latest: string } }>('{ stats { earliest latest } }');
    const share = (dayOf('2016-07-01') - dayOf(range.earliest)) / (dayOf(range.latest) - dayOf(range.earliest));
    const thumbCentre = slider.x + thumb / 2 + share * (slider.width - thumb);
    expect(Math.abs(thumbCentre - (year!.x + year!.width / 2))).toBeLessThan(year!.width / 4);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
