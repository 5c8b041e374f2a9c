import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { getVariableValues } from 'graphql';
import { QueryLimitError } from './limit-error';
import { COST_MODEL, type DegreeOracle } from './cost-model';
import { operationCost } from './operation-cost';

/**
 * Refuses operations whose estimated cost is above `maxCost`. The cost depends on the variables (limit: $n), so it is
 * checked per request once the operation is known and before execution starts; Apollo answers an error thrown from
 * didResolveOperation with the error's extensions.http status, here 400.
 */
export function costLimitPlugin<TContext extends BaseContext>(maxCost: number, degrees?: DegreeOracle): ApolloServerPlugin<TContext> {
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ schema, document, operation, request }) {
      if (!operation) return;
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
      // Variables that do not coerce are refused by execution with a 400 of their own.
      if (coerced.errors) return;
      const cost = operationCost(schema, document, operation, coerced.coerced, COST_MODEL, degrees);
      if (cost <= maxCost) return;
      const found = Number.isFinite(cost) ? Math.min(Math.round(cost), Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
      throw new QueryLimitError(
        'maxCost',
        maxCost,
        `The query would cost about ${found.toLocaleString('en-US')}; the limit is maxCost = ${maxCost.toLocaleString('en-US')}. Ask for fewer items (limit, first, k, depth, maxLength) or fewer nested lists.`,
        { nodes: [operation], found },
      );
    },
  };
  return { requestDidStart: async () => listener };
}
