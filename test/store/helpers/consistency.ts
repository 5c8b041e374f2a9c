import { isDeepStrictEqual } from 'node:util';
import type { Store } from '../../../src/store';

/**
 * Checks that the store's tables are exactly what its change log says: for every record, the last change's version
 * and `after` (a deleted record absent), and no record without a change. Returns the disagreements.
 */
export async function logDisagreements(store: Store): Promise<string[]> {
  const last = new Map<string, { op: string; version: number; after: unknown }>();
  const { rows: changes } = await store.driver.query<{ kind: string; record_id: string; op: string; version: number; after: string | null }>(
    'SELECT kind, record_id, op, version, after::text AS after FROM changes ORDER BY seq',
  );
  for (const change of changes) last.set(`${change.kind}:${change.record_id}`, { op: change.op, version: Number(change.version), after: change.after && JSON.parse(change.after) });
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [kind, table] of [['source', 'sources'], ['entity', 'entities'], ['relationship', 'relationships']]) {
    const { rows } = await store.driver.query<{ id: string; version: number; record: string }>(`SELECT id, version, record::text AS record FROM ${table}`);
    for (const row of rows) {
      const key = `${kind}:${row.id}`;
      seen.add(key);
      const change = last.get(key);
      if (!change) problems.push(`${key} has no change in the log`);
      else if (change.op === 'delete') problems.push(`${key} is stored but its last change deletes it`);
      else if (change.version !== Number(row.version)) problems.push(`${key} is at version ${row.version}, the log says ${change.version}`);
      else if (!isDeepStrictEqual(change.after, JSON.parse(row.record))) problems.push(`${key} differs from its last change`);
    }
  }
  for (const [key, change] of last) if (change.op !== 'delete' && !seen.has(key)) problems.push(`${key} is missing, its last change is a ${change.op}`);
  return problems;
}
