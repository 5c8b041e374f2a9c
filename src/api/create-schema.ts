import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { KnowledgeGraph } from '../load';
import { EntityResolver } from './entity.resolver';
import { GraphResolver } from './graph.resolver';
import { GraphService } from './graph-service';
import { RelationshipResolver } from './relationship.resolver';

/** Every resolver, listed explicitly. */
export const RESOLVERS = [EntityResolver, RelationshipResolver, GraphResolver] as const;

/** The resolvers' container: one instance of each resolver, all over the same graph service. */
function containerFor(service: GraphService): ContainerType {
  const instances = new Map<unknown, unknown>(RESOLVERS.map((Resolver) => [Resolver, new Resolver(service)]));
  return { get: (someClass) => instances.get(someClass) };
}

export async function createSchema(graph: KnowledgeGraph): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    container: containerFor(new GraphService(graph)),
    // Arguments are checked once, by the query functions (guard at the entry of the domain), which name the argument.
    validate: false,
  });
}
