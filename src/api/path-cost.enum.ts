import { registerEnumType } from 'type-graphql';
import { PATH_COST_DEFINITIONS, PATH_COSTS, type PathCost } from '../queries';

// Derived from the query layer's list: one definition of the path costs.
export const PathCostEnum = Object.fromEntries(PATH_COSTS.map((cost) => [cost, cost])) as { [K in PathCost]: K };
registerEnumType(PathCostEnum, {
  name: 'PathCost',
  description: 'What a path query minimises. Ties are broken by fewer hops, then by the sequence of relationship ids.',
  valuesConfig: Object.fromEntries(PATH_COSTS.map((cost) => [cost, { description: PATH_COST_DEFINITIONS[cost] }])),
});
