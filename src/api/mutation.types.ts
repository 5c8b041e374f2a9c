import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeleteEntityResult, MergeResult, RevertResult, UnmergeResult } from '../store';
import { EntityView } from './entity.type';
import { RelationshipView } from './relationship.type';

@ObjectType('DeleteEntityResult', { description: 'What deleteEntity removed.' })
export class DeleteEntityResultView implements DeleteEntityResult {
  @Field(() => ID)
  id!: string;

  @Field(() => [ID], { description: 'The relationships deleted with the entity (cascade: true), in id order.' })
  deletedRelationships!: string[];
}

@ObjectType('CombinedRelationship', { description: 'A relationship that duplicated one of the kept entity: removed, its evidence added to `into`.' })
export class CombinedRelationshipView {
  @Field(() => ID)
  removed!: string;

  @Field(() => ID)
  into!: string;
}

@ObjectType('MergeResult', { description: 'What mergeEntities did; unmerge(mergeId) undoes it.' })
export class MergeResultView implements Omit<MergeResult, 'entity'> {
  @Field(() => Int)
  mergeId!: number;

  @Field(() => EntityView, { description: 'The kept entity, with the merged names as aliases.' })
  entity!: EntityView;

  @Field(() => [ID], { description: 'Relationships of the merged entity now pointing at the kept one.' })
  repointed!: string[];

  @Field(() => [CombinedRelationshipView])
  combined!: CombinedRelationshipView[];

  @Field(() => [ID], { description: 'Relationships between the two entities, removed (they would have become loops).' })
  dropped!: string[];
}

@ObjectType('UnmergeResult', { description: 'What unmerge restored.' })
export class UnmergeResultView implements Omit<UnmergeResult, 'entity' | 'keep'> {
  @Field(() => Int)
  mergeId!: number;

  @Field(() => EntityView, { description: 'The merged entity, back.' })
  entity!: EntityView;

  @Field(() => EntityView, { description: 'The kept entity, without what the merge gave it.' })
  keep!: EntityView;

  @Field(() => [ID], { description: 'Relationships given back to the restored entity.' })
  restored!: string[];

  @Field(() => [ID], { description: 'Relationships of the merge deleted (or whose id was reused) since, not restored.' })
  missing!: string[];
}

@ObjectType('RevertResult', { description: 'A record given again the content of an earlier version, as a new version.' })
export class RevertResultView implements Omit<RevertResult, 'kind' | 'entity' | 'relationship'> {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version whose content the record has again.' })
  revertedTo!: number;

  @Field(() => EntityView, { nullable: true, description: 'The entity, when the record is one.' })
  entity!: EntityView | null;

  @Field(() => RelationshipView, { nullable: true, description: 'The relationship, when the record is one.' })
  relationship!: RelationshipView | null;
}

@ObjectType('CombinedPreview', { description: 'A relationship of the merged entity that duplicates one of the kept entity: it would be folded into it.' })
export class CombinedPreviewView {
  @Field(() => RelationshipView)
  removed!: RelationshipView;

  @Field(() => RelationshipView, { description: 'The relationship of the kept entity that would receive its evidence.' })
  into!: RelationshipView;

  @Field(() => Int, { description: 'How many pieces of evidence it would add (the others are already cited).' })
  addedEvidence!: number;
}

@ObjectType('MergePreview', { description: 'What mergeEntities would do, without doing it.' })
export class MergePreviewView {
  @Field(() => EntityView, { description: 'The kept entity as the merge would leave it.' })
  entity!: EntityView;

  @Field(() => EntityView, { description: 'The entity that would be merged (and deleted).' })
  merged!: EntityView;

  @Field(() => [String], { description: 'Names of the merged entity that would become aliases of the kept one.' })
  addedAliases!: string[];

  @Field(() => [String], { description: 'Fields (description, start, end) the kept entity would take because it has none.' })
  takenFields!: string[];

  @Field(() => [RelationshipView], { description: 'Relationships of the merged entity that would point at the kept one.' })
  repointed!: RelationshipView[];

  @Field(() => [CombinedPreviewView])
  combined!: CombinedPreviewView[];

  @Field(() => [RelationshipView], { description: 'Relationships between the two, which would be removed (they would become loops).' })
  dropped!: RelationshipView[];
}
