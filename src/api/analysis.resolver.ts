import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { allPending, betweennessPending, brokers, brokersPending, changesBetween, communitiesOf, communitiesPending, entityMetrics, libraryMeasuresPending, metrics, timeline, type Broker, type Community } from '../analysis';
import type { KnowledgeGraph } from '../load';
import type { EntityRecord } from '../model';
import type { Path } from '../queries';
import { BrokersArgs, ChangesArgs, CommunitiesArgs, EntityMetricsArgs, MetricsArgs, TimelineArgs } from './analysis.args';
import { BrokersView, BrokerView, CommunitiesView, CommunityView, EntityMetricsView, MetricsView } from './analysis.types';
import { ChangesView, TimelineView } from './analysis-changes.types';
import { EntityView } from './entity.type';
import { selectsAny, waitForAnalysis } from './analysis-wait';
import { GraphService } from './graph-service';
import type { BudgetedContext } from './limits';
import { PathView } from './path.type';

const MAX_MEMBERS = 5000;
const MAX_BROKER_PATHS = 3;

/** Whether a metrics query reads the measures computed in the background (betweenness, closeness). */
function readsBetweenness(orderBy: string | null | undefined, info: GraphQLResolveInfo): boolean {
  return orderBy === 'BETWEENNESS' || orderBy === 'CLOSENESS' || selectsAny(info, ['betweenness', 'closeness']);
}

/**
 * What a metrics query must wait for before its synchronous answer: the measures it reads that are computed in the
 * background (betweenness and closeness in slices; PageRank and communities in a worker thread on large networks).
 * `ranked`: the query ranks by orderBy (metrics does; an entity's metrics only when it reads its rank).
 */
function measuresPending(graph: KnowledgeGraph, args: MetricsArgs, info: GraphQLResolveInfo, ranked: boolean) {
  const byPageRank = (args.orderBy ?? 'PAGERANK') === 'PAGERANK' && ranked;
  return allPending(
    [
      readsBetweenness(args.orderBy, info) ? betweennessPending(graph, args) : null,
      libraryMeasuresPending(graph, args, { pageRank: byPageRank || selectsAny(info, ['pagerank']), communities: selectsAny(info, ['community']) }),
    ].filter((pending) => pending !== null),
  );
}

@Resolver()
export class AnalysisResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => MetricsView, { description: 'Entities ranked by a centrality measure, with all their measures, in the network under the filters.' })
  async metrics(@Args() args: MetricsArgs, @Ctx() context: BudgetedContext, @Info() info: GraphQLResolveInfo) {
    await waitForAnalysis(measuresPending(this.service.graph, args, info, true), context.budget);
    return metrics(this.service.graph, args);
  }

  @Query(() => CommunitiesView, { description: 'Louvain communities (seeded, so they repeat) with their modularity.' })
  async communities(@Args() args: CommunitiesArgs, @Ctx() context: BudgetedContext) {
    await waitForAnalysis(communitiesPending(this.service.graph, args), context.budget);
    return communitiesOf(this.service.graph, args);
  }

  @Query(() => BrokersView, { description: 'The entities on most shortest paths between two groups, with example paths and their evidence.' })
  async brokers(@Args() { from, to, ...args }: BrokersArgs, @Ctx() context: BudgetedContext) {
    await waitForAnalysis(brokersPending(this.service.graph, from, to, args), context.budget);
    return brokers(this.service.graph, from, to, args);
  }

  @Query(() => ChangesView, { description: 'What began, ended, appeared and disappeared between two dates, under the filters.' })
  changesBetween(@Args() { from, to, ...args }: ChangesArgs) {
    return changesBetween(this.service.graph, from, to, args);
  }

  @Query(() => TimelineView, { description: 'A histogram of dated events and relationship starts and ends over time, under the filters.' })
  timeline(@Args() args: TimelineArgs) {
    return timeline(this.service.graph, args);
  }
}

@Resolver(() => EntityView)
export class EntityMetricsResolver {
  constructor(private readonly service: GraphService) {}

  @FieldResolver(() => EntityMetricsView, { nullable: true, description: "The entity's centrality measures in the network under the filters; null when the filters leave it out." })
  async metrics(@Root() entity: EntityRecord, @Args() args: EntityMetricsArgs, @Ctx() context: BudgetedContext, @Info() info: GraphQLResolveInfo) {
    if (this.service.graph.hasNode(entity.id)) await waitForAnalysis(measuresPending(this.service.graph, args, info, selectsAny(info, ['rank'])), context.budget);
    return entityMetrics(this.service.graph, entity.id, args);
  }
}

@Resolver(() => CommunityView)
export class CommunityResolver {
  @FieldResolver(() => [EntityView], { description: 'Members, the most connected first (ties by id).' })
  members(@Root() community: Community, @Arg('limit', () => Int, { nullable: true, defaultValue: 20, description: `At most this many (0..${MAX_MEMBERS}).` }) limit: number): EntityRecord[] {
    return community.members.slice(0, Math.max(0, Math.min(limit, MAX_MEMBERS)));
  }
}

@Resolver(() => BrokerView)
export class BrokerResolver {
  @FieldResolver(() => [PathView], { description: `Shortest paths between the groups through the broker (from the sources that depend on it most), hop by hop with evidence; 0..${MAX_BROKER_PATHS}.` })
  paths(@Root() broker: Broker, @Arg('limit', () => Int, { nullable: true, defaultValue: 1 }) limit: number): Path[] {
    return broker.paths(Math.max(0, Math.min(limit, MAX_BROKER_PATHS)));
  }
}
