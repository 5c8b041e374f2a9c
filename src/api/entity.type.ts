import { Field, ID, ObjectType } from 'type-graphql';
import type { EntityKind, EntityRecord } from '../model';
import { EntityKindEnum } from './enums';

@ObjectType('Entity', { description: 'An actor, place or event. Relationship fields take the same filters as the network.' })
export class EntityView implements Pick<EntityRecord, 'id' | 'kind' | 'name' | 'description' | 'start' | 'end'> {
  @Field(() => ID)
  id!: string;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'In our own words.' })
  description?: string;

  @Field(() => String, { nullable: true, description: 'Partial ISO date: founded, born, or when the event happened.' })
  start?: string;

  @Field(() => String, { nullable: true, description: 'Partial ISO date: dissolved, died, or when the event ended.' })
  end?: string;
}
