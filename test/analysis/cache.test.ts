import { analysisSnapshot, ANALYSIS_CACHE_SIZE, metrics } from '../../src/analysis';
import { announceGraphChange, entityAttributes, graphRebuilt, loadGraph, relationshipAttributes } from '../../src/load';
import type { RelationshipRecord } from '../../src/model';
import { SEED_DATASET } from '../helpers/fixture-datasets';

/** Measures are computed once per (date, filters), kept, and dropped when the graph announces a change. */

test('the same date and filters reuse one snapshot and its measures; other filters get their own', () => {
  const graph = loadGraph(SEED_DATASET);
  const first = analysisSnapshot(graph, { asOf: '2020', types: ['BACKS', 'LEADS'] });
  // Same network: the order of types and a null directed do not matter.
  const again = analysisSnapshot(graph, { asOf: '2020', types: ['LEADS', 'BACKS'], directed: null });
  expect(again).toBe(first);
  expect(again.pageRank()).toBe(first.pageRank());
  expect(analysisSnapshot(graph, { asOf: '2020', types: ['BACKS', 'LEADS'], directed: true })).not.toBe(first);
  expect(analysisSnapshot(graph, { asOf: '2021', types: ['BACKS', 'LEADS'] })).not.toBe(first);
  expect(analysisSnapshot(graph, { asOf: '2020', types: ['BACKS', 'LEADS'] })).toBe(first);
});

test('only the most recently used snapshots are kept', () => {
  const graph = loadGraph(SEED_DATASET);
  const first = analysisSnapshot(graph, { asOf: '2000' });
  for (let year = 2001; year <= 2000 + ANALYSIS_CACHE_SIZE; year++) analysisSnapshot(graph, { asOf: String(year) });
  expect(analysisSnapshot(graph, { asOf: '2000' })).not.toBe(first);
  const kept = analysisSnapshot(graph, { asOf: String(2000 + ANALYSIS_CACHE_SIZE) });
  expect(analysisSnapshot(graph, { asOf: String(2000 + ANALYSIS_CACHE_SIZE) })).toBe(kept);
});

test('an edit announced by the graph drops the cached measures, and the next query sees it', () => {
  const graph = loadGraph(SEED_DATASET);
  const before = metrics(graph, { ids: ['hamas'], limit: 1 }).items[0].neighbors;
  const snapshot = analysisSnapshot(graph, {});
  graph.addNode('new-militia', entityAttributes({ id: 'new-militia', kind: 'ORGANIZATION', name: 'New Militia', aliases: [] }));
  const record: RelationshipRecord = { id: 'new-militia-allied-with-hamas', type: 'ALLIED_WITH', source: 'new-militia', target: 'hamas', evidence: [{ source: 'article-2024-04-21' }] };
  graph.addEdgeWithKey(record.id, record.source, record.target, relationshipAttributes(record));
  // Not announced yet: the cache still answers with what it computed.
  expect(analysisSnapshot(graph, {})).toBe(snapshot);
  announceGraphChange(graph, { rebuilt: false, entities: new Set(['new-militia']), removedEntities: new Set(), relationships: [{ before: null, after: record }], sources: new Set() });
  expect(analysisSnapshot(graph, {})).not.toBe(snapshot);
  expect(metrics(graph, { ids: ['hamas'], limit: 1 }).items[0].neighbors).toBe(before + 1);
  const rebuilt = analysisSnapshot(graph, {});
  announceGraphChange(graph, graphRebuilt());
  expect(analysisSnapshot(graph, {})).not.toBe(rebuilt);
});
