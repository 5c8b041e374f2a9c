import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { explainPathAbsence, kShortestPaths, shortestPath, type KPathsArgs, type Path } from '../queries';
import type { RequestContext } from './create-apollo-server';
import { GraphService } from './graph-service';
import { PathsArgs, ShortestPathArgs } from './path.args';
import { PathView } from './path.type';
import { addReason } from './response-reasons';

const EMPTY_AS_OF = 'When none is found as of a date although one exists at another time, extensions.reasons says why (code, message, the dates the path holds).';

@Resolver()
export class PathResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => PathView, { nullable: true, description: `The best path between two entities under the filters; null when there is none. ${EMPTY_AS_OF}` })
  shortestPath(@Args() { from, to, ...args }: ShortestPathArgs, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Path | null {
    const path = shortestPath(this.service.graph, from, to, args);
    if (!path) this.explain(from, to, args, context, info);
    return path;
  }

  @Query(() => [PathView], { description: `The k best simple paths between two entities, best first (ties: fewer hops, then relationship ids). ${EMPTY_AS_OF}` })
  paths(@Args() { from, to, ...args }: PathsArgs, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Path[] {
    const paths = kShortestPaths(this.service.graph, from, to, args);
    if (paths.length === 0) this.explain(from, to, args, context, info);
    return paths;
  }

  private explain(from: string, to: string, args: KPathsArgs, context: RequestContext, info: GraphQLResolveInfo): void {
    const absence = explainPathAbsence(this.service.graph, from, to, args);
    if (absence) addReason(context, info, absence);
  }
}
