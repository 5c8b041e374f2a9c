import { Field, ObjectType } from 'type-graphql';
import type { EvidenceStance } from '../model';
import { EvidenceStanceEnum } from './enums';
import { SourceView } from './source.type';

@ObjectType('Evidence', { description: 'Where a relationship is stated: a source, a place in it, and what it supports in our words.' })
export class EvidenceView {
  @Field(() => SourceView)
  source!: SourceView;

  @Field(() => String, { nullable: true, description: 'Where in the source, e.g. ¶5 for the fifth paragraph.' })
  locator?: string;

  @Field(() => String, { nullable: true, description: 'What the source supports, in our own words.' })
  note?: string;

  @Field(() => EvidenceStanceEnum, { description: 'SUPPORTS unless the source contradicts the claim.' })
  stance!: EvidenceStance;
}
