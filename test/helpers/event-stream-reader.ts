import { parseEventStream, type StreamEvent } from '../../client/event-stream';

// A reader of GET /events (Server-Sent Events) over real HTTP, for tests: the events in order, awaited one by one.

export interface Stream {
  readonly status: number;
  /** The next event matching `predicate` (events before it are consumed). */
  next(predicate?: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** `search`: a query string such as "?since=12". */
export async function openStream(origin: string, headers: Record<string, string> = {}, search = ''): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${origin}/events${search}`, { headers, signal: controller.signal });
  const queue: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  let done = false;
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseEventStream(buffer);
        buffer = parsed.rest;
        queue.push(...parsed.events);
        waiters.splice(0).forEach((wake) => wake());
      }
    } catch {
      // aborted
    } finally {
      done = true;
      waiters.splice(0).forEach((wake) => wake());
    }
  })();
  return {
    status: response.status,
    ended,
    close: () => controller.abort(),
    async next(predicate = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex(predicate);
        if (index >= 0) return queue.splice(0, index + 1)[index];
        if (done) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms (had: ${queue.map((event) => event.event).join(', ')})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}

export const changesOf = (event: StreamEvent) => (JSON.parse(event.data) as { changes: Record<string, unknown>[] }).changes;
export const isChanges = (event: StreamEvent) => event.event === 'changes';
