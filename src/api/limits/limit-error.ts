import { GraphQLError, type ASTNode } from 'graphql';
import type { QueryLimits } from './query-limits';

/** The error code of each limit, as clients see it in `extensions.code`. */
export const LIMIT_CODES = {
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
  maxTokens: 'TOO_MANY_TOKENS',
  maxCost: 'QUERY_TOO_COSTLY',
  maxExecutionMs: 'EXECUTION_TOO_LONG',
} as const satisfies Record<keyof QueryLimits, string>;

export type LimitCode = (typeof LIMIT_CODES)[keyof QueryLimits];

/**
 * A document refused by a query limit. Answered with HTTP 400; `extensions` carry the code, the limit's name and value
 * and, where it was measured, what the document asked for.
 */
export class QueryLimitError extends GraphQLError {
  readonly code: LimitCode;

  constructor(
    readonly limit: keyof QueryLimits,
    readonly max: number,
    message: string,
    options: { nodes?: readonly ASTNode[]; found?: number; status?: number } = {},
  ) {
    const code = LIMIT_CODES[limit];
    super(message, {
      nodes: options.nodes,
      extensions: { code, limit, max, ...(options.found !== undefined && { found: options.found }), http: { status: options.status ?? 400 } },
    });
    this.code = code;
    this.name = 'QueryLimitError';
  }
}

/** graphql-js's own message when `parse` stops at maxTokens ("more that" is its spelling). */
const TOKEN_LIMIT_MESSAGE = /Document contains more (?:than|that) (\d+) tokens/;

/**
 * The limit error behind an error Apollo reports, if any: ours (Apollo wraps validation-rule errors in its own
 * ValidationError and keeps ours as originalError), or graphql-js's token limit, which has no type of its own and is
 * recognised by its message.
 */
export function limitErrorOf(error: unknown): QueryLimitError | undefined {
  for (let current = error, hops = 0; current instanceof Error && hops < 3; current = (current as GraphQLError).originalError, hops++) {
    if (current instanceof QueryLimitError) return current;
    const tokens = TOKEN_LIMIT_MESSAGE.exec(current.message);
    if (tokens) {
      const max = Number(tokens[1]);
      return new QueryLimitError('maxTokens', max, tokenMessage(max));
    }
  }
  return undefined;
}

export function tokenMessage(max: number): string {
  return `The document has more than ${max.toLocaleString('en-US')} tokens; the limit is maxTokens = ${max.toLocaleString('en-US')}. Send a shorter document.`;
}
