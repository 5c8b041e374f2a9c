import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Actor } from '../store';
import type { ContextFactory, RequestContext } from './create-apollo-server';

/** The context of a request on a server with a store: who is asking (null when no token was sent). */
export interface AuthContext extends RequestContext {
  readonly actor?: Actor | null;
}

/** Whether reading needs a token (PROXYGRAPH_READ_ACCESS). Editing always does. */
export type ReadAccess = 'open' | 'token';

export function readAccessFromEnv(env: NodeJS.ProcessEnv = process.env): ReadAccess {
  const value = env.PROXYGRAPH_READ_ACCESS || 'open';
  if (value !== 'open' && value !== 'token') throw new Error(`PROXYGRAPH_READ_ACCESS=${value}: use open (anyone may read) or token (reading needs a token too)`);
  return value;
}

/** Refuses the whole request with HTTP 401, before any resolver runs. */
function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="proxygraph"']]) } } });
}

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/**
 * Reads `Authorization: Bearer <token>`. A token that is malformed, unknown or revoked refuses the request (401), as
 * does a missing one when reading needs a token; with no token and open reading, the request goes on anonymously and
 * each mutation refuses it (UNAUTHENTICATED).
 */
export function createAuthContext(options: { authenticate: (secret: string) => Promise<Actor | null>; readAccess: ReadAccess }): ContextFactory {
  return async ({ request, requestId, logger }): Promise<AuthContext> => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      if (options.readAccess === 'token') throw unauthenticated('this server needs a token to read: send "Authorization: Bearer <token>"');
      return { requestId, logger, actor: null };
    }
    const match = BEARER.exec(header);
    if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const actor = await options.authenticate(match[1]);
    if (!actor) throw unauthenticated('the token is not valid: it is unknown or was revoked');
    return { requestId, logger, actor };
  };
}
