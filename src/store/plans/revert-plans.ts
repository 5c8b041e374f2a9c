import { isDeepStrictEqual } from 'node:util';
import { InvalidInputError, NotFoundError, type EntityRecord, type RelationshipRecord } from '../../model';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import { planOf, type Planner } from '../plan';
import { expectVersion } from './expect-version';

export interface RevertResult {
  readonly kind: 'entity' | 'relationship';
  readonly id: string;
  /** The version the record had, whose content it has again (as a new version). */
  readonly revertedTo: number;
  readonly entity: EntityRecord | null;
  readonly relationship: RelationshipRecord | null;
}

/**
 * Gives an entity or relationship again the content it had at `toVersion`, as a new change (the history is kept, not
 * rewritten); a deleted record is restored. Checked like any edit: the restored record must still fit (its ends and
 * sources must exist, its kind must suit its relationships). `version`, when given, is the current version you read.
 */
export function revertRecord(id: string, toVersion: number, version: number | null | undefined): Planner<RevertResult> {
  return async ({ graph, sql }) => {
    if (!Number.isInteger(toVersion) || toVersion < 1) throw new InvalidInputError('toVersion', `must be a version of the record (1 or more), got ${toVersion}`);
    const { rows } = await sql.query<{ kind: 'entity' | 'relationship'; after: string }>(
      `SELECT kind, after::text AS after FROM changes
       WHERE record_id = $1 AND version = $2 AND kind IN ('entity', 'relationship') AND after IS NOT NULL
       ORDER BY seq DESC LIMIT 1`,
      [id, toVersion],
    );
    if (rows.length === 0) throw new NotFoundError(`version ${toVersion} of record`, id);
    const kind = rows[0].kind;
    const wanted = JSON.parse(rows[0].after) as Record<string, unknown>;
    const draft = new Draft(graph);
    const current = draft.get(kind, id);
    const checks = new InputChecks();
    if (current) {
      expectVersion(graph, kind, id, version);
      if (isDeepStrictEqual(current, wanted)) throw new InvalidInputError('toVersion', `${kind} "${id}" already has the content of version ${toVersion}: nothing to revert`);
    } else if (draft.graphIdTaken(id)) {
      checks.duplicate(kind, id, `the id is used by ${kind === 'entity' ? 'a relationship' : 'an entity'} now; delete or rename that record first`);
    }
    if (kind === 'entity') {
      const record = checks.entity(wanted);
      if (record) {
        draft.put('entity', record);
        if (current && (current as EntityRecord).kind !== record.kind) {
          for (const relationship of draft.relationshipsOf(id)) checks.references(draft.relationship(relationship)!, draft.references());
        }
      }
    } else {
      const record = checks.relationship(wanted, draft.references());
      if (record) draft.put('relationship', record);
    }
    checks.throwIfAny();
    return planOf(draft.changes(), () => ({
      kind,
      id,
      revertedTo: toVersion,
      entity: kind === 'entity' ? draft.entity(id) : null,
      relationship: kind === 'relationship' ? draft.relationship(id) : null,
    }));
  };
}
