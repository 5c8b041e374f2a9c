import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import { BROKERS_DEFAULTS, CHANGES_DEFAULTS, COMMUNITIES_DEFAULTS, METRICS_DEFAULTS } from '../analysis';
import type { EntityKind, Interval, Measure, RelationType } from '../model';
import { IntervalEnum, MeasureEnum } from './analysis.enums';
import { EntityKindEnum, RelationTypeEnum } from './enums';

const AS_OF = 'Analyse the network as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD), the same rule as network(asOf).';

/** The filters of `network` except the date. */
@ArgsType()
export class AnalysisFilterArgs {
  @Field(() => [EntityKindEnum], { nullable: true, description: 'Only entities of these kinds (all when omitted).' })
  kinds?: EntityKind[] | null;

  @Field(() => [RelationTypeEnum], { nullable: true, description: 'Only relationships of these types (all when omitted).' })
  types?: RelationType[] | null;

  @Field(() => Float, { nullable: true, description: 'Only relationships at least this confident (0..1); no confidence counts as 1.' })
  minConfidence?: number | null;
}

@ArgsType()
export class AnalysisArgs extends AnalysisFilterArgs {
  @Field(() => String, { nullable: true, description: AS_OF })
  asOf?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Read relationships source → target; false: as undirected ties.' })
  directed?: boolean | null;
}

@ArgsType()
export class EntityMetricsArgs extends AnalysisArgs {
  @Field(() => MeasureEnum, { nullable: true, defaultValue: METRICS_DEFAULTS.orderBy, description: 'The measure `rank` ranks by.' })
  orderBy?: Measure | null;

  @Field(() => Int, { nullable: true, description: 'Betweenness pivots (2..100000); omitted, exact on networks small enough and sampled above.' })
  samples?: number | null;
}

@ArgsType()
export class MetricsArgs extends EntityMetricsArgs {
  @Field(() => Int, { nullable: true, defaultValue: METRICS_DEFAULTS.limit, description: 'At most this many entities, the highest ranked first (0..5000).' })
  limit?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Only these entities (their ranks stay those in the whole network).' })
  ids?: string[] | null;
}

@ArgsType()
export class CommunitiesArgs extends AnalysisArgs {
  @Field(() => Float, { nullable: true, defaultValue: COMMUNITIES_DEFAULTS.resolution, description: 'Louvain resolution: above 1 gives smaller communities, below 1 larger ones.' })
  resolution?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: COMMUNITIES_DEFAULTS.limit, description: 'At most this many communities, the largest first (0..1000).' })
  limit?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: COMMUNITIES_DEFAULTS.minSize, description: 'Leave out communities with fewer members.' })
  minSize?: number | null;
}

@ArgsType()
export class BrokersArgs extends AnalysisArgs {
  @Field(() => [ID], { description: 'One group (at most 2000 entities).' })
  from!: string[];

  @Field(() => [ID], { description: 'The other group (at most 2000 entities, none of them in from).' })
  to!: string[];

  @Field(() => Int, { nullable: true, defaultValue: BROKERS_DEFAULTS.limit, description: 'At most this many brokers (0..500).' })
  limit?: number | null;
}

@ArgsType()
export class ChangesArgs extends AnalysisFilterArgs {
  @Field({ description: 'The earlier date (YYYY, YYYY-MM or YYYY-MM-DD).' })
  from!: string;

  @Field({ description: 'The later date.' })
  to!: string;

  @Field(() => Int, { nullable: true, defaultValue: CHANGES_DEFAULTS.limit, description: 'At most this many items in each list (0..5000); the totals are complete.' })
  limit?: number | null;
}

@ArgsType()
export class TimelineArgs extends AnalysisFilterArgs {
  @Field(() => IntervalEnum, { nullable: true, description: 'Bucket width; omitted: YEAR over more than 15 years, DAY under 90 days, else MONTH.' })
  interval?: Interval | null;
}
