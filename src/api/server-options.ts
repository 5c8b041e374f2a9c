import { DEFAULT_QUERY_LIMITS, QUERY_LIMIT_VARIABLES, rateLimitFromEnv, type QueryLimits, type RateLimitConfig } from './limits';

/** Settings of the API server, read from the environment in one place. */
export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  /** Development: introspection, the IDE and stack traces in errors are on. */
  readonly development: boolean;
  readonly introspection: boolean;
  readonly ide: boolean;
  readonly allowBatchedHttpRequests: boolean;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** Limits every GraphQL document is checked against before execution (limits/query-limits.ts). */
  readonly limits: QueryLimits;
  /** Longest time a client may take to send a whole request (headers and body), in milliseconds. */
  readonly requestTimeoutMs: number;
  /** On SIGTERM, how long in-flight requests may take to finish before their connections are closed, in milliseconds. */
  readonly shutdownGraceMs: number;
  /** Rate limits on expensive operations (limits/rate-limits.ts); null when off. */
  readonly rateLimit: RateLimitConfig | null;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`${name}=${value}: must be an integer from ${min} to ${max}`);
  return parsed;
}

export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const development = env.NODE_ENV !== 'production';
  return {
    host: env.HOST || '127.0.0.1',
    port: integer('PORT', env.PORT, 4000, 0, 65535),
    development,
    // On in development, off in production unless asked for.
    introspection: flag(env.PROXYGRAPH_INTROSPECTION, development),
    ide: flag(env.PROXYGRAPH_IDE, development),
    allowBatchedHttpRequests: flag(env.PROXYGRAPH_BATCHING, false),
    maxBodyBytes: integer('PROXYGRAPH_MAX_BODY_BYTES', env.PROXYGRAPH_MAX_BODY_BYTES, 1_000_000, 1_000, 100_000_000),
    limits: queryLimitsFromEnv(env),
    requestTimeoutMs: integer('PROXYGRAPH_REQUEST_TIMEOUT_MS', env.PROXYGRAPH_REQUEST_TIMEOUT_MS, 30_000, 1_000, 3_600_000),
    shutdownGraceMs: integer('PROXYGRAPH_SHUTDOWN_GRACE_MS', env.PROXYGRAPH_SHUTDOWN_GRACE_MS, 10_000, 0, 600_000),
    rateLimit: rateLimitFromEnv(env),
  };
}

/** Each query limit from its variable (PROXYGRAPH_MAX_DEPTH, …); unset means the default. */
export function queryLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limit = (name: keyof QueryLimits, max: number) => integer(QUERY_LIMIT_VARIABLES[name], env[QUERY_LIMIT_VARIABLES[name]], DEFAULT_QUERY_LIMITS[name], 1, max);
  return {
    maxDepth: limit('maxDepth', 1_000),
    maxAliases: limit('maxAliases', 100_000),
    maxDirectives: limit('maxDirectives', 100_000),
    maxTokens: limit('maxTokens', 1_000_000),
    maxCost: limit('maxCost', Number.MAX_SAFE_INTEGER),
    maxExecutionMs: limit('maxExecutionMs', 3_600_000),
  };
}
