import { parseEventStream } from '../../client/event-stream';
import { connectLive, type LiveState } from '../../client/live-updates';
import type { LiveChange } from '../../client/edit-types';

const change = (seq: number): LiveChange => ({ seq, at: '2024-01-01T00:00:00.000Z', actor: 'bob', operation: 'updateEntity', op: 'update', kind: 'entity', id: 'x', version: seq, label: 'X' });

/** A fetch whose responses are event streams the test writes into, and which records each request's headers. */
function streamingFetch() {
  const requests: { headers: Record<string, string> }[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  const statuses: number[] = [];
  const fetchImpl = (async (_url: string, init: { headers: Record<string, string> }) => {
    requests.push({ headers: init.headers });
    const status = statuses.shift() ?? 200;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void streams.push(controller) });
    return { status, ok: status < 300, body } as unknown as Response;
  }) as unknown as typeof fetch;
  const encoder = new TextEncoder();
  return {
    requests,
    statuses,
    fetchImpl,
    write: (text: string) => streams[streams.length - 1].enqueue(encoder.encode(text)),
    end: () => streams[streams.length - 1].close(),
  };
}

const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await tick();
  expect(check()).toBe(true);
}

describe('the event stream parser', () => {
  test('parses complete events, joins data lines, skips comments, keeps the incomplete rest', () => {
    const { events, rest } = parseEventStream('retry: 2000\n\n: ping\n\nevent: changes\nid: 7\ndata: {"a":\ndata: 1}\n\nevent: ready\r\ndata: {}\r\n\r\nevent: chan');
    expect(events).toEqual([
      { event: 'changes', id: '7', data: '{"a":\n1}' },
      { event: 'ready', id: null, data: '{}' },
    ]);
    expect(rest).toBe('event: chan');
  });
});

describe('following the change stream', () => {
  test('sends the token as a bearer header, reports changes once each, and resumes after the last one it saw', async () => {
    const server = streamingFetch();
    const changes: number[] = [];
    const states: LiveState[] = [];
    let token: string | null = 'pxg_secret';
    const live = connectLive({ token: () => token, fetchImpl: server.fetchImpl, retryMs: 20, onChanges: (batch) => changes.push(...batch.map((c) => c.seq)), onReset: () => undefined, onState: (state) => states.push(state) });
    await until(() => server.requests.length === 1);
    expect(server.requests[0].headers.authorization).toBe('Bearer pxg_secret');
    expect(server.requests[0].headers).not.toHaveProperty('last-event-id');
    server.write('event: ready\ndata: {"lastSeq":4}\n\n');
    server.write(`event: changes\nid: 6\ndata: ${JSON.stringify({ changes: [change(5), change(6)] })}\n\n`);
    await until(() => changes.length === 2);
    expect(states).toContain('live');
    // The connection drops: it reconnects by itself, from the last change it saw; a replayed change is not reported twice.
    server.end();
    await until(() => server.requests.length === 2);
    expect(states).toContain('offline');
    expect(server.requests[1].headers['last-event-id']).toBe('6');
    server.write(`event: changes\nid: 7\ndata: ${JSON.stringify({ changes: [change(6), change(7)] })}\n\n`);
    await until(() => changes.length === 3);
    expect(changes).toEqual([5, 6, 7]);
    // Signed out: it reconnects at once without the token.
    token = null;
    live.restart();
    await until(() => server.requests.length === 3);
    expect(server.requests[2].headers).not.toHaveProperty('authorization');
    live.close();
  });

  test('a refused token (401) or a revoked one stops it and says so; a reset asks for a reload', async () => {
    const server = streamingFetch();
    server.statuses.push(200, 401);
    const states: LiveState[] = [];
    let resets = 0;
    const live = connectLive({ token: () => 'pxg_x', fetchImpl: server.fetchImpl, retryMs: 20, onChanges: () => undefined, onReset: () => resets++, onState: (state) => states.push(state) });
    await until(() => server.requests.length === 1);
    server.write('event: reset\nid: 90\ndata: {"lastSeq":90}\n\n');
    await until(() => resets === 1);
    server.write('event: revoked\nid: 90\ndata: {"message":"no"}\n\n');
    await until(() => states.includes('unauthorized'));
    server.end();
    await until(() => server.requests.length === 2);
    await tick(100);
    expect(server.requests).toHaveLength(2);
    expect(states[states.length - 1]).toBe('unauthorized');
    live.close();
  });
});
