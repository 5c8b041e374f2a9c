import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger';
import { unwrapResolverError } from '@apollo/server/errors';
import { createFormatError, isInternalError } from './format-error';
import { responseReasons } from './response-reasons';
import { applyExecutionBudget, costLimitPlugin, DEFAULT_QUERY_LIMITS, executionBudgetPlugin, queryLimitRules, rateLimitPlugin, type BudgetedContext, type DegreeOracle, type QueryLimits, type RateLimitConfig } from './limits';
import type { ServerOptions } from './server-options';

export interface RequestContext extends BudgetedContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** The client's address (the socket's, or X-Forwarded-For's first behind a trusted proxy), for rate limits. */
  readonly clientAddress?: string;
}

/** Builds the context of one GraphQL request from the HTTP request (the place to add auth and per-request state). */
export type ContextFactory = (input: { request: IncomingMessage; requestId: string; logger: Logger }) => Promise<RequestContext>;

export const defaultContext: ContextFactory = async ({ requestId, logger }) => ({ requestId, logger });

/**
 * One log line per operation (name, duration, outcome); internal errors logged in full with the request id; the
 * request id added to every error in the response, so a user can quote it.
 */
function requestLogging(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let errors = 0;
      return {
        async didEncounterErrors(request) {
          errors = request.errors.length;
          for (const error of request.errors) {
            if (isInternalError(error)) contextValue.logger.error({ requestId: contextValue.requestId, err: unwrapResolverError(error), path: error.path }, 'internal error');
          }
        },
        async willSendResponse(request) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          contextValue.logger.info({ requestId: contextValue.requestId, operation: request.operationName ?? null, durationMs: Math.round(durationMs * 100) / 100, outcome: errors > 0 ? 'error' : 'ok', errors }, 'graphql');
          const body = request.response.body;
          if (body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = body.singleResult.errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }));
          }
        },
      };
    },
  };
}

export function createApolloServer(
  schema: GraphQLSchema,
  options: Pick<ServerOptions, 'development' | 'introspection' | 'allowBatchedHttpRequests'> & { readonly limits?: QueryLimits; readonly degrees?: DegreeOracle; readonly rateLimit?: RateLimitConfig | null },
): ApolloServer<RequestContext> {
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  return new ApolloServer<RequestContext>({
    // Execution yields to the event loop every few milliseconds and stops at maxExecutionMs (limits/execution-budget.ts).
    schema: applyExecutionBudget(schema),
    // Query limits, all checked before any resolver runs: tokens while parsing, depth, aliases and directives while
    // validating (cached with the document), cost once the variables are known.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: queryLimitRules(limits),
    introspection: options.introspection,
    allowBatchedHttpRequests: options.allowBatchedHttpRequests,
    csrfPrevention: true,
    // main.ts drains the HTTP server on SIGTERM, then stops Apollo; Apollo's own signal handler would stop it first and
    // fail the requests still in flight with a 500.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.development,
    hideSchemaDetailsFromClientErrors: !options.development,
    formatError: createFormatError({ includeStacktrace: options.development, hideSuggestions: !options.development }),
    plugins: [
      // The IDE is served by our own route from bundled assets; Apollo's landing page needs the internet.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...(options.development ? [] : [ApolloServerPluginDisableSuggestions()]),
      costLimitPlugin<RequestContext>(limits.maxCost, options.degrees),
      responseReasons<RequestContext>(),
      ...(options.rateLimit ? [rateLimitPlugin<RequestContext & { actor?: { name: string } | null }>(options.rateLimit)] : []),
      executionBudgetPlugin<RequestContext>(limits.maxExecutionMs),
      requestLogging(),
    ],
  });
}
