import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DeleteEntityResult, MergeResult, UnmergeResult } from '../store';
import { EntityView } from './entity.type';

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
