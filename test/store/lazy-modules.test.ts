import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { communitiesOf, metrics } from '../../src/analysis';
import { tokenCommand } from '../../src/cli/token-command';
import { loadGraph } from '../../src/load';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { ensureBuilt, startServer, stopServer, type ServerProcess } from './helpers/server-process';
import { freshStoreConfig, prepareHome, type TestStoreConfig } from './helpers/stores';

// Issue #14: a started server does not hold the libraries only ingestion, analysis or a PostgreSQL store need; the
// first request that needs one loads it and answers as the in-process functions do. A real `node dist/src/main.js` on
// the embedded store, inspected by test/helpers/process-probe.js (its loaded modules, on SIGUSR2).

jest.setTimeout(180_000);

const PROBE = join(__dirname, '..', 'helpers', 'process-probe.js');
/** Each library by the path its files have in node_modules. */
const ON_FIRST_USE = {
  compromise: '/node_modules/compromise/',
  'chrono-node': '/node_modules/chrono-node/',
  htmlparser2: '/node_modules/htmlparser2/',
  'graphology-metrics': '/node_modules/graphology-metrics/',
  'graphology-communities-louvain': '/node_modules/graphology-communities-louvain/',
  pg: '/node_modules/pg/',
};
type Library = keyof typeof ON_FIRST_USE;

const INGEST = `mutation($input: IngestReportInput!) { ingestReport(input: $input) { paragraphs proposals { type source { entity } target { entity } status } } }`;
// HTML, so that reading it needs all three language libraries (plain text skips htmlparser2).
const ARTICLE = '<h1>Militia report</h1><p>Kataib Hezbollah, which is backed by Iran, fired rockets at Camp Victory on 3 March 2024.</p>';
const SOURCE = { title: 'Militia report', published: '2024-04-21', publisher: 'Test Wire', url: 'https://example.org/militia-report' };

describe('a started server loads the ingestion and analysis libraries on first use', () => {
  let store: TestStoreConfig;
  let server: ServerProcess;
  let scratch: string;
  let probeFile: string;
  beforeAll(async () => {
    ensureBuilt();
    scratch = mkdtempSync(join(tmpdir(), 'proxygraph-probe-'));
    probeFile = join(scratch, 'probe.json');
    store = await freshStoreConfig('embedded');
    await prepareHome(store, { seeded: true });
    server = await startServer({ ...store.env, PROXYGRAPH_PROBE_FILE: probeFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PROBE}`.trim() });
  });
  afterAll(async () => {
    if (server) await stopServer(server);
    await store?.cleanup();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** The libraries the server process has loaded, as its probe reports them. */
  async function loaded(): Promise<Set<Library>> {
    rmSync(probeFile, { force: true });
    server.child.kill('SIGUSR2');
    for (let waited = 0; !existsSync(probeFile); waited += 20) {
      if (waited > 10_000) throw new Error(`the probe in process ${server.child.pid} wrote nothing to ${probeFile}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const modules = (JSON.parse(readFileSync(probeFile, 'utf8')) as { modules: string[] }).modules;
    return new Set((Object.keys(ON_FIRST_USE) as Library[]).filter((name) => modules.some((path) => path.includes(ON_FIRST_USE[name]))));
  }

  test('after start, none of them is loaded', async () => {
    expect([...(await loaded())]).toEqual([]);
    expect((await server.gql('{ entity(id: "iran") { name } }')).data.entity.name).toBe('Iran');
    expect([...(await loaded())]).toEqual([]);
  });

  test('the first analysis loads graphology-metrics and louvain, and answers as the in-process functions', async () => {
    const graph = loadGraph(SEED_DATASET);
    const { data, errors } = await server.gql(`{ metrics(orderBy: PAGERANK, limit: 5) { items { entity { id } pagerank betweenness community } } communities { modularity count } }`);
    expect(errors).toBeUndefined();
    const expected = metrics(graph, { orderBy: 'PAGERANK', limit: 5 });
    expect(data.metrics.items).toEqual(expected.items.map((item) => ({ entity: { id: item.entity.id }, pagerank: item.pagerank, betweenness: item.betweenness, community: item.community })));
    const partition = communitiesOf(graph, {});
    expect(data.communities).toEqual({ modularity: partition.modularity, count: partition.count });
    const now = await loaded();
    expect(now.has('graphology-metrics') && now.has('graphology-communities-louvain')).toBe(true);
    expect(now.has('compromise')).toBe(false);
  });

  test('the first ingestion loads compromise, chrono-node and htmlparser2, and reads the article', async () => {
    const created: string[] = [];
    const output = { out: (line: string) => created.push(line), err: () => {} };
    expect(await tokenCommand(['create', '--name', 'lazy-editor', '--role', 'editor'], output, store.env)).toBe(0);
    const { data, errors } = await server.gql(INGEST, { input: { text: ARTICLE, source: SOURCE } }, created[0]);
    expect(errors).toBeUndefined();
    expect(data.ingestReport.paragraphs).toHaveLength(2);
    expect(data.ingestReport.proposals).toContainEqual({ type: 'BACKS', source: { entity: 'iran' }, target: { entity: 'kataib-hezbollah' }, status: 'ADDS_EVIDENCE' });
    const now = await loaded();
    for (const name of ['compromise', 'chrono-node', 'htmlparser2'] as const) expect(now.has(name)).toBe(true);
    // The embedded store never needs the PostgreSQL client.
    expect(now.has('pg')).toBe(false);
  });
});
