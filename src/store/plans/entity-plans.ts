import { InvalidInputError, NotFoundError, type EntityRecord } from '../../model';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import { patched, planOf, type Planner } from '../plan';
import { expectVersion } from './expect-version';

export type RawFields = Readonly<Record<string, unknown>>;

export interface DeleteEntityResult {
  readonly id: string;
  /** The relationships deleted with it (cascade), in id order. */
  readonly deletedRelationships: readonly string[];
}

export function requireEntity(draft: Draft, id: string): EntityRecord {
  const entity = draft.entity(id);
  if (!entity) throw new NotFoundError('entity', id);
  return entity;
}

function checkExpectedRelationships(id: string, actual: readonly string[], expected: readonly string[]): void {
  const wanted = new Set(expected);
  const extra = actual.filter((relationship) => !wanted.has(relationship));
  const gone = [...wanted].filter((relationship) => !actual.includes(relationship));
  if (extra.length === 0 && gone.length === 0) return;
  const parts = [extra.length > 0 && `it now also has ${extra.join(', ')}`, gone.length > 0 && `${gone.join(', ')} ${gone.length === 1 ? 'is' : 'are'} gone`].filter(Boolean);
  throw new InvalidInputError('expectedRelationships', `the relationships of entity "${id}" changed since you were shown them: ${parts.join('; ')}; review what the delete removes and confirm again`);
}

/** Checks again, with the entity's new kind, every relationship of an entity whose kind changes. */
function checkRelationshipsStillAllowed(draft: Draft, checks: InputChecks, entity: EntityRecord): void {
  for (const id of draft.relationshipsOf(entity.id)) checks.references(draft.relationship(id)!, draft.references());
}

/** Checks a new entity and puts it in the draft; throws with every problem. The step createEntity plans. */
export function stageEntity(draft: Draft, fields: RawFields): EntityRecord {
  const checks = new InputChecks();
  const record = checks.entity(fields);
  if (record && draft.graphIdTaken(record.id)) checks.duplicate('entity', record.id, 'entities and relationships share one id namespace; choose another id');
  checks.throwIfAny();
  draft.put('entity', record!);
  return record!;
}

export function createEntity(fields: RawFields): Planner<EntityRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const record = stageEntity(draft, fields);
    return planOf(draft.changes(), () => record);
  };
}

/** Changes the fields in `patch` (null clears a field); refused when `version` is not the current one. */
export function updateEntity(id: string, version: number, patch: RawFields): Planner<EntityRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const current = requireEntity(draft, id);
    expectVersion(graph, 'entity', id, version);
    const checks = new InputChecks();
    const record = checks.entity(patched(current, { ...patch, id }));
    if (record) {
      draft.put('entity', record);
      if (record.kind !== current.kind) checkRelationshipsStillAllowed(draft, checks, record);
    }
    checks.throwIfAny();
    return planOf(draft.changes(), () => draft.entity(id)!);
  };
}

/**
 * Deletes an entity; with relationships it is refused unless `cascade`, which deletes them too. `expected`: the
 * relationships the caller was shown and agreed to delete; refused when the entity has others, or fewer, by now.
 */
export function deleteEntity(id: string, version: number | null | undefined, cascade: boolean, expected?: readonly string[] | null): Planner<DeleteEntityResult> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    requireEntity(draft, id);
    expectVersion(graph, 'entity', id, version);
    const relationships = draft.relationshipsOf(id);
    if (expected) checkExpectedRelationships(id, relationships, expected);
    if (relationships.length > 0 && !cascade) {
      const checks = new InputChecks();
      const listed = relationships.slice(0, 20).join(', ') + (relationships.length > 20 ? `, and ${relationships.length - 20} more` : '');
      checks.report({
        code: 'HAS_RELATIONSHIPS',
        record: id,
        message: `entity "${id}" has ${relationships.length} relationship${relationships.length === 1 ? '' : 's'}: ${listed}`,
        hint: 'delete or re-point them first, or delete with cascade: true to delete them with the entity',
      });
      checks.throwIfAny();
    }
    for (const relationship of relationships) draft.remove('relationship', relationship);
    draft.remove('entity', id);
    return planOf(draft.changes(), () => ({ id, deletedRelationships: relationships }));
  };
}
