import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import type { RelationType } from '../model';
import { PATH_DEFAULTS, PATH_LIMITS, type PathCost } from '../queries';
import { RelationTypeEnum } from './enums';
import { PathCostEnum } from './path-cost.enum';

@ArgsType()
export class ShortestPathArgs {
  @Field(() => ID)
  from!: string;

  @Field(() => ID)
  to!: string;

  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only these relation types (all when omitted).' })
  types?: RelationType[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: PATH_DEFAULTS.directed, description: 'Only walk relationships source → target; when false, either way.' })
  directed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only relationships (and entities) present on this date (YYYY, YYYY-MM or YYYY-MM-DD), the same rule as everywhere.' })
  asOf?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Entities the path must not pass through (not from or to).' })
  avoid?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Only relationships at least this confident (0..1); no confidence counts as 1.' })
  minConfidence?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: PATH_DEFAULTS.maxLength, description: `At most this many hops, 1..${PATH_LIMITS.maxLength}.` })
  maxLength?: number | null;

  @Field(() => PathCostEnum, { nullable: true, defaultValue: PATH_DEFAULTS.cost })
  cost?: PathCost | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: PATH_DEFAULTS.chronological,
    description: 'Only time-respecting paths: times t1 ≤ … ≤ tn can be picked with each inside its hop’s time window (see the README).',
  })
  chronological?: boolean | null;
}

@ArgsType()
export class PathsArgs extends ShortestPathArgs {
  @Field(() => Int, { nullable: true, defaultValue: PATH_DEFAULTS.k, description: `How many paths, 1..${PATH_LIMITS.maxK}.` })
  k?: number | null;
}
