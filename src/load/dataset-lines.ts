import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../model';
import { isRelationshipsLine, linePlace, parseDatasetLine } from './dataset-line';
import type { LineRequest, NodeTableRequest } from './dataset-lines.worker';
import type { DatasetStream } from './dataset-stream';
import type { RelationshipBatch } from './relationship-batch';
import { workerScript } from './worker-script';

/**
 * Reads a dataset file in JSON lines (dataset-line.ts) into a DatasetStream. With workers, the lines are parsed, and
 * the relationships' fields checked and encoded, in worker threads (dataset-lines.worker.ts) while this thread checks
 * ids and references and builds the graph, taking the lines' results in file order: the problems are those of a read
 * without workers, in the same order. A worker that fails fails the read (the stream is then not to be finished).
 */
export interface DatasetLinesOptions {
  /**
   * Worker threads; 0 reads in this thread. Default: 2 with two cores or more, else 0. Measured at 1M relationships on
   * 2 cores (README): 2 workers take 0.65× the time of none when the cores are free, for 0.3 GB more peak memory;
   * when other work keeps the cores busy they gain nothing.
   */
  readonly workers?: number;
  /** A worker's heap limit in MB (resourceLimits.maxOldGenerationSizeMb); past it the worker, and the read, fail. */
  readonly workerHeapMb?: number;
}

type Reply = { readonly problem: Problem } | { readonly batch: RelationshipBatch } | { readonly text: string };

interface Line {
  readonly number: number;
  readonly bytes: Uint8Array;
}

export const defaultLineWorkers = () => (availableParallelism() >= 2 ? 2 : 0);

/** The lines of a file as bytes of their own (transferable), numbered from 1; blank lines skipped. */
async function* readLines(file: string): AsyncGenerator<Line> {
  let carry: Buffer[] = [];
  let number = 0;
  const cut = (pieces: Buffer[]): Line | null => {
    number++;
    const parts = pieces.filter((part) => part.length > 0);
    let length = parts.reduce((sum, part) => sum + part.length, 0);
    if (length > 0 && parts[parts.length - 1][parts[parts.length - 1].length - 1] === 0x0d) length--;
    if (length === 0) return null;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part.subarray(0, length - at), at);
      at += part.length;
    }
    return { number, bytes };
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(0x0a); end >= 0; end = chunk.indexOf(0x0a, start)) {
      const line = cut([...carry, chunk.subarray(start, end)]);
      carry = [];
      start = end + 1;
      if (line) yield line;
    }
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  const last = carry.length > 0 ? cut(carry) : null;
  if (last) yield last;
}

function apply(stream: DatasetStream, reply: Reply, file: string, line: number): void {
  const place = linePlace(file, line);
  if ('problem' in reply) {
    stream.problems.push(reply.problem);
  } else if ('batch' in reply) {
    stream.addRelationshipBatch(reply.batch, place);
  } else {
    const parsed = parseDatasetLine(reply.text, file, line);
    if ('problem' in parsed) return void stream.problems.push(parsed.problem);
    const raw = (values: readonly unknown[]) => values.map((value) => ({ value, place }));
    if (parsed.value.sources) stream.addSources(raw(parsed.value.sources));
    if (parsed.value.entities) stream.addEntities(raw(parsed.value.entities));
    if (parsed.value.relationships) stream.addRelationships(raw(parsed.value.relationships));
  }
}

/** A worker whose replies come in the order of its requests; when it fails, every pending and later request fails. */
class LineWorker {
  private readonly worker: Worker;
  private readonly waiting: { resolve(reply: Reply): void; reject(error: Error): void }[] = [];
  private failure: Error | null = null;

  constructor(file: string, heapMb: number | undefined) {
    this.worker = new Worker(workerScript(__dirname, 'dataset-lines.worker'), heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb } } : {});
    this.worker.on('message', (reply: Reply) => this.waiting.shift()?.resolve(reply));
    const fail = (error: Error) => {
      this.failure ??= new Error(`reading ${file}: a dataset worker failed (${error.message}); nothing was loaded`, { cause: error });
      for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
  }

  /** The node table, for the lines sent after it (no reply). */
  sendTable(request: NodeTableRequest): void {
    if (!this.failure) this.worker.postMessage(request);
  }

  send(request: LineRequest): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const reply = new Promise<Reply>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    return reply;
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/** Reads `file` into `stream` (sources, entities, relationships); then `stream.finish()` gives the graph or every problem. */
export async function streamDatasetLines(file: string, stream: DatasetStream, options: DatasetLinesOptions = {}): Promise<void> {
  const count = options.workers ?? defaultLineWorkers();
  if (count === 0) {
    for await (const line of readLines(file)) apply(stream, { text: Buffer.from(line.bytes.buffer, 0, line.bytes.length).toString('utf8') }, file, line.number);
    return;
  }
  const workers = Array.from({ length: count }, () => new LineWorker(file, options.workerHeapMb));
  const pending: { line: number; reply: Promise<Reply> }[] = [];
  try {
    let next = 0;
    let tableSent = false;
    for await (const line of readLines(file)) {
      if (!tableSent && isRelationshipsLine(line.bytes)) {
        // The entities before the first line of relationships, all applied: the workers resolve ends with them.
        for (const { line: number, reply } of pending.splice(0)) apply(stream, await reply, file, number);
        const nodes = stream.nodeTable();
        for (const worker of workers) worker.sendTable({ nodes });
        tableSent = true;
      }
      const reply = workers[next++ % count].send({ file, line: line.number, bytes: line.bytes });
      // Awaited in order below; until then a failure must not count as unhandled.
      reply.catch(() => undefined);
      pending.push({ line: line.number, reply });
      // Two lines in flight per worker: one parsed while the other's result waits for this thread.
      while (pending.length >= 2 * count) {
        const first = pending.shift()!;
        apply(stream, await first.reply, file, first.line);
      }
    }
    for (const { line, reply } of pending.splice(0)) apply(stream, await reply, file, line);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
