import { idProblem, InvalidInputError } from '../model';
import type { Change, RecordKind } from './change';
import type { MergeRow, Store } from './store';

export const MAX_HISTORY_LIMIT = 1000;

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) throw new InvalidInputError('limit', `must be an integer from 1 to ${MAX_HISTORY_LIMIT}, got ${limit}`);
}

/** Ids are slugs: anything else (a NUL, a lone surrogate) is refused here, before the database sees it. */
function checkId(argument: string, id: unknown): void {
  const problem = idProblem(id);
  if (problem) throw new InvalidInputError(argument, `${JSON.stringify(id).slice(0, 80)} is not an id: it ${problem}`);
}

/** The changes of a record, oldest first: an entity's or relationship's by default, a source's with kind 'source'. */
export function recordHistory(store: Store, id: string, kind: RecordKind | null | undefined, limit: number): Promise<Change[]> {
  checkLimit(limit);
  checkId('id', id);
  return store.history(id, kind ? [kind] : ['entity', 'relationship'], limit);
}

export interface ChangePage {
  readonly changes: readonly Change[];
  /** The seq of the last change given, or `since` when none: the cursor of the next page. */
  readonly lastSeq: number;
  readonly hasMore: boolean;
}

/** The changes after the cursor `since` (a seq; 0 for the start), oldest first: for sync and audit. */
export async function changesAfter(store: Store, since: number, limit: number): Promise<ChangePage> {
  checkLimit(limit);
  if (!Number.isSafeInteger(since) || since < 0) throw new InvalidInputError('since', `must be a change seq (0 for the start), got ${since}`);
  const changes = await store.changesSince(since, limit + 1);
  const page = changes.slice(0, limit);
  return { changes: page, lastSeq: page.length > 0 ? page[page.length - 1].seq : since, hasMore: changes.length > limit };
}

/** Merges, newest first: all of them, or those where `entity` was kept or merged. */
export function listMerges(store: Store, entity: string | null | undefined, limit: number): Promise<MergeRow[]> {
  checkLimit(limit);
  if (entity !== null && entity !== undefined) checkId('entity', entity);
  return store.merges(entity ?? null, limit);
}
