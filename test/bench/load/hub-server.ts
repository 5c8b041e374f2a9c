import 'reflect-metadata';
import { createApp } from '../../../src/api/create-app';
import { serverOptionsFromEnv } from '../../../src/api/server-options';
import { buildGraph } from '../../../src/load';
import { createLogger } from '../../../src/logger';
import type { EntityRecord, RelationshipRecord } from '../../../src/model';

/**
 * The server of the load bench's high-degree phase: proxygraph's own app (createApp: the same limits, budget and
 * plugins as `npm start`, production settings) over a generated graph in memory, with one entity, "hub", that has
 * HUB_DEGREE relationships (default 1,000,000): MEMBER_OF from 1,000 people, dated over 24 years. No store: the phase
 * measures query work at a high-degree entity, not the import of a million records.
 */
export const HUB_MEMBERS = 1000;

function hubGraph(degree: number) {
  const entities: EntityRecord[] = [{ id: 'hub', kind: 'ORGANIZATION', name: 'Hub Organization', aliases: [] }];
  for (let i = 0; i < HUB_MEMBERS; i++) entities.push({ id: `member-${i}`, kind: 'PERSON', name: `Member ${i}`, aliases: [] });
  const evidence = [{ source: 'generated', locator: 'line 1' }];
  const relationships: RelationshipRecord[] = [];
  for (let i = 0; i < degree; i++) {
    relationships.push({ id: `rel-${String(i).padStart(7, '0')}`, type: 'MEMBER_OF', source: `member-${i % HUB_MEMBERS}`, target: 'hub', start: String(2000 + (i % 24)), evidence });
  }
  return buildGraph({ sources: [{ id: 'generated', title: 'Generated for the load bench' }], entities, relationships });
}

async function main(): Promise<void> {
  const degree = Number(process.env.HUB_DEGREE ?? 1_000_000);
  const started = Date.now();
  const graph = hubGraph(degree);
  const logger = createLogger(process.env);
  const app = await createApp(graph, serverOptionsFromEnv(process.env), logger);
  const url = await app.listen();
  process.stdout.write(`hub graph of ${graph.size} relationships built in ${((Date.now() - started) / 1000).toFixed(1)} s; API at ${url}\n`);
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
