import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { QueryLimitError } from './limit-error';
import type { QueryLimits } from './query-limits';

type CountedLimit = 'maxDepth' | 'maxAliases' | 'maxDirectives';

const MESSAGES: Record<CountedLimit, (max: number, found: number | undefined) => string> = {
  maxDepth: (max, found) => `The query nests fields ${found ?? 'more than ' + max} levels deep; the limit is maxDepth = ${max}.`,
  maxAliases: (max, found) => `The operation uses ${found ?? 'more than ' + max} aliases; the limit is maxAliases = ${max}.`,
  maxDirectives: (max, found) => `The operation uses ${found ?? 'more than ' + max} directives; the limit is maxDirectives = ${max}.`,
};

/**
 * GraphQL Armor's counters, made to report instead of throw. With Armor's default (propagateOnRejection: true) the
 * rule throws out of graphql-js `validate`, which Apollo Server does not catch: the client gets a 500. Reported through
 * the validation context, the refusal takes Apollo's validation path (HTTP 400); format-error.ts restores our code,
 * which Apollo replaces with GRAPHQL_VALIDATION_FAILED.
 */
function reporting(limit: CountedLimit, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        // Armor's message ends "…, found N."; the count is a courtesy to the client, so its absence is no error.
        const found = /found (\d+)/.exec(error.message);
        context?.reportError(new QueryLimitError(limit, max, MESSAGES[limit](max, found ? Number(found[1]) : undefined), { found: found ? Number(found[1]) : undefined }));
      },
    ],
  };
}

/** The document-only limits (depth, aliases, directives), as validation rules: checked once per document, then cached with it. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ ...reporting('maxDepth', limits.maxDepth), ignoreIntrospection: true, flattenFragments: true }) as unknown as ValidationRule,
    maxAliasesRule({ ...reporting('maxAliases', limits.maxAliases), allowList: [] }) as unknown as ValidationRule,
    maxDirectivesRule(reporting('maxDirectives', limits.maxDirectives)) as unknown as ValidationRule,
  ];
}
