import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger';
import type { ContextFactory, RequestContext } from '../create-apollo-server';
import { sendJsonError } from './security-headers';

class BodyTooLargeError extends Error {}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop keeping the body but let it flow: destroying the socket here would lose the 413 (the client would see a
        // reset); the response closes the connection instead.
        request.off('data', onData);
        request.resume();
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The client's address: the socket's, or behind a trusted proxy the first address of X-Forwarded-For. */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || request.socket.remoteAddress || 'unknown';
}

/** Hands a request to Apollo Server: our own small integration over node:http (body limit, JSON errors, request ids). */
export async function handleGraphQL(
  apollo: ApolloServer<RequestContext>,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  options: { maxBodyBytes: number; requestId: string; logger: Logger; createContext: ContextFactory; trustProxy?: boolean },
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (request.method === 'POST') {
    let text: string;
    try {
      text = await readBody(request, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJsonError(response, 413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${options.maxBodyBytes} bytes`, { connection: 'close' });
        return;
      }
      throw error;
    }
    const type = headers.get('content-type') ?? '';
    // The whole media type, anchored: "application/jsonx" or "application/json-seq" is not JSON.
    if (/^\s*application\/(graphql-response\+)?json\s*(;|$)/i.test(type)) {
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined;
      } catch (error) {
        sendJsonError(response, 400, 'BAD_REQUEST', `request body is not valid JSON: ${(error as Error).message}`);
        return;
      }
    } else {
      body = text;
    }
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
    context: async () => ({ ...(await options.createContext({ request, requestId: options.requestId, logger: options.logger })), clientAddress: clientAddress(request, options.trustProxy ?? false) }),
  });
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    // A declared length spares the chunked framing (one write instead of a writev of chunks) and tells clients the size.
    response.setHeader('content-length', Buffer.byteLength(result.body.string));
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
