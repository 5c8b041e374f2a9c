import { Worker } from 'node:worker_threads';
import { workerScript } from '../load';
import type { RelationshipPage } from './relationship-page';
import type { PageRequest } from './relationship-page.worker';

type Reply = { readonly page: RelationshipPage } | { readonly error: string };

/**
 * The worker's young generation: a page makes about 100 MB of short-lived strings. Measured packing 1M relationships in
 * one thread: 4.4–4.5 s CPU with 32 MB semi-spaces (this size) against 4.7–5.1 s with V8's default.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * A worker thread that encodes pages of the relationships table (relationship-page.worker.ts) while this thread asks
 * PostgreSQL (PGlite runs in this thread) for the next page and builds the graph. Replies come in the order of the
 * pages; when the worker fails, every pending and later page fails with the reason.
 */
export class RelationshipPageWorker {
  private readonly worker: Worker;
  private readonly waiting: { resolve(page: RelationshipPage): void; reject(error: Error): void }[] = [];
  private failure: Error | null = null;

  /** `heapMb`: the worker's heap limit (resourceLimits.maxOldGenerationSizeMb); past it the worker, and the load, fail. */
  constructor(nodeKeys: readonly (string | undefined)[], heapMb?: number) {
    this.worker = new Worker(workerScript(__dirname, 'relationship-page.worker'), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(heapMb ? { maxOldGenerationSizeMb: heapMb } : {}) } });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.shift();
      if ('page' in reply) waiter?.resolve(reply.page);
      else waiter?.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      this.failure ??= new Error(`reading the store's relationships: its worker thread failed (${error.message}); the graph was not loaded`, { cause: error });
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
    this.worker.postMessage({ nodeKeys } satisfies PageRequest);
  }

  /** Hands a page of COPY bytes over (not copied: the bytes are gone from this thread) for encoding. */
  encode(bytes: Uint8Array): Promise<RelationshipPage> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = new Promise<RelationshipPage>((resolve, reject) => this.waiting.push({ resolve, reject }));
    // Awaited in order by the caller; until then a failure must not count as unhandled.
    reply.catch(() => undefined);
    this.worker.postMessage({ bytes } satisfies PageRequest, [bytes.buffer as ArrayBuffer]);
    return reply;
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
