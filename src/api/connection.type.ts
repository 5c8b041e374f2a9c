import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

@ObjectType('PageInfo')
export class PageInfoView {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A Relay connection of `Node` named `${name}Connection`, with edges of type `${name}Edge`. */
function connectionOf<Node extends object>(name: string, NodeView: ClassType<Node>, description: string) {
  @ObjectType(`${name}Edge`)
  class EdgeView {
    @Field()
    cursor!: string;

    @Field(() => NodeView)
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionView {
    @Field(() => [EdgeView])
    edges!: EdgeView[];

    @Field(() => PageInfoView)
    pageInfo!: PageInfoView;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionView;
}

export const EntityConnectionView = connectionOf('Entity', EntityView, 'A page of entities in id order (Relay connection).');
export const RelationshipConnectionView = connectionOf('Relationship', RelationshipView, 'A page of relationships in id order (Relay connection).');

/** A query-layer page as a connection. */
export function toConnection<T>(page: { items: readonly { cursor: string; node: T }[]; hasNextPage: boolean; endCursor: string | null; totalCount: number }) {
  return { edges: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor }, totalCount: page.totalCount };
}
