import type { KnowledgeGraph } from '../load';
import type { Change, RecordChange } from './change';
import type { Sql } from './sql';

/** What a planner may look at: the graph (caught up with the store, under the write lock) and the transaction. */
export interface PlanContext {
  readonly graph: KnowledgeGraph;
  /** The open transaction, for the few plans that keep more than records (merges). */
  readonly sql: Sql;
  /** The name the change log records. */
  readonly actor: string;
}

/**
 * A validated mutation, ready to commit: its changes, and how to finish inside the same transaction once they are
 * written (extra rows such as a merge's undo record) and say what the mutation returns.
 */
export interface Plan<R> {
  readonly changes: readonly RecordChange[];
  finish(sql: Sql, committed: readonly Change[]): Promise<R> | R;
}

export type Planner<R> = (context: PlanContext) => Plan<R> | Promise<Plan<R>>;

/** A plan whose result needs nothing from the transaction. */
export function planOf<R>(changes: readonly RecordChange[], result: (committed: readonly Change[]) => R): Plan<R> {
  return { changes, finish: (_sql, committed) => result(committed) };
}

/** A record's fields with a patch applied: a value replaces, null clears, undefined (absent) keeps. */
export function patched<T extends object>(current: T, patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}
