import { Args, Query, Resolver } from 'type-graphql';
import { kShortestPaths, shortestPath, type Path } from '../queries';
import { GraphService } from './graph-service';
import { PathsArgs, ShortestPathArgs } from './path.args';
import { PathView } from './path.type';

@Resolver()
export class PathResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => PathView, { nullable: true, description: 'The best path between two entities under the filters; null when there is none.' })
  shortestPath(@Args() { from, to, ...args }: ShortestPathArgs): Path | null {
    return shortestPath(this.service.graph, from, to, args);
  }

  @Query(() => [PathView], { description: 'The k best simple paths between two entities, best first (ties: fewer hops, then relationship ids).' })
  paths(@Args() { from, to, ...args }: PathsArgs): Path[] {
    return kShortestPaths(this.service.graph, from, to, args);
  }
}
