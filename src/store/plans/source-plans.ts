import type { SourceRecord } from '../../model';
import { InputChecks } from '../check-input';
import { Draft } from '../draft';
import { planOf, type Planner } from '../plan';
import type { RawFields } from './entity-plans';

/** Checks a new source and puts it in the draft; throws with every problem. The step createSource plans. */
export function stageSource(draft: Draft, fields: RawFields): SourceRecord {
  const checks = new InputChecks();
  const record = checks.source(fields);
  if (record && draft.source(record.id)) checks.duplicate('source', record.id);
  checks.throwIfAny();
  draft.put('source', record!);
  return record!;
}

export function createSource(fields: RawFields): Planner<SourceRecord> {
  return ({ graph }) => {
    const draft = new Draft(graph);
    const record = stageSource(draft, fields);
    return planOf(draft.changes(), () => record);
  };
}
