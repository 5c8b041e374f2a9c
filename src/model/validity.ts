import { toInterval, type DayInterval } from './dates';
import type { EntityRecord, RelationshipRecord } from './records';
import { ruleFor } from './relation-rules';

/**
 * The days over which something counts as present, as an inclusive interval of day numbers.
 * Open ends are ±Infinity. Partial dates widen to the days they cover: start "2020" opens on 2020-01-01,
 * end "2020" closes on 2020-12-31.
 */
export type Window = DayInterval;

const ALWAYS: Window = { lo: -Infinity, hi: Infinity };

function span(start: string | undefined, end: string | undefined): Window {
  return { lo: start ? toInterval(start).lo : -Infinity, hi: end ? toInterval(end).hi : Infinity };
}

/**
 * When an entity is part of the network. An entity with no dates always is. An EVENT, once it has happened,
 * stays part of the record: it is present from its start on.
 */
export function entityWindow(entity: EntityRecord): Window {
  if (!entity.start && !entity.end) return ALWAYS;
  return entity.kind === 'EVENT' ? span(entity.start, undefined) : span(entity.start, entity.end);
}

/**
 * When a relationship is part of the network (what `asOf` filters on): a SPAN relation while its span lasts,
 * an EVENT relation from the day it happened on.
 */
export function relationshipWindow(relationship: RelationshipRecord): Window {
  return ruleFor(relationship.type).temporality === 'EVENT' ? span(relationship.start, undefined) : span(relationship.start, relationship.end);
}

/**
 * When a relationship itself was happening (what chronological paths order by): a SPAN relation over its span,
 * an EVENT relation over the days of its date (start..end when it lasted). Undated ends are open.
 */
export function relationshipTime(relationship: RelationshipRecord): Window {
  if (ruleFor(relationship.type).temporality === 'EVENT' && relationship.start && !relationship.end) return toInterval(relationship.start);
  return span(relationship.start, relationship.end);
}

/** True when the window and the asOf interval share at least one day. */
export function overlaps(window: Window, asOf: DayInterval): boolean {
  return window.lo <= asOf.hi && window.hi >= asOf.lo;
}
