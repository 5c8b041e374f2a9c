import { Field, Float, ID, InputType } from 'type-graphql';
import type { EntityKind, RelationType } from '../model';
import { EntityKindEnum, RelationTypeEnum } from './enums';

@InputType('ReportSourceInput', { description: 'Where the article comes from.' })
export class ReportSourceInput {
  @Field() title!: string;
  @Field({ description: 'YYYY-MM-DD: relative dates ("on Friday", "last month") are resolved from it.' }) published!: string;
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => String, { nullable: true, description: 'An http(s) address.' }) url?: string | null;
}

@InputType('IngestReportInput', { description: 'An article to read: plain text or HTML (markup is stripped, never run), at most 300,000 bytes.' })
export class IngestReportInput {
  @Field() text!: string;
  @Field(() => ReportSourceInput) source!: ReportSourceInput;
}

@InputType('ProposalEdit', { description: 'What to change when accepting: absent fields keep the proposal\'s, null clears a date.' })
export class ProposalEditInput {
  @Field(() => RelationTypeEnum, { nullable: true }) type?: RelationType | null;
  @Field(() => ID, { nullable: true }) source?: string | null;
  @Field(() => ID, { nullable: true }) target?: string | null;
  @Field(() => String, { nullable: true }) start?: string | null;
  @Field(() => String, { nullable: true }) end?: string | null;
  @Field(() => Float, { nullable: true }) confidence?: number | null;
  @Field(() => Boolean, { nullable: true }) disputed?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The evidence note, in your own words.' }) note?: string | null;
}

@InputType('EntityEdit', { description: 'What to change when creating a proposed entity.' })
export class EntityEditInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => EntityKindEnum, { nullable: true }) kind?: EntityKind | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}
