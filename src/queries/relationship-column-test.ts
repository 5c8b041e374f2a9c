import { EVENT_TYPE, OPEN_END, type CompactGraph } from '../load';
import { RELATION_TYPES } from '../model';
import type { FilterCriteria } from './incidence';

/**
 * TraversalFilter.relationshipVisible read from the graph's columns (load/relationship-table.ts) instead of from a
 * record made for each relationship: the same rule (type, asOf window, confidence) for code that visits every
 * relationship, where making the records was most of the cost. `slot` is a relationship's slot in `table`.
 */
export function relationshipColumnTest(criteria: FilterCriteria, table: CompactGraph['table']): (slot: number) => boolean {
  const { types, asOf, minConfidence } = criteria;
  const typeOk = types ? Uint8Array.from(RELATION_TYPES, (type) => (types.has(type) ? 1 : 0)) : undefined;
  const { type, lo, hi, confidence } = table;
  return (slot) =>
    (!typeOk || typeOk[type[slot]] === 1) &&
    // An EVENT relationship's window runs from its day on (model/validity.ts): its end does not close it.
    (!asOf || (lo[slot] <= asOf.hi && (EVENT_TYPE[type[slot]] === 1 ? OPEN_END : hi[slot]) >= asOf.lo)) &&
    (minConfidence === undefined || confidence[slot] >= minConfidence);
}
