import { RELATION_TYPES, ruleFor } from '../model';

/** Day numbers are kept as Int32; open ends become these sentinels (no real day comes near them). */
export const OPEN_START = -2147483648;
export const OPEN_END = 2147483647;

/** Bits of RelationshipTable.flags. */
export const FLAG = {
  deleted: 1,
  hasConfidence: 2,
  hasWeight: 4,
  disputed: 8,
  /** Bits 4..5: how precise the start date is (0 none, 1 year, 2 month, 3 day); bits 6..7 the same for the end. */
  startShift: 4,
  endShift: 6,
} as const;

/** Relation types by number: the index into RELATION_TYPES. */
export const TYPE_IDS: ReadonlyMap<string, number> = new Map(RELATION_TYPES.map((type, id) => [type, id]));

/** 1 for the relation types that happen at a time (EVENT), 0 for spans; by type number. */
export const EVENT_TYPE = Uint8Array.from(RELATION_TYPES, (type) => (ruleFor(type).temporality === 'EVENT' ? 1 : 0));

/** A day number as a column value. */
export const toDay = (day: number, open: number): number => (Number.isFinite(day) ? day : open);
/** A column value as a day number (open ends ±Infinity). */
export const fromDay = (day: number): number => (day === OPEN_START ? -Infinity : day === OPEN_END ? Infinity : day);
