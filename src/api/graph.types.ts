import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { EntityKind, RelationType } from '../model';
import type { OmittedRelationships } from '../queries';
import { EntityView } from './entity.type';
import { EntityKindEnum, RelationTypeEnum, TemporalityEnum } from './enums';
import { RelationshipView } from './relationship.type';

@ObjectType('OmittedRelationships', { description: "Relationships of one entity, of one type, that a subgraph leaves out." })
export class OmittedRelationshipsView implements OmittedRelationships {
  @Field(() => ID)
  entity!: string;

  @Field(() => RelationTypeEnum)
  type!: RelationType;

  @Field(() => Int)
  count!: number;
}

@ObjectType('Subgraph', { description: 'Entities and the relationships among them.' })
export class SubgraphView {
  @Field(() => [EntityView])
  nodes!: EntityView[];

  @Field(() => [RelationshipView])
  edges!: RelationshipView[];

  @Field({ description: 'True when a limit cut the result short (entities, relationships per entity, or relationships in all).' })
  truncated!: boolean;

  @Field(() => [OmittedRelationshipsView], { description: 'For each entity returned, per type, how many of its relationships (under the filters) are not in edges: the "N more" to offer.' })
  more!: OmittedRelationshipsView[];
}

@ObjectType('KindCount')
export class KindCountView {
  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('TypeCount')
export class TypeCountView {
  @Field(() => RelationTypeEnum)
  type!: RelationType;

  @Field(() => Int)
  count!: number;
}

@ObjectType('Stats', { description: 'Counts, and the range of dates in the data.' })
export class StatsView {
  @Field(() => Int)
  entities!: number;

  @Field(() => Int)
  relationships!: number;

  @Field(() => [KindCountView])
  byKind!: KindCountView[];

  @Field(() => [TypeCountView])
  byType!: TypeCountView[];

  @Field(() => String, { nullable: true, description: 'The earliest day any date in the data touches (YYYY-MM-DD).' })
  earliest!: string | null;

  @Field(() => String, { nullable: true, description: 'The latest day any date in the data touches (YYYY-MM-DD).' })
  latest!: string | null;
}

@ObjectType('RelationRule', { description: 'A relation type: what it means, how to read it and what it may connect.' })
export class RelationRuleView {
  @Field(() => RelationTypeEnum)
  type!: RelationType;

  @Field()
  definition!: string;

  @Field({ description: 'How to read source → target.' })
  reading!: string;

  @Field(() => TemporalityEnum)
  temporality!: 'SPAN' | 'EVENT';

  @Field()
  symmetric!: boolean;

  @Field(() => [EntityKindEnum])
  sourceKinds!: EntityKind[];

  @Field(() => [EntityKindEnum])
  targetKinds!: EntityKind[];
}
