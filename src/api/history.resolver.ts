import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { UnauthenticatedError } from '../model';
import type { AuthContext } from './auth-context';
import { changesAfter, listMerges, recordHistory, type Change, type ChangePage, type MergeRow, type RecordKind } from '../store';
import { GraphService } from './graph-service';
import { ChangePageView, ChangeView, MergeView, RecordKindEnum } from './history.types';
import { editorOf } from './mutation.resolver';

/**
 * The change log is read with a token only (any role), even when reading the graph is open: it names the tokens that
 * made each change and keeps records as they were before they were deleted (which may have been deleted for a reason).
 */
function requireToken(context: AuthContext): void {
  if (!context.actor) {
    throw new UnauthenticatedError('the change log (history, changes, merges) needs a token, even when reading is open: it names who made each change and keeps deleted records; send "Authorization: Bearer <token>" (any role)');
  }
}

/** Who changed what and when: the change log of the store. */
@Resolver()
export class HistoryResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => [ChangeView], { description: "A record's changes, oldest first: an entity's or relationship's, or a source's with kind: SOURCE. Needs a token." })
  history(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => RecordKindEnum, { nullable: true }) kind: RecordKind | null,
    @Arg('limit', () => Int, { defaultValue: 100, description: '1..1000' }) limit: number,
    @Ctx() context: AuthContext,
  ): Promise<Change[]> {
    requireToken(context);
    return recordHistory(editorOf(this.service).store, id, kind, limit);
  }

  @Query(() => ChangePageView, { description: 'Every change after the cursor `since` (a seq; 0 for the start), oldest first: for sync and audit. Needs a token.' })
  changes(@Arg('since', () => Int, { defaultValue: 0 }) since: number, @Arg('limit', () => Int, { defaultValue: 100, description: '1..1000' }) limit: number, @Ctx() context: AuthContext): Promise<ChangePage> {
    requireToken(context);
    return changesAfter(editorOf(this.service).store, since, limit);
  }

  @Query(() => [MergeView], { description: 'Merges, newest first; with entity, those where it was kept or merged. Needs a token.' })
  merges(@Arg('entity', () => ID, { nullable: true }) entity: string | null, @Arg('limit', () => Int, { defaultValue: 50, description: '1..1000' }) limit: number, @Ctx() context: AuthContext): Promise<MergeRow[]> {
    requireToken(context);
    return listMerges(editorOf(this.service).store, entity, limit);
  }
}
