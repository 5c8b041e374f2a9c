import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { ProxygraphError, type EntityRecord, type RelationshipRecord, type SourceRecord } from '../model';
import {
  addEvidence,
  createEntity,
  createRelationship,
  createSource,
  deleteEntity,
  deleteRelationship,
  mergeEntities,
  revertRecord,
  unmerge,
  updateEntity,
  updateRelationship,
  type DeleteEntityResult,
  type GraphEditor,
  type MergeResult,
  type Planner,
  type RevertResult,
  type UnmergeResult,
} from '../store';
import type { AuthContext } from './auth-context';
import { EntityInput, EntityPatch, fieldsOf } from './entity.input';
import { EntityView } from './entity.type';
import { GraphService } from './graph-service';
import { DeleteEntityResultView, MergeResultView, RevertResultView, UnmergeResultView } from './mutation.types';
import { EvidenceInput, RelationshipInput, RelationshipPatch } from './relationship.input';
import { RelationshipView } from './relationship.type';
import { SourceInput } from './source.input';
import { SourceView } from './source.type';

/** This server has no store to write to (it serves data files as they are). */
export class ReadOnlyError extends ProxygraphError {}

export function editorOf(service: GraphService): GraphEditor {
  if (!service.editor) throw new ReadOnlyError('this server serves its data read-only: it was started without a store');
  return service.editor;
}

const VERSION = 'The version you read (Entity.version / Relationship.version); refused with CONFLICT when it changed since.';
const OPTIONAL_VERSION = 'When given, refused with CONFLICT unless it is the current version.';

/** Every edit of the graph: each needs a token with the editor role, is validated like the data files, and is recorded. */
@Resolver()
export class MutationResolver {
  constructor(private readonly service: GraphService) {}

  private edit<R>(context: AuthContext, operation: string, planner: Planner<R>): Promise<R> {
    return editorOf(this.service).commit(context.actor, 'editor', operation, planner);
  }

  @Mutation(() => EntityView, { description: 'Adds an entity.' })
  createEntity(@Arg('input', () => EntityInput) input: EntityInput, @Ctx() context: AuthContext): Promise<EntityRecord> {
    return this.edit(context, 'createEntity', createEntity(fieldsOf(input)));
  }

  @Mutation(() => EntityView, { description: 'Changes fields of an entity.' })
  updateEntity(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: VERSION }) version: number,
    @Arg('patch', () => EntityPatch) patch: EntityPatch,
    @Ctx() context: AuthContext,
  ): Promise<EntityRecord> {
    return this.edit(context, 'updateEntity', updateEntity(id, version, fieldsOf(patch)));
  }

  @Mutation(() => DeleteEntityResultView, { description: 'Deletes an entity; refused while relationships point at it, unless cascade: true deletes them too.' })
  deleteEntity(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true, description: OPTIONAL_VERSION }) version: number | null,
    @Arg('cascade', () => Boolean, { defaultValue: false }) cascade: boolean,
    @Arg('expectedRelationships', () => [ID], { nullable: true, description: 'The relationships you were shown (and agree that cascade deletes); refused when the entity has others, or fewer, by now.' })
    expectedRelationships: string[] | null,
    @Ctx() context: AuthContext,
  ): Promise<DeleteEntityResult> {
    return this.edit(context, 'deleteEntity', deleteEntity(id, version, cascade, expectedRelationships));
  }

  @Mutation(() => RelationshipView, { description: 'Adds a relationship, with at least one piece of evidence.' })
  createRelationship(@Arg('input', () => RelationshipInput) input: RelationshipInput, @Ctx() context: AuthContext): Promise<RelationshipRecord> {
    return this.edit(context, 'createRelationship', createRelationship(fieldsOf(input)));
  }

  @Mutation(() => RelationshipView, { description: 'Changes fields of a relationship.' })
  updateRelationship(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { description: VERSION }) version: number,
    @Arg('patch', () => RelationshipPatch) patch: RelationshipPatch,
    @Ctx() context: AuthContext,
  ): Promise<RelationshipRecord> {
    return this.edit(context, 'updateRelationship', updateRelationship(id, version, fieldsOf(patch)));
  }

  @Mutation(() => ID, { description: 'Deletes a relationship; returns its id.' })
  deleteRelationship(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int, { nullable: true, description: OPTIONAL_VERSION }) version: number | null,
    @Ctx() context: AuthContext,
  ): Promise<string> {
    return this.edit(context, 'deleteRelationship', deleteRelationship(id, version));
  }

  @Mutation(() => RelationshipView, { description: 'Adds a piece of evidence to a relationship.' })
  addEvidence(
    @Arg('relationship', () => ID) relationship: string,
    @Arg('evidence', () => EvidenceInput) evidence: EvidenceInput,
    @Arg('version', () => Int, { nullable: true, description: OPTIONAL_VERSION }) version: number | null,
    @Ctx() context: AuthContext,
  ): Promise<RelationshipRecord> {
    return this.edit(context, 'addEvidence', addEvidence(relationship, fieldsOf(evidence), version));
  }

  @Mutation(() => MergeResultView, { description: 'Merges `merge` into `keep` (same kind): its relationships move to keep, its names become aliases, it is deleted.' })
  mergeEntities(
    @Arg('keep', () => ID) keep: string,
    @Arg('merge', () => ID) merge: string,
    @Arg('keepVersion', () => Int, { nullable: true, description: OPTIONAL_VERSION }) keepVersion: number | null,
    @Arg('mergeVersion', () => Int, { nullable: true, description: OPTIONAL_VERSION }) mergeVersion: number | null,
    @Ctx() context: AuthContext,
  ): Promise<MergeResult> {
    return this.edit(context, 'mergeEntities', mergeEntities(keep, merge, keepVersion, mergeVersion));
  }

  @Mutation(() => UnmergeResultView, { description: 'Undoes a merge: the merged entity comes back with its relationships.' })
  unmerge(@Arg('mergeId', () => Int) mergeId: number, @Ctx() context: AuthContext): Promise<UnmergeResult> {
    return this.edit(context, 'unmerge', unmerge(mergeId));
  }

  @Mutation(() => RevertResultView, { description: 'Gives an entity or relationship the content of an earlier version again (see history), as a new change; restores a deleted one.' })
  revert(
    @Arg('id', () => ID) id: string,
    @Arg('toVersion', () => Int, { description: 'The version (Change.version of history) whose content to bring back.' }) toVersion: number,
    @Arg('version', () => Int, { nullable: true, description: OPTIONAL_VERSION }) version: number | null,
    @Ctx() context: AuthContext,
  ): Promise<RevertResult> {
    return this.edit(context, 'revert', revertRecord(id, toVersion, version));
  }

  @Mutation(() => SourceView, { description: 'Adds a source that evidence can cite.' })
  createSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() context: AuthContext): Promise<SourceRecord> {
    return this.edit(context, 'createSource', createSource(fieldsOf(input)));
  }
}
