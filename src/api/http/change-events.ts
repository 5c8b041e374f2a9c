import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Logger } from '../../logger';
import type { ContextFactory } from '../create-apollo-server';
import type { ChangeFeed, ChangeSummary } from '../live/change-feed';
import { sendJsonError } from './security-headers';

/** A comment line every so often keeps proxies and the browser from taking an idle stream for a dead one. */
const HEARTBEAT_MS = 15_000;
/** How often a signed-in stream checks that its token still works, when no change makes it check sooner. */
const TOKEN_CHECK_MS = 30_000;
/** How long a browser waits before reconnecting (the client reconnects itself, with the same delay). */
const RETRY_MS = 2000;

function sinceOf(request: IncomingMessage, url: URL): number | null {
  const raw = request.headers['last-event-id'] ?? url.searchParams.get('since');
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

function event(name: string, id: number, data: unknown): string {
  return `event: ${name}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * GET /events: the changes of the graph as Server-Sent Events (text/event-stream), for the client's live updates.
 * The request is authenticated as GraphQL requests are (bearer token; refused with 401 when reading needs one or the
 * token is not valid); a resumed stream (Last-Event-ID, or ?since=SEQ) first gets the changes it missed. Events:
 * `ready` {lastSeq} (no id), `changes` {changes: ChangeSummary[]}, `reset` {lastSeq} (too much was missed: reload), and
 * `revoked` (the token stopped working; the stream ends).
 */
export async function handleChangeEvents(
  feed: ChangeFeed | null,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  options: { requestId: string; logger: Logger; createContext: ContextFactory },
): Promise<void> {
  if (request.method !== 'GET') {
    sendJsonError(response, 405, 'METHOD_NOT_ALLOWED', 'the change stream is read with GET', { allow: 'GET' });
    return;
  }
  if (!feed) {
    sendJsonError(response, 404, 'NOT_FOUND', 'this server serves files read-only, without a store: there are no live changes');
    return;
  }
  const authenticate = () => options.createContext({ request, requestId: options.requestId, logger: options.logger });
  try {
    await authenticate();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
      const http = error.extensions.http as { headers?: Map<string, string> } | undefined;
      sendJsonError(response, 401, 'UNAUTHENTICATED', error.message, Object.fromEntries(http?.headers ?? []));
      return;
    }
    throw error;
  }
  const signedIn = Boolean(request.headers.authorization);
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  request.socket.setNoDelay(true);
  request.socket.setKeepAlive(true);
  let open = true;
  let stop: () => void = () => undefined;
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
  const tokenCheck = signedIn ? setInterval(() => deliver([], feed.seq), TOKEN_CHECK_MS) : undefined;
  const end = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    clearInterval(tokenCheck);
    stop();
    response.end();
  };
  request.on('close', end);
  response.on('error', end);
  // Writes go through one chain, so that events keep their order around the token checks.
  let chain: Promise<void> = Promise.resolve();
  const write = (work: () => Promise<string | null>) => {
    chain = chain.then(async () => {
      if (!open) return;
      const text = await work();
      if (open && text) response.write(text);
    });
  };
  const deliver = (changes: readonly ChangeSummary[], lastSeq: number) =>
    write(async () => {
      // A token revoked since the stream opened must stop receiving: check it again before telling anything more.
      if (signedIn) {
        try {
          await authenticate();
        } catch {
          response.write(event('revoked', lastSeq, { message: 'the token is no longer valid: sign in again' }));
          end();
          return null;
        }
      }
      return changes.length > 0 ? event('changes', lastSeq, { changes }) : null;
    });
  response.write(`retry: ${RETRY_MS}\n\n`);
  response.write(`event: ready\ndata: ${JSON.stringify({ lastSeq: feed.seq })}\n\n`);
  stop = await feed.subscribe({ deliver, reset: (lastSeq) => write(async () => event('reset', lastSeq, { lastSeq })), close: end }, sinceOf(request, url));
  if (!open) stop();
  options.logger.debug({ requestId: options.requestId, subscribers: feed.size }, 'change stream opened');
}
