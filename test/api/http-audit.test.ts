import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditServer, type AuditResult } from 'graphql-http';
import { loadGraph } from '../../src/load';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { startTestServer } from './http-harness';

// The GraphQL-over-HTTP audits of the graphql-http package, against the real server on an ephemeral port.
const REFERENCE = join(__dirname, '..', 'fixtures', 'graphql-http', 'apollo-server-report.md');
const graph = loadGraph(SEED_DATASET);

/** The ids of the audits plain Apollo Server passes, from the reference report's "Passing" list. */
function referencePassing(): Set<string> {
  const markdown = readFileSync(REFERENCE, 'utf8');
  const passing = markdown.slice(markdown.indexOf('<h2>Passing</h2>'), markdown.indexOf('<h2>', markdown.indexOf('<h2>Passing</h2>') + 1));
  return new Set([...passing.matchAll(/<code>([0-9A-Z]{4})<\/code>/g)].map((match) => match[1]));
}

async function audit(env: NodeJS.ProcessEnv): Promise<AuditResult[]> {
  const server = await startTestServer(graph, env);
  try {
    return await auditServer({ url: server.url, fetchFn: fetch });
  } finally {
    await server.stop();
  }
}

const summary = (results: AuditResult[]) => results.reduce<Record<string, number>>((counts, result) => ({ ...counts, [result.status]: (counts[result.status] ?? 0) + 1 }), {});
const failures = (results: AuditResult[]) => results.filter((result) => result.status === 'error').map((result) => `${result.id} ${result.name}`);

test('as configured by default (development): no MUST failure, and everything plain Apollo Server passes', async () => {
  const results = await audit({});
  expect(failures(results)).toEqual([]);
  expect(summary(results)).toEqual({ ok: 55, notice: 3, warn: 3 });
  const ours = new Set(results.filter((result) => result.status === 'ok').map((result) => result.id));
  expect([...referencePassing()].filter((id) => !ours.has(id))).toEqual([]);
});

test('in production with introspection allowed: the same', async () => {
  const results = await audit({ NODE_ENV: 'production', PROXYGRAPH_INTROSPECTION: 'true' });
  expect(failures(results)).toEqual([]);
  expect(summary(results).ok).toBe(55);
});

test('in production with introspection off (the default): only the two audits that query __type fail, by design', async () => {
  const results = await audit({ NODE_ENV: 'production' });
  expect(failures(results)).toEqual(['BF61 MUST accept utf-8 encoded request', '28B9 MUST allow map {variables} parameter when accepting application/json']);
});
