import { Args, Query, Resolver } from 'type-graphql';
import { RELATION_RULES } from '../model';
import { listSources, neighborhood, network, stats } from '../queries';
import { AsOfArgs, NeighborhoodArgs, NetworkArgs } from './filter.args';
import { RelationRuleView, StatsView, SubgraphView } from './graph.types';
import { GraphService } from './graph-service';
import { SourceView } from './source.type';

@Resolver()
export class GraphResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => SubgraphView, { description: 'The entities within depth hops of an entity and the relationships among them.' })
  neighborhood(@Args() { id, ...args }: NeighborhoodArgs) {
    return neighborhood(this.service.graph, id, args);
  }

  @Query(() => SubgraphView, { description: 'The whole graph under the filters (for drawing it).' })
  network(@Args() args: NetworkArgs) {
    return network(this.service.graph, args);
  }

  @Query(() => [SourceView], { description: 'Every source the evidence cites.' })
  sources() {
    return listSources(this.service.graph);
  }

  @Query(() => StatsView, { description: 'Counts by kind and type, and the date range of the data.' })
  stats(@Args() { asOf }: AsOfArgs) {
    return stats(this.service.graph, { asOf });
  }

  @Query(() => [RelationRuleView], { description: 'The relation types and the kinds each may connect (the legend).' })
  relationTypes() {
    return RELATION_RULES;
  }
}
