import { JSONObjectScalar } from './mutation-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import type { EvidenceRecord, EvidenceStance, RelationshipRecord, RelationType } from '../model';
import { EvidenceStanceEnum, RelationTypeEnum } from './enums';

@InputType('EvidenceInput', { description: 'Where a relationship is stated: a source, a place in it, and what it supports in our words.' })
export class EvidenceInput implements EvidenceRecord {
  @Field(() => ID, { description: 'The id of a source (createSource adds one).' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'Where in the source, e.g. ¶5.' })
  locator?: string;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => EvidenceStanceEnum, { nullable: true, description: 'SUPPORTS when left out.' })
  stance?: EvidenceStance;
}

@InputType('RelationshipInput', { description: 'A new relationship, checked by the same rules as a record of relationships.yaml.' })
export class RelationshipInput implements Pick<RelationshipRecord, 'id' | 'type' | 'source' | 'target'> {
  @Field(() => ID, { description: 'A lowercase slug (a-z, 0-9, -), unique among entities and relationships.' })
  id!: string;

  @Field(() => RelationTypeEnum, { description: 'The type must allow the kinds of source and target (see relationTypes).' })
  type!: RelationType;

  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => String, { nullable: true })
  start?: string | null;

  @Field(() => String, { nullable: true })
  end?: string | null;

  @Field(() => Float, { nullable: true, description: '0..1' })
  confidence?: number | null;

  @Field(() => Boolean, { nullable: true })
  disputed?: boolean | null;

  @Field(() => Float, { nullable: true })
  weight?: number | null;

  @Field(() => [EvidenceInput], { description: 'At least one.' })
  evidence!: EvidenceInput[];

  @Field(() => JSONObjectScalar, { nullable: true })
  attributes?: Record<string, unknown> | null;
}

@InputType('RelationshipPatch', { description: 'The fields of a relationship to change: a field left out stays as it is, null clears it.' })
export class RelationshipPatch {
  @Field(() => RelationTypeEnum, { nullable: true })
  type?: RelationType | null;

  @Field(() => ID, { nullable: true })
  source?: string | null;

  @Field(() => ID, { nullable: true })
  target?: string | null;

  @Field(() => String, { nullable: true })
  start?: string | null;

  @Field(() => String, { nullable: true })
  end?: string | null;

  @Field(() => Float, { nullable: true })
  confidence?: number | null;

  @Field(() => Boolean, { nullable: true })
  disputed?: boolean | null;

  @Field(() => Float, { nullable: true })
  weight?: number | null;

  @Field(() => [EvidenceInput], { nullable: true, description: 'Replaces all evidence (addEvidence adds one).' })
  evidence?: EvidenceInput[] | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Replaces all attributes.' })
  attributes?: Record<string, unknown> | null;
}
