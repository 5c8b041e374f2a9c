import { JSONObjectScalar } from './mutation-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Change, ChangeOp, MergeRow, RecordKind } from '../store';

export const ChangeOpEnum = { CREATE: 'create', UPDATE: 'update', DELETE: 'delete' } as const satisfies Record<string, ChangeOp>;
registerEnumType(ChangeOpEnum, { name: 'ChangeOp', description: 'What a change did to its record.' });

export const RecordKindEnum = { SOURCE: 'source', ENTITY: 'entity', RELATIONSHIP: 'relationship' } as const satisfies Record<string, RecordKind>;
registerEnumType(RecordKindEnum, { name: 'RecordKind', description: 'The kind of record a change is about.' });

@ObjectType('Change', { description: 'One record created, updated or deleted: who, when, and the record before and after.' })
export class ChangeView implements Pick<Change, 'seq' | 'at' | 'actor' | 'operation' | 'op' | 'kind' | 'id' | 'version'> {
  @Field(() => Int, { description: 'Its place in the change log; changes(since:) takes it as a cursor.' })
  seq!: number;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field({ description: 'The name of the token that made it (or seed, cli:import).' })
  actor!: string;

  @Field({ description: 'The mutation or command that made it, e.g. updateEntity, mergeEntities, import.' })
  operation!: string;

  @Field(() => ChangeOpEnum)
  op!: ChangeOp;

  @Field(() => RecordKindEnum)
  kind!: RecordKind;

  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version of the record after the change (for a delete: the version deleted).' })
  version!: number;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'The record before, as in the data files; null for a create.' })
  before!: object | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'The record after; null for a delete.' })
  after!: object | null;
}

@ObjectType('ChangePage', { description: 'Changes after a cursor, oldest first.' })
export class ChangePageView {
  @Field(() => [ChangeView])
  changes!: Change[];

  @Field(() => Int, { description: 'The seq of the last change given (or the cursor given): pass it as since to go on.' })
  lastSeq!: number;

  @Field({ description: 'True when more changes follow.' })
  hasMore!: boolean;
}

@ObjectType('Merge', { description: 'A merge of two entities, which unmerge(mergeId) can undo.' })
export class MergeView implements MergeRow {
  @Field(() => Int)
  id!: number;

  @Field(() => ID)
  keep!: string;

  @Field(() => ID)
  merged!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field()
  actor!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  undoneAt!: Date | null;

  @Field(() => String, { nullable: true })
  undoneBy!: string | null;

  @Field({ description: 'The name the merged entity had when it was merged.' })
  mergedName!: string;

  @Field(() => Int, { description: 'How many of its relationships the merge moved, folded into duplicates or dropped.' })
  relationships!: number;
}
