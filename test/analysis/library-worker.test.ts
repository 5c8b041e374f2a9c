import { analysisSnapshot, louvainOfTies, pageRankOfTies, partitionOf, WORKER_TIES } from '../../src/analysis';
import { runInWorker } from '../../src/analysis/measure-worker';
import { announceGraphChange, graphRebuilt, loadGraph } from '../../src/load';
import { SEED_DATASET } from '../helpers/fixture-datasets';
import { ringGraph } from '../api/support/ring-graph';

// PageRank and Louvain of a large network run in a worker thread when a query asks for them: the main thread stays
// free, the results are those computed in this thread, and a graph change stops them.

jest.setTimeout(120_000);

const LARGE = 12_000;

test('a large network: the measures come from a worker while this thread goes on, equal to those computed here', async () => {
  const graph = ringGraph(LARGE);
  const snapshot = analysisSnapshot(graph, {});
  expect(snapshot.analysis.ties).toBeGreaterThanOrEqual(WORKER_TIES);
  const pending = snapshot.libraryPending([{ measure: 'pagerank' }, { measure: 'louvain', resolution: 1 }]);
  expect(pending).not.toBeNull();
  expect(pending!.progress()).toBe(0);
  expect(pending!.what).toBe(`PageRank and Louvain communities (resolution 1) of 12,000 entities and ${snapshot.analysis.ties.toLocaleString('en-US')} ties`);
  // A turn of the event loop comes before the result: the computation does not hold this thread.
  let turned = false;
  setImmediate(() => (turned = true));
  await pending;
  expect(turned).toBe(true);
  expect(pending!.progress()).toBe(1);
  // Known now: nothing more to wait for, and the same arrays every time.
  expect(snapshot.libraryPending([{ measure: 'pagerank' }, { measure: 'louvain', resolution: 1 }])).toBeNull();
  expect(snapshot.pageRank()).toBe(snapshot.pageRank());
  expect(snapshot.pageRank()).toEqual(pageRankOfTies(snapshot.analysis));
  expect(snapshot.communities(1)).toEqual(partitionOf(louvainOfTies(snapshot.analysis, 1), 1));
  expect(snapshot.communities(1).members.length).toBeGreaterThan(1);
});

test('a small network computes them at once: nothing to wait for', () => {
  const snapshot = analysisSnapshot(loadGraph(SEED_DATASET), {});
  expect(snapshot.analysis.ties).toBeLessThan(WORKER_TIES);
  expect(snapshot.libraryPending([{ measure: 'pagerank' }, { measure: 'louvain', resolution: 2 }])).toBeNull();
  expect(snapshot.communities(2).resolution).toBe(2);
});

test('a graph change while the worker computes stops it: the wait fails saying why, and the next ask starts afresh', async () => {
  const graph = ringGraph(LARGE);
  const snapshot = analysisSnapshot(graph, {});
  const pending = snapshot.libraryPending([{ measure: 'louvain', resolution: 1 }]);
  announceGraphChange(graph, graphRebuilt());
  await expect(pending).rejects.toThrow('the graph changed while its measures were being computed; ask again');
  const fresh = analysisSnapshot(graph, {});
  expect(fresh).not.toBe(snapshot);
  await fresh.libraryPending([{ measure: 'louvain', resolution: 1 }]);
  expect(fresh.communities(1)).toEqual(partitionOf(louvainOfTies(fresh.analysis, 1), 1));
});

test('a worker that fails fails the wait with what was being computed', async () => {
  // A tie to a node the network does not have: graphology refuses it inside the worker.
  const broken = { order: 1, directed: false, from: Uint32Array.of(0), to: Uint32Array.of(5) };
  await expect(runInWorker('Louvain communities of a broken network', broken, [{ measure: 'louvain', resolution: 1 }], () => null)).rejects.toThrow(
    /^Louvain communities of a broken network failed in its worker thread: .*"5"/,
  );
  // The next computation is not held up by the failed one.
  const two = { order: 2, directed: true, from: Uint32Array.of(0), to: Uint32Array.of(1) };
  await expect(runInWorker('PageRank of two', two, [{ measure: 'pagerank' }], () => null)).resolves.toEqual([pageRankOfTies(two)]);
});
