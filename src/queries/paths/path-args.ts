import { InvalidInputError, isRelationType, type DayInterval, type RelationType } from '../../model';
import type { KnowledgeGraph } from '../../load';
import { requireEntity } from '../entities';
import { compileFilter } from '../traversal-filter';
import { PATH_COSTS, PATH_DEFAULTS, PATH_LIMITS, type KPathsArgs, type PathCost } from './path-types';

/** Path arguments after checking: defaults applied, every value in range, the filter compiled. */
export interface PathQuery {
  readonly from: string;
  readonly to: string;
  readonly k: number;
  readonly directed: boolean;
  readonly maxLength: number;
  readonly cost: PathCost;
  readonly chronological: boolean;
  /** Allowed relation types; undefined when all are. */
  readonly types?: ReadonlySet<RelationType>;
  readonly asOf?: DayInterval;
  readonly minConfidence?: number;
  readonly avoid: readonly string[];
}

function integerIn(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new InvalidInputError(argument, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/**
 * The one guard of the path queries: checks every argument and names the one at fault. Unknown `from`, `to` or
 * `avoid` ids are NotFoundError; anything else out of range is InvalidInputError. The asOf, minConfidence and avoid
 * rules are those of compileFilter, shared with the rest of the API.
 */
export function checkPathArgs(graph: KnowledgeGraph, from: string, to: string, args: KPathsArgs): PathQuery {
  requireEntity(graph, from, 'from');
  requireEntity(graph, to, 'to');
  const k = integerIn('k', args.k ?? PATH_DEFAULTS.k, 1, PATH_LIMITS.maxK);
  const maxLength = integerIn('maxLength', args.maxLength ?? PATH_DEFAULTS.maxLength, 1, PATH_LIMITS.maxLength);
  const cost = args.cost ?? PATH_DEFAULTS.cost;
  if (!(PATH_COSTS as readonly string[]).includes(cost)) throw new InvalidInputError('cost', `must be one of ${PATH_COSTS.join(', ')}, got ${String(cost)}`);
  for (const type of args.types ?? []) {
    if (!isRelationType(type)) throw new InvalidInputError('types', `"${String(type)}" is not a relation type`);
  }
  const avoid = args.avoid ?? [];
  for (const end of [from, to]) {
    if (avoid.includes(end)) throw new InvalidInputError('avoid', `contains "${end}", an end of the path; a path cannot avoid its own ends`);
  }
  const filter = compileFilter(graph, { types: args.types, asOf: args.asOf, minConfidence: args.minConfidence, avoid });
  return {
    from,
    to,
    k,
    directed: args.directed ?? PATH_DEFAULTS.directed,
    maxLength,
    cost,
    chronological: args.chronological ?? PATH_DEFAULTS.chronological,
    types: args.types && args.types.length > 0 ? new Set(args.types) : undefined,
    asOf: filter.asOf,
    minConfidence: args.minConfidence ?? undefined,
    avoid: [...new Set(avoid)],
  };
}
