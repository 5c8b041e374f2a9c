import { loadGraph } from '../../src/load';
import { createTestApi, type TestApi } from '../helpers/api';
import { SEED_DATASET } from '../helpers/fixture-datasets';

/** The analysis API on the seed dataset, through the real schema and Apollo server (no sockets). */

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi(loadGraph(SEED_DATASET));
});
afterAll(() => api.server.stop());

const codeOf = (result: { errors?: readonly { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;
type Change = { relationship: { id: string; evidence: { locator: string; source: { id: string } }[] }; change: string; date: string | null; via: { id: string } | null };

describe('changesBetween', () => {
  const CHANGES = `query ($from: String!, $to: String!) { changesBetween(from: $from, to: $to) {
    from to
    ended { total items { change date via { id } relationship { id type end evidence { locator source { id } } } } }
    began { total items { change date relationship { id start } } }
    beganAndEnded { total items { relationship { id } } }
    disappeared { total items { change date entity { id } } }
    appeared { total items { entity { id start } } }
  } }`;

  test('between 2019 and 2021 it lists the end of al-Muhandis\'s and Soleimani\'s leadership, dated, with evidence', async () => {
    const { data, errors } = await api.query(CHANGES, { from: '2019', to: '2021' });
    expect(errors).toBeUndefined();
    const ended: Change[] = data!.changesBetween.ended.items;
    const byId = new Map(ended.map((item) => [item.relationship.id, item]));
    for (const [id, locator] of [
      ['muhandis-leads-kataib-hezbollah', '¶3'],
      ['soleimani-leads-irgc-quds-force', '¶8'],
    ]) {
      const item = byId.get(id)!;
      expect(item).toMatchObject({ change: 'ENDED', date: '2020-01-03', via: null });
      expect(item.relationship).toMatchObject({ type: 'LEADS', end: '2020-01-03' });
      expect(item.relationship.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ locator, source: { id: 'article-2024-04-21' } })]));
    }
    expect(data!.changesBetween.ended.total).toBe(ended.length);
    // The men themselves are gone as of 2021, and with them relationships that carry no end date of their own.
    const gone = data!.changesBetween.disappeared.items.map((item: { entity: { id: string } }) => item.entity.id);
    expect(gone).toEqual(expect.arrayContaining(['abu-mahdi-al-muhandis', 'qasem-soleimani']));
    const alliance = byId.get('muhandis-allied-with-iran');
    expect(alliance).toMatchObject({ change: 'ENDED', via: { id: 'abu-mahdi-al-muhandis' }, date: '2020-01-03' });
  });

  test('what began is in the later network and not the earlier one, what ended the reverse, and nothing else changed', async () => {
    const { data } = await api.query(CHANGES, { from: '2019', to: '2021' });
    const network = async (asOf: string) => new Set(((await api.query(`{ network(asOf: "${asOf}") { edges { id } } }`)).data!.network.edges as { id: string }[]).map((edge) => edge.id));
    const [early, late] = [await network('2019'), await network('2021')];
    const began = data!.changesBetween.began.items.map((item: Change) => item.relationship.id);
    const ended = data!.changesBetween.ended.items.map((item: Change) => item.relationship.id);
    expect(began.length).toBeGreaterThan(0);
    for (const id of began) expect([early.has(id), late.has(id)]).toEqual([false, true]);
    for (const id of ended) expect([early.has(id), late.has(id)]).toEqual([true, false]);
    const expectedBegan = [...late].filter((id) => !early.has(id)).sort();
    expect([...began].sort()).toEqual(expectedBegan);
  });

  test('a relationship that began and ended between the dates is in neither network, and in the network of its date', async () => {
    const { data } = await api.query(`{ changesBetween(from: "2017", to: "2021") { beganAndEnded { total items { date relationship { id } } } } }`);
    const between: { date: string; relationship: { id: string } }[] = data!.changesBetween.beganAndEnded.items;
    // The killings of 2020-01-03: events that stay on the record, tied to men who were gone the day after.
    expect(between.map((item) => item.relationship.id)).toEqual(expect.arrayContaining(['united-states-killed-qasem-soleimani', 'united-states-killed-abu-mahdi-al-muhandis']));
    const edges = async (asOf: string) => new Set(((await api.query(`{ network(asOf: "${asOf}") { edges { id } } }`)).data!.network.edges as { id: string }[]).map((edge) => edge.id));
    const [before, after] = [await edges('2017'), await edges('2021')];
    for (const item of between) {
      expect([before.has(item.relationship.id), after.has(item.relationship.id)]).toEqual([false, false]);
      expect((await edges(item.date)).has(item.relationship.id)).toBe(true);
    }
  });

  test('refuses dates in the wrong order, naming the argument', async () => {
    const result = await api.query(CHANGES, { from: '2021', to: '2019' });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toMatch(/^from: 2021 is after to/);
    expect(codeOf(await api.query(CHANGES, { from: '2021-13', to: '2022' }))).toBe('BAD_USER_INPUT');
  });
});

describe('metrics', () => {
  test('ranks entities by the chosen measure; Entity.metrics agrees with the ranked row', async () => {
    const { data, errors } = await api.query(`{
      metrics(asOf: "2024-04-20", orderBy: BETWEENNESS, limit: 5) { entities ties relationships directed totalCount
        betweenness { approximate samples errorBound confidence }
        items { rank entity { id } degree neighbors betweenness pagerank closeness community } }
      entity(id: "irgc-quds-force") { metrics(asOf: "2024-04-20", orderBy: BETWEENNESS) { rank betweenness pagerank community } }
    }`);
    expect(errors).toBeUndefined();
    const result = data!.metrics;
    expect(result.items.map((item: { rank: number }) => item.rank)).toEqual([1, 2, 3, 4, 5]);
    const values = result.items.map((item: { betweenness: number }) => item.betweenness);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    expect(result.betweenness).toEqual({ approximate: false, samples: result.entities, errorBound: 0, confidence: 1 });
    expect(result.directed).toBe(false);
    expect(result.ties).toBeLessThanOrEqual(result.relationships);
    const { network } = (await api.query(`{ network(asOf: "2024-04-20") { nodes { id } edges { id } } }`)).data!;
    expect(result.entities).toBe(network.nodes.length);
    expect(result.relationships).toBe(network.edges.length);
    const all = (await api.query(`{ metrics(asOf: "2024-04-20", orderBy: BETWEENNESS, limit: 5000) { items { rank entity { id } betweenness pagerank community } } }`)).data!.metrics.items;
    const row = all.find((item: { entity: { id: string } }) => item.entity.id === 'irgc-quds-force');
    expect(data!.entity.metrics).toEqual({ rank: row.rank, betweenness: row.betweenness, pagerank: row.pagerank, community: row.community });
    const pagerankSum = all.reduce((sum: number, item: { pagerank: number }) => sum + item.pagerank, 0);
    expect(pagerankSum).toBeCloseTo(1, 6);
  });

  test('the date matters: after 2020-01-03 Soleimani is out of the network and has no measures', async () => {
    const { data } = await api.query(`{ entity(id: "qasem-soleimani") { before: metrics(asOf: "2019") { neighbors } after: metrics(asOf: "2021") { neighbors } } }`);
    expect(data!.entity.before.neighbors).toBeGreaterThan(0);
    expect(data!.entity.after).toBeNull();
  });

  test('ids restricts the rows, not the ranking; bad arguments are refused by name', async () => {
    const { data } = await api.query(`{ metrics(ids: ["iran", "hamas"], limit: 10) { totalCount items { rank entity { id } } } }`);
    expect(data!.metrics.totalCount).toBe(2);
    expect(data!.metrics.items.map((item: { entity: { id: string } }) => item.entity.id).sort()).toEqual(['hamas', 'iran']);
    const samples = await api.query(`{ metrics(samples: 1) { entities } }`);
    expect(codeOf(samples)).toBe('BAD_USER_INPUT');
    expect(samples.errors![0].message).toMatch(/^samples:/);
    expect(codeOf(await api.query(`{ metrics(limit: 5001) { entities } }`))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.query(`{ metrics(ids: ["nobody"]) { entities } }`))).toBe('NOT_FOUND');
    expect(codeOf(await api.query(`{ metrics(ids: ["__proto__"]) { entities } }`))).toBe('BAD_USER_INPUT');
  });
});

describe('communities', () => {
  test('partition every entity of the network, largest first, with a modularity that repeats', async () => {
    const query = `{ communities(asOf: "2024-04-20", limit: 100) { modularity resolution seed count communities { id size internalTies externalTies members(limit: 100) { id } } } metrics(asOf: "2024-04-20", limit: 1000) { entities ties items { entity { id } community } } }`;
    const { data, errors } = await api.query(query);
    expect(errors).toBeUndefined();
    const { communities, metrics } = data!;
    expect(communities.modularity).toBeGreaterThan(0.3);
    const members = communities.communities.flatMap((c: { members: { id: string }[] }) => c.members.map((member) => member.id));
    expect(new Set(members).size).toBe(metrics.entities);
    const sizes = communities.communities.map((c: { size: number }) => c.size);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    const communityOf = new Map(communities.communities.flatMap((c: { id: number; members: { id: string }[] }) => c.members.map((member) => [member.id, c.id])));
    for (const item of metrics.items) expect(communityOf.get(item.entity.id)).toBe(item.community);
    const ties = communities.communities.reduce((sum: number, c: { internalTies: number; externalTies: number }) => sum + c.internalTies + c.externalTies / 2, 0);
    expect(ties).toBe(metrics.ties);
    expect((await api.query(query)).data!.communities).toEqual(communities);
  });
});

describe('brokers', () => {
  const MILITIAS = ['kataib-hezbollah', 'asaib-ahl-al-haq', 'badr-organization', 'islamic-resistance-in-iraq'];

  test('between the Iraqi militias and Israel: ranked brokers with shortest paths through them and their evidence', async () => {
    const { data, errors } = await api.query(
      `query ($from: [ID!]!) { brokers(from: $from, to: ["israel"], limit: 5) { connectedPairs unconnectedPairs
        brokers { rank score share group entity { id } paths(limit: 2) { length nodes { id } hops { forward from { id } to { id } relationship { id evidence { locator source { id } } } } } } } }`,
      { from: MILITIAS },
    );
    expect(errors).toBeUndefined();
    const result = data!.brokers;
    expect(result.connectedPairs + result.unconnectedPairs).toBe(MILITIAS.length);
    expect(result.connectedPairs).toBeGreaterThan(0);
    expect(result.brokers.length).toBeGreaterThan(0);
    for (const broker of result.brokers) {
      expect(broker.share).toBeGreaterThan(0);
      expect(broker.share).toBeLessThanOrEqual(1);
      expect(broker.paths.length).toBeGreaterThan(0);
      for (const path of broker.paths) {
        const ids = path.nodes.map((node: { id: string }) => node.id);
        expect(MILITIAS).toContain(ids[0]);
        expect(ids[ids.length - 1]).toBe('israel');
        expect(ids).toContain(broker.entity.id);
        expect(path.hops).toHaveLength(path.length);
        path.hops.forEach((hop: { from: { id: string }; to: { id: string }; relationship: { evidence: unknown[] } }, i: number) => {
          expect([hop.from.id, hop.to.id]).toEqual([ids[i], ids[i + 1]]);
          expect(hop.relationship.evidence.length).toBeGreaterThan(0);
        });
        // A shortest path: no shorter path joins its ends under the same (undirected) reading.
        const shortest = (await api.query(`{ shortestPath(from: "${ids[0]}", to: "israel", maxLength: 16) { length } }`)).data!.shortestPath;
        expect(path.length).toBe(shortest.length);
      }
    }
    const scores = result.brokers.map((broker: { score: number }) => broker.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  test("a broker path's hop lists the other relationships between its two entities as alternatives", async () => {
    // Iran both BACKS and SUPPLIED the militias: one hop, taken by the more confident relationship.
    const { data, errors } = await api.query(
      `{ brokers(from: ["iran"], to: ["jordan-drone-attack-2024"], limit: 10) { brokers { entity { id } paths(limit: 1) {
        hops { from { id } to { id } relationship { id confidence } alternatives { id source { id } target { id } confidence } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const broker = data!.brokers.brokers.find((b: { entity: { id: string } }) => b.entity.id === 'iran-backed-militias-in-iraq');
    expect(broker).toBeDefined();
    const hop = broker.paths[0].hops.find((h: { to: { id: string } }) => h.to.id === 'iran-backed-militias-in-iraq');
    expect(hop.from.id).toBe('iran');
    const ids = [hop.relationship.id, ...hop.alternatives.map((a: { id: string }) => a.id)];
    expect(ids.sort()).toEqual(['iran-backs-iran-backed-militias-in-iraq', 'iran-supplied-iran-backed-militias-in-iraq']);
    for (const alternative of hop.alternatives) {
      expect([alternative.source.id, alternative.target.id].sort()).toEqual(['iran', 'iran-backed-militias-in-iraq']);
      expect(alternative.confidence).toBeLessThanOrEqual(hop.relationship.confidence);
    }
  });

  test('refuses a group that overlaps the other, and unknown ids', async () => {
    const overlap = await api.query(`{ brokers(from: ["iran", "israel"], to: ["israel"]) { connectedPairs } }`);
    expect(codeOf(overlap)).toBe('BAD_USER_INPUT');
    expect(overlap.errors![0].message).toContain('"israel" is in both groups');
    expect(codeOf(await api.query(`{ brokers(from: ["nobody"], to: ["israel"]) { connectedPairs } }`))).toBe('NOT_FOUND');
    expect(codeOf(await api.query(`{ brokers(from: [], to: ["israel"]) { connectedPairs } }`))).toBe('BAD_USER_INPUT');
  });
});

describe('timeline', () => {
  test('counts dated events, starts and ends per bucket; the buckets add up to the totals', async () => {
    const { data, errors } = await api.query(`{ timeline(interval: YEAR) { interval events starts ends undatedRelationships buckets { label start end events starts ends imprecise } } }`);
    expect(errors).toBeUndefined();
    const result = data!.timeline;
    expect(result.interval).toBe('YEAR');
    const sum = (key: 'events' | 'starts' | 'ends') => result.buckets.reduce((total: number, bucket: Record<string, number>) => total + bucket[key], 0);
    expect([sum('events'), sum('starts'), sum('ends')]).toEqual([result.events, result.starts, result.ends]);
    const year2020 = result.buckets.find((bucket: { label: string }) => bucket.label === '2020');
    expect(year2020).toMatchObject({ start: '2020-01-01', end: '2020-12-31' });
    // At least the two leadership ends of 2020-01-03.
    expect(year2020.ends).toBeGreaterThanOrEqual(2);
    const labels = result.buckets.map((bucket: { label: string }) => Number(bucket.label));
    labels.forEach((year: number, i: number) => i > 0 && expect(year).toBe(labels[i - 1] + 1));
  });

  test('takes the filters: only LEADS relationships leaves no events of other types', async () => {
    const { data } = await api.query(`{ all: timeline(interval: MONTH) { starts ends } leads: timeline(types: [LEADS], kinds: [PERSON, ORGANIZATION], interval: MONTH) { events starts ends buckets { label ends } } }`);
    expect(data!.leads.events).toBe(0);
    expect(data!.leads.starts).toBeLessThan(data!.all.starts);
    const january2020 = data!.leads.buckets.find((bucket: { label: string }) => bucket.label === '2020-01');
    expect(january2020.ends).toBeGreaterThanOrEqual(2);
  });
});

test('the GraphiQL example of the analysis queries runs on the seed without errors', async () => {
  const { EXAMPLE_TABS } = await import('../../client/graphiql/examples');
  const example = EXAMPLE_TABS.find((tab) => tab.query.includes('query Analysis'))!;
  const { data, errors } = await api.query(example.query);
  expect(errors).toBeUndefined();
  expect(data!.changesBetween.ended.total).toBeGreaterThan(0);
  expect(data!.brokers.brokers.length).toBeGreaterThan(0);
});
