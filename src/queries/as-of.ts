import { InvalidInputError, overlaps, PARTIAL_DATE_FORM, partialDateProblem, toInterval, type DayInterval, type Window } from '../model';

/**
 * The one rule for "as of a date", used by every query that takes `asOf`.
 *
 * `asOf` is a partial ISO date and stands for the days it covers (asOf "2020" is all of 2020). Something is part of the
 * network as of that date when its window (see model/validity.ts) shares at least one day with those days:
 * - a SPAN relationship while its span lasts: LEADS ending "2020-01-03" is there as of 2020-01-03, gone as of 2020-01-04,
 *   and there as of "2020-01" and "2020";
 * - an EVENT relationship from the day it happened on: an attack on 2024-01-28 is there as of 2024-01-28, "2024-01" and
 *   any later date, not as of 2024-01-27;
 * - an entity while it existed (an EVENT entity from its date on; an entity with no dates always);
 * - undated ends are open: no start means "always had begun", no end means "still holds".
 */
export function parseAsOf(asOf: string | null | undefined, argument = 'asOf'): DayInterval | undefined {
  if (asOf === undefined || asOf === null) return undefined;
  const problem = partialDateProblem(asOf);
  if (problem) throw new InvalidInputError(argument, `${problem}; write a date as ${PARTIAL_DATE_FORM}, such as "2020", "2020-01" or "2020-01-03"`);
  return toInterval(asOf);
}

export function presentAsOf(window: Window, asOf: DayInterval | undefined): boolean {
  return asOf === undefined || overlaps(window, asOf);
}
