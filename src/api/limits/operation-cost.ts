import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { COST_MODEL, type CostModel, type DegreeOracle } from './cost-model';

type Variables = { readonly [name: string]: unknown };

function included(node: SelectionNode, variables: Variables): boolean {
  if (!node.directives || node.directives.length === 0) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

type Arguments = Record<string, unknown>;

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Variables): Arguments {
  if (field.args.length === 0) return {};
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // An argument that does not coerce fails execution with BAD_USER_INPUT; count the field at its defaults meanwhile.
    return {};
  }
}

function multiplier(model: CostModel, parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Arguments, parentArgs: Arguments | undefined, degrees: DegreeOracle | undefined): number {
  const coordinate = `${parent.name}.${field.name}`;
  let size = model.assumedSizes[coordinate] ?? 1;
  for (const name of model.sizeArguments) {
    const definition = field.args.find((arg) => arg.name === name);
    if (!definition) continue;
    const value = typeof args[name] === 'number' ? args[name] : definition.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) size *= Math.max(1, value);
  }
  const idArgument = model.boundedByDegree[coordinate];
  if (idArgument && degrees) {
    const id = parentArgs?.[idArgument];
    size = Math.min(size, typeof id === 'string' ? degrees.degreeOf(id) : degrees.maxDegree());
  }
  return size;
}

/**
 * The estimated cost of one operation under the cost model (see cost-model.ts), with its coerced variables. Runs after
 * validation, so fragments exist and do not cycle; each fragment's cost is computed once, so a document that spreads
 * fragments exponentially is costed in linear time (and comes out exponentially expensive).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables, model: CostModel = COST_MODEL, degrees?: DegreeOracle): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const fragmentCosts = new Map<string, number>();

  // A fragment's cost depends on the size still to be applied where it is spread, and on the arguments of the field
  // it is spread under (an entity's id sizes its relationships); memoised per (fragment, size, arguments).
  const fragmentCost = (name: string, pending: number, parentArgs: Arguments | undefined): number => {
    const key = `${pending} ${name} ${parentArgs ? JSON.stringify(parentArgs) : ''}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    fragmentCosts.set(key, 0); // a cycle (impossible after validation) counts as nothing rather than looping
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && isCompositeType(type) ? selectionCost(fragment.selectionSet, type, pending, parentArgs) : 0;
    fragmentCosts.set(key, cost);
    return cost;
  };

  /**
   * `pending` is a size stated above that no list has taken yet: neighborhood(limit) returns one Subgraph, and its
   * size applies to the lists inside it (nodes, edges), not to its scalars (truncated). `parentArgs` are the arguments
   * of the single object field the selection is under (none under a list).
   */
  const selectionCost = (set: SelectionSetNode, parent: GraphQLCompositeType, pending: number, parentArgs: Arguments | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const field = fieldDefinition(schema, parent, selection.name.value);
        if (!field || !selection.selectionSet) {
          total += 1;
          continue;
        }
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) {
          total += 1;
          continue;
        }
        const args = argumentsOf(field, selection, variables);
        const size = pending * multiplier(model, parent, field, args, parentArgs, degrees);
        total += isListType(getNullableType(field.type)) ? 1 + size * selectionCost(selection.selectionSet, type, 1, undefined) : 1 + selectionCost(selection.selectionSet, type, size, args);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(type)) total += selectionCost(selection.selectionSet, type, pending, parentArgs);
      } else {
        total += fragmentCost(selection.name.value, pending, parentArgs);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root, 1, undefined) : 0;
}
