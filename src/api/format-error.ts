import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DataValidationError, InvalidInputError, NotFoundError, ProxygraphError } from '../model';

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
 * The one error boundary of the API: domain errors become NOT_FOUND / BAD_USER_INPUT with their message; GraphQL's own
 * request errors pass with their codes; anything else is masked as INTERNAL_SERVER_ERROR (the request-logging plugin
 * logs the real error with the request id, which the response also carries).
 */
export function createFormatError(options: { includeStacktrace: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof NotFoundError) return { ...base, extensions: { code: 'NOT_FOUND' } };
    if (original instanceof InvalidInputError) return { ...base, extensions: { code: 'BAD_USER_INPUT', argument: original.argument } };
    if (original instanceof DataValidationError) return { ...base, extensions: { code: 'BAD_USER_INPUT', problems: original.problems } };
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
