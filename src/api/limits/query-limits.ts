/**
 * The limits every GraphQL document is checked against before any resolver runs. Each has an environment variable
 * (read in server-options.ts) and a default chosen to admit every query the client sends with a wide margin.
 */
export interface QueryLimits {
  /** Deepest nesting of fields (fragments flattened; `__schema` introspection not counted). */
  readonly maxDepth: number;
  /** Most aliased fields in one operation (fragments counted each time they are spread). */
  readonly maxAliases: number;
  /** Most directives in one operation. */
  readonly maxDirectives: number;
  /** Most lexical tokens in a document; parsing stops past it. */
  readonly maxTokens: number;
  /** Highest estimated cost of an operation (see cost-model.ts). */
  readonly maxCost: number;
  /** Longest an operation may execute, in milliseconds (execution-budget.ts); past it, it stops with an error. */
  readonly maxExecutionMs: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 100_000,
  maxExecutionMs: 5_000,
};

/** The environment variable that sets each limit. */
export const QUERY_LIMIT_VARIABLES: Readonly<Record<keyof QueryLimits, string>> = {
  maxDepth: 'PROXYGRAPH_MAX_DEPTH',
  maxAliases: 'PROXYGRAPH_MAX_ALIASES',
  maxDirectives: 'PROXYGRAPH_MAX_DIRECTIVES',
  maxTokens: 'PROXYGRAPH_MAX_TOKENS',
  maxCost: 'PROXYGRAPH_MAX_COST',
  maxExecutionMs: 'PROXYGRAPH_MAX_EXECUTION_MS',
};
