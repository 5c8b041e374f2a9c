import { Worker } from 'node:worker_threads';
import { workerScript } from '../load';
import { StillComputingError } from '../model';
import type { LibraryJob, LibraryResult } from './library-measures';
import type { LibraryRequest } from './library-measures.worker';
import { MAX_BACKGROUND, type PendingWork } from './paced-work';
import type { Ties } from './ties';

/**
 * Library measures (PageRank, Louvain) of large networks run in a worker thread, so the server answers other requests
 * meanwhile: graphology's implementations run in one go, seconds from a few hundred thousand ties. One worker at a
 * time (the machine's other core serves requests), first come first served; a computation whose result would be of no
 * use any more (`stale()` says why: the graph changed) is stopped within STALE_POLL_MS.
 */

const STALE_POLL_MS = 50;

interface Queued {
  start(): void;
}

const queue: Queued[] = [];
let running = false;

function next(): void {
  running = false;
  const job = queue.shift();
  if (job) {
    running = true;
    job.start();
  }
}

export function runInWorker(what: string, ties: Ties, jobs: readonly LibraryJob[], stale: () => Error | null): PendingWork<LibraryResult[]> {
  if (queue.length + (running ? 1 : 0) >= MAX_BACKGROUND) throw new StillComputingError(`${what} waits: ${queue.length + 1} other computations are under way or queued`, 0, 10);
  let done = false;
  let settle!: { resolve: (value: LibraryResult[]) => void; reject: (error: unknown) => void };
  const promise = new Promise<LibraryResult[]>((resolve, reject) => (settle = { resolve, reject }));
  queue.push({
    start() {
      const early = stale();
      if (early) {
        done = true;
        settle.reject(early);
        return next();
      }
      const worker = new Worker(workerScript(__dirname, 'library-measures.worker'));
      const finish = (outcome: () => void) => {
        if (done) return;
        done = true;
        clearInterval(watch);
        outcome();
        void worker.terminate();
        next();
      };
      const watch = setInterval(() => {
        const reason = stale();
        if (reason) finish(() => settle.reject(reason));
      }, STALE_POLL_MS);
      watch.unref();
      worker.once('message', (results: LibraryResult[]) => finish(() => settle.resolve(results)));
      worker.once('error', (error) => finish(() => settle.reject(new Error(`${what} failed in its worker thread: ${error.message}`, { cause: error }))));
      worker.once('exit', (code) => finish(() => settle.reject(new Error(`${what}: its worker thread stopped (exit code ${code}) before answering`))));
      // Copies, not the network's own arrays: a transfer would empty those for every other reader.
      const request: LibraryRequest = { ties: { order: ties.order, directed: ties.directed, from: ties.from.slice(), to: ties.to.slice() }, jobs };
      worker.postMessage(request, [request.ties.from.buffer as ArrayBuffer, request.ties.to.buffer as ArrayBuffer]);
    },
  });
  if (!running) next();
  // A computation nobody waits for any more must not fail as an unhandled rejection.
  promise.catch(() => undefined);
  return Object.assign(promise, { progress: () => (done ? 1 : 0), what });
}
