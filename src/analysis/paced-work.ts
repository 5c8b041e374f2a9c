import { StillComputingError } from '../model';

/**
 * Long computations without a blocked server. A computation is written as a generator that yields its progress
 * (0..1) between units of work (one pivot of betweenness, say); run in the background, it goes on in slices of at most
 * SLICE_MS, one per turn of the event loop, so requests and liveness probes are served between slices. Background
 * work runs one computation at a time, first come first served: two heavy analyses never share the CPU with each
 * other, only with requests.
 */

export type Work<T> = Generator<number, T, void>;

/** A result still being computed: a promise with how far along it is. */
export type PendingWork<T> = Promise<T> & { readonly progress: () => number; readonly what: string };

/** Longest a slice of background work runs before it lets the event loop serve others, in milliseconds. */
export const SLICE_MS = 5;
/** Most computations waiting or running at once; past it a new one is refused (asked again, it may find room). */
export const MAX_BACKGROUND = 4;

/** Runs a computation to its end now (tests, the command line, and small networks). */
export function runNow<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** The type guard for a value that is a pending computation rather than a result. */
export function isPending<T>(value: T | PendingWork<T>): value is PendingWork<T> {
  return typeof (value as PendingWork<T> | undefined)?.progress === 'function';
}

interface Job {
  slice(): boolean;
}

const lane: Job[] = [];
let turnScheduled = false;

function runSlice(): void {
  turnScheduled = false;
  const job = lane[0];
  if (job && job.slice()) lane.shift();
  if (lane.length > 0) {
    turnScheduled = true;
    setImmediate(runSlice);
  }
}

/**
 * Runs a computation in the background, after those already waiting. `stale()` is asked between slices: when it says
 * why the result would be of no use any more (the graph changed), the computation stops and the promise fails with
 * that error.
 */
export function runInBackground<T>(what: string, work: Work<T>, stale: () => Error | null): PendingWork<T> {
  if (lane.length >= MAX_BACKGROUND) throw new StillComputingError(`${what} waits: ${lane.length} other computations are under way or queued`, 0, 10);
  let progress = 0;
  let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  lane.push({
    slice() {
      const started = performance.now();
      try {
        for (;;) {
          const reason = stale();
          if (reason) {
            settle.reject(reason);
            return true;
          }
          const step = work.next();
          if (step.done) {
            progress = 1;
            settle.resolve(step.value);
            return true;
          }
          progress = step.value;
          if (performance.now() - started >= SLICE_MS) return false;
        }
      } catch (error) {
        settle.reject(error);
        return true;
      }
    },
  });
  if (!turnScheduled) {
    turnScheduled = true;
    setImmediate(runSlice);
  }
  // A computation nobody waits for any more must not fail as an unhandled rejection.
  promise.catch(() => undefined);
  return Object.assign(promise, { progress: () => progress, what });
}

/** One pending computation standing for several (null when there are none): done when all are, as far along as their mean. */
export function allPending(pending: readonly PendingWork<unknown>[]): PendingWork<unknown> | null {
  if (pending.length <= 1) return pending[0] ?? null;
  const progress = () => pending.reduce((sum, work) => sum + work.progress(), 0) / pending.length;
  const all = Promise.all(pending);
  all.catch(() => undefined);
  return Object.assign(all, { progress, what: [...new Set(pending.map((work) => work.what))].join('; ') });
}

/** A pending computation's result passed through `map`, as far along as the computation. */
export function mapPending<T, U>(pending: PendingWork<T>, map: (value: T) => U): PendingWork<U> {
  const mapped = pending.then(map);
  mapped.catch(() => undefined);
  return Object.assign(mapped, { progress: pending.progress, what: pending.what });
}
