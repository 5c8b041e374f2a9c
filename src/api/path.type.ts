import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { Path, PathHop } from '../queries';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

@ObjectType('Hop', { description: 'One step of a path: a relationship and the entities it went from and to.' })
export class HopView implements Pick<PathHop, 'forward'> {
  @Field(() => RelationshipView)
  relationship!: RelationshipView;

  @Field(() => EntityView)
  from!: EntityView;

  @Field(() => EntityView)
  to!: EntityView;

  @Field({ description: 'True when the hop went source → target; false when it walked the relationship backwards (directed: false).' })
  forward!: boolean;

  @Field(() => [RelationshipView], {
    description:
      'The other relationships between the same two entities that the query could have walked here (same filters; for a chronological path, keeping it chronological), best first: lower cost, then id. Parallel relationships are one hop, not distinct paths: `paths` counts sequences of entities.',
  })
  alternatives!: RelationshipView[];
}

@ObjectType('Path', { description: 'A simple path between two entities: no entity twice.' })
export class PathView implements Pick<Path, 'length' | 'cost'> {
  @Field(() => Int, { description: 'Number of hops (0 when from and to are the same entity).' })
  length!: number;

  @Field(() => Float, { description: 'The cost the query minimised (see PathCost), summed over the hops.' })
  cost!: number;

  @Field(() => [EntityView], { description: 'The entities in order, from first and to last.' })
  nodes!: EntityView[];

  @Field(() => [HopView])
  hops!: HopView[];
}
