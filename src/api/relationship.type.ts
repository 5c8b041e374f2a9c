import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { RelationshipRecord, RelationType } from '../model';
import { RelationTypeEnum } from './enums';

@ObjectType('Relationship', { description: 'A typed, dated relation between two entities, with the evidence for it.' })
export class RelationshipView implements Pick<RelationshipRecord, 'id' | 'type' | 'start' | 'end' | 'confidence' | 'weight'> {
  @Field(() => ID)
  id!: string;

  @Field(() => RelationTypeEnum)
  type!: RelationType;

  @Field(() => String, { nullable: true, description: 'Partial ISO date: when the span began, or when the event happened.' })
  start?: string;

  @Field(() => String, { nullable: true, description: 'Partial ISO date: when the span ended.' })
  end?: string;

  @Field(() => Float, { nullable: true, description: '0..1: how sure we are that it holds as stated.' })
  confidence?: number;

  @Field(() => Float, { nullable: true, description: 'Weight for weighted paths (imported graphs); 1 when absent.' })
  weight?: number;
}
