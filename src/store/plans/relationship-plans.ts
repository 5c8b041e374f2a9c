import { InvalidInputError, NotFoundError, type RelationshipRecord } from '../../model';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import { patched, planOf, type Planner } from '../plan';
import type { RawFields } from './entity-plans';
import { expectVersion } from './expect-version';

function requireRelationship(draft: Draft, id: string): RelationshipRecord {
  const relationship = draft.relationship(id);
  if (!relationship) throw new NotFoundError('relationship', id);
  return relationship;
}

/** Checks a relationship's fields and references and puts it in the draft; throws with every problem. */
function putChecked(draft: Draft, fields: RawFields): RelationshipRecord {
  const checks = new InputChecks();
  const record = checks.relationship(fields, draft.references());
  checks.throwIfAny();
  draft.put('relationship', record!);
  return record!;
}

/** Checks a new relationship against the draft and puts it there; throws with every problem. The step createRelationship plans. */
export function stageRelationship(draft: Draft, fields: RawFields): RelationshipRecord {
  const checks = new InputChecks();
  const record = checks.relationship(fields, draft.references());
  if (record && draft.graphIdTaken(record.id)) checks.duplicate('relationship', record.id, 'entities and relationships share one id namespace; choose another id');
  checks.throwIfAny();
  draft.put('relationship', record!);
  return record!;
}

export function createRelationship(fields: RawFields): Planner<RelationshipRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const record = stageRelationship(draft, fields);
    return planOf(draft.changes(), () => record);
  };
}

export function updateRelationship(id: string, version: number, patch: RawFields): Planner<RelationshipRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const current = requireRelationship(draft, id);
    expectVersion(graph, 'relationship', id, version);
    putChecked(draft, patched(current, { ...patch, id }));
    return planOf(draft.changes(), () => draft.relationship(id)!);
  };
}

export function deleteRelationship(id: string, version: number | null | undefined): Planner<string> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    requireRelationship(draft, id);
    expectVersion(graph, 'relationship', id, version);
    draft.remove('relationship', id);
    return planOf(draft.changes(), () => id);
  };
}

/** Appends a piece of evidence to a relationship in the draft; throws when it is there already. The step addEvidence plans. */
export function stageEvidence(draft: Draft, id: string, evidence: RawFields): RelationshipRecord {
  const current = requireRelationship(draft, id);
  const record = putChecked(draft, { ...current, evidence: [...current.evidence, evidence] });
  const added = record.evidence[record.evidence.length - 1];
  if (current.evidence.some((item) => JSON.stringify(item) === JSON.stringify(added))) {
    throw new InvalidInputError('evidence', `relationship "${id}" already cites this evidence (source "${added.source}"${added.locator ? `, ${added.locator}` : ''})`);
  }
  return record;
}

/** Appends a piece of evidence to a relationship. */
export function addEvidence(id: string, evidence: RawFields, version: number | null | undefined): Planner<RelationshipRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    requireRelationship(draft, id);
    expectVersion(graph, 'relationship', id, version);
    const record = stageEvidence(draft, id, evidence);
    return planOf(draft.changes(), () => record);
  };
}
