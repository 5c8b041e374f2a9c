import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EntityKind, RelationType } from '../model';
import { EntityKindEnum, RelationTypeEnum } from './enums';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const MentionMatchEnum = enumOf(['NAME', 'VARIANT', 'DEMONYM', 'DESCRIPTION', 'COREFERENCE', 'PRONOUN', 'NONE'] as const);
registerEnumType(MentionMatchEnum, { name: 'MentionMatch', description: 'How a mention was tied to a known entity (NONE: it was not).' });
export const NameFlagEnum = enumOf(['BIDI_CONTROL', 'ZERO_WIDTH', 'MIXED_SCRIPT', 'POSSIBLE_IMITATION'] as const);
registerEnumType(NameFlagEnum, { name: 'NameFlag', description: 'What is suspicious about a name: reordering or invisible characters, look-alike letters of another script.' });
export const ProposalStatusEnum = enumOf(['NEW', 'ADDS_EVIDENCE', 'CONFLICT'] as const);
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus', description: 'How a proposal stands against the graph: new, a repeat of a known relationship, or contradicting one.' });
export const DecisionStatusEnum = enumOf(['ACCEPTED', 'REJECTED'] as const);
registerEnumType(DecisionStatusEnum, { name: 'DecisionStatus', description: 'What an analyst decided about a proposal.' });

@ObjectType('ReportSource', { description: 'Where an ingested article comes from.' })
export class ReportSourceView {
  @Field() title!: string;
  @Field({ description: 'The day it was published: the anchor of its relative dates.' }) published!: string;
  @Field(() => String, { nullable: true }) publisher?: string;
  @Field(() => String, { nullable: true }) url?: string;
}

@ObjectType('MentionCandidate', { description: 'An entity a mention may stand for, not linked: a partial name, a look-alike, a shared name.' })
export class MentionCandidateView {
  @Field(() => ID) entity!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Float) score!: number;
  @Field(() => [String]) reasons!: string[];
}

@ObjectType('ProposedEntityName', { description: 'A name and kind for an entity that could be created.' })
export class ProposedEntityNameView {
  @Field() name!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
}

@ObjectType('ReportMention', { description: 'A name (or description) of something in the article: start and end are offsets in its paragraph.' })
export class ReportMentionView {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The ¶ number, from 1.' }) paragraph!: number;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field() text!: string;
  @Field(() => ID, { nullable: true, description: 'The known entity it stands for (as read, or as an analyst linked it).' }) entity!: string | null;
  @Field(() => String, { nullable: true }) entityName!: string | null;
  @Field(() => MentionMatchEnum) match!: string;
  @Field(() => EntityKindEnum, { nullable: true }) kind!: EntityKind | null;
  @Field(() => ProposedEntityNameView, { nullable: true }) newEntity!: ProposedEntityNameView | null;
  @Field(() => [MentionCandidateView]) candidates!: MentionCandidateView[];
  @Field(() => [NameFlagEnum]) flags!: string[];
  @Field(() => [String]) reasons!: string[];
  @Field(() => String, { nullable: true, description: 'Who linked it by hand.' }) linkedBy!: string | null;
}

@ObjectType('ProposalEvidence', { description: 'Where the article states it: quote is an exact substring of the paragraph.' })
export class ProposalEvidenceView {
  @Field(() => Int) paragraph!: number;
  @Field() locator!: string;
  @Field() quote!: string;
}

@ObjectType('NewEntityProposal', { description: 'An unknown proper name of the article that could become an entity.' })
export class NewEntityProposalView {
  @Field(() => ID, { description: 'The id proposed (free in the graph when the draft was made).' }) id!: string;
  @Field() name!: string;
  @Field(() => EntityKindEnum) kind!: EntityKind;
  @Field(() => [ID]) mentions!: string[];
  @Field(() => [String]) reasons!: string[];
  @Field(() => [NameFlagEnum]) flags!: string[];
  @Field(() => ProposalEvidenceView) evidence!: ProposalEvidenceView;
  @Field(() => ID, { nullable: true, description: 'The entity created for it, once accepted.' }) created!: string | null;
}

@ObjectType('ProposalEnd', { description: 'One end of a proposed relationship: a known entity, or a name still to create or link.' })
export class ProposalEndView {
  @Field(() => ID, { nullable: true }) entity!: string | null;
  @Field() name!: string;
  @Field(() => EntityKindEnum, { nullable: true }) kind!: EntityKind | null;
  @Field(() => ID, { nullable: true }) mention!: string | null;
}

@ObjectType('ProposalConflict', { description: 'A known relationship a proposal contradicts, why, and its evidence.' })
export class ProposalConflictView {
  @Field(() => ID) relationship!: string;
  @Field() reason!: string;
  @Field(() => [KnownEvidenceView]) known!: KnownEvidenceView[];
}

@ObjectType('KnownEvidence', { description: 'Evidence of a known relationship.' })
export class KnownEvidenceView {
  @Field(() => ID) source!: string;
  @Field(() => String, { nullable: true }) locator?: string;
  @Field(() => String, { nullable: true }) note?: string;
}

@ObjectType('ProposalDecision', { description: 'Who accepted or rejected a proposal, when, and the relationship it became.' })
export class ProposalDecisionView {
  @Field(() => DecisionStatusEnum) status!: string;
  @Field() by!: string;
  @Field() at!: string;
  @Field(() => ID, { nullable: true }) relationship?: string;
  @Field(() => String, { nullable: true }) reason?: string;
}

@ObjectType('ReportProposal', { description: 'A relationship the article states, for review; nothing enters the graph until accepted.' })
export class ReportProposalView {
  @Field(() => ID) id!: string;
  @Field(() => RelationTypeEnum) type!: RelationType;
  @Field(() => ProposalEndView) source!: ProposalEndView;
  @Field(() => ProposalEndView) target!: ProposalEndView;
  @Field(() => String, { nullable: true }) start!: string | null;
  @Field(() => String, { nullable: true }) end!: string | null;
  @Field(() => Float) confidence!: number;
  @Field(() => ProposalEvidenceView) evidence!: ProposalEvidenceView;
  @Field({ description: 'The row of the cue table that matched.' }) cue!: string;
  @Field() family!: string;
  @Field(() => [String], { description: 'Hedging words of the sentence, which lowered the confidence.' }) hedges!: string[];
  @Field(() => [String], { description: 'How an end the sentence does not name was resolved: "the group" → an organisation named just before, or a pronoun ("they" → the plural actor that is the subject of the previous sentence), which also lowered the confidence. Check these.' }) resolutions!: string[];
  @Field(() => ProposalStatusEnum) status!: string;
  @Field(() => ID, { nullable: true, description: 'With ADDS_EVIDENCE: the known relationship it repeats.' }) existing!: string | null;
  @Field(() => [ID], { description: 'With CONFLICT: the known relationships it contradicts.' }) conflicts!: string[];
  @Field(() => [ProposalConflictView]) conflictDetails!: ProposalConflictView[];
  @Field(() => ProposalDecisionView, { nullable: true }) decision!: ProposalDecisionView | null;
}

@ObjectType('ReportDraft', { description: 'An ingested article and what it proposes, kept for review.' })
export class ReportDraftView {
  @Field(() => ID) id!: string;
  @Field() createdAt!: string;
  @Field() createdBy!: string;
  @Field(() => ID, { description: 'The source record the article has, or gets with its first accepted proposal.' }) sourceId!: string;
  @Field(() => Int) version!: number;
  @Field(() => ReportSourceView) source!: ReportSourceView;
  @Field(() => [String], { description: '¶1, ¶2, …: blank-line separated blocks, headings counting.' }) paragraphs!: string[];
  @Field(() => [String]) notes!: string[];
  @Field(() => [ReportMentionView]) mentions!: ReportMentionView[];
  @Field(() => [NewEntityProposalView]) newEntities!: NewEntityProposalView[];
  @Field(() => [ReportProposalView]) proposals!: ReportProposalView[];
}

@ObjectType('DraftSummary', { description: 'A draft in the list of drafts.' })
export class DraftSummaryView {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() published!: string;
  @Field() createdAt!: string;
  @Field() createdBy!: string;
  @Field(() => Int) proposals!: number;
  @Field(() => Int) decided!: number;
}

@ObjectType('AcceptProposalResult', { description: 'The draft after the decision, and the relationship created or given evidence.' })
export class AcceptProposalResultView {
  @Field(() => ReportDraftView) draft!: ReportDraftView;
  @Field(() => RelationshipView, { nullable: true }) relationship!: object | null;
}

@ObjectType('AcceptEntityResult', { description: 'The draft after the decision, and the entity created.' })
export class AcceptEntityResultView {
  @Field(() => ReportDraftView) draft!: ReportDraftView;
  @Field(() => EntityView) entity!: object;
}
