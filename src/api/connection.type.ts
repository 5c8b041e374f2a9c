import { Field, Int, ObjectType } from 'type-graphql';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

@ObjectType('PageInfo')
export class PageInfoView {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('EntityEdge')
export class EntityEdgeView {
  @Field()
  cursor!: string;

  @Field(() => EntityView)
  node!: EntityView;
}

@ObjectType('EntityConnection', { description: 'A page of entities in id order (Relay connection).' })
export class EntityConnectionView {
  @Field(() => [EntityEdgeView])
  edges!: EntityEdgeView[];

  @Field(() => PageInfoView)
  pageInfo!: PageInfoView;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType('RelationshipEdge')
export class RelationshipEdgeView {
  @Field()
  cursor!: string;

  @Field(() => RelationshipView)
  node!: RelationshipView;
}

@ObjectType('RelationshipConnection', { description: 'A page of relationships in id order (Relay connection).' })
export class RelationshipConnectionView {
  @Field(() => [RelationshipEdgeView])
  edges!: RelationshipEdgeView[];

  @Field(() => PageInfoView)
  pageInfo!: PageInfoView;

  @Field(() => Int)
  totalCount!: number;
}

/** A query-layer page as a connection. */
export function toConnection<T>(page: { items: readonly { cursor: string; node: T }[]; hasNextPage: boolean; endCursor: string | null; totalCount: number }) {
  return { edges: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor }, totalCount: page.totalCount };
}
