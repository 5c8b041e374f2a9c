import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Betweenness, BrokerGroup } from '../analysis';
import { BrokerGroupEnum } from './analysis.enums';
import { EntityView } from './entity.type';

@ObjectType('EntityMetrics', { description: "An entity's measures in the network under the filters (see the README, \"Network analysis\")." })
export class EntityMetricsView {
  @Field(() => EntityView)
  entity!: EntityView;

  @Field(() => Int, { description: 'Position in the ranking by orderBy, 1 first (ties by id).' })
  rank!: number;

  @Field(() => Float, { description: 'Degree centrality: distinct entities tied to it / (n − 1).' })
  degree!: number;

  @Field(() => Int, { description: 'How many distinct entities it is tied to.' })
  neighbors!: number;

  @Field(() => Float, { description: 'Normalised betweenness (exact, or estimated: see Metrics.betweenness).' })
  betweenness!: number;

  @Field(() => Float, { description: 'PageRank, α = 0.85.' })
  pagerank!: number;

  @Field(() => Float, { description: 'Closeness, Wasserman–Faust corrected.' })
  closeness!: number;

  @Field(() => Int, { description: 'Its Louvain community (resolution 1), as numbered by communities(): 0 is the largest.' })
  community!: number;
}

@ObjectType('BetweennessEstimate', {
  description: 'How betweenness (and closeness, from the same searches) was computed: exactly, or from a sample of pivots with a stated error.',
})
export class BetweennessEstimateView implements Pick<Betweenness, 'approximate' | 'samples' | 'errorBound' | 'confidence'> {
  @Field({ description: 'True when estimated from a sample of pivots.' })
  approximate!: boolean;

  @Field(() => Int, { description: 'Pivots (single-source searches) used; the number of entities when exact.' })
  samples!: number;

  @Field(() => Float, { description: 'With probability `confidence`, every estimate is within ± this of the exact value (Hoeffding with a union bound); 0 when exact.' })
  errorBound!: number;

  @Field(() => Float)
  confidence!: number;
}

@ObjectType('Metrics', { description: 'Entities ranked by a measure in the network under the filters.' })
export class MetricsView {
  @Field(() => Int, { description: 'Entities in the network under the filters.' })
  entities!: number;

  @Field(() => Int, { description: 'Distinct ties between two entities: what the measures see (parallel relationships are one tie).' })
  ties!: number;

  @Field(() => Int, { description: 'Relationships in the network under the filters.' })
  relationships!: number;

  @Field()
  directed!: boolean;

  @Field(() => Int, { description: 'Entities that could be listed (all, or those of ids that are in the network).' })
  totalCount!: number;

  @Field(() => [EntityMetricsView])
  items!: EntityMetricsView[];

  @Field(() => BetweennessEstimateView)
  betweenness!: BetweennessEstimateView;
}

@ObjectType('Community', { description: 'A Louvain community.' })
export class CommunityView {
  @Field(() => Int, { description: 'Its number: 0 is the largest (ties: lowest member id).' })
  id!: number;

  @Field(() => Int)
  size!: number;

  @Field(() => Int, { description: 'Ties between two members.' })
  internalTies!: number;

  @Field(() => Int, { description: 'Ties from a member to an entity outside.' })
  externalTies!: number;
}

@ObjectType('Communities', { description: 'Louvain communities of the network under the filters, with a fixed seed so results repeat.' })
export class CommunitiesView {
  @Field(() => Float, { description: 'Modularity of the partition.' })
  modularity!: number;

  @Field(() => Float)
  resolution!: number;

  @Field(() => Int, { description: 'The seed of the random visiting order.' })
  seed!: number;

  @Field(() => Int, { description: 'All communities, before minSize and limit.' })
  count!: number;

  @Field(() => [CommunityView], { description: 'The largest first.' })
  communities!: CommunityView[];
}

@ObjectType('Broker', { description: 'An entity on shortest paths between two groups.' })
export class BrokerView {
  @Field(() => EntityView)
  entity!: EntityView;

  @Field(() => Int)
  rank!: number;

  @Field(() => Float, { description: 'Σ over pairs (s in from, t in to) of the share of shortest s–t paths through it.' })
  score!: number;

  @Field(() => Float, { description: 'score / connectedPairs: the part of the groups\' shortest-path traffic that passes through it, 0..1.' })
  share!: number;

  @Field(() => BrokerGroupEnum, { nullable: true, description: 'The group it belongs to itself, if any.' })
  group!: BrokerGroup | null;
}

@ObjectType('Brokers', { description: 'The entities on most shortest paths between two groups.' })
export class BrokersView {
  @Field(() => Int, { description: 'Pairs (s in from, t in to) joined by a path under the filters.' })
  connectedPairs!: number;

  @Field(() => Int, { description: 'Pairs with no path (or with an end outside the network under the filters).' })
  unconnectedPairs!: number;

  @Field(() => [BrokerView])
  brokers!: BrokerView[];
}
