import { dayToIso, isPartialDate, type Window } from '../model';

/** The first and last day of a window as ISO dates; undefined for an open end. */
export function windowDays(window: Window): { start?: string; end?: string } {
  return {
    ...(Number.isFinite(window.lo) && { start: dayToIso(window.lo) }),
    ...(Number.isFinite(window.hi) && { end: dayToIso(window.hi) }),
  };
}

/**
 * A foreign time value as one of our partial dates: a date or date-time gives its day ("2009-03-01T10:00:00Z" →
 * "2009-03-01"); anything else (integer or double time, as GEXF allows) is not a date: undefined.
 */
export function partialDateOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (isPartialDate(trimmed)) return trimmed;
  const day = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(trimmed)?.[1];
  return day && isPartialDate(day) ? day : undefined;
}
