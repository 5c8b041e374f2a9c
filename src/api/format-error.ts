import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ConflictError, DataValidationError, ForbiddenError, InvalidInputError, NotFoundError, ProxygraphError, StillComputingError, UnauthenticatedError } from '../model';
import { limitErrorOf } from './limits';

export const INTERNAL_MESSAGE = 'Internal server error';

/** graphql-js's and Apollo's own request errors (syntax, validation, variables) carry a code and say what was wrong. */
function isRequestError(error: unknown, code: unknown): boolean {
  return error instanceof GraphQLError && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
}

/** True when an error will be masked: neither a domain error nor a GraphQL request error. Such errors are logged. */
export function isInternalError(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  return !(original instanceof ProxygraphError) && !isRequestError(original, error.extensions?.code);
}

/**
 * graphql-js appends " Did you mean …?" to messages that name schema members. Apollo's DisableSuggestions plugin strips
 * it from validation errors only; variable coercion errors ("Value "PERSN" does not exist in "EntityKind" enum. Did
 * you mean the enum value "PERSON"?") keep it, so it is stripped here, from every error, when suggestions are off.
 */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/**
 * The one error boundary of the API: query-limit refusals keep their own codes (limits/limit-error.ts); domain errors
 * become NOT_FOUND / BAD_USER_INPUT (and the store's CONFLICT, UNAUTHENTICATED, FORBIDDEN) with their message; GraphQL's
 * own request errors pass with their codes; anything else is masked as INTERNAL_SERVER_ERROR (the request-logging
 * plugin logs the real error with the request id, which the response also carries).
 */
export function createFormatError(options: { includeStacktrace: boolean; hideSuggestions?: boolean }) {
  const format = formatter(options);
  if (!options.hideSuggestions) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return SUGGESTION.test(result.message) ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
  };
}

function formatter(options: { includeStacktrace: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Query limits: Apollo reports ours as GRAPHQL_VALIDATION_FAILED and graphql-js's token limit as a syntax error.
    const limit = limitErrorOf(error);
    if (limit) {
      const { code, max, found } = limit.extensions as { code: string; max: number; found?: number };
      return { message: limit.message, locations: formatted.locations, extensions: { code, limit: limit.limit, max, ...(found !== undefined && { found }) } };
    }
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof NotFoundError) return { ...base, extensions: { code: 'NOT_FOUND' } };
    if (original instanceof InvalidInputError) return { ...base, extensions: { code: 'BAD_USER_INPUT', argument: original.argument } };
    if (original instanceof DataValidationError) return { ...base, extensions: { code: 'BAD_USER_INPUT', problems: original.problems } };
    if (original instanceof ConflictError) return { ...base, extensions: { code: 'CONFLICT', currentVersion: original.currentVersion } };
    if (original instanceof UnauthenticatedError) return { ...base, extensions: { code: 'UNAUTHENTICATED' } };
    if (original instanceof ForbiddenError) return { ...base, extensions: { code: 'FORBIDDEN' } };
    if (original instanceof StillComputingError) return { ...base, extensions: { code: 'STILL_COMPUTING', progress: original.progress, retryAfterSeconds: original.retryAfterSeconds } };
    if (original instanceof ProxygraphError) return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
    if (isRequestError(original, formatted.extensions?.code)) {
      if (options.includeStacktrace) return formatted;
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    return {
      message: INTERNAL_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(options.includeStacktrace && original instanceof Error ? { detail: original.message, stacktrace: original.stack?.split('\n') } : {}) },
    };
  };
}
