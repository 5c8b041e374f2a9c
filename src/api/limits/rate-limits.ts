import { HeaderMap, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Rate limits on expensive operations, per token and per client address: each root field named in `fields` (an
 * alias counts each time) takes one unit from the caller's address's bucket and, with a token, from the token's
 * bucket; each bucket holds `requests` units and refills at `requests` per `windowMs`. Past it the whole request is
 * refused with 429 and Retry-After. The fields are data (names of root fields): operations that other parts of the
 * API add (ingestion, analysis) are covered by naming them, here or in PROXYGRAPH_RATE_LIMITED_FIELDS.
 */
export interface RateLimitConfig {
  /** Root field names (Query or Mutation) whose use is limited. */
  readonly fields: readonly string[];
  readonly requests: number;
  readonly windowMs: number;
  /** Take the client address from X-Forwarded-For (behind a proxy that sets it); otherwise the socket's. */
  readonly trustProxy: boolean;
}

/** Paths now; ingestion and analysis by name, for when they land. */
export const DEFAULT_RATE_LIMITED_FIELDS = ['paths', 'shortestPath', 'ingestReport', 'metrics', 'communities', 'brokers', 'changesBetween'] as const;

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { fields: DEFAULT_RATE_LIMITED_FIELDS, requests: 60, windowMs: 60_000, trustProxy: false };

export const RATE_LIMIT_VARIABLES = {
  limit: 'PROXYGRAPH_RATE_LIMIT',
  fields: 'PROXYGRAPH_RATE_LIMITED_FIELDS',
  trustProxy: 'PROXYGRAPH_TRUST_PROXY',
} as const;

/** PROXYGRAPH_RATE_LIMIT=N/S (N requests per S seconds) or off; PROXYGRAPH_RATE_LIMITED_FIELDS=a,b; PROXYGRAPH_TRUST_PROXY. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitConfig | null {
  const limit = env[RATE_LIMIT_VARIABLES.limit];
  if (limit === 'off') return null;
  let { requests, windowMs } = DEFAULT_RATE_LIMIT;
  if (limit !== undefined && limit !== '') {
    const match = /^(\d+)\/(\d+)$/.exec(limit.trim());
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new Error(`${RATE_LIMIT_VARIABLES.limit}=${limit}: write N/S (at most N expensive operations per S seconds, e.g. 60/60) or off`);
    requests = Number(match[1]);
    windowMs = Number(match[2]) * 1000;
  }
  const names = env[RATE_LIMIT_VARIABLES.fields];
  const fields = names === undefined || names.trim() === '' ? DEFAULT_RATE_LIMIT.fields : names.split(',').map((name) => name.trim()).filter(Boolean);
  const trust = env[RATE_LIMIT_VARIABLES.trustProxy];
  return { fields, requests, windowMs, trustProxy: trust !== undefined && ['1', 'true', 'yes', 'on'].includes(trust.toLowerCase()) };
}

interface Bucket {
  units: number;
  updated: number;
}

/** Token buckets by key ("address:…", "token:…"), at most `maxKeys` of them (the least recently used go first). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly config: Pick<RateLimitConfig, 'requests' | 'windowMs'>,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `units` from every key's bucket, or none of them: 0 when allowed, else the seconds to wait. */
  take(keys: readonly string[], units: number): number {
    const at = this.now();
    const rate = this.config.requests / this.config.windowMs;
    const buckets = keys.map((key) => {
      const bucket = this.buckets.get(key) ?? { units: this.config.requests, updated: at };
      bucket.units = Math.min(this.config.requests, bucket.units + (at - bucket.updated) * rate);
      bucket.updated = at;
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
      return bucket;
    });
    while (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    const short = Math.max(0, ...buckets.map((bucket) => units - bucket.units));
    if (short > 0) return Math.max(1, Math.ceil(short / rate / 1000));
    for (const bucket of buckets) bucket.units -= units;
    return 0;
  }
}

/** How many times the operation selects one of `fields` at its root (fragments and aliases included). */
export function limitedFieldCount(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, fields: ReadonlySet<string>): number {
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (fields.has(selection.name.value) ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return total;
      seen.add(fragment.name.value);
      const inside = count(fragment.selectionSet);
      seen.delete(fragment.name.value);
      return total + inside;
    }, 0);
  return count(operation.selectionSet);
}

/** What the limiter needs to know about a request: where it comes from and who sends it. */
export interface RateLimitedContext extends BaseContext {
  readonly clientAddress?: string;
  readonly actor?: { readonly name: string } | null;
}

export function rateLimitPlugin<TContext extends RateLimitedContext>(config: RateLimitConfig, limiter = new RateLimiter(config)): ApolloServerPlugin<TContext> {
  const fields = new Set(config.fields);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          const fragments = new Map(document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
          const units = limitedFieldCount(operation, fragments, fields);
          if (units === 0) return;
          const keys = [`address:${contextValue.clientAddress ?? 'unknown'}`, ...(contextValue.actor ? [`token:${contextValue.actor.name}`] : [])];
          const wait = limiter.take(keys, units);
          if (wait === 0) return;
          const seconds = config.windowMs / 1000;
          throw new GraphQLError(
            `Too many expensive operations (${config.fields.join(', ')}): the limit is ${config.requests} per ${seconds} s per token and per address (${RATE_LIMIT_VARIABLES.limit}=${config.requests}/${seconds}); try again in ${wait} s.`,
            { extensions: { code: 'RATE_LIMITED', limit: 'rateLimit', max: config.requests, windowSeconds: seconds, retryAfterSeconds: wait, http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) } } },
          );
        },
      };
    },
  };
}
