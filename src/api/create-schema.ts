import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { KnowledgeGraph } from '../load';
import type { GraphEditor } from '../store';
import { AnalysisResolver, BrokerResolver, CommunityResolver, EntityMetricsResolver } from './analysis.resolver';
import { EntityResolver } from './entity.resolver';
import { GraphResolver } from './graph.resolver';
import { GraphService } from './graph-service';
import { HistoryResolver } from './history.resolver';
import { IngestResolver } from './ingest.resolver';
import { MergePreviewResolver } from './merge-preview.resolver';
import { EntityVersionResolver, RelationshipVersionResolver } from './mutation-version.resolver';
import { MutationResolver } from './mutation.resolver';
import { PathResolver } from './path.resolver';
import { RelationshipResolver } from './relationship.resolver';
import { SearchResolver } from './search.resolver';
import { TokenResolver } from './token.resolver';

/** Every resolver, listed explicitly. */
export const RESOLVERS = [
  EntityResolver,
  SearchResolver,
  RelationshipResolver,
  GraphResolver,
  PathResolver,
  EntityVersionResolver,
  RelationshipVersionResolver,
  MutationResolver,
  HistoryResolver,
  AnalysisResolver,
  EntityMetricsResolver,
  CommunityResolver,
  BrokerResolver,
  IngestResolver,
  MergePreviewResolver,
  TokenResolver,
] as const;

/** The resolvers' container: one instance of each resolver, all over the same graph service. */
function containerFor(service: GraphService): ContainerType {
  const instances = new Map<unknown, unknown>(RESOLVERS.map((Resolver) => [Resolver, new Resolver(service)]));
  return { get: (someClass) => instances.get(someClass) };
}

/** `editor`: the store-backed editor of the graph, for mutations and history (none: a read-only server). */
export async function createSchema(graph: KnowledgeGraph, editor: GraphEditor | null = null): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    container: containerFor(new GraphService(graph, editor)),
    // Arguments are checked once, by the query functions (guard at the entry of the domain), which name the argument.
    validate: false,
  });
}
