import { Arg, ID, Int, Query, Resolver } from 'type-graphql';
import { changesAfter, listMerges, recordHistory, type Change, type ChangePage, type MergeRow, type RecordKind } from '../store';
import { GraphService } from './graph-service';
import { ChangePageView, ChangeView, MergeView, RecordKindEnum } from './history.types';
import { editorOf } from './mutation.resolver';

/** Who changed what and when: the change log of the store. */
@Resolver()
export class HistoryResolver {
  constructor(private readonly service: GraphService) {}

  @Query(() => [ChangeView], { description: "A record's changes, oldest first: an entity's or relationship's, or a source's with kind: SOURCE." })
  history(
    @Arg('id', () => ID) id: string,
    @Arg('kind', () => RecordKindEnum, { nullable: true }) kind: RecordKind | null,
    @Arg('limit', () => Int, { defaultValue: 100, description: '1..1000' }) limit: number,
  ): Promise<Change[]> {
    return recordHistory(editorOf(this.service).store, id, kind, limit);
  }

  @Query(() => ChangePageView, { description: 'Every change after the cursor `since` (a seq; 0 for the start), oldest first: for sync and audit.' })
  changes(@Arg('since', () => Int, { defaultValue: 0 }) since: number, @Arg('limit', () => Int, { defaultValue: 100, description: '1..1000' }) limit: number): Promise<ChangePage> {
    return changesAfter(editorOf(this.service).store, since, limit);
  }

  @Query(() => [MergeView], { description: 'Merges, newest first; with entity, those where it was kept or merged.' })
  merges(@Arg('entity', () => ID, { nullable: true }) entity: string | null, @Arg('limit', () => Int, { defaultValue: 50, description: '1..1000' }) limit: number): Promise<MergeRow[]> {
    return listMerges(editorOf(this.service).store, entity, limit);
  }
}
