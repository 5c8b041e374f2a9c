import { parentPort } from 'node:worker_threads';
import { runLibraryJobs, type LibraryJob } from './library-measures';
import type { Ties } from './ties';

/** A worker of measure-worker.ts: library measures over the ties it is sent; the results' arrays are transferred back. */
export interface LibraryRequest {
  readonly ties: Ties;
  readonly jobs: readonly LibraryJob[];
}

parentPort?.once('message', ({ ties, jobs }: LibraryRequest) => {
  const results = runLibraryJobs(ties, jobs);
  parentPort!.postMessage(
    results,
    results.map((result) => (result instanceof Float64Array ? result : result.labels).buffer as ArrayBuffer),
  );
});
