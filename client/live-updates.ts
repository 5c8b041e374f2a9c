import type { LiveChange } from './edit-types';
import { parseEventStream } from './event-stream';

export type LiveState = 'connecting' | 'live' | 'offline' | 'unauthorized';

export interface LiveOptions {
  readonly url?: string;
  /** The bearer token to send (the signed-in session's). */
  readonly token: () => string | null;
  readonly onChanges: (changes: readonly LiveChange[]) => void;
  /** The stream missed more than the server could replay: reload what is shown. */
  readonly onReset: () => void;
  readonly onState: (state: LiveState, detail?: string) => void;
  /** Connected: the server's last change. */
  readonly onReady?: (lastSeq: number) => void;
  readonly fetchImpl?: typeof fetch;
  /** First delay before reconnecting; doubles up to 15 s while the server stays away. */
  readonly retryMs?: number;
}

export interface LiveConnection {
  /** Reconnects now, with the current token (after signing in or out). */
  restart(): void;
  close(): void;
}

/**
 * Follows the server's change stream (GET /events, Server-Sent Events) with fetch rather than EventSource, because
 * EventSource cannot send the Authorization header (and the token must never go into a URL). Reconnects by itself
 * and resumes after the last change it saw (Last-Event-ID), so a dropped connection loses nothing.
 */
export function connectLive(options: LiveOptions): LiveConnection {
  const url = options.url ?? '/events';
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  let lastId: string | null = null;
  let lastSeq = 0;
  let closed = false;
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = options.retryMs ?? 2000;

  const dispatch = (event: string, id: string | null, data: string) => {
    if (id !== null) lastId = id;
    const payload = JSON.parse(data) as { lastSeq?: number; changes?: LiveChange[]; message?: string };
    if (event === 'ready') {
      options.onState('live');
      options.onReady?.(payload.lastSeq ?? 0);
    } else if (event === 'changes' && payload.changes) {
      const fresh = payload.changes.filter((change) => change.seq > lastSeq);
      if (fresh.length === 0) return;
      lastSeq = fresh[fresh.length - 1].seq;
      options.onChanges(fresh);
    } else if (event === 'reset') {
      lastSeq = payload.lastSeq ?? lastSeq;
      options.onReset();
    } else if (event === 'revoked') {
      options.onState('unauthorized', payload.message);
    }
  };

  const connect = async (): Promise<void> => {
    const mine = new AbortController();
    controller = mine;
    options.onState('connecting');
    let unauthorized = false;
    try {
      const secret = options.token();
      const response = await fetchImpl(url, {
        headers: { accept: 'text/event-stream', ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...(lastId ? { 'last-event-id': lastId } : {}) },
        signal: mine.signal,
      });
      if (response.status === 401) {
        unauthorized = true;
        options.onState('unauthorized', 'the server refused the token');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      delay = options.retryMs ?? 2000;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseEventStream(buffer);
        buffer = parsed.rest;
        for (const event of parsed.events) dispatch(event.event, event.id, event.data);
      }
    } catch (error) {
      if (mine.signal.aborted) return;
      options.onState('offline', (error as Error).message);
    } finally {
      if (controller === mine && !closed && !mine.signal.aborted && !unauthorized) {
        options.onState('offline');
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, 15_000);
      }
    }
  };

  void connect();
  return {
    restart() {
      clearTimeout(timer);
      controller?.abort();
      if (!closed) void connect();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}
